import {render} from 'ink';
import {EXIT} from '../core/exit-codes.js';
import {t} from '../i18n/index.js';
import {MAY_HAVE_BEEN_CREATED, mayHaveBeenCreated} from '../core/result.js';
import type {CreateResult} from '../core/types.js';
import {safeText} from '../text-safety.js';
import {WizardApp} from './app.js';
import {realServices, type Attempts} from './services.js';
import {initialState} from './state.js';
import type {WizardOptions} from './wizard-options.js';

export {forRealLines, realServices, type Attempts} from './services.js';

/** Signals that end the wizard like a quit, with their exit codes (128 + the signal's number). */
const SIGNAL_EXITS = {SIGINT: EXIT.cancelled, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hangup, SIGQUIT: EXIT.quit} as const;
const BRACKETED_PASTE_ON = '\u001B[?2004h';
const BRACKETED_PASTE_OFF = '\u001B[?2004l';

/** Mounts the wizard once and resolves with its exit code when it unmounts. */
export async function runWizard(options: WizardOptions): Promise<number> {
	let exitCode: number = 130;
	let signalled: number | undefined;
	const attempts: Attempts = new Set();
	const initial = initialState({backend: options.backend, draft: options.draft, yes: options.yes});
	// Raw mode before the first frame: a key typed as soon as the list shows must arrive as a key
	// (Enter as \r), not as a line the terminal cooked before Ink subscribed to input.
	if (options.io.stdin.isTTY) options.io.stdin.setRawMode(true);
	const closers: Array<() => Promise<void>> = [];
	const instance = render(
		<WizardApp
			{...realServices(options, attempts, close => closers.push(close))}
			initial={initial}
			onExit={code => {
				exitCode = code;
			}}
		/>,
		{stdin: options.io.stdin, stdout: options.io.stdout, stderr: options.io.stderr, exitOnCtrlC: false, patchConsole: false},
	);
	// A signal ends the wizard as a quit does: unmounting aborts a create in flight, whose result is still recorded.
	const handlers = Object.entries(SIGNAL_EXITS).map(([name, code]) => {
		const handler = () => {
			signalled ??= code;
			instance.unmount();
		};
		process.on(name, handler);
		return () => process.off(name, handler);
	});
	let pending: CreateResult[] = [];
	// On SIGWINCH with a new width the terminal has reflowed the old frame into a shape Ink cannot erase
	// line by line: clear the screen first (this listener runs before Ink's), then Ink draws at the new
	// size from the top. A change of height alone reflows nothing and redraws nothing.
	const {stdout} = options.io;
	let columns = stdout.columns;
	const clearOnResize = () => {
		if (stdout.columns === columns) return;
		columns = stdout.columns;
		stdout.write('\u001B[H\u001B[2J');
	};
	if (stdout.isTTY) stdout.prependListener('resize', clearOnResize);
	// Bracketed paste: a paste arrives marked, so its line breaks are text, never Enter.
	if (stdout.isTTY) stdout.write(BRACKETED_PASTE_ON);
	try {
		await instance.waitUntilExit();
		pending = (await Promise.allSettled([...attempts])).flatMap(settled => (settled.status === 'fulfilled' ? [settled.value] : []));
	} finally {
		// After a signal the handlers stay: Ink's exit hook sends the signal again once it has restored the
		// terminal, and that must not kill the process before the attempt is reported and the exit code set.
		if (signalled === undefined) for (const off of handlers) off();
		// Ink restores the terminal on exit; this covers a tree that failed before it took input.
		if (options.io.stdin.isTTY) options.io.stdin.setRawMode(false);
		stdout.off('resize', clearOnResize);
		if (stdout.isTTY) stdout.write(BRACKETED_PASTE_OFF);
		for (const close of closers) await close();
	}
	// A create that was on its way when the wizard ended: the person must know it may exist.
	for (const result of pending) {
		if (!result.failure || !mayHaveBeenCreated(result)) continue;
		try {
			options.io.stderr.write(t('ui.sending.cancelledWhile', {method: safeText(result.request.method), url: safeText(result.request.url), more: MAY_HAVE_BEEN_CREATED}));
		} catch {
			// The terminal may be gone (SIGHUP): the history still holds the attempt.
		}
	}
	return signalled ?? exitCode;
}
