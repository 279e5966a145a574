import readline from 'node:readline';
import {Writable} from 'node:stream';

/**
 * Reads answers one line at a time from a terminal left in its ordinary line mode: the terminal itself
 * echoes and edits what is typed, and nothing here moves the cursor or redraws. Only a secret is read
 * with echo off, through readline in raw mode writing to a stream that prints nothing, not even a mask.
 *
 * `line` and `secret` resolve undefined at the end of input (Ctrl-D) or once `signal` aborts (Ctrl-C).
 */
export class LineReader {
	private lines: readline.Interface | undefined;
	private queue: string[] = [];
	private waiting: ((line: string | undefined) => void) | undefined;
	private ended = false;

	constructor(
		private readonly input: NodeJS.ReadStream,
		private readonly output: NodeJS.WritableStream,
		private readonly signal: AbortSignal,
	) {
		signal.addEventListener('abort', () => this.deliver(undefined), {once: true});
		this.openLines();
	}

	private openLines() {
		const lines = readline.createInterface({input: this.input, terminal: false, crlfDelay: Infinity});
		this.lines = lines;
		lines.on('line', line => this.deliver(line));
		lines.on('close', () => {
			// Closed here to read a secret is not the end of input.
			if (this.lines !== lines) return;
			this.ended = true;
			this.deliver(undefined);
		});
	}

	private deliver(line: string | undefined) {
		const waiting = this.waiting;
		if (waiting) {
			this.waiting = undefined;
			waiting(line);
		} else if (line !== undefined) {
			this.queue.push(line);
		}
	}

	/** Writes the prompt (no line break: the answer is typed after it) and waits for one line. */
	line(prompt: string): Promise<string | undefined> {
		this.output.write(prompt);
		if (this.signal.aborted) return Promise.resolve(undefined);
		const queued = this.queue.shift();
		if (queued !== undefined) return Promise.resolve(queued);
		if (this.ended) return Promise.resolve(undefined);
		return new Promise(resolve => {
			this.waiting = resolve;
		});
	}

	/** Like `line`, but what is typed is neither echoed nor masked; a line break is written after Enter. */
	async secret(prompt: string): Promise<string | undefined> {
		if (!this.input.isTTY) return this.line(prompt);
		this.output.write(prompt);
		if (this.signal.aborted || this.ended) return undefined;
		const lines = this.lines;
		this.lines = undefined;
		lines?.close();
		const muted = new Writable({write: (_chunk, _encoding, done) => done()});
		const hidden = readline.createInterface({input: this.input, output: muted, terminal: true});
		const typed = await new Promise<string | undefined>(resolve => {
			let done = false;
			const finish = (value: string | undefined) => {
				if (done) return;
				done = true;
				this.signal.removeEventListener('abort', onAbort);
				resolve(value);
			};
			const onAbort = () => finish(undefined);
			this.signal.addEventListener('abort', onAbort, {once: true});
			hidden.once('line', line => finish(line));
			// Raw mode turns Ctrl-C into a key: readline reports it as SIGINT; Ctrl-D on an empty line closes.
			hidden.once('SIGINT', () => finish(undefined));
			hidden.once('close', () => finish(undefined));
		});
		const cancelled = typed === undefined;
		hidden.removeAllListeners('close');
		hidden.close();
		this.output.write('\n');
		if (cancelled && !this.signal.aborted) {
			// Ctrl-C or Ctrl-D while the secret was typed: the same as anywhere else.
			this.ended = true;
			return undefined;
		}
		this.openLines();
		return typed;
	}

	close() {
		const lines = this.lines;
		this.lines = undefined;
		lines?.close();
	}
}
