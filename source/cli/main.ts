import {parseArgs} from 'node:util';
import {EXIT} from '../engine.js';
import {COMMON_FLAGS, commonOptions, parseArgsProblem} from './create-args.js';
import {backendFromArgument, missingMessage, prepareCreate, runScriptedCreate} from './create-command.js';
import {helpFor} from './help.js';
import {isInteractive, type Io} from './io.js';
import {UsageError} from './usage-error.js';
import {version} from './version.js';
import type {Draft} from '../draft.js';
import type {Backend} from '../backends/types.js';
import {openStoreFor} from './open-store.js';
import {wantsAccessible} from './accessible.js';
import type {WizardOptions} from '../ui/wizard-options.js';

/** Aborts on SIGINT/SIGTERM and remembers which, so the exit code can say so. */
function cancellation() {
	const controller = new AbortController();
	let code: number = EXIT.cancelled;
	const onInt = () => controller.abort();
	const onTerm = () => {
		code = EXIT.terminated;
		controller.abort();
	};
	process.once('SIGINT', onInt);
	process.once('SIGTERM', onTerm);
	return {
		signal: controller.signal,
		exitCode: (fallback: number) => (controller.signal.aborted ? code : fallback),
		dispose() {
			process.off('SIGINT', onInt);
			process.off('SIGTERM', onTerm);
		},
	};
}

/**
 * The full-screen Ink wizard, or the plain one (one line per question, nothing redrawn) for screen
 * readers and dumb terminals; each is loaded only when chosen.
 */
async function runChosenWizard(options: WizardOptions & {accessible: boolean}): Promise<number> {
	if (wantsAccessible(options.io.env, options.accessible)) {
		const {runPlainWizard} = await import('../ui/accessible/plain-wizard.js');
		return runPlainWizard(options);
	}
	const {runWizard} = await import('../ui/run-wizard.js');
	return runWizard(options);
}

async function openWizard(io: Io, options: {backend?: Backend; draft?: Draft; yes: boolean; timeoutMs: number; allowInsecureHttp: boolean; sandbox: boolean; login: boolean; accessible: boolean}): Promise<number> {
	const opened = await openStoreFor(io, options.sandbox);
	try {
		return await runChosenWizard({io, ...opened, ...options});
	} finally {
		await opened.close();
	}
}

async function createCommand(io: Io, rest: string[]): Promise<number> {
	const [backendName, ...argv] = rest;
	if (backendName === undefined || backendName === '--help' || backendName === '-h') {
		io.stdout.write(`${helpFor(['create'])}\n`);
		return backendName === undefined ? EXIT.usage : EXIT.created;
	}
	const backend = backendFromArgument(backendName);
	const sandbox = argv.includes('--sandbox');
	const opened = await openStoreFor(io, sandbox);
	try {
		const prepared = prepareCreate(backend, argv, io, opened.store, opened.sandboxProfile?.(backend));
		const {common} = prepared.args;
		if (common.help) {
			io.stdout.write(`${helpFor(['create', backend.id])}\n`);
			return EXIT.created;
		}
		for (const warning of opened.warnings) io.stderr.write(`regwiz: ${warning}\n`);
		if (!prepared.complete) {
			const scripted = common.json || common.dryRun || common.curl || !isInteractive(io);
			if (scripted) throw missingMessage(prepared.draft, `regwiz create ${backend.id}`);
			return await runChosenWizard({
				io,
				...opened,
				backend,
				draft: prepared.draft,
				yes: common.yes,
				timeoutMs: common.timeoutMs,
				allowInsecureHttp: common.allowInsecureHttp,
				sandbox,
				login: common.login,
				accessible: common.accessible,
			});
		}
		const cancel = cancellation();
		try {
			const code = await runScriptedCreate(prepared, io, cancel.signal);
			return cancel.exitCode(code);
		} finally {
			cancel.dispose();
		}
	} finally {
		await opened.close();
	}
}

async function topLevel(io: Io): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({args: io.argv, options: {...COMMON_FLAGS, version: {type: 'boolean', short: 'v'}}, strict: true, allowPositionals: false});
	} catch (error) {
		throw parseArgsProblem(error, 'regwiz');
	}
	const values = parsed.values as Record<string, string | boolean | undefined>;
	if (values.version) {
		io.stdout.write(`regwiz ${version}\n`);
		return EXIT.created;
	}
	const common = commonOptions(values);
	if (common.help) {
		io.stdout.write(`${helpFor([])}\n`);
		return EXIT.created;
	}
	if (!isInteractive(io)) {
		throw new UsageError('regwiz needs a terminal to ask questions. In scripts, give every value as flags: regwiz create ncr --registry NAME --bucket BUCKET (see regwiz --help)');
	}
	return openWizard(io, {yes: common.yes, timeoutMs: common.timeoutMs, allowInsecureHttp: common.allowInsecureHttp, sandbox: common.sandbox, login: common.login, accessible: common.accessible});
}

async function route(io: Io): Promise<number> {
	const [command, ...rest] = io.argv;
	switch (command) {
		case 'create':
			return createCommand(io, rest);
		case 'help': {
			const text = helpFor(rest);
			if (!text) throw new UsageError(`No help on ${JSON.stringify(rest.join(' '))}. Try: regwiz help, regwiz help create ncr`);
			io.stdout.write(`${text}\n`);
			return EXIT.created;
		}
		case 'sandbox': {
			const {sandboxCommand} = await import('./sandbox-command.js');
			return sandboxCommand(io, rest);
		}
		case 'profile': {
			const {profileCommand} = await import('./profile-command.js');
			return profileCommand(io, rest);
		}
		case 'history': {
			const {historyCommand} = await import('./history-command.js');
			return historyCommand(io, rest);
		}
		default:
			if (command !== undefined && !command.startsWith('-')) {
				throw new UsageError(`Unknown command ${JSON.stringify(command)}. Commands: create, sandbox, profile, history, help (see regwiz --help)`);
			}
			return topLevel(io);
	}
}

function usageErrorJson(argv: string[], error: UsageError): string {
	const backend = argv[0] === 'create' && argv[1] && !argv[1].startsWith('-') ? argv[1] : null;
	return `${JSON.stringify({ok: false, backend, status: null, request: null, response: null, error: error.message, ...(error.missingFlags.length > 0 ? {missing: error.missingFlags} : {})})}\n`;
}

/** Runs one invocation; every failure becomes a message and an exit code, never a stack trace. */
export async function main(io: Io): Promise<number> {
	try {
		return await route(io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr.write(`regwiz: ${error.message}\n`);
			// A script that asked for JSON still gets its one object, even when nothing was sent.
			if (io.argv.includes('--json')) io.stdout.write(usageErrorJson(io.argv, error));
			return EXIT.usage;
		}
		// Messages of our own never hold secrets; a stack trace helps nobody at a prompt.
		io.stderr.write(`regwiz: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
		return 1;
	}
}
