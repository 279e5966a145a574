import {PassThrough} from 'node:stream';
import {afterEach, describe, expect, it} from 'vitest';
import {NCP_HEADER, signNcpRequest} from '../../source/signing/ncp-signature.js';
import {runSandboxCommand} from '../../source/sandbox/command.js';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator, type EmulatorOptions} from '../../source/sandbox/emulator.js';

const NCR = '/ncr/api/v2';
const {accessKey, secretKey} = SANDBOX_CREDENTIALS.ncr;
const admin = SANDBOX_CREDENTIALS.registryuiAdmin;
const viewer = SANDBOX_CREDENTIALS.registryuiUser;

let emulator: Emulator | undefined;

afterEach(async () => {
	await emulator?.close();
	emulator = undefined;
});

async function start(options?: EmulatorOptions): Promise<Emulator> {
	emulator = await startEmulator(options);
	return emulator;
}

type NcrOptions = {
	body?: unknown;
	timestamp?: number;
	accessKey?: string;
	secretKey?: string;
	/** Sign this URI instead of the one sent. */
	signedUri?: string;
	unsigned?: boolean;
	signal?: AbortSignal;
};

function ncrFetch(target: Emulator, method: string, uri: string, options: NcrOptions = {}): Promise<Response> {
	const timestamp = String(options.timestamp ?? Date.now());
	const key = options.accessKey ?? accessKey;
	const headers: Record<string, string> = options.unsigned
		? {}
		: {
				[NCP_HEADER.timestamp]: timestamp,
				[NCP_HEADER.accessKey]: key,
				[NCP_HEADER.signature]: signNcpRequest({
					method,
					uri: options.signedUri ?? uri,
					timestamp,
					accessKey: key,
					secretKey: options.secretKey ?? secretKey,
				}),
			};
	let body: string | undefined;
	// NCP requires it on every request, with a body or not.
	headers['content-type'] = 'application/json';
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	}
	return fetch(`${target.origin}${uri}`, {method, headers, body, signal: options.signal, redirect: 'manual'});
}

const createRegistry = (target: Emulator, name: string, body: unknown = {bucket: `${name}-images`}, options: NcrOptions = {}) =>
	ncrFetch(target, 'POST', `${NCR}/repositories/${name}`, {...options, body});

type User = {username: string; token: string};

function udrFetch(
	target: Emulator,
	method: string,
	uri: string,
	/** null: no Authorization header. */
	user: User | null = admin,
): Promise<Response> {
	const headers: Record<string, string> = {};
	if (user) headers.authorization = `Basic ${Buffer.from(`${user.username}:${user.token}`).toString('base64')}`;
	return fetch(`${target.origin}${uri}`, {method, headers, body: method === 'POST' ? '' : undefined});
}

const createProject = (target: Emulator, query: Record<string, string>, user: User = admin) =>
	udrFetch(target, 'POST', `/udr/v1api/project/create?${new URLSearchParams(query).toString()}`, user);

const authFailed = (details: string) => ({error: {errorCode: '200', message: 'Authentication Failed', details}});

describe('NCR', () => {
	it('creates a registry: 201, the documented body, a fresh trace id, JSON', async () => {
		const target = await start();
		const first = await createRegistry(target, 'team-a');
		expect(first.status).toBe(201);
		expect(first.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await first.json()).toEqual({returnCode: '201', returnMessage: 'Registry Creation is successful'});
		const trace = first.headers.get('x-ncp-trace-id');
		expect(trace).toMatch(/^[0-9a-f]{32}$/);

		const second = await createRegistry(target, 'team-b');
		expect(second.headers.get('x-ncp-trace-id')).not.toBe(trace);

		expect(target.state.registries.get('team-a')).toMatchObject({name: 'team-a', bucket: 'team-a-images', storageType: 'objectStorage'});
		expect(target.received.map(request => [request.method, request.path, request.status])).toEqual([
			['POST', `${NCR}/repositories/team-a`, 201],
			['POST', `${NCR}/repositories/team-b`, 201],
		]);
		expect(target.received[0]?.body).toBe('{"bucket":"team-a-images"}');
	});

	it('refuses a name already used: 409 naming it', async () => {
		const target = await start();
		await createRegistry(target, 'team-a');
		const again = await createRegistry(target, 'team-a', {bucket: 'other-bucket'});
		expect(again.status).toBe(409);
		expect(again.headers.get('x-ncp-trace-id')).toBeTruthy();
		const body = await again.json();
		expect(body.error.message).toBe('Registry already exists');
		expect(body.error.details).toContain('"team-a"');
	});

	it('refuses a bucket that already backs a registry: 409 naming bucket and owner', async () => {
		const target = await start();
		await createRegistry(target, 'team-a', {bucket: 'shared-bucket'});
		const reuse = await createRegistry(target, 'team-b', {bucket: 'shared-bucket'});
		expect(reuse.status).toBe(409);
		const body = await reuse.json();
		expect(body.error.message).toBe('Bucket already in use');
		expect(body.error.details).toContain('"shared-bucket"');
		expect(body.error.details).toContain('"team-a"');
		expect(target.state.registries.has('team-b')).toBe(false);
	});

	it('answers 401 "missing" when the signature headers are absent', async () => {
		const target = await start();
		const response = await createRegistry(target, 'team-a', {bucket: 'team-a-images'}, {unsigned: true});
		expect(response.status).toBe(401);
		expect(response.headers.get('x-ncp-trace-id')).toBeTruthy();
		expect(await response.json()).toEqual(authFailed('Authentication information are missing.'));
	});

	it('answers 401 "invalid" to a wrong signature, an unknown key and a signed-but-different URI', async () => {
		const target = await start();
		const wrongSecret = await createRegistry(target, 'team-a', undefined, {secretKey: 'not-the-secret'});
		const unknownKey = await createRegistry(target, 'team-a', undefined, {accessKey: 'ncp_iam_UNKNOWN', secretKey});
		// A classic mistake: signing without the base path.
		const noPrefix = await createRegistry(target, 'team-a', undefined, {signedUri: '/repositories/team-a'});
		for (const response of [wrongSecret, unknownKey, noPrefix]) {
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual(authFailed('Invalid authentication information.'));
		}
		expect(target.state.registries.size).toBe(0);
	});

	it('answers 401 to a timestamp more than 5 minutes from its clock, and accepts one within', async () => {
		const real = Date.now();
		let offset = 6 * 60_000;
		const target = await start({now: () => real + offset});
		const stale = await createRegistry(target, 'team-a', undefined, {timestamp: real});
		expect(stale.status).toBe(401);
		expect(await stale.json()).toEqual(authFailed('Invalid authentication information.'));
		offset = 4 * 60_000;
		expect((await createRegistry(target, 'team-a', undefined, {timestamp: real})).status).toBe(201);
	});

	it('creates an ncloudStorage registry without a bucket', async () => {
		const target = await start();
		const response = await createRegistry(target, 'team-n', {storageType: 'ncloudStorage'});
		expect(response.status).toBe(201);
		expect(target.state.registries.get('team-n')).toMatchObject({storageType: 'ncloudStorage'});
		expect(target.state.registries.get('team-n')?.bucket).toBeUndefined();
	});

	it('answers 400 to objectStorage without a bucket, a bad name, a bad bucket and a non-JSON body', async () => {
		const target = await start();
		const cases: Array<[string, unknown, string]> = [
			['team-a', {storageType: 'objectStorage'}, 'Bucket required'],
			['team-a', {}, 'Bucket required'],
			['Team_A', {bucket: 'team-a-images'}, 'Invalid registry name'],
			['team-a', {bucket: '192.168.1.1'}, 'Invalid bucket name'],
			['team-a', {storageType: 'tape'}, 'Invalid storageType'],
			['team-a', 'not json', 'Invalid request body'],
		];
		for (const [name, body, message] of cases) {
			const response = await createRegistry(target, name, body);
			expect(response.status).toBe(400);
			const answer = await response.json();
			expect(answer.error).toMatchObject({errorCode: '400', message});
			expect(answer.error.details).toEqual(expect.any(String));
		}
		expect(target.state.registries.size).toBe(0);
	});

	it('lists registries a page at a time', async () => {
		const target = await start();
		for (const name of ['alpha', 'bravo', 'charlie']) {
			target.state.registries.set(name, {name, bucket: `${name}-images`, storageType: 'objectStorage', created: new Date(0).toISOString()});
		}
		const first = await ncrFetch(target, 'GET', `${NCR}/repositories?page=1&pagesize=2`);
		expect(first.status).toBe(200);
		const page1 = await first.json();
		expect(page1).toMatchObject({count: 3, next: 2, previous: null});
		expect(page1.results.map((entry: {name: string}) => entry.name)).toEqual(['alpha', 'bravo']);
		expect(page1.results[0]).toMatchObject({
			name: 'alpha',
			bucket: 'alpha-images',
			created: '1970-01-01T00:00:00.000Z',
			end_point: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
			status: expect.any(String),
		});

		const page2 = await (await ncrFetch(target, 'GET', `${NCR}/repositories?page=2&pagesize=2`)).json();
		expect(page2).toMatchObject({count: 3, next: null, previous: 1});
		expect(page2.results).toHaveLength(1);

		expect((await ncrFetch(target, 'GET', `${NCR}/repositories?page=0`)).status).toBe(400);
		expect((await ncrFetch(target, 'GET', `${NCR}/repositories`, {unsigned: true})).status).toBe(401);
	});

	it('deletes a registry: 204, then 404', async () => {
		const target = await start();
		await createRegistry(target, 'team-a');
		const deleted = await ncrFetch(target, 'DELETE', `${NCR}/repositories/team-a`);
		expect(deleted.status).toBe(204);
		expect(deleted.headers.get('x-ncp-trace-id')).toBeTruthy();
		expect(target.state.registries.has('team-a')).toBe(false);
		const again = await ncrFetch(target, 'DELETE', `${NCR}/repositories/team-a`);
		expect(again.status).toBe(404);
		expect((await again.json()).error.message).toBe('Registry not found');
	});

	it('serves the Singapore prefix, signed over its own path', async () => {
		const target = await start();
		const uri = '/ncr/sgn-api/v2/repositories/team-sg';
		const created = await ncrFetch(target, 'POST', uri, {body: {bucket: 'team-sg-images'}});
		expect(created.status).toBe(201);
		const signedForKorea = await ncrFetch(target, 'POST', '/ncr/sgn-api/v2/repositories/team-sg2', {
			body: {bucket: 'team-sg2-images'},
			signedUri: `${NCR}/repositories/team-sg2`,
		});
		expect(signedForKorea.status).toBe(401);
	});

	it('answers an unknown path with the gateway 404, before authentication', async () => {
		const target = await start();
		const response = await ncrFetch(target, 'GET', '/ncr/api/v2/nothing-here', {unsigned: true});
		expect(response.status).toBe(404);
		expect(response.headers.get('x-ncp-trace-id')).toBeTruthy();
		expect((await response.json()).error).toMatchObject({errorCode: '300', message: 'Not Found Exception'});
	});
});

describe('RegistryUI', () => {
	it('creates a project and answers the repository entry', async () => {
		const target = await start();
		const response = await createProject(target, {repository: 'team-a/backend', title: 'Team A backend', isPublic: 'true'});
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body).toEqual({
			error: null,
			data: {
				id: 1,
				fullPath: 'team-a/backend',
				name: 'backend',
				title: 'Team A backend',
				description: {html: ''},
				isPublic: true,
				created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				updated: null,
				tenantId: 1,
				level: 1,
			},
		});
		const untitled = await (await createProject(target, {repository: 'solo'})).json();
		expect(untitled.data).toMatchObject({id: 2, title: null, isPublic: false, level: 0});
	});

	it('answers 401 without credentials or with a wrong token', async () => {
		const target = await start();
		const unauthorized = {error: 'Unauthorized: invalid user name or token', data: null};
		const none = await udrFetch(target, 'POST', '/udr/v1api/project/create?repository=team-a', null);
		expect(none.status).toBe(401);
		expect(await none.json()).toEqual(unauthorized);
		const wrong = await createProject(target, {repository: 'team-a'}, {username: 'admin', token: 'guess'});
		expect(wrong.status).toBe(401);
		expect(await wrong.json()).toEqual(unauthorized);
	});

	it('answers 403 to a user who is not an administrator', async () => {
		const target = await start();
		const response = await createProject(target, {repository: 'team-a/backend'}, viewer);
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({error: 'Forbidden: only administrators can create projects', data: null});
		expect(target.state.repositories.size).toBe(0);
	});

	it('answers a duplicate path with 2xx and a non-null error', async () => {
		const target = await start();
		await createProject(target, {repository: 'team-a/backend'});
		const again = await createProject(target, {repository: 'team-a/backend'});
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual({error: 'repository team-a/backend already exists', data: null});
	});

	it('answers 400 to a bad path or a bad isPublic', async () => {
		const target = await start();
		const queries: Array<Record<string, string>> = [{repository: 'Team-A/Backend'}, {repository: 'team-a//x'}, {repository: 'team-a', isPublic: 'yes'}, {}];
		for (const query of queries) {
			const response = await createProject(target, query);
			expect(response.status).toBe(400);
			const body = await response.json();
			expect(body.data).toBeNull();
			expect(body.error).toEqual(expect.any(String));
		}
		expect(target.state.repositories.size).toBe(0);
	});

	it('lists repositories as an array, with skip and take; any user may list', async () => {
		const target = await start();
		for (const repository of ['b/two', 'a/one', 'c/three']) await createProject(target, {repository});
		const all = await (await udrFetch(target, 'GET', '/udr/v1api/repositories', viewer)).json();
		expect(all.error).toBeNull();
		expect(all.data.map((entry: {fullPath: string}) => entry.fullPath)).toEqual(['a/one', 'b/two', 'c/three']);
		const paged = await (await udrFetch(target, 'GET', '/udr/v1api/repositories?skip=1&take=1')).json();
		expect(paged.data.map((entry: {fullPath: string}) => entry.fullPath)).toEqual(['b/two']);
		expect((await udrFetch(target, 'GET', '/udr/v1api/repositories', null)).status).toBe(401);
	});

	it('deletes a folder and what is under it (administrators only)', async () => {
		const target = await start();
		for (const repository of ['team-a/one', 'team-a/two', 'team-b/one']) await createProject(target, {repository});
		expect((await udrFetch(target, 'DELETE', '/udr/v1api/folder?path=team-a', viewer)).status).toBe(403);
		const response = await udrFetch(target, 'DELETE', '/udr/v1api/folder?path=team-a');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({error: null, data: true});
		expect([...target.state.repositories.keys()]).toEqual(['team-b/one']);
		expect((await udrFetch(target, 'DELETE', '/udr/v1api/folder?path=team-a')).status).toBe(404);
	});
});

describe('faults', () => {
	it('delayMs waits before answering', async () => {
		const target = await start();
		target.faults.delayMs = 150;
		const started = performance.now();
		const response = await createRegistry(target, 'team-a');
		expect(response.status).toBe(201);
		expect(performance.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('hang accepts and never answers; the request is recorded and close() still returns', async () => {
		const target = await start();
		target.faults.hang = true;
		await expect(createRegistry(target, 'team-a', undefined, {signal: AbortSignal.timeout(200)})).rejects.toThrow();
		expect(target.received).toHaveLength(1);
		expect(target.received[0]).toMatchObject({method: 'POST', status: 0});
		expect(target.state.registries.size).toBe(0);
	});

	it('dropMidBody sends the head and part of the body, then cuts the connection', async () => {
		const target = await start();
		target.faults.dropMidBody = true;
		const response = await createRegistry(target, 'team-a');
		expect(response.status).toBe(201);
		await expect(response.text()).rejects.toThrow();
		// The service acted before the answer was lost.
		expect(target.state.registries.has('team-a')).toBe(true);
		expect(target.received[0]?.status).toBe(201);
	});

	it('override answers the next N requests with a canned answer, then clears itself', async () => {
		const target = await start();
		target.faults.override = {status: 429, headers: {'retry-after': '2'}, contentType: 'application/json', body: '{"error":{"errorCode":"420","message":"Rate limit"}}', times: 1};
		const limited = await createRegistry(target, 'team-a');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('2');
		expect(limited.headers.get('x-ncp-trace-id')).toBeTruthy();
		expect(target.faults.override).toBeUndefined();
		expect((await createRegistry(target, 'team-a')).status).toBe(201);

		target.faults.override = {status: 500, contentType: 'text/html', body: '<html><body>Internal Server Error</body></html>', times: 1};
		const html = await createProject(target, {repository: 'team-a/backend'});
		expect(html.status).toBe(500);
		expect(html.headers.get('content-type')).toBe('text/html');
		expect(await html.text()).toContain('<html>');

		target.faults.override = {status: 200, body: 'OK, probably'};
		for (let index = 0; index < 2; index++) {
			const plain = await createProject(target, {repository: 'team-a/backend'});
			expect(plain.status).toBe(200);
			expect(await plain.text()).toBe('OK, probably');
		}
		expect(target.state.repositories.size).toBe(0);
		expect(target.received.map(request => request.status)).toEqual([429, 201, 500, 200, 200]);
	});

	it('hugeBodyBytes answers 200 with exactly that many bytes', async () => {
		const target = await start();
		target.faults.hugeBodyBytes = 3 * 1024 * 1024 + 7;
		const response = await ncrFetch(target, 'GET', `${NCR}/repositories`);
		expect(response.status).toBe(200);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(bytes.length).toBe(3 * 1024 * 1024 + 7);
		expect(Buffer.from(bytes.subarray(0, 12)).toString()).toBe('{"padding":"');
	});

	it('redirectTo answers 307 with the Location', async () => {
		const target = await start();
		target.faults.redirectTo = 'http://127.0.0.1:9/elsewhere';
		const response = await createRegistry(target, 'team-a');
		expect(response.status).toBe(307);
		expect(response.headers.get('location')).toBe('http://127.0.0.1:9/elsewhere');
		expect(target.state.registries.size).toBe(0);
	});

	it('clockSkewMs moves the clock: the Date header and the signature window', async () => {
		const target = await start();
		target.faults.clockSkewMs = 10 * 60_000;
		const response = await createRegistry(target, 'team-a');
		expect(response.status).toBe(401);
		const skew = Date.parse(response.headers.get('date') ?? '') - Date.now();
		expect(skew).toBeGreaterThan(9 * 60_000);
		expect((await createRegistry(target, 'team-a', undefined, {timestamp: target.clock()})).status).toBe(201);
	});
});

describe('runSandboxCommand', () => {
	function capture() {
		const stream = new PassThrough();
		let text = '';
		stream.on('data', chunk => (text += String(chunk)));
		return {stream, text: () => text};
	}

	async function until(condition: () => boolean) {
		while (!condition()) await new Promise(resolve => setTimeout(resolve, 10));
	}

	it('prints URLs and demo credentials, logs requests without secrets, stops on the signal with 0', async () => {
		const output = capture();
		const controller = new AbortController();
		const running = runSandboxCommand({port: 0, host: '127.0.0.1', stdout: output.stream, signal: controller.signal});
		await until(() => output.text().includes('Ctrl+C'));
		const text = output.text();
		expect(text).toContain('sandbox only');
		expect(text).toContain(accessKey);
		expect(text).toContain(secretKey);
		expect(text).toContain(admin.token);
		expect(text).not.toContain('Warning');
		const ncrBaseUrl = /regwiz create ncr --endpoint (\S+)/.exec(text)?.[1] ?? '';
		expect(ncrBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ncr\/api\/v2$/);
		expect(text).toContain(`regwiz create ncr --endpoint ${ncrBaseUrl}`);
		expect(text).toContain(`NCLOUD_ACCESS_KEY_ID=${accessKey} NCLOUD_SECRET_ACCESS_KEY=${secretKey}`);

		const before = output.text().length;
		const timestamp = String(Date.now());
		const uri = '/ncr/api/v2/repositories/team-a';
		const signature = signNcpRequest({method: 'POST', uri, timestamp, accessKey, secretKey});
		const response = await fetch(`${ncrBaseUrl}/repositories/team-a`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				[NCP_HEADER.timestamp]: timestamp,
				[NCP_HEADER.accessKey]: accessKey,
				[NCP_HEADER.signature]: signature,
				authorization: 'Basic c2hvdWxkOm5vdC1hcHBlYXI=',
			},
			body: '{"bucket":"team-a-images"}',
		});
		expect(response.status).toBe(201);
		await until(() => output.text().length > before);
		const logged = output.text().slice(before);
		expect(logged).toMatch(/POST \/ncr\/api\/v2\/repositories\/team-a 201/);
		expect(logged).not.toContain(signature);
		expect(logged).not.toContain('c2hvdWxkOm5vdC1hcHBlYXI=');

		controller.abort();
		expect(await running).toBe(0);
		expect(output.text()).toContain('stopped');
	});

	it('warns when listening beyond loopback', async () => {
		const output = capture();
		const controller = new AbortController();
		controller.abort();
		expect(await runSandboxCommand({port: 0, host: '0.0.0.0', stdout: output.stream, signal: controller.signal})).toBe(0);
		expect(output.text()).toMatch(/^Warning: .*reachable from other machines/);
	});
});
