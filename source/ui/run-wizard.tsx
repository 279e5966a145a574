import {render} from 'ink';
import {BACKENDS} from '../backends/index.js';
import {planEndpoint, sendCreate, verifyCredentials} from '../engine.js';
import {appendHistory, historyEntryFromResult} from '../store/history.js';
import {readNcloudCredentials} from '../store/ncloud-config.js';
import {WizardApp, type WizardServices} from './app.js';
import {initialState} from './state.js';
import type {WizardOptions} from './wizard-options.js';

/** Services the wizard uses for real: the engine sends, the store keeps profiles. */
export function realServices(options: WizardOptions): WizardServices {
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
	};
}

const BRACKETED_PASTE_ON = '\u001B[?2004h';
const BRACKETED_PASTE_OFF = '\u001B[?2004l';

/** Mounts the wizard once and resolves with its exit code when it unmounts. */
export async function runWizard(options: WizardOptions): Promise<number> {
	let exitCode: number = 130;
	const initial = initialState({backend: options.backend, draft: options.draft, yes: options.yes});
	// A terminal that cannot move its cursor gets the same questions one line at a time.
	if (options.io.env.TERM === 'dumb') {
		const {runPlainWizard} = await import('./plain-wizard.js');
		return runPlainWizard(realServices(options), initial, options.io);
	}
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
	} finally {
		// Ink restores the terminal on exit; this covers a tree that failed before it took input.
		if (options.io.stdin.isTTY) options.io.stdin.setRawMode(false);
		stdout.off('resize', clearOnResize);
		if (stdout.isTTY) stdout.write(BRACKETED_PASTE_OFF);
	}
	return exitCode;
}
