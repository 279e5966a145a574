import {BACKENDS} from '../backends/index.js';
import type {Answers, Backend, FieldSpec} from '../backends/types.js';
import {isLoopbackHost} from '../backends/validation.js';
import {startEmulator, type Emulator} from './emulator.js';

export type SandboxCommandOptions = {port: number; host: string; stdout: NodeJS.WritableStream; signal?: AbortSignal};

/** Flags for answers, skipping answers another given flag stands for (--endpoint stands for site "custom"). */
function flagsFor(specs: readonly FieldSpec[], answers: Answers): string[] {
	const implied = new Set(specs.flatMap(spec => (answers[spec.key] === undefined ? [] : Object.keys(spec.implies ?? {}))));
	const flags: string[] = [];
	for (const spec of specs) {
		const value = answers[spec.key];
		if (value === undefined || implied.has(spec.key)) continue;
		if (spec.flag) flags.push(`--${spec.flag} ${value}`);
		else {
			const name = Object.entries(spec.booleanFlags ?? {}).find(([, stands]) => stands === value)?.[0];
			if (name) flags.push(`--${name}`);
		}
	}
	return flags;
}

function backendSection(backend: Backend, emulator: Emulator): string | undefined {
	const baseUrl = emulator.baseUrls[backend.sandbox.emulator];
	if (baseUrl === undefined) return undefined;
	const label = (key: string) => backend.credentialFields.find(spec => spec.key === key)?.label.toLowerCase() ?? key;
	const lines = [`${backend.title} (regwiz create ${backend.id})`, `  base URL   ${baseUrl}`];
	for (const demo of backend.sandbox.demos) {
		const values = Object.entries(demo.credentials).map(([key, value]) => `${label(key)} ${value}`).join(', ');
		lines.push(`  ${demo.label}: ${values}`);
	}
	const first = backend.sandbox.demos[0];
	if (first) {
		const env = Object.entries(backend.credentialVariables)
			.map(([key, names]) => `${names[0]}=${first.credentials[key] ?? ''}`)
			.join(' ');
		const flags = [...flagsFor(backend.connectionFields, backend.sandbox.connection(baseUrl)), ...flagsFor(backend.fields, backend.sandbox.example)];
		lines.push(`  try:       ${env} \\`, `               regwiz create ${backend.id} ${flags.join(' ')}`);
	}
	return lines.join('\n');
}

function banner(emulator: Emulator): string {
	const sections = BACKENDS.map(backend => backendSection(backend, emulator)).filter(section => section !== undefined);
	return `regwiz sandbox: a local emulator of ${BACKENDS.map(backend => backend.title).join(', ')}. Nothing is created on a real registry.
Demo credentials: sandbox only, published on purpose, accepted nowhere else.

${sections.join('\n\n')}

Requests are logged below (method, path, status). Press Ctrl+C to stop.
`;
}

const time = () => new Date().toTimeString().slice(0, 8);

/**
 * `regwiz sandbox`: the emulator in the foreground until SIGINT, SIGTERM or `signal`; resolves 0 then,
 * 1 when it cannot listen.
 */
export async function runSandboxCommand(options: SandboxCommandOptions): Promise<number> {
	const {stdout, signal} = options;
	const say = (line: string) => stdout.write(`${line}\n`);
	if (!isLoopbackHost(options.host)) {
		say(`Warning: listening on ${options.host}: the sandbox is reachable from other machines, and anyone who can reach it can use the published demo credentials.`);
	}

	let emulator: Emulator;
	try {
		// The log line carries method, path and status only: never a header, so never a signature or token.
		emulator = await startEmulator({port: options.port, host: options.host, log: line => say(`${time()} ${line}`)});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const hint =
			code === 'EADDRINUSE'
				? `port ${options.port} is in use: choose another with --port, or --port 0 for a free one`
				: code === 'EACCES'
					? `not allowed to listen on port ${options.port}: choose a port above 1023`
					: error instanceof Error
						? error.message
						: String(error);
		say(`regwiz sandbox: cannot listen on ${options.host}:${options.port}: ${hint}`);
		return 1;
	}
	say(banner(emulator));

	await new Promise<void>(resolve => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			signal?.removeEventListener('abort', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
		signal?.addEventListener('abort', stop);
		if (signal?.aborted) stop();
	});
	await emulator.close();
	say('regwiz sandbox: stopped.');
	return 0;
}
