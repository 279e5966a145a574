import {BACKENDS} from '../backends/index.js';
import type {Answers, Backend, FieldSpec} from '../backends/types.js';
import {isLoopbackHost} from '../backends/validation.js';
import {startEmulator, type Emulator} from './emulator.js';
import {t} from '../i18n/index.js';

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
	const lines = [t('sandbox.command.section', {title: backend.title, id: backend.id}), t('sandbox.command.baseUrl', {url: baseUrl})];
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
		lines.push(t('sandbox.command.try', {env, command: `regwiz create ${backend.id} ${flags.join(' ')}`}));
	}
	return lines.join('\n');
}

function banner(emulator: Emulator): string {
	const sections = BACKENDS.map(backend => backendSection(backend, emulator)).filter(section => section !== undefined);
	return t('sandbox.command.banner', {titles: BACKENDS.map(backend => backend.title), sections: sections.join('\n\n'), storageBaseUrl: emulator.storageBaseUrl});
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
		say(t('sandbox.command.exposed', {host: options.host}));
	}

	let emulator: Emulator;
	try {
		// The log line carries method, path and status only: never a header, so never a signature or token.
		emulator = await startEmulator({port: options.port, host: options.host, demo: true, log: line => say(`${time()} ${line}`)});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const hint =
			code === 'EADDRINUSE'
				? t('sandbox.command.portInUse', {port: options.port})
				: code === 'EACCES'
					? t('sandbox.command.portNotAllowed', {port: options.port})
					: error instanceof Error
						? error.message
						: String(error);
		say(t('sandbox.command.cannotListen', {host: options.host, port: options.port, hint}));
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
	say(t('sandbox.command.stopped'));
	return 0;
}
