import {BACKENDS} from '../backends/index.js';
import {t} from '../i18n/index.js';
import type {LookupAccess, LookupService} from '../backends/types.js';
import {sendCreate, verifyCredentials} from '../core/create.js';
import {planEndpoint} from '../core/plan.js';
import type {CreatePlan, CreateResult} from '../core/types.js';
import {appendHistory, historyEntryFromResult} from '../store/history.js';
import {existsSync} from 'node:fs';
import os from 'node:os';
import {ncloudConfigurePath, readNcloudCredentials} from '../store/ncloud-config.js';
import type {LookupSettings} from '../storage/lookups.js';
import type {SandboxSwitch, WizardServices} from './app.js';
import type {WizardOptions} from './wizard-options.js';
import type {NetworkSettings} from '../transport/proxy.js';

// What either front (the Ink wizard, the plain accessible one) uses for real; free of Ink and React.

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
	const lines = [t('ui.forReal.again')];
	const configure = ncloudConfigurePath(env);
	if (existsSync(configure)) {
		const home = env.HOME || os.homedir();
		const shown = home && configure.startsWith(`${home}/`) ? `~/${configure.slice(home.length + 1)}` : configure;
		lines.push(t('ui.forReal.import', {path: shown}));
	}
	return lines;
}

/** Every create sent in this run, until its result is known and recorded. */
export type Attempts = Set<Promise<CreateResult>>;

/** The lookups behind FieldSpec.choicesFrom / knownFrom, loaded when a field first asks; `settings` read at each. */
function lazyLookups(settings: (profileName?: string) => LookupSettings): LookupService {
	const load = (access: LookupAccess) => import('../storage/lookups.js').then(module => module.storageLookups(settings(access.profileName)));
	return {
		choices: (source, access, signal) => load(access).then(lookups => lookups.choices(source, access, signal)),
		known: (source, access, signal) => load(access).then(lookups => lookups.known(source, access, signal)),
		checkNew: (source, value, access, signal) => load(access).then(lookups => lookups.checkNew(source, value, access, signal)),
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
		// The profile in use decides the proxy, as it does for the create itself.
		lookup: lazyLookups(profileName => ({timeoutMs: Math.min(options.timeoutMs, 15_000), allowInsecureHttp: options.allowInsecureHttp, network: network(profileName), confineTo})),
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
