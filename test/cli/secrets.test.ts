// No secret key, user token, Basic value or NCP string-to-sign ever reaches what regwiz prints: every
// scripted flow (successes, every fault, dry runs, --curl, --json, refusals, usage errors, profile and
// history commands, broken files, unexpected errors) runs with recognisable canary credentials, and
// every byte of stdout and stderr is searched for them; so is every frame the wizard drew in its flows.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {createElement} from 'react';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {findBackend} from '../../source/backends/index.js';
import {main} from '../../source/cli/main.js';
import {createMemoryStore, openProfileStore, type ProfileStore} from '../../source/store/profile-store.js';
import {WizardApp} from '../../source/ui/app.js';
import {initialState} from '../../source/ui/state.js';
import {baseUrl, cliInvocation, createWorld, FIELDS, OFFLINE_DNS, SCENARIOS} from '../helpers/fault-scenarios.js';
import {drive, KEYS} from '../helpers/ink-driver.js';
import {engineServices} from '../helpers/wizard-services.js';
import {startRecordingServer, type RecordingServer} from '../helpers/recording-server.js';
import {runCli, type CliResult} from '../helpers/run-cli.js';
import {testCertificates, type TestCertificates} from '../helpers/tls-certs.js';
import {runWithFakeIo} from '../helpers/fake-io.js';

const CANARY = {
	accessKey: 'ncp_iam_CANARYACCESS00001',
	secretKey: 'SECRET-canary-ncr-7f3a9c1e5b2d',
	username: 'canary-admin',
	token: 'TOKEN-canary-ui-4d2e8b6a0c9f',
};
const NCR = {accessKey: CANARY.accessKey, secretKey: CANARY.secretKey};
const UI = {username: CANARY.username, token: CANARY.token};
const NCR_ENV = {NCLOUD_ACCESS_KEY_ID: CANARY.accessKey, NCLOUD_SECRET_ACCESS_KEY: CANARY.secretKey};
const UI_ENV = {REGISTRYUI_USERNAME: CANARY.username, REGISTRYUI_TOKEN: CANARY.token};

/** Everything that must never be printed, in every form it could take. */
function forbidden(): Array<[string, RegExp]> {
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const basic = Buffer.from(`${CANARY.username}:${CANARY.token}`).toString('base64');
	// Any 8 characters in a row of a secret: a message quoting part of one leaks too.
	const pieces = (what: string, value: string): Array<[string, RegExp]> =>
		Array.from({length: value.length - 7}, (_, index): [string, RegExp] => [`${what} (part: ${value.slice(index, index + 8)})`, new RegExp(escape(value.slice(index, index + 8)))]);
	return [
		['secret key', /SECRET-canary/],
		['token', /TOKEN-canary/],
		...pieces('secret key', CANARY.secretKey),
		...pieces('token', CANARY.token),
		['Basic value', new RegExp(escape(basic))],
		['base64 of the token', new RegExp(escape(Buffer.from(CANARY.token).toString('base64').replace(/=+$/, '')))],
		['base64 of the secret key', new RegExp(escape(Buffer.from(CANARY.secretKey).toString('base64').replace(/=+$/, '')))],
		// "METHOD URI\nTIMESTAMP\nACCESSKEY": the string-to-sign, in any quoting (a JSON "\n" included).
		['NCP string-to-sign', new RegExp(`\\d{10,16}(\\n|\\\\n)${escape(CANARY.accessKey)}`)],
	];
}

function expectNoSecrets(where: string, text: string) {
	for (const [what, pattern] of forbidden()) {
		if (pattern.test(text)) throw new Error(`${what} leaked in ${where}:\n${text}`);
	}
}

/** Runs main() as cli.tsx does, with streams that are not terminals. */
async function runMain(argv: string[], env: Record<string, string>): Promise<CliResult> {
	const {code, out, err} = await runWithFakeIo(main, argv, env);
	return {code, signal: null, stdout: out, stderr: err};
}

const expectClean = (name: string, result: CliResult) => {
	expectNoSecrets(`${name} (stdout)`, result.stdout);
	expectNoSecrets(`${name} (stderr)`, result.stderr);
};

let certs: TestCertificates;
let scratch: string;
let ncrServer: RecordingServer;
let uiServer: RecordingServer;

beforeAll(async () => {
	certs = testCertificates();
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-secrets-'));
	ncrServer = await startRecordingServer({auth: {kind: 'ncp', ...NCR}});
	ncrServer.answerAll({status: 201, body: {returnCode: '201', returnMessage: 'Registry Creation is successful'}});
	uiServer = await startRecordingServer({auth: {kind: 'basic', ...UI}});
	uiServer.answerAll({status: 200, body: {error: null, data: {fullPath: 'team-a/backend', title: null, isPublic: false, created: '2024-05-01T10:00:00Z'}}});
});
afterAll(async () => {
	await ncrServer?.close();
	await uiServer?.close();
	certs?.dispose();
	if (scratch) fs.rmSync(scratch, {recursive: true, force: true});
});

const ncrCreate = (endpoint: string, ...extra: string[]) => ['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', endpoint, ...extra];
const uiCreate = (url: string, ...extra: string[]) => ['create', 'registryui', '--repository', 'team-a/backend', '--url', url, ...extra];

/** A config folder with one profile per backend holding the canaries, and a HOME with ~/.ncloud/configure. */
function seededDirs(name: string) {
	const configDir = path.join(scratch, name, 'config');
	const home = path.join(scratch, name, 'home');
	fs.mkdirSync(path.join(home, '.ncloud'), {recursive: true});
	fs.writeFileSync(path.join(home, '.ncloud', 'configure'), `[DEFAULT]\nncloud_access_key_id = ${CANARY.accessKey}\nncloud_secret_access_key = ${CANARY.secretKey}\n`);
	const {store} = openProfileStore({REGWIZ_CONFIG_DIR: configDir});
	store.save('ncr-canary', {backend: 'ncr', credentials: NCR, connection: {site: 'custom', endpoint: `${ncrServer.url}/ncr/api/v2`}});
	store.save('ui-canary', {backend: 'registryui', credentials: UI, connection: {url: uiServer.url}});
	return {configDir, home};
}

describe('scripted flows print no secret', () => {
	it('successes, refusals, dry runs, --curl and --json, for both backends', async () => {
		const ncr = `${ncrServer.url}/ncr/api/v2`;
		const runs: Array<[string, string[], Record<string, string>]> = [
			['ncr created', ncrCreate(ncr), NCR_ENV],
			['ncr created --json', ncrCreate(ncr, '--json'), NCR_ENV],
			['ncr 401 (wrong secret)', ncrCreate(ncr), {...NCR_ENV, NCLOUD_SECRET_ACCESS_KEY: 'SECRET-canary-wrong-000000'}],
			['ncr 401 --json', ncrCreate(ncr, '--json'), {...NCR_ENV, NCLOUD_SECRET_ACCESS_KEY: 'SECRET-canary-wrong-000000'}],
			['ncr --dry-run', ncrCreate(ncr, '--dry-run'), NCR_ENV],
			['ncr --dry-run --json', ncrCreate(ncr, '--dry-run', '--json'), NCR_ENV],
			['ncr --curl', ncrCreate(ncr, '--curl'), NCR_ENV],
			['ncr --curl --json', ncrCreate(ncr, '--curl', '--json'), NCR_ENV],
			['registryui created', uiCreate(uiServer.url), UI_ENV],
			['registryui created --json', uiCreate(uiServer.url, '--json'), UI_ENV],
			['registryui 401 (wrong token)', uiCreate(uiServer.url), {...UI_ENV, REGISTRYUI_TOKEN: 'TOKEN-canary-wrong-000000'}],
			['registryui 401 --json', uiCreate(uiServer.url, '--json'), {...UI_ENV, REGISTRYUI_TOKEN: 'TOKEN-canary-wrong-000000'}],
			['registryui --dry-run', uiCreate(uiServer.url, '--dry-run'), UI_ENV],
			['registryui --dry-run --json', uiCreate(uiServer.url, '--dry-run', '--json'), UI_ENV],
			['registryui --curl', uiCreate(uiServer.url, '--curl'), UI_ENV],
			['registryui --curl --json', uiCreate(uiServer.url, '--curl', '--json'), UI_ENV],
		];
		// The built program for the successes (what people install); main() in process for the rest, to stay quick.
		const viaBinary = new Set(['ncr created', 'ncr created --json', 'registryui created', 'registryui created --json']);
		const binaries = Promise.all(runs.map(([name, args, env]) => (viaBinary.has(name) ? runCli(args, {env}) : undefined)));
		// One main() at a time: each listens for SIGINT/SIGTERM while it sends.
		const inProcess: Array<CliResult | undefined> = [];
		for (const [name, args, env] of runs) {
			inProcess.push(viaBinary.has(name) ? undefined : await runMain(args, {...env, REGWIZ_CONFIG_DIR: path.join(scratch, 'flows'), HOME: scratch}));
		}
		const results = (await binaries).map((result, index) => (result ?? inProcess[index])!);
		results.forEach((result, index) => expectClean(runs[index]![0], result));
		// The flows did what they claim: creates and refusals reached the servers with the canaries.
		expect(results.map(result => result.code)).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
		// Each NCR create is followed by its read-back.
		expect(ncrServer.requests.filter(request => request.authProblem === null && request.method === 'POST')).toHaveLength(2);
		expect(uiServer.requests.filter(request => request.authProblem === null)).toHaveLength(2);
	});

	it('every fault, plain and --json (in process: the same main() the binary runs)', async () => {
		// The offline resolver for the .invalid scenario; restored afterwards.
		const dns = createRequire(import.meta.url)('node:dns') as {lookup: unknown};
		const realLookup = dns.lookup;
		createRequire(import.meta.url)(OFFLINE_DNS);
		try {
			for (const scenario of SCENARIOS) {
				for (const json of [false, true]) {
					const world = await createWorld(certs);
					try {
						scenario.arrange?.(world);
						// How long a hanging server is waited for does not matter here.
						const {args, env} = cliInvocation({...scenario, timeoutMs: Math.min(scenario.timeoutMs ?? 5000, 300)}, world, scenario.backend === 'ncr' ? NCR : UI);
						const result = await runMain(json ? [...args, '--json'] : args, {...env, REGWIZ_CONFIG_DIR: path.join(scratch, 'faults')});
						expectClean(`${scenario.name}${json ? ' --json' : ''}`, result);
						expect([1, 3], scenario.name).toContain(result.code);
					} finally {
						await world.close();
					}
				}
			}
		} finally {
			dns.lookup = realLookup;
		}
	});

	it('usage errors, bad credentials, plain http and --json usage errors', async () => {
		const ncr = `${ncrServer.url}/ncr/api/v2`;
		const before = ncrServer.requests.length + uiServer.requests.length;
		const runs: Array<[string, string[], Record<string, string>]> = [
			['missing --bucket', ['create', 'ncr', '--registry', 'team-a', '--endpoint', ncr], NCR_ENV],
			['missing --bucket --json', ['create', 'ncr', '--registry', 'team-a', '--endpoint', ncr, '--json'], NCR_ENV],
			['bad --registry', ncrCreate(ncr, '--registry', '../x'), NCR_ENV],
			['unknown flag', ncrCreate(ncr, '--secret-key', CANARY.secretKey), NCR_ENV],
			['flag without value --json', ['create', 'registryui', '--url', uiServer.url, '--repository', '--json'], UI_ENV],
			['secret key with an escape code', ncrCreate(ncr), {...NCR_ENV, NCLOUD_SECRET_ACCESS_KEY: `${CANARY.secretKey}\u001b[2J`}],
			['token with a bell character', uiCreate(uiServer.url, '--json'), {...UI_ENV, REGISTRYUI_TOKEN: `${CANARY.token}\u0007x`}],
			['access key with a space', ncrCreate(ncr, '--json'), {...NCR_ENV, NCLOUD_ACCESS_KEY_ID: `${CANARY.accessKey} x`}],
			['plain http to another machine', uiCreate('http://registry.example.com'), UI_ENV],
			['plain http --json', uiCreate('http://registry.example.com', '--json'), UI_ENV],
			['no terminal for the wizard', [], NCR_ENV],
			['bad --timeout', ncrCreate(ncr, '--timeout', 'soon'), NCR_ENV],
		];
		const results: CliResult[] = [];
		for (const [, args, env] of runs) results.push(await runMain(args, {...env, REGWIZ_CONFIG_DIR: path.join(scratch, 'usage'), HOME: scratch}));
		results.forEach((result, index) => {
			expectClean(runs[index]![0], result);
			expect(result.code, runs[index]![0]).toBe(2);
		});
		expect(ncrServer.requests.length + uiServer.requests.length).toBe(before);
	});

	it('profile, import and history commands, with and without --json', async () => {
		const {configDir, home} = seededDirs('profiles');
		const env = {HOME: home};
		const sequence: string[][] = [
			['create', 'ncr', '--profile', 'ncr-canary', '--registry', 'team-b', '--bucket', 'team-b-images'],
			['create', 'registryui', '--profile', 'ui-canary', '--repository', 'team-b/web', '--json'],
			['profile', 'list'],
			['profile', 'list', '--json'],
			['profile', 'show', 'ncr-canary'],
			['profile', 'show', 'ncr-canary', '--json'],
			['profile', 'show', 'ui-canary'],
			['profile', 'show', 'ui-canary', '--json'],
			['profile', 'import-ncloud', '--as', 'imported'],
			['profile', 'import-ncloud', '--as', 'imported', '--json'],
			['profile', 'show', 'imported'],
			['profile', 'rename', 'imported', 'renamed'],
			['profile', 'remove', 'renamed', '--yes'],
			['profile', 'show', 'nothing-here'],
			['history'],
			['history', '--json'],
		];
		const codes: Array<number | null> = [];
		for (const args of sequence) {
			const result = await runMain(args, {...env, REGWIZ_CONFIG_DIR: configDir});
			expectClean(args.join(' '), result);
			codes.push(result.code);
		}
		expect(codes).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0]);
		// The files themselves hold the secrets (owner-only); the history never does.
		expectNoSecrets('history.jsonl', fs.readFileSync(path.join(configDir, 'history.jsonl'), 'utf8'));
	});

	it('a broken profiles file: the warning quotes nothing of it', async () => {
		const configDir = path.join(scratch, 'broken', 'config');
		fs.mkdirSync(configDir, {recursive: true});
		// Hand-edited, with the secret unquoted: JSON.parse's own message would quote the text around it.
		fs.writeFileSync(
			path.join(configDir, 'config.json'),
			`{"profiles": {"default": {"backend": "ncr", "credentials": {"accessKey": "${CANARY.accessKey}", "secretKey": ${CANARY.secretKey}}, "connection": {}}}}`,
			{mode: 0o600},
		);
		const result = await runCli(['profile', 'list'], {configDir});
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('could not be read: it is not valid JSON');
		expectClean('broken config.json', result);
	});

	it('"regwiz: internal error:" carries no secret', async () => {
		// REGWIZ_CONFIG_DIR names a file: opening the profiles fails in a way no message was written for.
		const file = path.join(scratch, 'not-a-folder');
		fs.writeFileSync(file, 'x');
		const runs = await Promise.all([
			runCli(ncrCreate(`${ncrServer.url}/ncr/api/v2`), {env: {...NCR_ENV, REGWIZ_CONFIG_DIR: `${file}/config`}}),
			runCli(uiCreate(uiServer.url, '--json'), {env: {...UI_ENV, REGWIZ_CONFIG_DIR: `${file}/config`}}),
		]);
		for (const result of runs) {
			expect(result.stderr).toMatch(/^regwiz: internal error: /);
			expect(result.code).toBe(70);
			expectClean('unexpected error', result);
		}
	});
});

describe('wizard flows draw no secret', () => {
	let unmount: (() => void) | undefined;
	afterEach(() => {
		unmount?.();
		unmount = undefined;
	});


	async function wizard(store: ProfileStore, initial = initialState({yes: false}), onExit = vi.fn()) {
		const ui = await drive(createElement(WizardApp, {...engineServices({store, timeoutMs: 300}), initial, onExit}));
		unmount = ui.instance.unmount;
		return ui;
	}

	/** Every frame drawn, not just the last: a secret shown for a moment is shown. */
	const expectFramesClean = (name: string, ui: Awaited<ReturnType<typeof drive>>) => {
		const frames = ui.instance.frames.join('\n');
		expect(frames.length).toBeGreaterThan(0);
		expectNoSecrets(`wizard: ${name}`, frames);
	};

	it('new NCR keys typed in, checked (refused), saved, sent (401), retried', async () => {
		const world = await createWorld(certs);
		try {
			const store = createMemoryStore();
			const ui = await wizard(store);
			await ui.press(KEYS.enter); // NCR
			await ui.waitFor('Korea');
			for (let index = 0; index < 6; index++) await ui.press(KEYS.down);
			await ui.press(KEYS.enter);
			await ui.waitFor('Endpoint');
			await ui.type(world.emulator.ncrBaseUrl);
			await ui.press(KEYS.enter);
			await ui.waitFor('Access key');
			await ui.type(CANARY.accessKey);
			await ui.press(KEYS.enter);
			await ui.waitFor('Secret key');
			await ui.type(CANARY.secretKey);
			await ui.press(KEYS.enter);
			await ui.waitFor('refused: 401');
			await ui.press(KEYS.down); // past "Change the credentials"
			await ui.press(KEYS.enter); // save
			await ui.waitFor('Profile name');
			await ui.press(KEYS.enter);
			await ui.waitFor('Registry name');
			await ui.type('team-a');
			await ui.press(KEYS.enter);
			await ui.waitFor('Storage type');
			await ui.press(KEYS.enter);
			await ui.waitFor('Bucket');
			await ui.type('team-a-images');
			await ui.press(KEYS.enter);
			await ui.waitFor('Step 4 of 5');
			await ui.press(KEYS.enter);
			await ui.waitFor('Refused: 401');
			await ui.press('r');
			await ui.waitFor('Refused: 401');
			expect(world.emulator.received.filter(request => request.method === 'POST')).toHaveLength(2);
			expect(store.get('default')?.credentials).toEqual(NCR);
			expectFramesClean('new NCR keys', ui);
		} finally {
			await world.close();
		}
	});

	it('a RegistryUI token typed in and sent: review, success', async () => {
		const ui = await wizard(createMemoryStore());
		await ui.press(KEYS.down);
		await ui.press(KEYS.enter);
		await ui.waitFor('Base URL');
		await ui.type(uiServer.url);
		await ui.press(KEYS.enter);
		await ui.waitFor('Username');
		await ui.type(CANARY.username);
		await ui.press(KEYS.enter);
		await ui.waitFor('User token');
		await ui.type(CANARY.token);
		await ui.press(KEYS.enter);
		await ui.waitFor('Save as a profile?');
		await ui.press(KEYS.down);
		await ui.press(KEYS.enter);
		await ui.waitFor('Repository path');
		await ui.type('team-a/backend');
		await ui.press(KEYS.enter);
		await ui.waitFor('Title');
		await ui.press(KEYS.enter);
		await ui.waitFor('Visibility');
		await ui.press(KEYS.enter);
		expect(await ui.waitFor('Step 4 of 5')).toContain('authorization: (hidden)');
		await ui.press(KEYS.enter);
		await ui.waitFor('Repository created');
		expectFramesClean('RegistryUI token', ui);
	});

	it('editing a saved profile keeps the secret without showing it', async () => {
		const store = createMemoryStore({'ncr-canary': {backend: 'ncr', credentials: NCR, connection: {site: 'custom', endpoint: `${ncrServer.url}/ncr/api/v2`}}});
		const onExit = vi.fn();
		const ui = await wizard(store, initialState({yes: false}), onExit);
		await ui.press(KEYS.enter); // NCR
		await ui.waitFor('ncr-canary');
		await ui.press('e');
		await ui.waitFor('Site');
		await ui.press(KEYS.enter);
		await ui.waitFor('Endpoint');
		await ui.press(KEYS.enter);
		await ui.waitFor('Access key');
		await ui.press(KEYS.enter);
		expect(await ui.waitFor('(Enter keeps it)')).toContain('Secret key ❯ ****5b2d (Enter keeps it)');
		await ui.press(KEYS.enter);
		await ui.waitFor('Save as a profile?');
		await ui.press(KEYS.ctrlC);
		expect(onExit).toHaveBeenCalledWith(130);
		expectFramesClean('profile edit', ui);
	});

	it('every fault panel', async () => {
		for (const scenario of SCENARIOS) {
			const world = await createWorld(certs);
			try {
				scenario.arrange?.(world);
				const backend = findBackend(scenario.backend)!;
				const draft = {
					backend,
					connection: (scenario.backend === 'ncr' ? {site: 'custom', endpoint: baseUrl(scenario, world)} : {url: baseUrl(scenario, world)}) as Record<string, string>,
					fields: (scenario.backend === 'ncr' ? {...FIELDS.ncr} : {...FIELDS.registryui, title: '', isPublic: ''}) as Record<string, string>,
					credentials: scenario.backend === 'ncr' ? NCR : UI,
					credentialSource: 'environment (test)',
					lastFields: {},
				};
				const ui = await wizard(createMemoryStore(), initialState({backend, draft, yes: true}));
				await ui.waitFor(/✗ (No answer|Refused|Unexpected|Redirected)/, 4000);
				expectFramesClean(scenario.name, ui);
				unmount?.();
				unmount = undefined;
			} finally {
				await world.close();
			}
		}
	});
});
