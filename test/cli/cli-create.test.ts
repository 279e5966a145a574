// `regwiz create …` as a script runs it: the built program, no terminal, a local recording server.
// Each test checks what the person sees (exit code, stdout, stderr) and what reached the server.
import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {openProfileStore} from '../../source/store/profile-store.js';
import {closedPort, startRecordingServer, type RecordingServer, type RecordingServerOptions} from '../helpers/recording-server.js';
import {makeConfigDir, ROOT, runCli, type CliResult} from '../helpers/run-cli.js';

const ACCESS_KEY = 'ncp_iam_BPAMKR0000TEST9876';
const SECRET_KEY = 's3cr3tEXAMPLEs3cr3tEXAMPLEs3cr3tEXAMPLE00';
const NCR_ENV = {NCLOUD_ACCESS_KEY_ID: ACCESS_KEY, NCLOUD_SECRET_ACCESS_KEY: SECRET_KEY};
const UI_USER = 'admin';
const UI_TOKEN = 'tok-9f8e7d6c5b4a';
const UI_ENV = {REGISTRYUI_USERNAME: UI_USER, REGISTRYUI_TOKEN: UI_TOKEN};
const BASIC = `Basic ${Buffer.from(`${UI_USER}:${UI_TOKEN}`).toString('base64')}`;
const NCR_CREATED = {returnCode: '201', returnMessage: 'Registry Creation is successful'};
const UI_ENTRY = {id: 7, fullPath: 'team-a/backend', name: 'backend', title: 'Team A & B — 팀', isPublic: false, created: '2024-05-01T10:00:00Z', updated: null};
const VERSION = (JSON.parse(fs.readFileSync(`${ROOT}/package.json`, 'utf8')) as {version: string}).version;

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(options: RecordingServerOptions = {}): Promise<RecordingServer> {
	const started = await startRecordingServer(options);
	cleanups.push(() => started.close());
	return started;
}

const ncrServer = () => server({auth: {kind: 'ncp', accessKey: ACCESS_KEY, secretKey: SECRET_KEY}});
const uiServer = () => server({auth: {kind: 'basic', username: UI_USER, token: UI_TOKEN}});

function configDir(): string {
	const made = makeConfigDir();
	cleanups.push(made.dispose);
	return made.dir;
}

const ncrArgs = (target: RecordingServer, ...extra: string[]) => [
	'create',
	'ncr',
	'--registry',
	'team-a',
	'--bucket',
	'team-a-images',
	'--endpoint',
	`${target.url}/ncr/api/v2`,
	...extra,
];

/** stdout holds one JSON object on one line and nothing else. */
function onlyJson(result: CliResult): Record<string, unknown> {
	expect(result.stdout.endsWith('\n')).toBe(true);
	expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
	const value = JSON.parse(result.stdout) as unknown;
	expect(value).toBeTypeOf('object');
	return value as Record<string, unknown>;
}

/** A usage error: exit 2, a message on stderr, nothing on stdout, nothing sent. */
function expectUsage(result: CliResult, target?: RecordingServer) {
	expect(result.code).toBe(2);
	expect(result.stdout).toBe('');
	if (target) expect(target.requests).toEqual([]);
}

describe('regwiz create ncr, sent', () => {
	it('creates a registry: one signed POST with the bucket, a summary, exit 0', async () => {
		const ncr = await ncrServer();
		ncr.answerNext({status: 201, headers: {'x-ncp-trace-id': 'trace-ok'}, body: NCR_CREATED});
		const before = Date.now();
		const result = await runCli(ncrArgs(ncr), {env: NCR_ENV});

		expect(result.code).toBe(0);
		expect(result.stdout).toContain('✓ Registry created');
		expect(result.stdout).toContain(`POST ${ncr.url}/ncr/api/v2/repositories/team-a`);
		expect(result.stdout).toContain('Registry Creation is successful');
		expect(result.stdout).toContain('docker login');
		expect(result.stdout).not.toContain(SECRET_KEY);

		// The create, then the read-back of what it created (unanswered here: the usual host is said to be unconfirmed).
		expect(ncr.requests.map(request => [request.method, request.url])).toEqual([
			['POST', '/ncr/api/v2/repositories/team-a'],
			['GET', '/ncr/api/v2/repositories?page=1&pagesize=100'],
		]);
		const [received] = ncr.requests;
		expect(received).toMatchObject({
			method: 'POST',
			url: '/ncr/api/v2/repositories/team-a',
			body: '{"bucket":"team-a-images"}',
			authProblem: null,
		});
		expect(received?.headers['content-type']).toBe('application/json');
		expect(received?.headers['x-ncp-iam-access-key']).toBe(ACCESS_KEY);
		const timestamp = Number(received?.headers['x-ncp-apigw-timestamp']);
		expect(timestamp).toBeGreaterThanOrEqual(before - 1000);
		expect(timestamp).toBeLessThanOrEqual(Date.now());
	});

	it('signs the endpoint path prefix and accepts the other variable names', async () => {
		const ncr = await ncrServer();
		ncr.answerNext({status: 201, body: NCR_CREATED});
		const result = await runCli(
			['create', 'ncr', '--registry', 'team-b', '--bucket', 'team-b-images', '--endpoint', `${ncr.url}/gw/ncr/api/v2/`],
			{env: {NCLOUD_ACCESS_KEY: ACCESS_KEY, NCLOUD_SECRET_KEY: SECRET_KEY}},
		);
		expect(result.code).toBe(0);
		expect(ncr.requests.map(request => [request.method, request.url, request.authProblem])).toEqual([
			['POST', '/gw/ncr/api/v2/repositories/team-b', null],
			['GET', '/gw/ncr/api/v2/repositories?page=1&pagesize=100', null],
		]);
	});

	it('--storage-type ncloudStorage sends storageType and no bucket', async () => {
		const ncr = await ncrServer();
		ncr.answerNext({status: 201, body: NCR_CREATED});
		const result = await runCli(
			['create', 'ncr', '--registry', 'team-a', '--storage-type', 'ncloudStorage', '--endpoint', `${ncr.url}/ncr/api/v2`],
			{env: NCR_ENV},
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('✓ Registry created');
		expect(ncr.requests.map(request => request.method)).toEqual(['POST', 'GET']);
		expect(ncr.requests[0]?.body).toBe('{"storageType":"ncloudStorage"}');
		expect(ncr.requests[0]?.authProblem).toBeNull();
	});

	it('409: exit 1 with the service message, its trace id and what to do', async () => {
		const ncr = await ncrServer();
		ncr.answerNext({
			status: 409,
			headers: {'x-ncp-trace-id': 'trace-409-abc'},
			body: {error: {errorCode: '409', message: 'The registry name is already in use.', details: 'team-a'}},
		});
		const result = await runCli(ncrArgs(ncr), {env: NCR_ENV});
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ Refused: 409 The registry name is already in use.');
		expect(result.stdout).toMatch(/Trace id\s+trace-409-abc/);
		expect(result.stdout).toContain('The registry name "team-a" or the bucket is already used');
		expect(ncr.requests).toHaveLength(1);
		expect(ncr.requests[0]?.authProblem).toBeNull();
	});

	it('401 from the gateway (wrong secret key): exit 1 with the gateway message and the hint', async () => {
		const ncr = await ncrServer();
		const result = await runCli(ncrArgs(ncr), {env: {...NCR_ENV, NCLOUD_SECRET_ACCESS_KEY: 'not-the-right-secret'}});
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ Refused: 401 Authentication Failed');
		expect(result.stdout).toContain('Invalid authentication information.');
		expect(result.stdout).toContain('the access key and secret key belong together');
		expect(result.stdout).not.toContain('not-the-right-secret');
		expect(ncr.requests.map(request => request.authProblem)).toEqual(['signature']);
	});

	it('401 when the gateway clock is 10 minutes off: the timestamp is refused, exit 1', async () => {
		const ncr = await server({auth: {kind: 'ncp', accessKey: ACCESS_KEY, secretKey: SECRET_KEY}, now: () => Date.now() + 10 * 60_000});
		const result = await runCli(ncrArgs(ncr), {env: NCR_ENV});
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ Refused: 401 Authentication Failed');
		expect(result.stdout).toContain('your clock is right (NCP allows 5 minutes)');
		expect(ncr.requests.map(request => request.authProblem)).toEqual(['timestamp']);
	});

	it('a port that was just closed: exit 3, connection refused', async () => {
		const port = await closedPort();
		const result = await runCli(
			['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `http://127.0.0.1:${port}/ncr/api/v2`],
			{env: NCR_ENV},
		);
		expect(result.code).toBe(3);
		expect(result.stdout).toContain('✗ No answer');
		expect(result.stdout).toContain(`Connection refused by http://127.0.0.1:${port}: nothing is listening there.`);
	});

	it('--timeout 1 against a server that never answers: exit 3 with a sentence, in about a second', async () => {
		const ncr = await ncrServer();
		ncr.answerAll({hang: true});
		const started = Date.now();
		const result = await runCli(ncrArgs(ncr, '--timeout', '1'), {env: NCR_ENV});
		const elapsed = Date.now() - started;
		expect(result.code).toBe(3);
		expect(result.stdout).toContain(`No answer from ${ncr.url} within 1 second.`);
		expect(result.stdout).toContain('It may have been created: check before retrying.');
		expect(elapsed).toBeGreaterThanOrEqual(1000);
		expect(elapsed).toBeLessThan(8000);
		expect(ncr.requests).toHaveLength(1);
		expect(ncr.requests[0]?.authProblem).toBeNull();
	});
});

describe('regwiz create registryui, sent', () => {
	it('creates a repository: the exact query, Basic auth, empty body', async () => {
		const ui = await uiServer();
		ui.answerNext({status: 200, body: {error: null, data: UI_ENTRY}});
		const result = await runCli(
			['create', 'registryui', '--url', ui.url, '--repository', 'team-a/backend', '--title', 'Team A & B — 팀', '--private'],
			{env: UI_ENV},
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('✓ Repository created');
		expect(result.stdout).toMatch(/Path\s+team-a\/backend/);
		expect(result.stdout).toMatch(/Public\s+no/);
		expect(result.stdout).toContain('RegistryUI web UI');
		expect(result.stdout).not.toContain(UI_TOKEN);

		expect(ui.requests).toHaveLength(1);
		const [received] = ui.requests;
		expect(received).toMatchObject({
			method: 'POST',
			path: '/udr/v1api/project/create',
			query: 'repository=team-a%2Fbackend&title=Team+A+%26+B+%E2%80%94+%ED%8C%80&isPublic=false',
			body: '',
			authProblem: null,
		});
		expect(received?.headers.authorization).toBe(BASIC);
	});

	it('leaves out title and isPublic when not given', async () => {
		const ui = await uiServer();
		ui.answerNext({status: 200, body: {error: null, data: {...UI_ENTRY, title: null}}});
		const result = await runCli(['create', 'registryui', '--url', ui.url, '--repository', 'team-a/backend'], {env: UI_ENV});
		expect(result.code).toBe(0);
		expect(ui.requests.map(request => request.url)).toEqual(['/udr/v1api/project/create?repository=team-a%2Fbackend']);
	});

	it('a 200 with a non-null error is a refusal: exit 1 with the message', async () => {
		const ui = await uiServer();
		ui.answerNext({status: 200, body: {error: 'Repository team-a/backend already exists', data: null}});
		const result = await runCli(['create', 'registryui', '--url', ui.url, '--repository', 'team-a/backend', '--public'], {env: UI_ENV});
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ Refused: 200 Repository team-a/backend already exists');
		expect(result.stdout).toContain('"team-a/backend" already exists: choose another path.');
		expect(ui.requests[0]?.query).toBe('repository=team-a%2Fbackend&isPublic=true');
	});

	it('401 for a wrong token: exit 1 with the token hint', async () => {
		const ui = await uiServer();
		const result = await runCli(['create', 'registryui', '--url', ui.url, '--repository', 'team-a/backend'], {
			env: {...UI_ENV, REGISTRYUI_TOKEN: 'website-password'},
		});
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ Refused: 401');
		expect(result.stdout).toContain('the token is not the website password');
		expect(result.stdout).not.toContain('website-password');
		expect(ui.requests.map(request => request.authProblem)).toEqual(['wrong user or token']);
	});
});

describe('--dry-run', () => {
	it('NCR: shows method, URL, headers and body with the access key masked; sends nothing', async () => {
		const ncr = await ncrServer();
		const result = await runCli(ncrArgs(ncr, '--dry-run'), {env: NCR_ENV});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Dry run: nothing was sent.');
		expect(result.stdout).toContain(`POST ${ncr.url}/ncr/api/v2/repositories/team-a`);
		expect(result.stdout).toContain('x-ncp-iam-access-key: ****9876');
		expect(result.stdout).toContain('x-ncp-apigw-signature-v2: (hidden)');
		expect(result.stdout).toContain('content-type: application/json');
		expect(result.stdout).toContain('{"bucket":"team-a-images"}');
		expect(result.stdout).toMatch(/x-ncp-apigw-timestamp: \d{13}\n/);
		const everything = result.stdout + result.stderr;
		expect(everything).not.toContain(ACCESS_KEY);
		expect(everything).not.toContain(SECRET_KEY);
		// No base64 HMAC-SHA256 (44 characters ending in "=") anywhere.
		expect(everything).not.toMatch(/[A-Za-z0-9+/]{43}=/);
		expect(ncr.requests).toEqual([]);
	});

	it('RegistryUI --json: the request as one object, the Basic value hidden; sends nothing', async () => {
		const ui = await uiServer();
		const result = await runCli(['create', 'registryui', '--url', ui.url, '--repository', 'team-a/backend', '--dry-run', '--json'], {env: UI_ENV});
		expect(result.code).toBe(0);
		const json = onlyJson(result);
		expect(json).toMatchObject({
			ok: true,
			backend: 'registryui',
			status: null,
			request: {
				method: 'POST',
				url: `${ui.url}/udr/v1api/project/create?repository=team-a%2Fbackend`,
				headers: {accept: 'application/json', authorization: '(hidden)'},
			},
			response: null,
			error: null,
		});
		expect(result.stdout).not.toContain(UI_TOKEN);
		expect(result.stdout).not.toContain(BASIC.slice('Basic '.length));
		expect(ui.requests).toEqual([]);
	});
});

describe('--json', () => {
	it('success: one object with ok, backend, status, request, response, error', async () => {
		const ncr = await ncrServer();
		ncr.answerNext({status: 201, body: NCR_CREATED});
		const result = await runCli(ncrArgs(ncr, '--json'), {env: NCR_ENV});
		expect(result.code).toBe(0);
		expect(onlyJson(result)).toMatchObject({
			ok: true,
			backend: 'ncr',
			status: 201,
			request: {method: 'POST', url: `${ncr.url}/ncr/api/v2/repositories/team-a`},
			response: NCR_CREATED,
			error: null,
		});
		expect(ncr.requests.map(request => request.method)).toEqual(['POST', 'GET']);
	});

	it('refusal: ok false, the status, the body and an error sentence', async () => {
		const ncr = await ncrServer();
		const body = {error: {errorCode: 409, message: 'Bucket already used', details: 'team-a-images'}};
		ncr.answerNext({status: 409, headers: {'x-ncp-trace-id': 'trace-json'}, body});
		const result = await runCli(ncrArgs(ncr, '--json'), {env: NCR_ENV});
		expect(result.code).toBe(1);
		const json = onlyJson(result);
		expect(json).toMatchObject({ok: false, backend: 'ncr', status: 409, response: body, error: '409 Bucket already used: team-a-images'});
		expect(json.request).toEqual({method: 'POST', url: `${ncr.url}/ncr/api/v2/repositories/team-a`});
		expect(json.traceId).toBe('trace-json');
		expect(ncr.requests).toHaveLength(1);
	});

	it('no answer: ok false, status and response null, an error sentence', async () => {
		const port = await closedPort();
		const result = await runCli(
			['create', 'registryui', '--url', `http://127.0.0.1:${port}`, '--repository', 'team-a/backend', '--json'],
			{env: UI_ENV},
		);
		expect(result.code).toBe(3);
		expect(onlyJson(result)).toMatchObject({
			ok: false,
			backend: 'registryui',
			status: null,
			request: {method: 'POST', url: `http://127.0.0.1:${port}/udr/v1api/project/create?repository=team-a%2Fbackend`},
			response: null,
			error: `Connection refused by http://127.0.0.1:${port}: nothing is listening there.`,
		});
	});
});

describe('credentials', () => {
	it('uses the "default" profile when the environment has none', async () => {
		const ncr = await ncrServer();
		ncr.answerNext({status: 201, body: NCR_CREATED});
		const dir = configDir();
		openProfileStore({REGWIZ_CONFIG_DIR: dir}).store.save('default', {
			backend: 'ncr',
			credentials: {accessKey: ACCESS_KEY, secretKey: SECRET_KEY},
			connection: {site: 'custom', endpoint: `${ncr.url}/ncr/api/v2`},
		});
		const result = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images'], {configDir: dir});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('✓ Registry created');
		expect(ncr.requests.map(request => [request.url, request.headers['x-ncp-iam-access-key'], request.authProblem])).toEqual([
			['/ncr/api/v2/repositories/team-a', ACCESS_KEY, null],
			['/ncr/api/v2/repositories?page=1&pagesize=100', ACCESS_KEY, null],
		]);
	});

	it('uses a named RegistryUI profile with --profile', async () => {
		const ui = await uiServer();
		ui.answerNext({status: 200, body: {error: null, data: UI_ENTRY}});
		const dir = configDir();
		openProfileStore({REGWIZ_CONFIG_DIR: dir}).store.save('staging', {
			backend: 'registryui',
			credentials: {username: UI_USER, token: UI_TOKEN},
			connection: {url: ui.url},
		});
		const result = await runCli(['create', 'registryui', '--repository', 'team-a/backend', '--profile', 'staging'], {configDir: dir});
		expect(result.code).toBe(0);
		expect(ui.requests.map(request => [request.url, request.headers.authorization, request.authProblem])).toEqual([
			['/udr/v1api/project/create?repository=team-a%2Fbackend', BASIC, null],
		]);
	});

	it('--profile missing: exit 2 naming it; nothing sent', async () => {
		const ncr = await ncrServer();
		const result = await runCli(ncrArgs(ncr, '--profile', 'missing'));
		expectUsage(result, ncr);
		expect(result.stderr).toContain('there is no saved profile named "missing"');
	});

	it('none at all: exit 2 naming the NCR variables; nothing sent', async () => {
		const ncr = await ncrServer();
		const result = await runCli(ncrArgs(ncr));
		expectUsage(result, ncr);
		expect(result.stderr).toContain('no credentials');
		expect(result.stderr).toContain('NCLOUD_ACCESS_KEY_ID');
		expect(result.stderr).toContain('NCLOUD_SECRET_ACCESS_KEY');
	});

	it('none at all: exit 2 naming the RegistryUI variables; nothing sent', async () => {
		const ui = await uiServer();
		const result = await runCli(['create', 'registryui', '--url', ui.url, '--repository', 'team-a/backend'], {env: {REGISTRYUI_USERNAME: UI_USER}});
		expectUsage(result, ui);
		expect(result.stderr).toContain('REGISTRYUI_USERNAME and REGISTRYUI_TOKEN');
	});
});

describe('usage errors: exit 2, a message naming the flag, nothing sent', () => {
	it('an unknown flag', async () => {
		const ncr = await ncrServer();
		const result = await runCli(ncrArgs(ncr, '--bukket', 'x'), {env: NCR_ENV});
		expectUsage(result, ncr);
		expect(result.stderr).toBe('regwiz: Unknown flag --bukket for regwiz create ncr: did you mean --bucket? See: regwiz create ncr --help\n');
	});

	it('a value the other flags rule out is refused, not dropped: --bucket with --storage-type ncloudStorage', async () => {
		const ncr = await ncrServer();
		const result = await runCli(ncrArgs(ncr, '--storage-type', 'ncloudStorage'), {env: NCR_ENV});
		expectUsage(result, ncr);
		expect(result.stderr).toBe('regwiz: --bucket is not used with --storage-type ncloudStorage: leave it out (nothing was sent)\n');
	});

	it('an invalid --registry, with the rule and an example', async () => {
		const ncr = await ncrServer();
		const result = await runCli(
			['create', 'ncr', '--registry', 'Team_A', '--bucket', 'team-a-images', '--endpoint', `${ncr.url}/ncr/api/v2`],
			{env: NCR_ENV},
		);
		expectUsage(result, ncr);
		expect(result.stderr).toBe(
			'regwiz: --registry: "Team_A" is not a valid registry name: must start with a lowercase letter; 3–30 characters, a lowercase letter first, then lowercase letters, digits and hyphens, ending with a letter or digit (e.g. team-a)\n',
		);
	});

	it('a flag without its value, with an example of one', async () => {
		const ncr = await ncrServer();
		const last = await runCli(['create', 'ncr', '--endpoint', `${ncr.url}/ncr/api/v2`, '--registry'], {env: NCR_ENV});
		expectUsage(last, ncr);
		expect(last.stderr).toBe('regwiz: --registry needs a value (e.g. --registry team-a). See: regwiz create ncr --help\n');
		const followed = await runCli(['create', 'ncr', '--registry', '--bucket', 'team-a-images', '--endpoint', `${ncr.url}/ncr/api/v2`], {env: NCR_ENV});
		expectUsage(followed, ncr);
		expect(followed.stderr).toBe('regwiz: --registry needs a value (e.g. --registry team-a). See: regwiz create ncr --help\n');
	});

	it('a missing --bucket is listed', async () => {
		const ncr = await ncrServer();
		const result = await runCli(['create', 'ncr', '--registry', 'team-a', '--endpoint', `${ncr.url}/ncr/api/v2`], {env: NCR_ENV});
		expectUsage(result, ncr);
		expect(result.stderr).toContain('missing --bucket');
		expect(result.stderr).not.toContain('no credentials');
	});

	it('every missing RegistryUI flag is listed', async () => {
		const result = await runCli(['create', 'registryui'], {env: UI_ENV});
		expectUsage(result);
		expect(result.stderr).toContain('missing --url, --repository');
	});

	it('--site and --endpoint together', async () => {
		const ncr = await ncrServer();
		const result = await runCli(ncrArgs(ncr, '--site', 'kr'), {env: NCR_ENV});
		expectUsage(result, ncr);
		expect(result.stderr).toContain('--site and --endpoint contradict each other');
		expect(result.stderr).toContain('--site kr');
	});

	it('--public and --private together', async () => {
		const ui = await uiServer();
		const result = await runCli(['create', 'registryui', '--url', ui.url, '--repository', 'team-a/backend', '--public', '--private'], {env: UI_ENV});
		expectUsage(result, ui);
		expect(result.stderr).toBe('regwiz: --public and --private contradict each other: give one of them\n');
	});

	it('an invalid --timeout', async () => {
		const ncr = await ncrServer();
		const result = await runCli(ncrArgs(ncr, '--timeout', 'soon'), {env: NCR_ENV});
		expectUsage(result, ncr);
		expect(result.stderr).toBe('regwiz: --timeout: "soon" is not a number of seconds from 0.1 to 3600 (e.g. --timeout 60)\n');
	});
});

describe('version and help', () => {
	it('--version prints the package version', async () => {
		const result = await runCli(['--version']);
		expect(result).toEqual({code: 0, signal: null, stdout: `regwiz ${VERSION}\n`, stderr: ''});
	});

	it('--help prints the usage of both backends and the exit codes', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain('regwiz create ncr');
		expect(result.stdout).toContain('regwiz create registryui');
		expect(result.stdout).toContain('Exit codes: 0 created');
	});

	it('regwiz help create ncr: every NCR flag and the credential variables', async () => {
		const result = await runCli(['help', 'create', 'ncr']);
		expect(result.code).toBe(0);
		for (const text of ['--registry NAME', '--bucket BUCKET', '--storage-type', '--site', '--endpoint BASE_URL', 'NCLOUD_ACCESS_KEY_ID', 'NCLOUD_SECRET_ACCESS_KEY', '--dry-run', '--json']) {
			expect(result.stdout).toContain(text);
		}
		const same = await runCli(['create', 'ncr', '--help']);
		expect(same).toEqual(result);
	});
});
