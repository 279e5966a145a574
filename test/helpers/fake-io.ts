import {PassThrough} from 'node:stream';
import type {Io} from '../../source/io.js';

export type FakeIoOptions = {stdinTTY?: boolean; stdoutTTY?: boolean; stderrTTY?: boolean; input?: string};

/** Streams that record what a command writes; which of them look like terminals is up to the test. */
export function fakeIo(argv: string[], env: NodeJS.ProcessEnv, options: FakeIoOptions = {}) {
	const stdin = new PassThrough();
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	Object.assign(stdin, {isTTY: options.stdinTTY});
	Object.assign(stdout, {isTTY: options.stdoutTTY});
	Object.assign(stderr, {isTTY: options.stderrTTY});
	const written = {out: '', err: ''};
	stdout.on('data', chunk => (written.out += String(chunk)));
	stderr.on('data', chunk => (written.err += String(chunk)));
	if (options.input !== undefined) stdin.end(options.input);
	const io = {argv, env, stdin, stdout, stderr} as unknown as Io;
	return {
		io,
		written,
		/** Lets the last writes arrive before the test reads them. */
		settle: () => new Promise(resolve => setImmediate(resolve)),
	};
}

/** Runs one command against fake streams and returns its exit code and output. */
export async function runWithFakeIo(command: (io: Io) => Promise<number>, argv: string[], env: NodeJS.ProcessEnv, options: FakeIoOptions = {}) {
	const {io, written, settle} = fakeIo(argv, env, options);
	const code = await command(io);
	await settle();
	return {code, out: written.out, err: written.err};
}
