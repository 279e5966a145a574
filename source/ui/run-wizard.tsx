import {render} from 'ink';
import {BACKENDS} from '../backends/index.js';
import {planEndpoint, sendCreate, verifyCredentials} from '../engine.js';
import {appendHistory, historyEntryFromResult} from '../store/history.js';
import {readNcloudCredentials} from '../store/ncloud-config.js';
import type {LookupService} from '../backends/types.js';
import {WizardApp, type WizardServices} from './app.js';
import {initialState} from './state.js';
import type {WizardOptions} from './wizard-options.js';

/** The lookups behind FieldSpec.choicesFrom / knownFrom, loaded when a field first asks. */
function lazyLookups(timeoutMs: number, allowInsecureHttp: boolean): LookupService {
	const load = () => import('../storage/lookups.js').then(module => module.storageLookups(timeoutMs, allowInsecureHttp));
	return {
		choices: (source, access, signal) => load().then(lookups => lookups.choices(source, access, signal)),
		known: (source, access, signal) => load().then(lookups => lookups.known(source, access, signal)),
		checkNew: (source, value, access, signal) => load().then(lookups => lookups.checkNew(source, value, access, signal)),
	};
}

/** Services the wizard uses for real: the engine sends, the store keeps profiles. */
export function realServices(options: WizardOptions): WizardServices {
	return {
		backends: BACKENDS,
		store: options.store,
		// In the sandbox, keys from the environment are not offered: the demo profiles stand in for them.
		env: options.sandbox ? {} : options.io.env,
		send: (plan, signal) => {
			const bucket = plan.backend.bucketToCreate?.(plan.fields);
			if (bucket === undefined) return sendCreate(plan, {timeoutMs: options.timeoutMs, signal});
			// Object Storage's signer and XML parser load only when a bucket is created first.
			return import('../storage/create-with-bucket.js').then(module => module.sendCreateWithBucket(plan, bucket, {timeoutMs: options.timeoutMs, signal, allowInsecureHttp: options.allowInsecureHttp}));
		},
		lookup: lazyLookups(Math.min(options.timeoutMs, 15_000), options.allowInsecureHttp),
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
	};
}

/** Mounts the wizard once and resolves with its exit code when it unmounts. */
export async function runWizard(options: WizardOptions): Promise<number> {
	let exitCode: number = 130;
	const initial = initialState({backend: options.backend, draft: options.draft, yes: options.yes});
	// Raw mode before the first frame: a key typed as soon as the list shows must arrive as a key
	// (Enter as \r), not as a line the terminal cooked before Ink subscribed to input.
	if (options.io.stdin.isTTY) options.io.stdin.setRawMode(true);
	const instance = render(
		<WizardApp
			{...realServices(options)}
			initial={initial}
			onExit={code => {
				exitCode = code;
			}}
		/>,
		{stdin: options.io.stdin, stdout: options.io.stdout, stderr: options.io.stderr, exitOnCtrlC: false, patchConsole: false},
	);
	try {
		await instance.waitUntilExit();
	} finally {
		// Ink restores the terminal on exit; this covers a tree that failed before it took input.
		if (options.io.stdin.isTTY) options.io.stdin.setRawMode(false);
	}
	return exitCode;
}
