// `regwiz buckets` and `regwiz create ncr --create-bucket` as scripts run them: the built program against
// the emulator's Object Storage and NCR, asserting what the person sees and what reached the emulator.
import {Server as ProxyServer} from 'proxy-chain';
import {afterEach, describe, expect, it} from 'vitest';
import {listBuckets, resolveTarget} from '../../source/storage/buckets.js';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {openProfileStore} from '../../source/store/profile-store.js';
import {makeConfigDir, runCli, type CliResult} from '../helpers/run-cli.js';

const demo = SANDBOX_CREDENTIALS.ncr;
const ENV = {NCLOUD_ACCESS_KEY_ID: demo.accessKey, NCLOUD_SECRET_ACCESS_KEY: demo.secretKey};
const NO_STORAGE_ENV = {NCLOUD_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.ncrWithoutStorage.accessKey, NCLOUD_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.ncrWithoutStorage.secretKey};

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emulator(): Promise<Emulator> {
	const started = await startEmulator({demo: true});
	cleanups.push(() => started.close());
	return started;
}

const where = (target: Emulator) => ['--endpoint', target.ncrBaseUrl, '--storage-endpoint', target.storageBaseUrl];
const sent = (target: Emulator) => target.received.map(request => `${request.method} ${request.path} ${request.status}`);

function onlyJson(result: CliResult): Record<string, unknown> {
	expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
	return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('regwiz buckets', () => {
	it('lists the buckets and the registry each backs', async () => {
		const target = await emulator();
		const result = await runCli(['buckets', ...where(target)], {env: ENV});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`Buckets at ${target.storageBaseUrl} (kr-standard): 3`);
		expect(result.stdout).toMatch(/demo-app-images +demo-app +\d{4}-\d\d-\d\d/);
		expect(result.stdout).toMatch(/demo-backups +\(free\)/);
		expect(result.stdout).toMatch(/demo-images +\(free\)/);
		expect(result.stdout).not.toContain('taken-bucket');
		expect(result.stdout).toContain('2 free');
		expect(sent(target).sort()).toEqual(['GET /ncr/api/v2/repositories?page=1&pagesize=100 200', 'GET /object-storage/ 200']);
		const list = target.received.find(request => request.path === '/object-storage/')!;
		expect(list.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${demo.accessKey}/\\d{8}/kr-standard/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$`));
		expect(result.stdout).not.toContain(demo.secretKey);
	});

	it('--json prints one object with each bucket and its registry', async () => {
		const target = await emulator();
		const value = onlyJson(await runCli(['buckets', '--json', ...where(target)], {env: ENV}));
		expect(value).toMatchObject({ok: true, endpoint: target.storageBaseUrl, region: 'kr-standard', registriesKnown: true, error: null});
		expect((value.buckets as Array<Record<string, unknown>>).map(bucket => [bucket.name, bucket.registry])).toEqual([
			['demo-app-images', 'demo-app'],
			['demo-backups', null],
			['demo-images', null],
		]);
	});

	it('--sandbox needs no keys: the emulator and its demo account', async () => {
		const result = await runCli(['buckets', '--sandbox']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/demo-app-images +demo-app/);
	});

	it('without Object Storage permission: one line that says so, exit 1', async () => {
		const target = await emulator();
		const result = await runCli(['buckets', ...where(target)], {env: NO_STORAGE_ENV});
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr.trimEnd().split('\n')).toEqual([
			`regwiz: No access to Object Storage at ${target.storageBaseUrl} (403 AccessDenied: Access Denied): the key lacks an Object Storage permission, or Object Storage is not subscribed.`,
		]);
		const json = onlyJson(await runCli(['buckets', '--json', ...where(target)], {env: NO_STORAGE_ENV}));
		expect(json).toMatchObject({ok: false, status: 403, buckets: null, noAccess: true});
	});

	it('where Object Storage\'s endpoint is not known (government site, custom endpoint) it asks for --storage-endpoint and sends nothing', async () => {
		const target = await emulator();
		const gov = await runCli(['buckets', '--site', 'gov-kr'], {env: ENV});
		expect(gov.code).toBe(2);
		expect(gov.stderr).toContain('for the gov-kr site is not verified: give it with --storage-endpoint BASE_URL');
		const custom = await runCli(['buckets', '--endpoint', target.ncrBaseUrl, '--json'], {env: ENV});
		expect(custom.code).toBe(2);
		expect(onlyJson(custom)).toMatchObject({ok: false});
		expect(custom.stderr).toContain('--storage-endpoint');
		expect(target.received).toEqual([]);
	});

	it('plain http to Object Storage on another machine is refused before anything is sent', async () => {
		const target = await emulator();
		const result = await runCli(['buckets', '--endpoint', target.ncrBaseUrl, '--storage-endpoint', 'http://storage.example.invalid'], {env: ENV});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('http://storage.example.invalid uses plain http to another machine');
		expect(target.received).toEqual([]);
	});

	it('--storage-endpoint adds to a profile\'s connection instead of replacing it', async () => {
		const target = await emulator();
		const config = makeConfigDir();
		cleanups.push(config.dispose);
		openProfileStore({REGWIZ_CONFIG_DIR: config.dir}).store.save('dev', {backend: 'ncr', credentials: {...demo}, connection: {site: 'custom', endpoint: target.ncrBaseUrl}});
		const result = await runCli(['buckets', '--profile', 'dev', '--storage-endpoint', target.storageBaseUrl], {configDir: config.dir});
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/demo-app-images +demo-app/);
	});
});

describe('regwiz create ncr --create-bucket', () => {
	const create = (target: Emulator, bucket: string, ...extra: string[]) => runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', bucket, '--create-bucket', ...where(target), ...extra], {env: ENV});

	it('creates a free bucket first (HEAD 404, PUT 200), then the registry on it', async () => {
		const target = await emulator();
		const result = await create(target, 'team-a-images');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('✓ Bucket team-a-images created');
		expect(result.stdout).toContain('✓ Registry created');
		// Then NCR's registry list, read back after the 201 for the registry's hosts.
		expect(sent(target)).toEqual([
			'HEAD /object-storage/team-a-images 404',
			'PUT /object-storage/team-a-images 200',
			'POST /ncr/api/v2/repositories/team-a 201',
			'GET /ncr/api/v2/repositories?page=1&pagesize=100 200',
		]);
		expect(target.received[2]!.body).toBe('{"bucket":"team-a-images"}');
		expect(target.state.registries.get('team-a')?.bucket).toBe('team-a-images');
	});

	it('a bucket already the account\'s is not created again; --json says so', async () => {
		const target = await emulator();
		const value = onlyJson(await create(target, 'demo-images', '--json'));
		expect(value).toMatchObject({ok: true, status: 201, bucket: {name: 'demo-images', created: false}});
		expect(sent(target)).toEqual(['HEAD /object-storage/demo-images 200', 'POST /ncr/api/v2/repositories/team-a 201', 'GET /ncr/api/v2/repositories?page=1&pagesize=100 200']);
	});

	it('a bucket of another account stops before the registry: exit 1, the reason, nothing created', async () => {
		const target = await emulator();
		const result = await create(target, 'taken-bucket');
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ Bucket taken-bucket not ready: the registry was not created');
		expect(result.stdout).toContain('exists and is not yours');
		expect(sent(target)).toEqual(['HEAD /object-storage/taken-bucket 403']);
		expect(target.state.registries.has('team-a')).toBe(false);
		const json = onlyJson(await create(target, 'taken-bucket', '--json'));
		expect(json).toMatchObject({ok: false, status: 403, request: {method: 'HEAD'}, bucket: {name: 'taken-bucket', created: false}});
	});

	it('--dry-run shows the HEAD and the PUT before the POST, secrets hidden, and sends nothing', async () => {
		const target = await emulator();
		const text = await create(target, 'team-a-images', '--dry-run');
		expect(text.code).toBe(0);
		const order = ['HEAD ', 'PUT ', 'POST '].map(method => text.stdout.indexOf(`${method}${method === 'POST ' ? target.ncrBaseUrl : target.storageBaseUrl}/`));
		expect(order.every(index => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		const value = onlyJson(await create(target, 'team-a-images', '--dry-run', '--json'));
		const before = value.before as Array<{method: string; url: string; headers: Record<string, string>}>;
		expect(before.map(request => `${request.method} ${request.url}`)).toEqual([`HEAD ${target.storageBaseUrl}/team-a-images`, `PUT ${target.storageBaseUrl}/team-a-images`]);
		expect(before[0]!.headers.authorization).toBe('(hidden)');
		expect(JSON.stringify(value)).not.toContain(demo.secretKey);
		expect(target.received).toEqual([]);
	});

	it('without --storage-endpoint on a custom endpoint: a usage error naming the flag', async () => {
		const target = await emulator();
		const result = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'b-1-x', '--create-bucket', '--endpoint', target.ncrBaseUrl], {env: ENV});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--create-bucket: a custom NCR endpoint does not tell where Object Storage is: give it with --storage-endpoint');
		expect(target.received).toEqual([]);
	});
});

describe('Object Storage goes where the rest goes', () => {
	/** Every proxy variable cleared: NO_PROXY set but empty means "no exceptions", so loopback goes through. */
	const NO_PROXY_VARS = {HTTP_PROXY: '', http_proxy: '', HTTPS_PROXY: '', https_proxy: '', NO_PROXY: '', no_proxy: ''};

	async function startProxy(): Promise<{url: string; seen: string[]}> {
		const seen: string[] = [];
		const server = new ProxyServer({
			port: 0,
			host: '127.0.0.1',
			verbose: false,
			prepareRequestFunction: ({hostname, port}) => {
				seen.push(`${hostname}:${port}`);
				return {};
			},
		});
		await server.listen();
		cleanups.push(() => server.close(true));
		return {url: `http://127.0.0.1:${server.port}`, seen};
	}

	it('regwiz buckets and --create-bucket go through --proxy like the registry requests', async () => {
		const target = await emulator();
		const proxy = await startProxy();
		const host = new URL(target.origin).host;
		const listed = await runCli(['buckets', ...where(target), '--proxy', proxy.url, '--json'], {env: {...ENV, ...NO_PROXY_VARS}});
		expect(listed.code, listed.stderr).toBe(0);
		// ListBuckets and the registry list: both through the proxy.
		expect(proxy.seen).toEqual([host, host]);
		const created = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--create-bucket', ...where(target), '--proxy', proxy.url, '--json'], {
			env: {...ENV, ...NO_PROXY_VARS},
		});
		expect(created.code, created.stderr).toBe(0);
		// HEAD, PUT, the create and its read-back.
		expect(proxy.seen).toHaveLength(6);
		expect(sent(target).slice(2)).toEqual([
			'HEAD /object-storage/team-a-images 404',
			'PUT /object-storage/team-a-images 200',
			'POST /ncr/api/v2/repositories/team-a 201',
			'GET /ncr/api/v2/repositories?page=1&pagesize=100 200',
		]);
	});

	it('in the sandbox a site\'s Object Storage and registry list are the emulator\'s', async () => {
		const target = await emulator();
		const access = {credentials: {...demo}, connection: {site: 'kr'}, confineTo: target.origin};
		expect(resolveTarget(access.connection, false, target.origin)).toEqual({endpoint: target.storageBaseUrl, region: 'kr-standard'});
		const listing = await listBuckets(access, {timeoutMs: 5000});
		expect(listing).toMatchObject({ok: true, target: {endpoint: target.storageBaseUrl}});
		expect(sent(target).sort()).toEqual(['GET /ncr/api/v2/repositories?page=1&pagesize=100 200', 'GET /object-storage/ 200']);
	});

	it('regwiz buckets --sandbox lists the emulator\'s demo buckets', async () => {
		const result = await runCli(['buckets', '--sandbox', '--json'], {env: {}});
		expect(result.code, result.stderr).toBe(0);
		const value = onlyJson(result);
		expect(value).toMatchObject({ok: true, region: 'kr-standard', registriesKnown: true});
		expect(new URL(value.endpoint as string).hostname).toBe('127.0.0.1');
	});
});
