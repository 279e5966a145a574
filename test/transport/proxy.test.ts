// regwiz create through a real proxy (proxy-chain, pure JS) on 127.0.0.1: plain http and https, both
// through CONNECT; which variable wins; NO_PROXY; 407; a proxy that is down or cannot reach the service;
// and the proxy's password never printed, in history or sent on to the service.
import fs from 'node:fs';
import net, {type AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {Server as ProxyServer} from 'proxy-chain';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {closedPort, startRecordingServer, type RecordingServer} from '../helpers/recording-server.js';
import {runCli} from '../helpers/run-cli.js';
import {startTlsServer, testCertificates, type TestCertificates, type TlsServer} from '../helpers/tls-certs.js';
import {openProfileStore} from '../../source/store/profile-store.js';

const ACCESS_KEY = 'ncp_iam_BPAMKR0000PROXY0001';
const SECRET_KEY = 'SECRET-canary-proxy-0123456789abcdef';
const NCR_ENV = {NCLOUD_ACCESS_KEY_ID: ACCESS_KEY, NCLOUD_SECRET_ACCESS_KEY: SECRET_KEY};
const PROXY_USER = 'proxy-user';
const PROXY_PASSWORD = 'proxy-canary-pass-4821';
const NCR_CREATED = {returnCode: '0', returnMessage: 'Registry Creation is successful'};
/** Every proxy variable cleared: NO_PROXY set but empty means "no exceptions", so loopback goes through. */
const NO_PROXY_VARS = {HTTP_PROXY: '', http_proxy: '', HTTPS_PROXY: '', https_proxy: '', NO_PROXY: '', no_proxy: ''};

type Seen = {hostname: string; port: number; isHttp: boolean; username: string; password: string};
type TestProxy = {url: string; label: string; withCredentials: string; seen: Seen[]; close: () => Promise<void>};

const proxies: TestProxy[] = [];

/** A proxy on 127.0.0.1; with `auth`, it answers 407 unless the right user and password come. */
async function startProxy(auth = false): Promise<TestProxy> {
	const seen: Seen[] = [];
	const server = new ProxyServer({
		port: 0,
		host: '127.0.0.1',
		verbose: false,
		prepareRequestFunction: ({hostname, port, isHttp, username, password}) => {
			seen.push({hostname, port, isHttp, username, password});
			if (auth && (username !== PROXY_USER || password !== PROXY_PASSWORD)) return {requestAuthentication: true};
			return {};
		},
	});
	await server.listen();
	const label = `http://127.0.0.1:${server.port}`;
	const proxy = {
		url: label,
		label,
		withCredentials: `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${server.port}`,
		seen,
		close: () => server.close(true),
	};
	proxies.push(proxy);
	return proxy;
}

let certs: TestCertificates;
let tlsServer: TlsServer;
let ncr: RecordingServer;
let scratch: string;

beforeAll(async () => {
	certs = testCertificates();
	tlsServer = await startTlsServer(certs.selfSigned);
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-proxy-test-'));
	fs.writeFileSync(path.join(scratch, 'self-signed.pem'), certs.selfSigned.cert);
});
afterAll(async () => {
	await tlsServer?.close();
	certs?.dispose();
	fs.rmSync(scratch, {recursive: true, force: true});
});
afterEach(async () => {
	await ncr?.close();
	for (const proxy of proxies.splice(0)) await proxy.close();
});

async function ncrServer(): Promise<RecordingServer> {
	ncr = await startRecordingServer({auth: {kind: 'ncp', accessKey: ACCESS_KEY, secretKey: SECRET_KEY}});
	ncr.answerAll({status: 201, body: NCR_CREATED});
	return ncr;
}

const create = (endpoint: string, ...extra: string[]) => ['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `${endpoint}/ncr/api/v2`, ...extra];

function configDir(): string {
	return fs.mkdtempSync(path.join(scratch, 'config-'));
}

/** Every file regwiz wrote in its config folder (profiles, history), as one string. */
function writtenFiles(dir: string): string {
	return fs
		.readdirSync(dir, {recursive: true, withFileTypes: true})
		.filter(entry => entry.isFile())
		.map(entry => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
		.join('\n');
}

describe('through a proxy', () => {
	it('plain http goes through CONNECT with the credentials of HTTP_PROXY; the service never sees them; nothing prints them', async () => {
		const proxy = await startProxy(true);
		const server = await ncrServer();
		const dir = configDir();
		const result = await runCli(create(server.url), {env: {...NCR_ENV, ...NO_PROXY_VARS, HTTP_PROXY: proxy.withCredentials}, configDir: dir});
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain('✓ Registry created');
		// The create and its read-back, each through its own tunnel.
		const tunnel = {hostname: '127.0.0.1', port: server.port, isHttp: false, username: PROXY_USER, password: PROXY_PASSWORD};
		expect(proxy.seen).toEqual([tunnel, tunnel]);
		expect(server.requests.map(request => request.method)).toEqual(['POST', 'GET']);
		expect(server.requests[0]!.authProblem).toBeNull();
		expect(server.requests[0]!.headers['proxy-authorization']).toBeUndefined();
		for (const text of [result.stdout, result.stderr, writtenFiles(dir)]) expect(text).not.toContain(PROXY_PASSWORD);
		expect(writtenFiles(dir)).toContain('"outcome":"created"');
	});

	it('https goes through CONNECT, and the certificate is still verified end to end', async () => {
		const proxy = await startProxy();
		const env = {...NCR_ENV, ...NO_PROXY_VARS, HTTPS_PROXY: proxy.url};
		const refused = await runCli(create(tlsServer.url, '--json'), {env: {...env, NODE_TLS_REJECT_UNAUTHORIZED: '0'}});
		expect(refused.code).toBe(3);
		expect(JSON.parse(refused.stdout)).toMatchObject({failure: 'tls', error: `Could not verify ${tlsServer.url}: its certificate is self-signed. Nothing was sent.`});
		const before = tlsServer.requests();
		const trusted = await runCli(create(tlsServer.url, '--json'), {env: {...env, NODE_EXTRA_CA_CERTS: path.join(scratch, 'self-signed.pem')}});
		expect(trusted.code, trusted.stderr).toBe(0);
		expect(JSON.parse(trusted.stdout)).toMatchObject({ok: true, status: 201});
		expect(tlsServer.requests()).toBe(before + 2);
		expect(proxy.seen.map(entry => [entry.hostname, entry.port, entry.isHttp])).toEqual([
			['127.0.0.1', tlsServer.port, false],
			['127.0.0.1', tlsServer.port, false],
			['127.0.0.1', tlsServer.port, false],
		]);
	});

	it('the lower-case variable wins over the upper-case one, as in curl', async () => {
		const proxy = await startProxy();
		const server = await ncrServer();
		const down = `http://127.0.0.1:${await closedPort()}`;
		const result = await runCli(create(server.url), {env: {...NCR_ENV, ...NO_PROXY_VARS, http_proxy: proxy.url, HTTP_PROXY: down}});
		expect(result.code, result.stdout).toBe(0);
		expect(proxy.seen).toHaveLength(2);
	});

	it('--proxy wins over the environment; --proxy "" goes direct', async () => {
		const proxy = await startProxy();
		const server = await ncrServer();
		const down = `http://127.0.0.1:${await closedPort()}`;
		const env = {...NCR_ENV, ...NO_PROXY_VARS, HTTP_PROXY: down};
		expect((await runCli(create(server.url, '--proxy', proxy.url), {env})).code).toBe(0);
		expect(proxy.seen).toHaveLength(2);
		expect((await runCli(create(server.url, '--proxy', ''), {env})).code).toBe(0);
		expect(proxy.seen).toHaveLength(2);
		expect(server.requests).toHaveLength(4);
	});

	it("a profile's proxy is used for that profile", async () => {
		const proxy = await startProxy(true);
		const server = await ncrServer();
		const dir = configDir();
		openProfileStore({REGWIZ_CONFIG_DIR: dir}).store.save('office', {
			backend: 'ncr',
			credentials: {accessKey: ACCESS_KEY, secretKey: SECRET_KEY},
			connection: {site: 'custom', endpoint: `${server.url}/ncr/api/v2`},
			proxy: proxy.withCredentials,
		});
		const result = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--profile', 'office'], {env: NO_PROXY_VARS, configDir: dir});
		expect(result.code, result.stdout).toBe(0);
		expect(proxy.seen.map(entry => entry.password)).toEqual([PROXY_PASSWORD, PROXY_PASSWORD]);
	});
});

describe('NO_PROXY', () => {
	it('a listed host is reached directly', async () => {
		const proxy = await startProxy();
		const server = await ncrServer();
		for (const noProxy of [{NO_PROXY: '127.0.0.1'}, {no_proxy: 'example.com, 127.0.0.0/8'}, {NO_PROXY: `127.0.0.1:${server.port}`}, {no_proxy: '*'}]) {
			const result = await runCli(create(server.url), {env: {...NCR_ENV, ...NO_PROXY_VARS, HTTP_PROXY: proxy.url, ...noProxy}});
			expect(result.code, JSON.stringify(noProxy)).toBe(0);
		}
		expect(proxy.seen).toEqual([]);
		expect(server.requests).toHaveLength(8);
	});

	it('unset, it covers loopback: a local server is reached directly', async () => {
		const proxy = await startProxy();
		const server = await ncrServer();
		const {NO_PROXY: _upper, no_proxy: _lower, ...cleared} = NO_PROXY_VARS;
		if (process.env.NO_PROXY !== undefined || process.env.no_proxy !== undefined) return; // set by the machine: not "unset"
		const result = await runCli(create(server.url), {env: {...NCR_ENV, ...cleared, HTTP_PROXY: proxy.url}});
		expect(result.code).toBe(0);
		expect(proxy.seen).toEqual([]);
	});
});

describe('proxy failures, each named', () => {
	it('407: exit 1, names the proxy without credentials; with wrong credentials, still never prints them', async () => {
		const proxy = await startProxy(true);
		const server = await ncrServer();
		const plain = await runCli(create(server.url), {env: {...NCR_ENV, ...NO_PROXY_VARS, HTTP_PROXY: proxy.url}});
		expect(plain.code).toBe(1);
		expect(plain.stdout).toContain(`The proxy ${proxy.label} (from HTTP_PROXY) asks for authentication (407). Nothing was sent to ${server.url}.`);
		expect(plain.stdout).toContain('Give its credentials in the proxy URL: http://USER:PASSWORD@host:port.');
		const wrong = `http://${PROXY_USER}:wrong-canary-pass-7@${proxy.label.slice('http://'.length)}`;
		const dir = configDir();
		const json = await runCli(create(server.url, '--json', '--proxy', wrong), {env: {...NCR_ENV, ...NO_PROXY_VARS}, configDir: dir});
		expect(json.code).toBe(1);
		expect(JSON.parse(json.stdout)).toMatchObject({
			ok: false,
			status: null,
			failure: 'proxy-auth',
			error: `The proxy ${proxy.label} (from --proxy) asks for authentication (407) and refused the credentials given. Nothing was sent to ${server.url}.`,
		});
		for (const text of [json.stdout, json.stderr, writtenFiles(dir)]) {
			expect(text).not.toContain('wrong-canary-pass-7');
			expect(text).not.toContain(PROXY_USER);
		}
		expect(server.requests).toEqual([]);
	});

	it('a proxy that is down: exit 3, "refused the connection", naming it without credentials', async () => {
		const server = await ncrServer();
		const down = `127.0.0.1:${await closedPort()}`;
		const result = await runCli(create(server.url, '--json'), {env: {...NCR_ENV, ...NO_PROXY_VARS, https_proxy: 'http://127.0.0.1:1', HTTP_PROXY: `http://${PROXY_USER}:${PROXY_PASSWORD}@${down}`}});
		expect(result.code).toBe(3);
		expect(JSON.parse(result.stdout)).toMatchObject({
			failure: 'proxy-refused',
			error: `The proxy http://${down} (from HTTP_PROXY) refused the connection: nothing is listening there. Nothing was sent to ${server.url}.`,
		});
		expect(result.stdout).not.toContain(PROXY_PASSWORD);
		expect(server.requests).toEqual([]);
	});

	it('a proxy that cannot reach the service: exit 3, its own message, whether it closes the tunnel or answers 502', async () => {
		const proxy = await startProxy();
		const target = `http://127.0.0.1:${await closedPort()}`;
		const plain = await runCli(create(target), {env: {...NCR_ENV, ...NO_PROXY_VARS, HTTP_PROXY: proxy.url}});
		expect(plain.code).toBe(3);
		expect(plain.stdout).toContain(`The proxy ${proxy.label} (from HTTP_PROXY) could not reach ${target} (it closed the connection). Nothing was sent to ${target}.`);
		// A proxy that says so: 502 to the CONNECT.
		const gateway = net.createServer(socket => {
			socket.on('error', () => undefined);
			socket.once('data', () => socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n'));
		});
		await new Promise<void>(resolve => gateway.listen(0, '127.0.0.1', resolve));
		const label = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
		try {
			const json = await runCli(create(target, '--json'), {env: {...NCR_ENV, ...NO_PROXY_VARS, HTTPS_PROXY: 'http://127.0.0.1:1', HTTP_PROXY: label}});
			expect(json.code).toBe(3);
			expect(JSON.parse(json.stdout)).toMatchObject({
				ok: false,
				failure: 'proxy-unreachable',
				error: `The proxy ${label} (from HTTP_PROXY) could not reach ${target} (it answered 502). Nothing was sent to ${target}.`,
			});
		} finally {
			await new Promise(resolve => gateway.close(resolve));
		}
	});

	it('a proxy that never answers the CONNECT: the one deadline, naming the proxy', async () => {
		const silent = net.createServer(socket => socket.on('error', () => undefined));
		const sockets = new Set<net.Socket>();
		silent.on('connection', socket => sockets.add(socket));
		await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
		const label = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
		try {
			const target = 'https://registry.example';
			const result = await runCli(create(target, '--timeout', '1', '--json'), {env: {...NCR_ENV, ...NO_PROXY_VARS, HTTPS_PROXY: label}, timeoutMs: 10_000});
			expect(result.code).toBe(3);
			expect(JSON.parse(result.stdout)).toMatchObject({failure: 'timeout', error: `No answer from ${target} through the proxy ${label} within 1 second.`});
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => silent.close(resolve));
		}
	});

	it('a proxy URL regwiz cannot use: exit 2 naming where it came from, never its password', async () => {
		const server = await ncrServer();
		const flag = await runCli(create(server.url, '--proxy', `socks5://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:1080`), {env: {...NCR_ENV, ...NO_PROXY_VARS}});
		expect(flag.code).toBe(2);
		expect(flag.stderr).toContain('--proxy: "socks5://127.0.0.1:1080" is not a proxy regwiz can use: socks5 proxies are not supported, only http:// and https:// (e.g. http://proxy.example:3128)');
		const env = await runCli(create(server.url), {env: {...NCR_ENV, ...NO_PROXY_VARS, HTTP_PROXY: `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:3128/path`}});
		expect(env.code).toBe(2);
		expect(env.stderr).toContain('HTTP_PROXY: "http://127.0.0.1:3128/path" is not a proxy regwiz can use: a proxy URL has no path');
		for (const result of [flag, env]) expect(result.stdout + result.stderr).not.toContain(PROXY_PASSWORD);
		expect(server.requests).toEqual([]);
	});
});

describe('what is shown before sending', () => {
	it('a dry run names the proxy and its source, not its credentials', async () => {
		const env = {...NCR_ENV, ...NO_PROXY_VARS, HTTPS_PROXY: `http://${PROXY_USER}:${PROXY_PASSWORD}@proxy.example:3128`};
		const text = await runCli(create('https://registry.example', '--dry-run'), {env});
		expect(text.code).toBe(0);
		expect(text.stdout).toContain('Through the proxy http://proxy.example:3128 (from HTTPS_PROXY, with credentials).');
		const json = await runCli(create('https://registry.example', '--dry-run', '--json'), {env});
		expect(JSON.parse(json.stdout)).toMatchObject({dryRun: true, proxy: 'http://proxy.example:3128'});
		for (const result of [text, json]) expect(result.stdout + result.stderr).not.toContain(PROXY_PASSWORD);
	});

	it('--curl adds --proxy without credentials, and --noproxy when regwiz goes direct but curl would not', async () => {
		const env = {...NCR_ENV, ...NO_PROXY_VARS, HTTPS_PROXY: `http://${PROXY_USER}:${PROXY_PASSWORD}@proxy.example:3128`};
		const proxied = await runCli(create('https://registry.example', '--curl'), {env});
		expect(proxied.code).toBe(0);
		expect(proxied.stdout).toContain("curl 'https://registry.example/ncr/api/v2/repositories/team-a' \\\n  --proxy 'http://proxy.example:3128' \\\n");
		expect(proxied.stdout).toContain("# The proxy's credentials (from HTTPS_PROXY) are not written here: add --proxy-user USER:PASSWORD.");
		expect(proxied.stdout).not.toContain(PROXY_PASSWORD);
		const direct = await runCli(create('https://registry.example', '--curl'), {env: {...env, NO_PROXY: 'registry.example'}});
		expect(direct.stdout).toContain("--noproxy 'registry.example'");
		expect(direct.stdout).not.toContain('--proxy ');
		const none = await runCli(create('https://registry.example', '--curl'), {env: {...NCR_ENV, ...NO_PROXY_VARS}});
		expect(none.stdout).not.toMatch(/--(no)?proxy/);
	});
});

describe('regwiz profile show', () => {
	it("names the profile's proxy without its credentials, plain and --json", async () => {
		const dir = configDir();
		openProfileStore({REGWIZ_CONFIG_DIR: dir}).store.save('office', {
			backend: 'ncr',
			credentials: {accessKey: ACCESS_KEY, secretKey: SECRET_KEY},
			connection: {site: 'kr'},
			proxy: `http://${PROXY_USER}:${PROXY_PASSWORD}@proxy.corp.example:3128`,
		});
		const plain = await runCli(['profile', 'show', 'office'], {configDir: dir});
		expect(plain.code).toBe(0);
		expect(plain.stdout).toMatch(/Proxy +http:\/\/proxy\.corp\.example:3128 \(with credentials\)/);
		const json = await runCli(['profile', 'show', 'office', '--json'], {configDir: dir});
		expect(JSON.parse(json.stdout)).toMatchObject({proxy: 'http://proxy.corp.example:3128 (with credentials)'});
		for (const result of [plain, json]) expect(result.stdout + result.stderr).not.toContain(PROXY_PASSWORD);
	});
});
