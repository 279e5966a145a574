import {render} from 'ink';
import {BACKENDS} from '../backends/index.js';
import {EXIT, MAY_HAVE_BEEN_CREATED, mayHaveBeenCreated, planEndpoint, sendCreate, verifyCredentials, type CreatePlan, type CreateResult} from '../engine.js';
import {safeText} from '../text-safety.js';
import {appendHistory, historyEntryFromResult} from '../store/history.js';
import {existsSync} from 'node:fs';
import os from 'node:os';
import {ncloudConfigurePath, readNcloudCredentials} from '../store/ncloud-config.js';
import type {LookupService} from '../backends/types.js';
import {WizardApp, type SandboxSwitch, type WizardServices} from './app.js';
import {initialState} from './state.js';
import type {WizardOptions} from './wizard-options.js';
import type {NetworkSettings} from '../transport/proxy.js';
import type {LookupSettings} from '../storage/lookups.js';

/**
 * The switch to the sandbox chosen on a first run's step 2: the same session `--sandbox` opens (emulator
 * on loopback, demo profiles in memory), started only when chosen and closed with the wizard.
 */
function sandboxSwitch(onClose: (close: () => Promise<void>) => void): () => Promise<SandboxSwitch> {
	return async () => {
		const {startSandboxSession} = await import('../sandbox/session.js');
		const session = await startSandboxSession();
		onClose(session.close);
		return {
			store: session.store,
			banner: session.banner ?? '',
			sandboxProfile: session.sandboxProfile ?? (backend => `sandbox-${backend.id}`),
			...(session.emulatorOrigin === undefined ? {} : {emulatorOrigin: session.emulatorOrigin}),
		};
	};
}

/** How to do for real what was just done in the sandbox; names ~/.ncloud/configure when it exists. */
export function forRealLines(env: NodeJS.ProcessEnv): string[] {
	const lines = ['run `regwiz` again, without the sandbox, and give your own credentials.'];
	const configure = ncloudConfigurePath(env);
	if (existsSync(configure)) {
		const home = env.HOME || os.homedir();
		const shown = home && configure.startsWith(`${home}/`) ? `~/${configure.slice(home.length + 1)}` : configure;
		lines.push(`First \`regwiz profile import-ncloud\` saves the NCP keys in ${shown} as a profile.`);
	}
	return lines;
}

/** Every create sent in this run, until its result is known and recorded. */
export type Attempts = Set<Promise<CreateResult>>;

/** The lookups behind FieldSpec.choicesFrom / knownFrom, loaded when a field first asks; `settings` read at each. */
function lazyLookups(settings: () => LookupSettings): LookupService {
	const load = () => import('../storage/lookups.js').then(module => module.storageLookups(settings()));
	return {
		choices: (source, access, signal) => load().then(lookups => lookups.choices(source, access, signal)),
		known: (source, access, signal) => load().then(lookups => lookups.known(source, access, signal)),
		checkNew: (source, value, access, signal) => load().then(lookups => lookups.checkNew(source, value, access, signal)),
	};
}

/** Services the wizard uses for real: the engine sends, the store keeps profiles. */
export function realServices(
	options: WizardOptions,
	attempts: Attempts = new Set(),
	onSandboxClose: (close: () => Promise<void>) => void = () => {},
): WizardServices {
	// A first run may switch to the sandbox on step 2: from then on nothing is recorded and no proxy is used.
	let sandboxed = options.sandbox;
	// In the sandbox, Object Storage (no backend's request) is sent to the emulator by its origin.
	let confineTo = options.emulatorOrigin;
	// --proxy, the chosen profile's proxy, and the environment; the sandbox's emulator is reached directly.
	const network = (profileName?: string): NetworkSettings =>
		sandboxed ? {env: {}} : {flag: options.proxy, profile: profileName === undefined ? undefined : options.store.get(profileName)?.proxy, env: options.io.env};
	const record = (plan: CreatePlan, result: CreateResult) => {
		if (sandboxed) return;
		try {
			appendHistory(options.io.env, historyEntryFromResult(plan, result, planEndpoint(plan)));
		} catch {
			// History is a record, not a requirement: a failure to write it never hides the result.
		}
	};
	const switchToSandbox = sandboxSwitch(onSandboxClose);
	return {
		// In the sandbox every backend is confined to the emulator, whatever site or URL is chosen.
		backends: options.confine ? BACKENDS.map(options.confine) : BACKENDS,
		store: options.store,
		// In the sandbox, keys from the environment are not offered: the demo profiles stand in for them.
		env: options.sandbox ? {} : options.io.env,
		// Recorded here, not by the screen: an attempt cut short by a signal or a quit is recorded too,
		// and runWizard waits for it before the process ends.
		send: (plan, signal) => {
			const bucket = plan.backend.bucketToCreate?.(plan.fields);
			const sendOptions = {timeoutMs: options.timeoutMs, signal, network: network(plan.profileName)};
			const sent =
				bucket === undefined
					? sendCreate(plan, sendOptions)
					: // Object Storage's signer and XML parser load only when a bucket is created first.
						import('../storage/create-with-bucket.js').then(module =>
							module.sendCreateWithBucket(plan, bucket, {...sendOptions, allowInsecureHttp: options.allowInsecureHttp, confineTo}),
						);
			const attempt = sent.then(result => {
				record(plan, result);
				return result;
			});
			attempts.add(attempt);
			const forget = () => attempts.delete(attempt);
			attempt.then(forget, forget);
			return attempt;
		},
		lookup: lazyLookups(() => ({timeoutMs: Math.min(options.timeoutMs, 15_000), allowInsecureHttp: options.allowInsecureHttp, network: network(), confineTo})),
		verify: (backend, credentials, connection, signal) =>
			verifyCredentials(backend, credentials, connection, {timeoutMs: Math.min(options.timeoutMs, 15_000), signal, network: network()}),
		importable: backend => {
			if (options.sandbox || backend.importsFrom !== 'ncloud-configure') return undefined;
			try {
				const found = readNcloudCredentials(options.io.env);
				if (!found) return undefined;
				return {
					credentials: {accessKey: found.accessKey, secretKey: found.secretKey},
					source: `~/.ncloud/configure [${found.section}]`,
				};
			} catch {
				// A broken file is reported by `regwiz profile import-ncloud`; the wizard just does not offer it.
				return undefined;
			}
		},
		allowInsecureHttp: options.allowInsecureHttp,
		banner: options.banner,
		warnings: options.warnings,
		sandbox: options.sandbox,
		startSandbox: options.sandbox
			? undefined
			: async () => {
					const session = await switchToSandbox();
					sandboxed = true;
					confineTo = session.emulatorOrigin;
					return session;
				},
		forReal: () => forRealLines(options.io.env),
		// Spawning the tool is loaded only when asked for; the real environment is the tool's (it holds no secret of regwiz's).
		login: async (login, signal) => {
			const {containerLogin} = await import('../login/container-login.js');
			return containerLogin(login, {env: options.io.env, signal});
		},
		autoLogin: options.login,
	};
}

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
	// A terminal that cannot move its cursor gets the same questions one line at a time.
	if (options.io.env.TERM === 'dumb') {
		const {runPlainWizard} = await import('./plain-wizard.js');
		return runPlainWizard(realServices(options), initial, options.io);
	}
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
			options.io.stderr.write(`regwiz: cancelled while ${safeText(result.request.method)} ${safeText(result.request.url)} was being sent. ${MAY_HAVE_BEEN_CREATED}\n`);
		} catch {
			// The terminal may be gone (SIGHUP): the history still holds the attempt.
		}
	}
	return signalled ?? exitCode;
}
