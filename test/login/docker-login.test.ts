import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ncr} from '../../source/backends/ncr.js';
import {registryui} from '../../source/backends/registryui.js';
import {SANDBOX_CREDENTIALS, startEmulator} from '../../source/sandbox/emulator.js';
import {runCli} from '../helpers/run-cli.js';
import {KEYS, openTerminal, type Terminal} from '../helpers/terminal.js';

// "Log in with docker now": a stand-in docker on PATH records what it was given; the secret must
// arrive on its stdin and nowhere else.
let scratch: string;
let bin: string;
let record: string;
let terminal: Terminal | undefined;

beforeEach(() => {
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-login-'));
	bin = path.join(scratch, 'bin');
	record = path.join(scratch, 'record');
	fs.mkdirSync(bin);
	fs.mkdirSync(record);
});
afterEach(() => {
	terminal?.kill();
	terminal = undefined;
	fs.rmSync(scratch, {recursive: true, force: true});
});

/** A stand-in container tool: records argv (one per line), stdin and its environment, then answers. */
function standIn(name: string, answer: {exitCode: number; say: string}) {
	const file = path.join(bin, name);
	fs.writeFileSync(
		file,
		`#!/bin/sh
for arg in "$@"; do printf '%s\\n' "$arg"; done > '${record}/argv'
/bin/cat > '${record}/stdin'
/usr/bin/env > '${record}/env'
printf '${answer.say}'
exit ${answer.exitCode}
`,
	);
	fs.chmodSync(file, 0o755);
}

const recorded = (name: string) => fs.readFileSync(path.join(record, name), 'utf8');

function expectSecretOnStdinOnly(secret: string, screenOrOutput: string) {
	expect(recorded('stdin')).toBe(`${secret}\n`);
	expect(recorded('argv')).not.toContain(secret);
	expect(recorded('env')).not.toContain(secret);
	expect(screenOrOutput).not.toContain(secret);
}

const ncrCreate = ['create', 'ncr', '--sandbox', '--registry', 'team-a', '--bucket', 'team-a-images'];

describe('scripted --login', () => {
	it('NCR: docker login HOST --username ACCESS_KEY --password-stdin, the secret on stdin only; then the push lines', async () => {
		standIn('docker', {exitCode: 0, say: 'Login Succeeded\\n'});
		const result = await runCli([...ncrCreate, '--login'], {env: {PATH: bin}});
		expect(result.code).toBe(0);
		const argv = recorded('argv').trim().split('\n');
		expect(argv).toEqual(['login', expect.stringMatching(/^127\.0\.0\.1:\d+$/), '--username', SANDBOX_CREDENTIALS.ncr.accessKey, '--password-stdin']);
		expectSecretOnStdinOnly(SANDBOX_CREDENTIALS.ncr.secretKey, result.stdout + result.stderr);
		const host = argv[1]!;
		expect(result.stdout).toContain('✓ Registry created');
		expect(result.stdout).toContain(`✓ Logged in to ${host} with docker`);
		expect(result.stdout).toContain('    Login Succeeded');
		expect(result.stdout.split('\n')).toContain(`docker tag my-image:latest ${host}/my-image:latest`);
		expect(result.stdout.split('\n')).toContain(`docker push ${host}/my-image:latest`);
	});

	it('RegistryUI: the base URL\'s host, the username and the user token; --json carries the login in its one object', async () => {
		standIn('docker', {exitCode: 0, say: 'Login Succeeded\\n'});
		const result = await runCli(['create', 'registryui', '--sandbox', '--repository', 'team-a/backend', '--login', '--json'], {env: {PATH: bin}});
		expect(result.code).toBe(0);
		const argv = recorded('argv').trim().split('\n');
		expect(argv).toEqual(['login', expect.stringMatching(/^127\.0\.0\.1:\d+$/), '--username', 'admin', '--password-stdin']);
		expectSecretOnStdinOnly(SANDBOX_CREDENTIALS.registryuiAdmin.token, result.stdout + result.stderr);
		const json = JSON.parse(result.stdout);
		expect(json.ok).toBe(true);
		expect(json.login).toEqual({
			ok: true,
			host: argv[1],
			tool: 'docker',
			said: ['Login Succeeded'],
			push: [`docker tag my-image:latest ${argv[1]}/team-a/backend:latest`, `docker push ${argv[1]}/team-a/backend:latest`],
		});
	});

	it('a failing tool: its own words (made safe), the registry still reported created, exit 0', async () => {
		standIn('docker', {exitCode: 1, say: 'Error response from daemon: \\033[31munauthorized\\033[0m: incorrect username or password\\n'});
		const result = await runCli([...ncrCreate, '--login'], {env: {PATH: bin}});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('✓ Registry created');
		expect(result.stdout).toContain('✗ docker login failed (the registry is created all the same):');
		expect(result.stdout).toContain('Error response from daemon: \\u001b[31munauthorized\\u001b[0m: incorrect username or password');
		expect(result.stdout).not.toContain('\u001B');
		expect(result.stdout).toContain('docker push 127.0.0.1');
	});

	it('podman where docker is absent; REGWIZ_CONTAINER_CLI chooses', async () => {
		standIn('podman', {exitCode: 0, say: 'Login Succeeded!\\n'});
		const podman = await runCli([...ncrCreate, '--login'], {env: {PATH: bin}});
		expect(podman.stdout).toMatch(/Logged in to 127\.0\.0\.1:\d+ with podman/);
		expect(podman.stdout).toContain('podman push 127.0.0.1');
		standIn('docker', {exitCode: 0, say: 'Login Succeeded\\n'});
		const chosen = await runCli([...ncrCreate.slice(0, -4), '--registry', 'team-b', '--bucket', 'team-b-images', '--login'], {env: {PATH: bin, REGWIZ_CONTAINER_CLI: 'podman'}});
		expect(chosen.stdout).toMatch(/with podman/);
	});

	it('no docker nor podman (an empty PATH directory): how to log in by hand, never with the secret', async () => {
		const result = await runCli([...ncrCreate, '--login'], {env: {PATH: bin}});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Neither docker nor podman was found on PATH: log in by hand');
		expect(result.stdout).toMatch(/^ {2}docker login 127\.0\.0\.1:\d+ --username <your access key>\n {2}# it asks for the password: your secret key$/m);
		expect(result.stdout).not.toContain(SANDBOX_CREDENTIALS.ncr.secretKey);
		const json = JSON.parse((await runCli([...ncrCreate.slice(0, -4), '--registry', 'team-c', '--bucket', 'team-c-images', '--login', '--json'], {env: {PATH: bin}})).stdout);
		expect(json.login).toMatchObject({ok: false, tool: null, byHand: expect.arrayContaining([expect.stringContaining('docker login')])});
	});

	it('--login with --dry-run is refused, naming both', async () => {
		const result = await runCli([...ncrCreate, '--login', '--dry-run'], {env: {PATH: bin}});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--login and --dry-run contradict each other');
	});
});

describe('in the wizard (80×24)', () => {
	async function toResult(extraEnv: Record<string, string>): Promise<Terminal> {
		terminal = openTerminal({args: ['--sandbox'], env: {PATH: bin, HOME: scratch, ...extraEnv}});
		const term = terminal;
		await term.waitFor('Where should the registry live?');
		await term.press(KEYS.enter);
		await term.waitFor('sandbox-ncr');
		await term.press(KEYS.enter);
		await term.waitFor('Registry name');
		await term.type('team-a');
		await term.waitFor('Registry name ❯ team-a');
		await term.press(KEYS.enter);
		await term.waitFor('Storage type');
		await term.press(KEYS.enter);
		// The sandbox's demo account lists its buckets: the first backs a registry, the next two are free
		// (the first free one is highlighted).
		await term.waitFor('❯ demo-backups');
		await term.press(KEYS.down);
		await term.waitFor('❯ demo-images');
		await term.press(KEYS.enter);
		await term.waitFor('Step 4 of 5');
		await term.press(KEYS.enter);
		await term.waitFor('l log in with docker now');
		return term;
	}

	it('l logs in: the secret on stdin only, the tool\'s answer shown, then the push lines', async () => {
		standIn('docker', {exitCode: 0, say: 'Login Succeeded\\n'});
		const term = await toResult({});
		const screen = await (async () => {
			await term.press('l');
			return term.waitFor('Logged in to');
		})();
		expect(screen).toContain('Login Succeeded');
		expect(screen).toMatch(/^docker push 127\.0\.0\.1:\d+\/my-image:latest$/m);
		expect(screen).not.toContain('l log in with docker now');
		expectSecretOnStdinOnly(SANDBOX_CREDENTIALS.ncr.secretKey, term.output());
		term.write('q');
		expect(await term.exited).toBe(0);
	});

	it('a failing tool: its words shown, and q still exits 0', async () => {
		standIn('docker', {exitCode: 1, say: 'Error response from daemon: unauthorized\\n'});
		const term = await toResult({});
		await term.press('l');
		const screen = await term.waitFor('failed');
		expect(screen).toContain('Error response from daemon: unauthorized');
		expect(screen).toContain('Registry created');
		term.write('q');
		expect(await term.exited).toBe(0);
	});

	it('docker absent: how to log in by hand', async () => {
		const term = await toResult({});
		await term.press('l');
		const screen = await term.waitFor('log in by hand');
		expect(screen).toMatch(/docker login 127\.0\.0\.1:\d+ --username <your access key>/);
		term.write('q');
		expect(await term.exited).toBe(0);
	});

	it('--login logs in as soon as the create succeeded', async () => {
		standIn('docker', {exitCode: 0, say: 'Login Succeeded\\n'});
		terminal = openTerminal({args: ['create', 'ncr', '--sandbox', '--registry', 'team-d', '--bucket', 'team-d-images', '--yes', '--login'], env: {PATH: bin, HOME: scratch}});
		const screen = await terminal.waitFor('Logged in to');
		expect(screen).toContain('Registry created');
		expectSecretOnStdinOnly(SANDBOX_CREDENTIALS.ncr.secretKey, terminal.output());
	});
});

describe('the sandbox answers a registry login check', () => {
	it('GET /v2/: 401 with a Basic challenge first, 200 for the demo credentials of either service', async () => {
		const emulator = await startEmulator();
		try {
			const url = `${emulator.origin}/v2/`;
			const anonymous = await fetch(url);
			expect(anonymous.status).toBe(401);
			expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
			const basic = (user: string, password: string) => ({authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`});
			expect((await fetch(url, {headers: basic(SANDBOX_CREDENTIALS.ncr.accessKey, SANDBOX_CREDENTIALS.ncr.secretKey)})).status).toBe(200);
			const ok = await fetch(url, {headers: basic('admin', SANDBOX_CREDENTIALS.registryuiAdmin.token)});
			expect(ok.status).toBe(200);
			expect(ok.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
			expect((await fetch(url, {headers: basic(SANDBOX_CREDENTIALS.ncr.accessKey, 'wrong')})).status).toBe(401);
		} finally {
			await emulator.close();
		}
	});
});

describe('which host to log in to', () => {
	const outcome = {ok: true, status: 201, message: '', resource: [], body: {}};
	it('NCR: the site\'s docker endpoint pattern; the service\'s own end_point when the answer carries it', () => {
		const host = (connection: Record<string, string>, readBack?: Parameters<NonNullable<typeof ncr.dockerLogin>>[0]['readBack']) =>
			ncr.dockerLogin!({fields: {registry: 'team-a'}, credentials: {accessKey: 'AK', secretKey: 'SK'}, connection, endpoint: '', outcome, readBack})?.host;
		expect(host({site: 'kr'})).toBe('team-a.kr.ncr.ntruss.com');
		expect(host({site: 'sg'})).toBe('team-a.sg.ncr.ntruss.com');
		expect(host({site: 'gov-kr'})).toBe('team-a.ncr.gov-ntruss.com');
		expect(host({site: 'custom', endpoint: 'https://proxy.example.com/ncr/api/v2'})).toBeUndefined();
		expect(host({site: 'custom', endpoint: 'http://127.0.0.1:8123/ncr/api/v2'})).toBe('127.0.0.1:8123');
		const confirmed = {confirmed: true, resource: [], facts: {end_point: 'team-a.example.ncr.test', private_end_point: null, end_point_enabled: true}};
		expect(host({site: 'kr'}, confirmed)).toBe('team-a.example.ncr.test');
		const login = ncr.dockerLogin!({fields: {registry: 'team-a'}, credentials: {accessKey: 'AK', secretKey: 'SK'}, connection: {site: 'jp'}, endpoint: '', outcome});
		expect(login).toEqual({host: 'team-a.jp.ncr.ntruss.com', username: 'AK', secretKey: 'SK', imageBase: 'team-a.jp.ncr.ntruss.com/my-image'});
	});
	it('RegistryUI: the host of the base URL and the repository path', () => {
		const login = registryui.dockerLogin!({fields: {repository: 'team-a/web'}, credentials: {username: 'u', token: 't'}, connection: {url: 'https://registry.example.com:8443'}, endpoint: 'https://registry.example.com:8443', outcome});
		expect(login).toEqual({host: 'registry.example.com:8443', username: 'u', secretKey: 't', imageBase: 'registry.example.com:8443/team-a/web'});
	});
});
