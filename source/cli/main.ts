import {parseArgs} from 'node:util';
import {EXIT} from '../core/exit-codes.js';
import {COMMON_FLAGS, commonOptions, didYouMean, parseArgsProblem} from './create-args.js';
import {backendFromArgument, missingMessage, prepareCreate, runScriptedCreate} from './create-command.js';
import {helpFor, shortUsage} from './help.js';
import {BACKENDS} from '../backends/index.js';
import {isInteractive, type Io} from '../io.js';
import {UsageError} from './usage-error.js';
import {version} from './version.js';
import type {Draft} from '../draft.js';
import type {Backend} from '../backends/types.js';
import {openStoreFor} from './open-store.js';
import {wantsAccessible} from './accessible.js';
import type {WizardOptions} from '../ui/wizard-options.js';
import {safeJson, safeText} from '../text-safety.js';
import {chooseLanguage, langFlag, setLanguage, t} from '../i18n/index.js';

/** Signals that cancel a create, with their exit codes (128 + the signal's number). */
const CANCELLING_SIGNALS = {SIGINT: EXIT.cancelled, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hangup, SIGQUIT: EXIT.quit} as const;

/**
 * Aborts on SIGINT, SIGTERM, SIGHUP or SIGQUIT and remembers which, so the exit code can say so. Without
 * it SIGHUP and SIGQUIT would end the process at once: nothing printed, nothing recorded, although the
 * request may have reached the service.
 */
function cancellation() {
	const controller = new AbortController();
	let code: number = EXIT.cancelled;
	const handlers = Object.entries(CANCELLING_SIGNALS).map(([name, exit]) => {
		const handler = () => {
			if (!controller.signal.aborted) code = exit;
			controller.abort();
		};
		process.on(name, handler);
		return () => process.off(name, handler);
	});
	return {
		signal: controller.signal,
		exitCode: (fallback: number) => (controller.signal.aborted ? code : fallback),
		dispose() {
			for (const off of handlers) off();
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

async function openWizard(
	io: Io,
	options: {backend?: Backend; draft?: Draft; yes: boolean; timeoutMs: number; allowInsecureHttp: boolean; sandbox: boolean; login: boolean; proxy?: string; accessible: boolean},
): Promise<number> {
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
	const named = backendFromArgument(backendName);
	const sandbox = argv.includes('--sandbox');
	const opened = await openStoreFor(io, sandbox);
	try {
		// In the sandbox every request goes to the emulator, whatever site or URL is given.
		const backend = opened.confine ? opened.confine(named) : named;
		const prepared = prepareCreate(backend, argv, io, opened.store, opened.sandboxProfile?.(backend));
		// Object Storage (NCR's --create-bucket) is no backend request: it is sent to the emulator by origin.
		if (opened.emulatorOrigin !== undefined) prepared.confineTo = opened.emulatorOrigin;
		const {common} = prepared.args;
		if (common.help) {
			io.stdout.write(`${helpFor(['create', backend.id])}\n`);
			return EXIT.created;
		}
		for (const warning of opened.warnings) io.stderr.write(`regwiz: ${safeText(warning)}\n`);
		if (!prepared.complete) {
			const scripted = common.json || common.dryRun || common.curl || !isInteractive(io);
			if (scripted) {
				// In a terminal it is the flag that keeps regwiz from asking: say which.
				const flag = common.json ? '--json' : common.dryRun ? '--dry-run' : common.curl ? '--curl' : undefined;
				const notAsked = flag && isInteractive(io) ? t('cli.main.notAsked', {flag}) : undefined;
				throw missingMessage(prepared.draft, `regwiz create ${backend.id}`, notAsked);
			}
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
				proxy: common.proxy,
				accessible: common.accessible,
			});
		}
		// A scripted sandbox run says what the wizard's banner says, on stderr (stdout stays the result).
		if (opened.banner) io.stderr.write(`regwiz: ${opened.banner}\n`);
		const cancel = cancellation();
		try {
			// Every value given, in a terminal: no review (as gh does), but never a blank wait.
			// The plain mode keeps its promise here too: no progress line redrawn in place, no box.
			const inTerminal = isInteractive(io) && !common.json && !common.dryRun && !common.curl && !wantsAccessible(io.env, common.accessible);
			const view = inTerminal ? (await import('../ui/run-scripted.js')).terminalSendView(io) : undefined;
			const code = await runScriptedCreate(prepared, io, cancel.signal, view);
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
		throw parseArgsProblem(error, 'regwiz', {}, Object.keys({...COMMON_FLAGS, version: true}));
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
		throw new UsageError(t('cli.main.needsTerminal', {usage: BACKENDS[0] ? shortUsage(BACKENDS[0]) : undefined}));
	}
	return openWizard(io, {yes: common.yes, timeoutMs: common.timeoutMs, allowInsecureHttp: common.allowInsecureHttp, sandbox: common.sandbox, login: common.login, proxy: common.proxy, accessible: common.accessible});
}

async function route(io: Io): Promise<number> {
	const [command, ...rest] = io.argv;
	switch (command) {
		case 'create':
			return createCommand(io, rest);
		case 'help': {
			// Each profile subcommand's help lives with it, loaded only when asked for.
			const text =
				rest[0] === 'profile' && rest.length <= 2 ? (await import('./profile-command.js')).profileHelp(rest[1]) : helpFor(rest);
			if (!text) throw new UsageError(t('cli.main.noHelp', {topic: JSON.stringify(rest.join(' ')), tries: BACKENDS.map(backend => `regwiz help create ${backend.id}`)}));
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
		case 'buckets': {
			const {bucketsCommand} = await import('./buckets-command.js');
			return bucketsCommand(io, rest);
		}
		case 'history': {
			const {historyCommand} = await import('./history-command.js');
			return historyCommand(io, rest);
		}
		default:
			if (command !== undefined && !command.startsWith('-')) {
				const meant = didYouMean(command, ['create', 'buckets', 'sandbox', 'profile', 'history', 'help']);
				throw new UsageError(t('cli.main.unknownCommand', {command: JSON.stringify(command), meant}));
			}
			return topLevel(io);
	}
}

function errorJson(argv: string[], message: string, extra: Record<string, unknown>): string {
	const backend = argv[0] === 'create' && argv[1] && !argv[1].startsWith('-') ? argv[1] : null;
	return `${safeJson({ok: false, backend, status: null, request: null, response: null, error: message, ...extra})}\n`;
}

/** stdout that notes whether anything was written, so that --json never gets a second object. */
function watchStdout(io: Io): {io: Io; written: () => boolean} {
	let written = false;
	const stdout = new Proxy(io.stdout, {
		get(target, property) {
			if (property === 'write') {
				return (...args: Parameters<typeof target.write>) => {
					written = true;
					return target.write(...args);
				};
			}
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
	// A proxy rather than a copy: io.stdin is a getter that must stay lazy.
	const watched = new Proxy(io, {get: (target, property) => (property === 'stdout' ? stdout : Reflect.get(target, property, target))});
	return {io: watched, written: () => written};
}

/**
 * Runs one invocation; every failure becomes a message and an exit code, never a stack trace. With
 * --json, stdout always gets exactly one JSON object: the result, or one saying what went wrong.
 */
export async function main(given: Io): Promise<number> {
	// --lang is global to every command: chosen here, then taken out of what the commands parse.
	const choice = chooseLanguage(given.argv, given.env);
	setLanguage(choice.language);
	const flag = langFlag(given.argv);
	// Not a copy: io.stdin is a getter that must stay lazy.
	const io: Io = flag ? Object.create(given, {argv: {value: given.argv.filter((_, index) => index < flag.index || index >= flag.index + flag.length)}}) : given;
	const json = io.argv.includes('--json');
	const watched = json ? watchStdout(io) : {io, written: () => false};
	try {
		if (choice.problem !== undefined) throw new UsageError(choice.problem);
		return await route(watched.io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr.write(`regwiz: ${safeText(error.message)}\n`);
			// A script that asked for JSON still gets its one object, even when nothing was sent.
			if (json && !watched.written()) io.stdout.write(errorJson(io.argv, error.message, error.missingFlags.length > 0 ? {missing: error.missingFlags} : {}));
			return EXIT.usage;
		}
		// A fault in regwiz itself: its own exit code, never the one of a refusal. Messages of our own never
		// hold secrets; a stack trace helps nobody at a prompt.
		const message = t('cli.main.internal', {message: (error as Error)?.message ?? String(error)});
		try {
			io.stderr.write(`regwiz: ${t('cli.main.report', {message: safeText(message), code: EXIT.internal})}\n`);
			if (json && !watched.written()) io.stdout.write(errorJson(io.argv, message, {failure: 'internal'}));
		} catch {
			// Nowhere left to say it; the exit code still does.
		}
		return EXIT.internal;
	}
}
