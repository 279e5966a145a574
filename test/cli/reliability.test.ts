// What regwiz promises when things go wrong, against the built program: base URLs with a bare "?" or "#"
// are refused before anything is sent; deeply nested JSON is read without overflowing the stack; --json
// always prints exactly one object, and a fault in regwiz itself exits 70; every signal that ends a create
// in flight (scripted or in the wizard) records it and says it may have been created; and a sandbox run
// never reaches anything but its own emulator.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {ncr} from '../../source/backends/ncr.js';
import {registryui} from '../../source/backends/registryui.js';
import {checkField} from '../../source/backends/validation.js';
import {confineToEmulator} from '../../source/sandbox/confine.js';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {openProfileStore} from '../../source/store/profile-store.js';
import {ROOT} from '../helpers/paths.js';
import {startRawServer, type RawServer} from '../helpers/raw-server.js';
import {runCli} from '../helpers/run-cli.js';
import {KEYS, openTerminal, type Terminal} from '../helpers/terminal.js';

const OFFLINE_DNS = path.join(ROOT, 'test', 'fixtures', 'offline-dns.cjs');
const INTERNAL_FAULT = path.join(ROOT, 'test', 'fixtures', 'internal-fault.cjs');
const NCR_ENV = {NCLOUD_ACCESS_KEY_ID: 'ncp_iam_RELIABLE000001', NCLOUD_SECRET_ACCESS_KEY: 'reliable-secret-0001', NO_COLOR: '1'};
const UI_ENV = {REGISTRYUI_USERNAME: 'admin', REGISTRYUI_TOKEN: 'reliable-token-0001', NO_COLOR: '1'};

let server: RawServer;
let scratch: string;
beforeAll(async () => {
	server = await startRawServer();
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-reliable-'));
});
afterAll(async () => {
	await server.close();
	fs.rmSync(scratch, {recursive: true, force: true});
});

const readHistory = (configDir: string) =>
	fs.existsSync(path.join(configDir, 'history.jsonl'))
		? fs.readFileSync(path.join(configDir, 'history.jsonl'), 'utf8').trimEnd().split('\n').filter(Boolean).map(line => JSON.parse(line) as Record<string, unknown>)
		: [];

describe('a bare "?" or "#" in a base URL is refused, naming the character', () => {
	it('--endpoint, --url and a saved profile: exit 2, nothing sent', async () => {
		server.answer({status: 201, body: '{"returnCode":"0","returnMessage":"ok"}'});
		const before = server.requests.length;
		const runs = await Promise.all([
			runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `${server.url}/ncr/api/v2?`], {env: NCR_ENV}),
			runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `${server.url}/ncr/api/v2#`, '--json'], {env: NCR_ENV}),
			runCli(['create', 'registryui', '--url', `${server.url}?`, '--repository', 'team-a/backend'], {env: UI_ENV}),
		]);
		expect(runs.map(run => run.code)).toEqual([2, 2, 2]);
		expect(runs[0]!.stderr).toContain('--endpoint');
		expect(runs[0]!.stderr).toContain('must not contain "?"');
		expect(runs[1]!.stderr).toContain('must not contain "#"');
		expect(JSON.parse(runs[1]!.stdout)).toMatchObject({ok: false});
		expect(runs[2]!.stderr).toContain('must not contain "?"');
		const configDir = path.join(scratch, 'query-profile');
		openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
			backend: 'ncr',
			credentials: {accessKey: NCR_ENV.NCLOUD_ACCESS_KEY_ID, secretKey: NCR_ENV.NCLOUD_SECRET_ACCESS_KEY},
			connection: {site: 'custom', endpoint: `${server.url}/ncr/api/v2?`},
		});
		const fromProfile = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images'], {configDir, env: {NO_COLOR: '1'}});
		expect(fromProfile.code).toBe(2);
		expect(fromProfile.stderr).toContain('must not contain "?"');
		expect(server.requests.length).toBe(before);
	});

	it('the wizard\'s fields refuse them as they are typed', () => {
		const endpoint = ncr.connectionFields.find(spec => spec.key === 'endpoint')!;
		const url = registryui.connectionFields.find(spec => spec.key === 'url')!;
		expect(checkField(endpoint, 'http://127.0.0.1:8080/ncr/api/v2?')).toBe('must not contain "?" (a query): give the base URL alone (e.g. http://127.0.0.1:8080/ncr/api/v2)');
		expect(checkField(url, 'https://registry.example.com/#')).toBe('must not contain "#" (a fragment): give the base URL alone (e.g. https://registry.example.com/)');
	});
});

describe('deeply nested JSON', () => {
	it('a real 201 with 10 KB of nested brackets: created, exit 0, one JSON object, recorded', async () => {
		const depth = 5000;
		server.answer({status: 201, headers: [['content-type', 'application/json']], body: `{"returnCode":"0","returnMessage":"ok","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`});
		const configDir = path.join(scratch, 'deep');
		const args = ['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `${server.url}/ncr/api/v2`];
		const asJson = await runCli([...args, '--json'], {env: NCR_ENV, configDir});
		expect(asJson.stderr).toBe('');
		expect(asJson.code).toBe(0);
		expect(asJson.stdout.trimEnd().split('\n')).toHaveLength(1);
		const parsed = JSON.parse(asJson.stdout) as {ok: boolean; status: number; response: {returnMessage: string}};
		expect(parsed).toMatchObject({ok: true, status: 201, response: {returnCode: '0', returnMessage: 'ok'}});
		expect(JSON.stringify(parsed.response)).toContain('nested deeper than');
		const plain = await runCli(args, {env: NCR_ENV, configDir});
		expect(plain.code).toBe(0);
		expect(plain.stdout).toContain('✓ Registry created');
		expect(readHistory(configDir).map(entry => entry.outcome)).toEqual(['created', 'created']);
	});
});

describe('--json contract and the internal-error exit code', () => {
	it('a fault inside regwiz: exit 70, one JSON object saying so, a message on stderr, nothing else', async () => {
		server.answer({status: 201, body: '{"returnCode":"0","returnMessage":"ok"}'});
		const before = server.requests.length;
		const args = ['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `${server.url}/ncr/api/v2`];
		const env = {...NCR_ENV, NODE_OPTIONS: `--require ${INTERNAL_FAULT}`};
		const [asJson, plain] = await Promise.all([runCli([...args, '--json'], {env}), runCli(args, {env})]);
		expect(asJson.code).toBe(70);
		expect(asJson.stdout.trimEnd().split('\n')).toHaveLength(1);
		expect(JSON.parse(asJson.stdout)).toEqual({
			ok: false,
			backend: 'ncr',
			status: null,
			request: null,
			response: null,
			error: 'internal error: simulated fault in signing',
			failure: 'internal',
		});
		expect(asJson.stderr).toBe('regwiz: internal error: simulated fault in signing (please report it; exit 70)\n');
		expect(plain.code).toBe(70);
		expect(plain.stdout).toBe('');
		expect(plain.stderr).toContain('internal error');
		expect(server.requests.length).toBe(before);
	});

	it('--help documents the exit codes', async () => {
		const help = await runCli(['create', 'ncr', '--help']);
		expect(help.stdout).toContain('70 internal error');
		expect(help.stdout).toContain('129 SIGHUP');
		expect(help.stdout).toContain('131 SIGQUIT');
	});
});

describe('signals while a create is in flight', () => {
	let emulator: Emulator;
	let terminal: Terminal | undefined;
	let configDir: string;
	beforeEach(async () => {
		emulator = await startEmulator({port: 0, host: '127.0.0.1'});
		emulator.faults.hang = true;
		configDir = fs.mkdtempSync(path.join(scratch, 'signals-'));
		openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
			backend: 'ncr',
			credentials: {...SANDBOX_CREDENTIALS.ncr},
			connection: {site: 'custom', endpoint: emulator.ncrBaseUrl},
		});
	});
	afterEach(async () => {
		terminal?.kill('SIGKILL');
		terminal = undefined;
		await emulator.close();
	});

	const posted = async () => {
		const deadline = Date.now() + 10_000;
		while (!emulator.received.some(request => request.method === 'POST')) {
			if (Date.now() > deadline) throw new Error(`the POST never arrived; screen:\n${terminal?.screen() ?? ''}`);
			await new Promise(resolve => setTimeout(resolve, 10));
		}
	};

	for (const [signal, code] of [['SIGHUP', 129], ['SIGQUIT', 131]] as const) {
		it(`scripted, ${signal}: exit ${code}, "may have been created" on stdout and in the history`, async () => {
			const {spawn} = await import('node:child_process');
			const {CLI} = await import('../helpers/paths.js');
			const child = spawn(process.execPath, [CLI, 'create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images'], {
				env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: scratch, REGWIZ_CONFIG_DIR: configDir, NO_COLOR: '1'},
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
			const ended = new Promise<number | null>(resolve => child.on('close', exit => resolve(exit)));
			await posted();
			child.kill(signal);
			expect(await ended).toBe(code);
			expect(stdout).toContain('✗ Cancelled');
			expect(stdout).toContain('it may have been created');
			expect(stdout).toContain('check that it exists');
			expect(stdout).not.toMatch(/\bretry\b/);
			expect(readHistory(configDir)).toMatchObject([{name: 'team-a', outcome: 'cancelled', status: null}]);
			const history = await runCli(['history'], {configDir, env: {NO_COLOR: '1'}});
			expect(history.stdout).toContain('cancelled: may have been created');
		});
	}

	for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
		it(`the wizard sending, ${signal}: exit ${code}, the attempt recorded, the person told to check`, async () => {
			const term = openTerminal({args: ['create', 'ncr', '--registry', 'team-a', '--storage-type', 'objectStorage', '--yes'], env: {REGWIZ_CONFIG_DIR: configDir, NO_COLOR: '1'}});
			terminal = term;
			await term.waitFor('Bucket');
			await term.type('team-a-images');
			await term.waitFor('team-a-images');
			// Enter once the field shows the value; again only if the screen never left the field (a key
			// typed the instant a frame is drawn can arrive before the input handler subscribes).
			for (let attempt = 0; attempt < 3 && !term.screen().includes('Signing and sending'); attempt++) {
				await term.press(KEYS.enter, 1500);
				if (!term.screen().includes('Bucket ❯')) break;
			}
			await posted();
			await term.waitFor('Signing and sending');
			term.kill(signal);
			expect(await term.exited).toBe(code);
			expect(readHistory(configDir)).toMatchObject([{name: 'team-a', profile: 'default', outcome: 'cancelled', status: null}]);
			const said = term.output().replace(/\s+/g, ' ');
			expect(said).toContain('regwiz: cancelled while POST');
			expect(said).toContain('It may have been created: check that it exists');
		});
	}
});

describe('the sandbox never touches a real service', () => {
	it('a typed base URL must be this machine\'s: the wizard\'s field refuses any other host as it is typed', () => {
		const confined = confineToEmulator(registryui, 'http://127.0.0.1:1');
		const url = confined.connectionFields.find(spec => spec.key === 'url')!;
		expect(checkField(url, 'https://registry.example.com')).toContain('in the sandbox every request goes to the local emulator');
		expect(checkField(url, 'http://127.0.0.1:8080')).toBeUndefined();
		expect(confineToEmulator(ncr, 'http://127.0.0.1:1').endpoint({site: 'jp'})).toBe('http://127.0.0.1:1/ncr/jpn-api/v2');
	});

	let terminal: Terminal | undefined;
	afterEach(() => {
		terminal?.kill('SIGKILL');
		terminal = undefined;
	});
	const dnsLog = () => path.join(scratch, `dns-${process.hrtime.bigint()}.log`);
	/** Every host name regwiz looked up; anything but this machine means it tried to leave. */
	const looked = (log: string) => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : []).filter(name => !/^(127\.|localhost$|::1$)/.test(name));

	it('the wizard: new credentials and a real site go to the emulator, under the banner', async () => {
		const log = dnsLog();
		const term = openTerminal({args: ['--sandbox'], rows: 40, env: {NODE_OPTIONS: `--require ${OFFLINE_DNS}`, REGWIZ_TEST_DNS_LOG: log, REGWIZ_CONFIG_DIR: path.join(scratch, 'sandbox-wizard')}});
		terminal = term;
		const step = async (keys: string, expected: string | RegExp) => {
			if (keys.startsWith('\u001B') || keys.length <= 1) await term.press(keys);
			else await term.type(keys);
			return term.waitFor(expected);
		};
		await term.waitFor('Where should the registry live?');
		await step(KEYS.enter, 'New credentials…');
		for (let index = 0; index < 8 && !/❯ New credentials…/.test(term.screen()); index++) await term.press(KEYS.down);
		await step(KEYS.enter, 'Singapore');
		// A real site: Singapore, https://ncr.apigw.ntruss.com/ncr/sgn-api/v2.
		for (let index = 0; index < 8 && !/❯ Singapore/.test(term.screen()); index++) await term.press(KEYS.down);
		await step(KEYS.enter, 'Access key');
		await step(SANDBOX_CREDENTIALS.ncr.accessKey, SANDBOX_CREDENTIALS.ncr.accessKey);
		await step(KEYS.enter, 'Secret key');
		await step(SANDBOX_CREDENTIALS.ncr.secretKey, /●{20,}/);
		const checked = await step(KEYS.enter, /credentials work|refused|⚠/);
		expect(checked).toContain('credentials work');
		expect(checked).toContain('SANDBOX: nothing is created on a real registry');
		await term.press(KEYS.down);
		await step(KEYS.enter, 'Registry name');
		await step('team-s', 'team-s');
		await step(KEYS.enter, 'Storage type');
		await step(KEYS.enter, 'Bucket');
		await step('team-s-images', 'team-s-images');
		const review = await step(KEYS.enter, 'Step 4 of 5');
		expect(review).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/ncr\/sgn-api\/v2\/repositories\/team-s/);
		expect(review).not.toContain('ntruss.com/ncr');
		const result = await step(KEYS.enter, /Registry created|Refused|No answer/);
		expect(result).toContain('Registry created');
		term.write('q');
		expect(await term.exited).toBe(0);
		expect(looked(log)).toEqual([]);
	});

	it('scripted: a real site goes to the emulator, a real URL is refused, and stderr carries the banner', async () => {
		const log = dnsLog();
		const env = {NODE_OPTIONS: `--require ${OFFLINE_DNS}`, REGWIZ_TEST_DNS_LOG: log, NO_COLOR: '1'};
		const [site, url, endpoint] = await Promise.all([
			runCli(['create', 'ncr', '--sandbox', '--site', 'gov-kr', '--registry', 'team-g', '--bucket', 'team-g-images', '--json'], {env}),
			runCli(['create', 'registryui', '--sandbox', '--url', 'https://registry.example.com', '--repository', 'team-a/backend'], {env}),
			runCli(['create', 'ncr', '--sandbox', '--endpoint', 'https://ncr.apigw.ntruss.com/ncr/api/v2', '--registry', 'team-g', '--bucket', 'team-g-images', '--json'], {env}),
		]);
		expect(endpoint.code).toBe(2);
		expect(JSON.parse(endpoint.stdout)).toMatchObject({ok: false, request: null});
		expect(endpoint.stderr).toContain('ncr.apigw.ntruss.com is not this machine');
		expect(site.code).toBe(0);
		expect(site.stderr).toContain('regwiz: SANDBOX: nothing is created on a real registry');
		expect(JSON.parse(site.stdout)).toMatchObject({ok: true, status: 201, request: {method: 'POST', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/ncr\/kr\/v2\/repositories\/team-g$/)}});
		expect(url.code).toBe(2);
		expect(url.stderr).toContain('in the sandbox every request goes to the local emulator');
		expect(url.stderr).toContain('registry.example.com is not this machine');
		expect(looked(log)).toEqual([]);
	});
});
