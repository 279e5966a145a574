// NCR and RegistryUI as they really answer (API notes, section 4): each fact on the emulator and in
// what regwiz does with it, scripted through the built binary against the in-process emulator.
import {afterEach, describe, expect, it} from 'vitest';
import {ncr, NCR_SITES, siteFromEnvironment} from '../../source/backends/ncr.js';
import {registryui} from '../../source/backends/registryui.js';
import {verifyCredentials} from '../../source/core/create.js';
import {NCP_HEADER, signNcpRequest} from '../../source/signing/ncp-signature.js';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {ncloudZoneOf} from '../../source/store/ncloud-config.js';
import {startRecordingServer, type RecordingServer} from '../helpers/recording-server.js';
import {runCli} from '../helpers/run-cli.js';

const NCR = '/ncr/api/v2';
const KEYS = SANDBOX_CREDENTIALS.ncr;
const UNSUBSCRIBED = SANDBOX_CREDENTIALS.ncrUnsubscribed;
const ENV = {NCLOUD_ACCESS_KEY: KEYS.accessKey, NCLOUD_SECRET_KEY: KEYS.secretKey};

let emulator: Emulator | undefined;
let recording: RecordingServer | undefined;

afterEach(async () => {
	await emulator?.close();
	await recording?.close();
	emulator = undefined;
	recording = undefined;
});

async function start(): Promise<Emulator> {
	emulator = await startEmulator({port: 0, host: '127.0.0.1'});
	return emulator;
}

/** A signed request straight to the emulator, as the gateway expects it unless told otherwise. */
function ncrFetch(target: Emulator, method: string, uri: string, options: {body?: unknown; keys?: {accessKey: string; secretKey: string}; contentType?: string | null} = {}) {
	const keys = options.keys ?? KEYS;
	const timestamp = String(Date.now());
	const headers: Record<string, string> = {
		[NCP_HEADER.timestamp]: timestamp,
		[NCP_HEADER.accessKey]: keys.accessKey,
		[NCP_HEADER.signature]: signNcpRequest({method, uri, timestamp, ...keys}),
	};
	if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json';
	const body = options.body === undefined ? undefined : JSON.stringify(options.body);
	return fetch(`${target.origin}${uri}`, {method, headers, body});
}

const createArgs = (target: Emulator, registry: string, ...extra: string[]) => [
	'create',
	'ncr',
	'--registry',
	registry,
	'--bucket',
	`${registry}-images`,
	'--endpoint',
	target.ncrBaseUrl,
	...extra,
];

const onlyJson = (stdout: string) => {
	expect(stdout.trimEnd().split('\n')).toHaveLength(1);
	return JSON.parse(stdout) as Record<string, unknown>;
};

describe('1. a 401 is advised by its errorCode', () => {
	it('the emulator answers 210 Permission Denied to an authentic key without a subscription', async () => {
		const target = await start();
		const response = await ncrFetch(target, 'POST', `${NCR}/repositories/team-a`, {body: {bucket: 'team-a-images'}, keys: UNSUBSCRIBED});
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({error: {errorCode: '210', message: 'Permission Denied', details: 'A subscription to the API is required.'}});
		expect(target.state.registries.size).toBe(0);
	});

	it('210: the subscription and the policy, never the clock, in plain output and in --json', async () => {
		const target = await start();
		const env = {NCLOUD_ACCESS_KEY: UNSUBSCRIBED.accessKey, NCLOUD_SECRET_KEY: UNSUBSCRIBED.secretKey};
		const plain = await runCli(createArgs(target, 'team-a'), {env});
		expect(plain.code).toBe(1);
		expect(plain.stdout).toContain('✗ Refused: 401 Permission Denied');
		expect(plain.stdout).toMatch(/Error code\s+210/);
		expect(plain.stdout).toContain('NCP answered 210 Permission Denied: the key pair was accepted, but this account may not use the API.');
		expect(plain.stdout).toContain('Container Registry is subscribed');
		expect(plain.stdout).not.toMatch(/clock/i);

		const json = onlyJson((await runCli(createArgs(target, 'team-a', '--json'), {env})).stdout);
		expect(json).toMatchObject({ok: false, status: 401, errorCode: '210', error: '401 Permission Denied: A subscription to the API is required.'});
	});

	it('200 "invalid": the key pair, the signature or the clock', async () => {
		const target = await start();
		const result = await runCli(createArgs(target, 'team-a', '--json'), {env: {...ENV, NCLOUD_SECRET_KEY: 'not-the-secret'}});
		const json = onlyJson(result.stdout);
		expect(json).toMatchObject({ok: false, status: 401, errorCode: '200', error: '401 Authentication Failed: Invalid authentication information.'});
		const plain = await runCli(createArgs(target, 'team-a'), {env: {...ENV, NCLOUD_SECRET_KEY: 'not-the-secret'}});
		expect(plain.stdout).toContain('NCP answered 200 Authentication Failed: it rejected the key, the signature or the timestamp, and does not say which. Check:');
		expect(plain.stdout).toContain('3. your clock is right (NCP allows 5 minutes).');
	});

	it('200 "missing": the headers did not arrive (the emulator answers it to an unsigned request)', async () => {
		const target = await start();
		const response = await fetch(`${target.ncrBaseUrl}/repositories`, {headers: {'content-type': 'application/json'}});
		const outcome = ncr.readResponse({status: response.status, headers: {}, body: await response.text()});
		expect(outcome).toMatchObject({errorCode: '200', details: 'Authentication information are missing.'});
		const advice = ncr.advise(outcome, {fields: {registry: 'team-a'}, connection: {site: 'kr'}, endpoint: target.ncrBaseUrl, now: Date.now(), headers: {}});
		expect(advice[0]).toBe('NCP says the authentication headers are missing: they did not reach it.');
	});
});

describe('2. a 403 on create may be a name another account holds', () => {
	it('the emulator refuses a name held elsewhere with 403, as it does a missing right', async () => {
		const target = await start();
		const response = await ncrFetch(target, 'POST', `${NCR}/repositories/taken-elsewhere`, {body: {bucket: 'mine'}});
		expect(response.status).toBe(403);
		expect((await response.json()).error).toMatchObject({errorCode: '403', message: 'Forbidden'});
	});

	it('says both causes and to try another name first', async () => {
		const target = await start();
		const result = await runCli(createArgs(target, 'taken-elsewhere'), {env: ENV});
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('the name "taken-elsewhere" is taken by another NCP account (names are unique across all accounts), or this account may not create registries.');
		expect(result.stdout).toContain('Try another name first');
	});
});

describe('3. the registry name and bucket rules', () => {
	it('the emulator keeps the v3 name rule and the labelled bucket rule', async () => {
		const target = await start();
		for (const name of ['ab', '1team', `a${'b'.repeat(30)}`, 'team-']) {
			const response = await ncrFetch(target, 'POST', `${NCR}/repositories/${name}`, {body: {bucket: 'good-bucket'}});
			expect(response.status).toBe(400);
			expect((await response.json()).error.message).toBe('Invalid registry name');
		}
		for (const bucket of ['team..images', 'team-.images', 'team.-images', '.team', '10.0.0.1']) {
			const response = await ncrFetch(target, 'POST', `${NCR}/repositories/team-a`, {body: {bucket}});
			expect(response.status).toBe(400);
			expect((await response.json()).error.message).toBe('Invalid bucket name');
		}
		expect((await ncrFetch(target, 'POST', `${NCR}/repositories/abc`, {body: {bucket: 'a.b-c.d'}})).status).toBe(201);
		expect((await ncrFetch(target, 'POST', `${NCR}/repositories/${`a${'b'.repeat(28)}c`}`, {body: {bucket: 'long-name'}})).status).toBe(201);
	});

	it('a script is told before anything is sent', async () => {
		const target = await start();
		const name = await runCli(createArgs(target, '9lives'), {env: ENV});
		expect(name.code).toBe(2);
		expect(name.stderr).toContain('--registry: "9lives" is not a valid registry name: must start with a lowercase letter; 3–30 characters');
		const bucket = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team..images', '--endpoint', target.ncrBaseUrl], {env: ENV});
		expect(bucket.code).toBe(2);
		expect(bucket.stderr).toContain('has an empty label: no dot at either end and no two dots in a row');
		expect(target.received).toEqual([]);
	});
});

describe("4. the financial zone and every site's docker host", () => {
	it('fin is a site: its API base, in --help and in a dry run', async () => {
		const help = await runCli(['create', 'ncr', '--help']);
		expect(help.stdout).toContain('fin (Financial)');
		expect(help.stdout).toContain('--site kr|sg|jp|gov-kr|gov-krs|fin');
		const dry = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--site', 'fin', '--dry-run'], {env: ENV});
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain('POST https://ncr.apigw.fin-ntruss.com/ncr/api/v2/repositories/team-a');
	});

	it("each site's usual host, said to be unconfirmed when the read-back fails", () => {
		const hosts = Object.fromEntries(
			NCR_SITES.map(site => [site.value, ncr.readBack!.read(undefined, {fields: {registry: 'team-a'}, connection: {site: site.value}, failure: 'offline'}).facts.end_point]),
		);
		expect(hosts).toEqual({
			kr: 'team-a.kr.ncr.ntruss.com',
			sg: 'team-a.sg.ncr.ntruss.com',
			jp: 'team-a.jp.ncr.ntruss.com',
			'gov-kr': 'team-a.ncr.gov-ntruss.com',
			'gov-krs': 'team-a.krs.ncr.gov-ntruss.com',
			fin: 'team-a.ncr.fin-ntruss.com',
		});
		// A custom endpoint, with or without the "custom" site, has no usual host to guess.
		const connections: Array<Record<string, string>> = [{site: 'custom', endpoint: 'http://127.0.0.1:1/ncr/api/v2'}, {endpoint: 'http://127.0.0.1:1/ncr/api/v2'}];
		for (const connection of connections) {
			expect(ncr.readBack!.read(undefined, {fields: {registry: 'team-a'}, connection, failure: 'offline'}).facts.end_point).toBeNull();
		}
		const fallback = ncr.readBack!.read(undefined, {fields: {registry: 'team-a'}, connection: {site: 'fin'}, failure: 'connection refused'});
		expect(fallback).toMatchObject({confirmed: false, resource: [{label: 'Endpoint', value: 'team-a.ncr.fin-ntruss.com  (the usual pattern for Financial, not confirmed: the registry could not be read back (connection refused))'}]});
	});
});

describe('5. the created registry is read back', () => {
	it('the emulator lists end_point, private_end_point, private_id and end_point_enabled', async () => {
		const target = await start();
		await ncrFetch(target, 'POST', `${NCR}/repositories/team-a`, {body: {bucket: 'team-a-images'}});
		const listed = await (await ncrFetch(target, 'GET', `${NCR}/repositories?page=1&pagesize=100`)).json();
		expect(listed.results[0]).toMatchObject({
			name: 'team-a',
			// Its own loopback origin, which answers the registry login check.
			end_point: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
			private_id: expect.stringMatching(/^p[0-9a-z]+$/),
			private_end_point: expect.stringMatching(/^p[0-9a-z]+\.private\.sandbox\.local$/),
			end_point_enabled: true,
		});
	});

	it('shows the hosts the service reports and uses them in the next steps; --json carries them', async () => {
		const target = await start();
		const result = await runCli(createArgs(target, 'team-a'), {env: ENV});
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/Endpoint\s+127\.0\.0\.1:\d+\n/);
		expect(result.stdout).toMatch(/Private\s+p[0-9a-z]+\.private\.sandbox\.local {2}\(the private endpoint, from inside the VPC\)/);
		expect(result.stdout).toMatch(/docker login 127\.0\.0\.1:\d+ {3}\(user: your access key, password: your secret key\)/);
		expect(result.stdout).toMatch(/docker push 127\.0\.0\.1:\d+\/<image>:<tag>/);
		expect(target.received.map(request => [request.method, request.path, request.status])).toEqual([
			['POST', `${NCR}/repositories/team-a`, 201],
			['GET', `${NCR}/repositories?page=1&pagesize=100`, 200],
		]);

		const json = onlyJson((await runCli(createArgs(target, 'team-b', '--json'), {env: ENV})).stdout);
		expect(json).toMatchObject({
			ok: true,
			status: 201,
			readBack: {confirmed: true, end_point: expect.stringMatching(/^127\.0\.0\.1:\d+$/), private_end_point: expect.stringMatching(/\.private\.sandbox\.local$/), end_point_enabled: true},
		});
	});

	it('a public endpoint turned off leads to the private one', () => {
		const body = JSON.stringify({count: 1, results: [{name: 'team-a', end_point: 'team-a.kr.ncr.ntruss.com', private_end_point: 'abc.kr.private-ncr.ntruss.com', end_point_enabled: false}]});
		const readBack = ncr.readBack!.read({status: 200, headers: {}, body}, {fields: {registry: 'team-a'}, connection: {site: 'kr'}});
		expect(readBack.resource).toEqual([
			{label: 'Endpoint', value: 'team-a.kr.ncr.ntruss.com  (turned off: enable it in the console to use it)'},
			{label: 'Private', value: 'abc.kr.private-ncr.ntruss.com  (the private endpoint, from inside the VPC)'},
		]);
		const advice = ncr.advise(ncr.readResponse({status: 201, headers: {}, body: '{"returnCode":"201"}'}), {
			fields: {registry: 'team-a'},
			connection: {site: 'kr'},
			endpoint: '',
			now: 0,
			headers: {},
			readBack,
		});
		expect(advice).toContain('docker login abc.kr.private-ncr.ntruss.com   (user: your access key, password: your secret key)');
		expect(advice).toContain('The public endpoint is turned off: the private one works from inside the VPC.');
	});

	it('a host the service sent that is not a host name is not used as one', () => {
		const body = JSON.stringify({results: [{name: 'team-a', end_point: 'evil.example\u001B[2J; rm -rf /'}]});
		const readBack = ncr.readBack!.read({status: 200, headers: {}, body}, {fields: {registry: 'team-a'}, connection: {site: 'kr'}});
		expect(readBack.confirmed).toBe(false);
		expect(readBack.facts.end_point).toBe('team-a.kr.ncr.ntruss.com');
	});

	it('when the read-back fails, the create still succeeded and the endpoint is said to be unconfirmed', async () => {
		recording = await startRecordingServer({auth: {kind: 'ncp', ...KEYS}});
		recording.answerNext({status: 201, body: {returnCode: '201', returnMessage: 'Registry Creation is successful'}}, {status: 500, body: 'boom'});
		const result = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `${recording.url}${NCR}`, '--json'], {env: ENV});
		expect(result.code).toBe(0);
		const json = onlyJson(result.stdout);
		expect(json).toMatchObject({ok: true, readBack: {confirmed: false, end_point: null}});
		expect(recording.requests.map(request => [request.method, request.url])).toEqual([
			['POST', `${NCR}/repositories/team-a`],
			['GET', `${NCR}/repositories?page=1&pagesize=100`],
		]);
		recording.answerNext({status: 201, body: {returnCode: '201', returnMessage: 'ok'}}, {status: 500, body: 'boom'});
		const plain = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `${recording.url}${NCR}`], {env: ENV});
		expect(plain.stdout).toContain('✓ Registry created');
		expect(plain.stdout).toContain('not confirmed (reading it back was refused: 500 Internal Server Error)');
	});
});

describe('6. the site from the environment', () => {
	it.each([
		[{NCLOUD_SITE: 'fin'}, 'https://ncr.apigw.fin-ntruss.com/ncr/api/v2'],
		[{NCLOUD_SITE: 'gov'}, 'https://gov-ncr.apigw.gov-ntruss.com/ncr/kr/v2'],
		[{NCLOUD_SITE: 'gov', NCLOUD_REGION: 'KRS'}, 'https://gov-ncr.apigw.gov-ntruss.com/ncr/krs/v2'],
		[{NCLOUD_REGION: 'SGN'}, 'https://ncr.apigw.ntruss.com/ncr/sgn-api/v2'],
		[{NCLOUD_SITE: 'public', NCLOUD_REGION: 'JPN'}, 'https://ncr.apigw.ntruss.com/ncr/jpn-api/v2'],
	])('%j chooses %s', async (vars, base) => {
		const result = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--dry-run', '--json'], {env: {...ENV, ...vars}});
		expect(result.code).toBe(0);
		expect(onlyJson(result.stdout)).toMatchObject({request: {url: `${base}/repositories/team-a`}});
	});

	it('--site wins over the environment, and an unknown value is named', async () => {
		const flag = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'b-1', '--site', 'jp', '--dry-run'], {env: {...ENV, NCLOUD_SITE: 'fin'}});
		expect(flag.stdout).toContain('https://ncr.apigw.ntruss.com/ncr/jpn-api/v2/repositories/team-a');
		const bad = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'b-1', '--dry-run'], {env: {...ENV, NCLOUD_SITE: 'moon'}});
		expect(bad.code).toBe(2);
		expect(bad.stderr).toBe('regwiz: NCLOUD_SITE "moon" is not a site: use public, gov or fin (e.g. NCLOUD_SITE=gov)\n');
		expect(siteFromEnvironment({NCLOUD_SITE: 'fin', NCLOUD_REGION: 'SGN'})).toEqual({problem: 'NCLOUD_REGION "SGN" is not a region of the fin site: use KR (e.g. NCLOUD_REGION=KR)'});
	});

	it('an ncloud_api_url names its zone', () => {
		expect(ncloudZoneOf('https://ncloud.apigw.gov-ntruss.com')).toBe('gov');
		expect(ncloudZoneOf('https://fin-ncloud.apigw.fin-ntruss.com/')).toBe('fin');
		expect(ncloudZoneOf('https://ncloud.apigw.ntruss.com')).toBeUndefined();
		expect(ncloudZoneOf('https://gov-ntruss.com.example.com')).toBeUndefined();
		expect(ncloudZoneOf('not a url')).toBeUndefined();
	});
});

describe('7. Content-Type: application/json on every NCR request', () => {
	it('the emulator refuses a request without it; regwiz sends it on the create, the read-back and the check', async () => {
		const target = await start();
		const bare = await ncrFetch(target, 'GET', `${NCR}/repositories`, {contentType: null});
		expect(bare.status).toBe(400);
		expect((await bare.json()).error).toMatchObject({errorCode: '100', message: 'Bad Request Exception'});

		expect((await runCli(createArgs(target, 'team-a'), {env: ENV})).code).toBe(0);
		const check = await verifyCredentials(ncr, KEYS, {site: 'custom', endpoint: target.ncrBaseUrl}, {timeoutMs: 5000});
		expect(check).toEqual({ok: true, message: 'credentials work: 1 registry visible'});
		const sent = target.received.filter(request => request.path.startsWith(NCR));
		expect(sent.map(request => [request.method, request.headers['content-type'], request.status])).toEqual([
			['GET', undefined, 400],
			['POST', 'application/json', 201],
			['GET', 'application/json', 200],
			['GET', 'application/json', 200],
		]);
	});
});

describe('8. RegistryUI lists carry total and count; the check counts from total', () => {
	const udr = (target: Emulator, method: string, uri: string, user = SANDBOX_CREDENTIALS.registryuiAdmin) =>
		fetch(`${target.origin}${uri}`, {method, headers: {authorization: `Basic ${Buffer.from(`${user.username}:${user.token}`).toString('base64')}`}});

	it('the emulator: total and count beside the entries; a folder delete answers data: true', async () => {
		const target = await start();
		for (const repository of ['team-a/one', 'team-a/two', 'team-b/one']) {
			await udr(target, 'POST', `/udr/v1api/project/create?repository=${encodeURIComponent(repository)}`);
		}
		const listed = await (await udr(target, 'GET', '/udr/v1api/repositories?take=1')).json();
		expect(listed).toMatchObject({error: null, total: 3, count: 1});
		expect(listed.data.map((entry: {fullPath: string}) => entry.fullPath)).toEqual(['team-a/one']);
		expect(await (await udr(target, 'DELETE', '/udr/v1api/folder?path=team-a')).json()).toEqual({error: null, data: true});
	});

	it('counts from total beside the entries or under data', () => {
		expect(registryui.countListed({error: null, data: [], total: 7, count: 0})).toBe(7);
		expect(registryui.countListed({error: null, data: {total: 5, count: 1, entries: []}})).toBe(5);
		expect(registryui.countListed({error: null, data: [{fullPath: 'a'}]})).toBeUndefined();
	});

	it('says what the check proved and what it did not, for an administrator and for a viewer', async () => {
		const target = await start();
		await udr(target, 'POST', '/udr/v1api/project/create?repository=team-a%2Fone');
		const limit = 'not checked: creating needs a RegistryUI administrator, which a listing cannot tell';
		for (const user of [SANDBOX_CREDENTIALS.registryuiAdmin, SANDBOX_CREDENTIALS.registryuiUser]) {
			const check = await verifyCredentials(registryui, user, {url: target.registryuiBaseUrl}, {timeoutMs: 5000});
			expect(check).toEqual({ok: true, message: `the credentials work for listing (1 repository visible); ${limit}`});
		}
	});
});

describe('9. a RegistryUI base URL is the site root', () => {
	it.each(['/udr', '/udr/', '/udr/v1api', '/udr/v1api/'])('%s is cut, and regwiz says so in the check', async suffix => {
		const target = await start();
		const given = `${target.registryuiBaseUrl}${suffix}`;
		expect(registryui.endpoint({url: given})).toBe(target.registryuiBaseUrl);
		const check = await verifyCredentials(registryui, SANDBOX_CREDENTIALS.registryuiAdmin, {url: given}, {timeoutMs: 5000});
		expect(check.ok).toBe(true);
		expect(check.message).toContain(`taken as ${target.registryuiBaseUrl}: base URLs are the site root`);
		expect(target.received.map(request => request.path)).toEqual(['/udr/v1api/repositories?take=1']);
	});

	it('a script sends to the root and says so, in the result and in a dry run', async () => {
		const target = await start();
		const env = {REGISTRYUI_USERNAME: 'admin', REGISTRYUI_TOKEN: SANDBOX_CREDENTIALS.registryuiAdmin.token};
		const url = `${target.registryuiBaseUrl}/udr/v1api`;
		const sent = await runCli(['create', 'registryui', '--url', url, '--repository', 'team-a/web'], {env});
		expect(sent.code).toBe(0);
		expect(sent.stdout).toContain(`Base URL ${url} taken as ${target.registryuiBaseUrl}: base URLs are the site root, and regwiz adds /udr/v1api itself.`);
		expect(target.received.map(request => [request.path, request.status])).toEqual([['/udr/v1api/project/create?repository=team-a%2Fweb', 200]]);
		const dry = await runCli(['create', 'registryui', '--url', `${target.registryuiBaseUrl}/udr`, '--repository', 'team-a/web', '--dry-run'], {env});
		expect(dry.stderr).toContain(`taken as ${target.registryuiBaseUrl}: base URLs are the site root`);
		expect(dry.stdout).toContain(`POST ${target.registryuiBaseUrl}/udr/v1api/project/create?repository=team-a%2Fweb`);
	});
});
