import {execFile, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ncr} from '../../source/backends/ncr.js';
import {registryui} from '../../source/backends/registryui.js';
import type {Backend} from '../../source/backends/types.js';
import {curlCommand, shellQuote} from '../../source/cli/curl.js';
import {main} from '../../source/cli/main.js';
import {NCP_HEADER, signNcpRequest} from '../../source/signing/ncp-signature.js';
import {runWithFakeIo} from '../helpers/fake-io.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const NCR_KEYS = {accessKey: 'AKIDEXAMPLE0001', secretKey: 'ncr-secret-key-abcdef'};
const UI_KEYS = {username: 'admin', token: 'registryui-token-5555'};

/**
 * Runs the printed command in a POSIX shell whose `curl` prints its arguments, NUL-separated:
 * what the shell hands curl is what the quoting meant.
 */
function shellArguments(command: string, env: NodeJS.ProcessEnv = {}): string[] {
	const script = `curl() { for argument in "$@"; do printf '%s\\0' "$argument"; done; }\n${command}\n`;
	const output = execFileSync('sh', ['-c', script], {env: {PATH: process.env.PATH, ...env}, encoding: 'utf8'});
	return output.split('\0').slice(0, -1);
}

/** The -H values as a header map. */
function headersOf(argv: string[]): Record<string, string> {
	const headers: Record<string, string> = {};
	argv.forEach((argument, index) => {
		if (argument !== '-H') return;
		const value = argv[index + 1] ?? '';
		const colon = value.indexOf(':');
		headers[value.slice(0, colon)] = value.slice(colon + 1).trim();
	});
	return headers;
}

describe('curlCommand for NCR', () => {
	const request = ncr.buildRequest({registry: 'team-a', storageType: 'objectStorage', bucket: 'team-a-images'}, NCR_KEYS, ncr.endpoint({site: 'kr'}), {now: NOW});
	const command = curlCommand(request, ncr, NCR_KEYS);

	it('prints the signed request with a comment saying it is valid for 5 minutes', () => {
		const signature = request.headers[NCP_HEADER.signature];
		expect(command).toBe(
			[
				`# Signed for NAVER Cloud Container Registry: valid 5 minutes, until 2026-11-23T12:05:00.000Z; then print it again (regwiz create ncr ... --curl).`,
				`curl 'https://ncr.apigw.ntruss.com/ncr/api/v2/repositories/team-a' \\`,
				`  -H 'accept: application/json' \\`,
				`  -H 'content-type: application/json' \\`,
				`  -H 'x-ncp-apigw-timestamp: ${NOW}' \\`,
				`  -H 'x-ncp-iam-access-key: AKIDEXAMPLE0001' \\`,
				`  -H 'x-ncp-apigw-signature-v2: ${signature}' \\`,
				`  --data-raw '{"bucket":"team-a-images"}'`,
			].join('\n'),
		);
	});

	it('never contains the secret key', () => {
		expect(command).not.toContain(NCR_KEYS.secretKey);
	});

	it("carries a signature that verifies for its own timestamp, path and access key", () => {
		const argv = shellArguments(command);
		const url = new URL(argv[0] ?? '');
		const headers = headersOf(argv);
		expect(argv.at(-2)).toBe('--data-raw');
		expect(argv.at(-1)).toBe('{"bucket":"team-a-images"}');
		const expected = signNcpRequest({
			method: 'POST',
			uri: url.pathname + url.search,
			timestamp: headers[NCP_HEADER.timestamp] ?? '',
			accessKey: headers[NCP_HEADER.accessKey] ?? '',
			secretKey: NCR_KEYS.secretKey,
		});
		expect(headers[NCP_HEADER.signature]).toBe(expected);
		expect(headers[NCP_HEADER.timestamp]).toBe(String(NOW));
	});

	it('sends the storage type for ncloudStorage, and a GET needs no -X', () => {
		const ncloud = curlCommand(ncr.buildRequest({registry: 'reg1', storageType: 'ncloudStorage'}, NCR_KEYS, 'http://127.0.0.1:8080/ncr/api/v2', {now: NOW}), ncr, NCR_KEYS);
		expect(shellArguments(ncloud).at(-1)).toBe('{"storageType":"ncloudStorage"}');
		const listing = curlCommand(ncr.buildVerifyRequest(NCR_KEYS, 'http://127.0.0.1:8080/ncr/api/v2', {now: NOW}), ncr, NCR_KEYS);
		expect(listing).toContain(`curl 'http://127.0.0.1:8080/ncr/api/v2/repositories?page=1&pagesize=1' \\`);
		expect(listing).not.toContain('-X');
	});
});

describe('curlCommand for RegistryUI', () => {
	const request = registryui.buildRequest({repository: 'team-a/backend', title: "Team A's \"web\" $HOME `id`", isPublic: 'false'}, UI_KEYS, 'https://registry.example.com');
	const command = curlCommand(request, registryui, UI_KEYS);

	it('reads the token from $REGISTRYUI_TOKEN instead of an Authorization header', () => {
		expect(command).toBe(
			[
				'# The user token is read from $REGISTRYUI_TOKEN: export it first (it is not written here).',
				`curl -X POST 'https://registry.example.com/udr/v1api/project/create?repository=team-a%2Fbackend&title=Team+A%27s+%22web%22+%24HOME+%60id%60&isPublic=false' \\`,
				`  -H 'accept: application/json' \\`,
				`  -u "admin:$REGISTRYUI_TOKEN" \\`,
				`  -H 'content-length: 0'`,
			].join('\n'),
		);
	});

	it('never contains the token, nor the Basic value made from it', () => {
		expect(command).not.toContain(UI_KEYS.token);
		expect(command).not.toContain(request.headers.authorization ?? 'unset');
		expect(command.toLowerCase()).not.toContain('authorization');
	});

	it('the shell fills in the token from the environment', () => {
		const argv = shellArguments(command, {REGISTRYUI_TOKEN: 'from-the-env'});
		expect(argv).toEqual([
			'-X',
			'POST',
			request.url,
			'-H',
			'accept: application/json',
			'-u',
			'admin:from-the-env',
			'-H',
			'content-length: 0',
		]);
	});

	it('quotes a user name the shell would otherwise read', () => {
		for (const username of ["o'brien", 'a$b', 'back`tick`', 'say "hi"', 'x\\y', 'bang!']) {
			const credentials = {username, token: 'registryui-token-5555'};
			const argv = shellArguments(curlCommand(registryui.buildRequest({repository: 'r'}, credentials, 'https://r.example'), registryui, credentials), {
				REGISTRYUI_TOKEN: 'tok',
			});
			expect(argv[argv.indexOf('-u') + 1]).toBe(`${username}:tok`);
		}
	});
});

describe('shellQuote', () => {
	it('survives a POSIX shell unchanged, whatever the value holds', () => {
		const values = ["it's", "''", '$(id)', '`id`', '"\\n"', 'line\nbreak', 'tab\there', '*', '~', '!', '; rm -rf /', ''];
		const argv = shellArguments(`curl ${values.map(shellQuote).join(' ')}`);
		expect(argv).toEqual(values);
	});
});

describe('curlCommand refuses to print a secret', () => {
	it('throws when a backend would put a secret where it is printed', () => {
		const leaky: Backend = {...registryui, id: 'leaky'};
		const request = {method: 'POST' as const, url: 'https://r.example/x', headers: {'x-token': UI_KEYS.token}, redact: {}};
		expect(() => curlCommand(request, leaky, UI_KEYS)).toThrow('refusing to print a curl command that contains the leaky secret');
	});
});

describe('regwiz create --curl', () => {
	const servers: http.Server[] = [];
	const folders: string[] = [];
	afterEach(async () => {
		for (const server of servers.splice(0)) await new Promise(resolve => server.close(resolve));
		for (const folder of folders.splice(0)) fs.rmSync(folder, {recursive: true, force: true});
	});

	async function countingServer(): Promise<{baseUrl: string; requests: () => number}> {
		let count = 0;
		const server = http.createServer((_request, response) => {
			count++;
			response.end('{}');
		});
		servers.push(server);
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		return {baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => count};
	}

	async function run(argv: string[], extraEnv: NodeJS.ProcessEnv, stdoutTTY = false) {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-curl-'));
		folders.push(folder);
		const env = {REGWIZ_CONFIG_DIR: path.join(folder, 'config'), HOME: folder, ...extraEnv};
		const {code, out, err} = await runWithFakeIo(main, argv, env, {stdoutTTY});
		return {code, out, err, folder};
	}

	const ncrEnv = {NCLOUD_ACCESS_KEY_ID: NCR_KEYS.accessKey, NCLOUD_SECRET_ACCESS_KEY: NCR_KEYS.secretKey};

	it('prints the command, sends nothing, exits 0', async () => {
		const server = await countingServer();
		const result = await run(['create', 'ncr', '--registry', 'team-a', '--bucket', 'b-1', '--endpoint', `${server.baseUrl}/ncr/api/v2`, '--curl'], ncrEnv);
		expect(result.code).toBe(0);
		expect(result.err).toBe('');
		expect(result.out).toMatch(/^# Signed for NAVER Cloud Container Registry: valid 5 minutes, until .+\ncurl 'http:\/\/127\.0\.0\.1:\d+\/ncr\/api\/v2\/repositories\/team-a' \\\n/);
		expect(result.out).not.toContain(NCR_KEYS.secretKey);
		expect(server.requests()).toBe(0);
	});

	it('with --json prints one clean object holding the command', async () => {
		const server = await countingServer();
		const result = await run(['create', 'registryui', '--url', server.baseUrl, '--repository', 'team-a/web', '--curl', '--json'], {REGISTRYUI_USERNAME: 'admin', REGISTRYUI_TOKEN: UI_KEYS.token}, true);
		expect(result.code).toBe(0);
		expect(result.err).toBe('');
		expect(result.out).not.toContain('\u001B');
		const answer = JSON.parse(result.out);
		expect(answer).toEqual({
			ok: true,
			backend: 'registryui',
			request: {method: 'POST', url: `${server.baseUrl}/udr/v1api/project/create?repository=team-a%2Fweb`},
			curl: expect.stringContaining('-u "admin:$REGISTRYUI_TOKEN"'),
		});
		expect(result.out).not.toContain(UI_KEYS.token);
		expect(server.requests()).toBe(0);
	});

	it('with --json for NCR says until when the signature holds', async () => {
		const result = await run(['create', 'ncr', '--registry', 'team-a', '--bucket', 'b-1', '--curl', '--json'], ncrEnv);
		const answer = JSON.parse(result.out);
		expect(Date.parse(answer.expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);
		expect(answer.curl).toContain(`-H 'x-ncp-apigw-timestamp: ${Date.parse(answer.expiresAt) - 5 * 60_000}'`);
	});

	it('--curl and --dry-run together are a usage error', async () => {
		const result = await run(['create', 'ncr', '--registry', 'team-a', '--bucket', 'b-1', '--curl', '--dry-run'], ncrEnv);
		expect(result).toMatchObject({code: 2, out: '', err: 'regwiz: --dry-run and --curl contradict each other: give one of them\n'});
	});

	it('plain dry-run output has no escape codes off a terminal or with NO_COLOR, and has them on one', async () => {
		const argv = ['create', 'ncr', '--registry', 'team-a', '--bucket', 'b-1', '--dry-run'];
		expect((await run(argv, ncrEnv, false)).out).not.toContain('\u001B');
		expect((await run(argv, {...ncrEnv, NO_COLOR: '1'}, true)).out).not.toContain('\u001B');
		expect((await run([...argv, '--no-color'], ncrEnv, true)).out).not.toContain('\u001B');
		expect((await run(argv, ncrEnv, true)).out).toContain('\u001B[1m');
	});

	it('the help lists --curl', async () => {
		const result = await run(['create', 'ncr', '--help'], {});
		expect(result.out).toContain('--curl                  print an equivalent curl command instead of sending');
	});
});

const hasCurl = (() => {
	try {
		execFileSync('curl', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
})();

describe.skipIf(!hasCurl)('the printed command, run by the real curl', () => {
	type Seen = {method: string; url: string; headers: http.IncomingHttpHeaders; body: string};
	let server: http.Server | undefined;
	afterEach(async () => {
		if (server) await new Promise(resolve => server!.close(resolve));
		server = undefined;
	});

	async function recorder(): Promise<{baseUrl: string; seen: Seen[]}> {
		const seen: Seen[] = [];
		server = http.createServer((request, response) => {
			let body = '';
			request.on('data', chunk => (body += String(chunk)));
			request.on('end', () => {
				seen.push({method: request.method ?? '', url: request.url ?? '', headers: request.headers, body});
				response.end('{}');
			});
		});
		await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
		return {baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen};
	}

	const runShell = (command: string, env: NodeJS.ProcessEnv = {}) =>
		new Promise<void>((resolve, reject) => {
			// Asynchronously: the server answering lives in this same process.
			const child = execFile('sh', ['-c', `${command} --silent --show-error --max-time 10 -o /dev/null`], {env: {PATH: process.env.PATH, ...env}}, error =>
				error ? reject(error) : resolve(),
			);
			child.stdin?.end();
		});

	it('NCR: the server receives a request whose signature verifies', async () => {
		const {baseUrl, seen} = await recorder();
		const request = ncr.buildRequest({registry: 'team-a', storageType: 'objectStorage', bucket: 'team-a-images'}, NCR_KEYS, `${baseUrl}/ncr/api/v2`, {now: Date.now()});
		await runShell(curlCommand(request, ncr, NCR_KEYS));
		expect(seen).toHaveLength(1);
		const [got] = seen as [Seen];
		expect(got.method).toBe('POST');
		expect(got.url).toBe('/ncr/api/v2/repositories/team-a');
		expect(got.body).toBe('{"bucket":"team-a-images"}');
		expect(got.headers['content-type']).toBe('application/json');
		const timestamp = String(got.headers[NCP_HEADER.timestamp]);
		expect(got.headers[NCP_HEADER.signature]).toBe(
			signNcpRequest({method: got.method, uri: got.url, timestamp, accessKey: String(got.headers[NCP_HEADER.accessKey]), secretKey: NCR_KEYS.secretKey}),
		);
	});

	it('RegistryUI: the server receives Basic auth made from $REGISTRYUI_TOKEN and an empty POST', async () => {
		const {baseUrl, seen} = await recorder();
		const request = registryui.buildRequest({repository: 'team-a/web', isPublic: 'true'}, UI_KEYS, baseUrl);
		await runShell(curlCommand(request, registryui, UI_KEYS), {REGISTRYUI_TOKEN: UI_KEYS.token});
		const [got] = seen as [Seen];
		expect(got.method).toBe('POST');
		expect(got.url).toBe('/udr/v1api/project/create?repository=team-a%2Fweb&isPublic=true');
		expect(got.headers.authorization).toBe(request.headers.authorization);
		expect(got.headers['content-length']).toBe('0');
		expect(got.body).toBe('');
	});
});

describe('the built regwiz, as a script runs it', () => {
	it('create --curl prints only the command on stdout, without colour or the secret', async () => {
		const {runCli} = await import('../helpers/run-cli.js');
		const result = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'b-1', '--curl'], {
			env: {NCLOUD_ACCESS_KEY_ID: NCR_KEYS.accessKey, NCLOUD_SECRET_ACCESS_KEY: NCR_KEYS.secretKey, FORCE_COLOR: ''},
		});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/^# Signed for NAVER Cloud Container Registry: valid 5 minutes/);
		expect(result.stdout).toContain(`curl 'https://ncr.apigw.ntruss.com/ncr/api/v2/repositories/team-a' \\\n`);
		expect(result.stdout).not.toContain('\u001B');
		expect(result.stdout).not.toContain(NCR_KEYS.secretKey);
	});
});
