import {BACKENDS} from '../backends/index.js';
import {planEndpoint, sendCreate, verifyCredentials} from '../engine.js';
import {appendHistory, historyEntryFromResult} from '../store/history.js';
import {existsSync} from 'node:fs';
import os from 'node:os';
import {ncloudConfigurePath, readNcloudCredentials} from '../store/ncloud-config.js';
import type {SandboxSwitch, WizardServices} from './app.js';
import type {WizardOptions} from './wizard-options.js';

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
		return {store: session.store, banner: session.banner ?? '', sandboxProfile: session.sandboxProfile ?? (backend => `sandbox-${backend.id}`)};
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

/** Services the wizard uses for real: the engine sends, the store keeps profiles. */
export function realServices(options: WizardOptions, onSandboxClose: (close: () => Promise<void>) => void = () => {}): WizardServices {
	return {
		backends: BACKENDS,
		store: options.store,
		// In the sandbox, keys from the environment are not offered: the demo profiles stand in for them.
		env: options.sandbox ? {} : options.io.env,
		send: (plan, signal) => sendCreate(plan, {timeoutMs: options.timeoutMs, signal}),
		verify: (backend, credentials, connection, signal) =>
			verifyCredentials(backend, credentials, connection, {timeoutMs: Math.min(options.timeoutMs, 15_000), signal}),
		importable: backend => {
			if (options.sandbox || backend.id !== 'ncr') return undefined;
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
		onAttempt: (plan, result) => {
			if (options.sandbox) return;
			try {
				appendHistory(options.io.env, historyEntryFromResult(plan, result, planEndpoint(plan)));
			} catch {
				// History is a record, not a requirement: a failure to write it never hides the result.
			}
		},
		allowInsecureHttp: options.allowInsecureHttp,
		banner: options.banner,
		warnings: options.warnings,
		sandbox: options.sandbox,
		startSandbox: options.sandbox ? undefined : sandboxSwitch(onSandboxClose),
		forReal: () => forRealLines(options.io.env),
		// Spawning the tool is loaded only when asked for; the real environment is the tool's (it holds no secret of regwiz's).
		login: async (login, signal) => {
			const {containerLogin} = await import('../login/container-login.js');
			return containerLogin(login, {env: options.io.env, signal});
		},
		autoLogin: options.login,
	};
}
