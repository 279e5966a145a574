// Runs the built regwiz in a real pseudo-terminal and reads the screen as a person would see it.
// Shared by the end-to-end tests, the screenshots and the benchmark.
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {CLI, ROOT} from './paths.js';

export {CLI, ROOT};

export {KEYS} from './keys.js';

export type TerminalOptions = {
	args?: string[];
	cols?: number;
	rows?: number;
	/** Added to a minimal environment (PATH, HOME, TERM); CI is never passed on (Ink would draw only the last frame). */
	env?: Record<string, string>;
	/** Run through `sh -c` with this command line instead of `node dist/cli.js args`. */
	shell?: string;
	cwd?: string;
};

export type Terminal = {
	/** The visible screen, one line per row, trailing spaces trimmed. */
	screen(): string;
	/** Everything the program wrote, escape codes included. */
	output(): string;
	/** Writes keys as one read, as a terminal does for a paste, a held key or a fast typist. */
	write(keys: string): void;
	/** Resizes the terminal (the program gets SIGWINCH) and the emulated screen with it. */
	resize(cols: number, rows: number): void;
	/** Types text one character at a time, waiting a little between keys as a keyboard would. */
	type(text: string, delayMs?: number): Promise<void>;
	/** Presses one key (an escape sequence stays whole), then waits until the screen reacts (bounded). */
	press(key: string, boundMs?: number): Promise<void>;
	waitFor(expected: string | RegExp, timeoutMs?: number): Promise<string>;
	/** Resolves with the exit code once the program has ended. */
	exited: Promise<number>;
	kill(signal?: string): void;
	pid: number;
	/** The emulated terminal itself, for pictures of the screen. */
	xterm: xterm.Terminal;
	/** Cell colour of the first cell showing `text`, to tell a green panel from a red one. */
	colorOf(text: string): number | undefined;
};

export function minimalEnv(extra: Record<string, string> = {}): Record<string, string> {
	return {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm-256color', ...extra};
}

export function openTerminal(options: TerminalOptions = {}): Terminal {
	let size = {cols: options.cols ?? 80, rows: options.rows ?? 24};
	const {cols, rows} = size;
	const term = new xterm.Terminal({cols, rows, allowProposedApi: true, scrollback: 200});
	const file = options.shell ? '/bin/sh' : process.execPath;
	const args = options.shell ? ['-c', options.shell] : [CLI, ...(options.args ?? [])];
	const env = minimalEnv(options.env);
	// node-pty sets TERM from `name`: the name is the environment's TERM, so a test can ask for TERM=dumb.
	const child = pty.spawn(file, args, {name: env.TERM ?? 'xterm-256color', cols, rows, cwd: options.cwd ?? ROOT, env});
	let raw = '';
	let pending = 0;
	child.onData(data => {
		raw += data;
		pending++;
		term.write(data, () => pending--);
	});
	const exited = new Promise<number>(resolve => child.onExit(({exitCode}) => resolve(exitCode)));

	const screen = () => {
		const buffer = term.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < size.rows; row++) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		return lines.join('\n');
	};

	async function waitFor(expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const current = screen();
			const found = typeof expected === 'string' ? current.includes(expected) : expected.test(current);
			if (found && pending === 0) return current;
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(expected)}. Screen:\n${current}`);
			await new Promise(resolve => setTimeout(resolve, 15));
		}
	}

	return {
		screen,
		output: () => raw,
		write: keys => child.write(keys),
		resize(newCols, newRows) {
			term.resize(newCols, newRows);
			child.resize(newCols, newRows);
			size = {cols: newCols, rows: newRows};
		},
		async type(text, delayMs = 8) {
			for (const character of text) {
				child.write(character);
				await new Promise(resolve => setTimeout(resolve, delayMs));
			}
		},
		async press(key, boundMs = 1000) {
			const before = screen();
			child.write(key);
			const deadline = Date.now() + boundMs;
			while (Date.now() < deadline && (screen() === before || pending > 0)) {
				await new Promise(resolve => setTimeout(resolve, 5));
			}
		},
		waitFor,
		exited,
		kill: signal => child.kill(signal),
		pid: child.pid,
		xterm: term,
		colorOf(text) {
			const buffer = term.buffer.active;
			for (let row = 0; row < size.rows; row++) {
				const line = buffer.getLine(buffer.viewportY + row);
				const column = line?.translateToString(false).indexOf(text) ?? -1;
				if (line && column >= 0) return line.getCell(column)?.getFgColor();
			}
			return undefined;
		},
	};
}
