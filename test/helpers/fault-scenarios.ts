// Every way a create request can go wrong, as data: how to provoke it against local servers, and what a
// person must then see. The command line (plain and --json) and the wizard's result panel are checked
// against the same table, so a fault reads the same wherever it shows; the secrets test replays it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {MAX_BODY_BYTES} from '../../source/transport.js';
import {ROOT} from './paths.js';
import {closedPort, startRecordingServer, type RecordingServer} from './recording-server.js';
import {startTlsServer, type TestCertificates, type TlsServer} from './tls-certs.js';

/** The test-only resolver: `.invalid` names fail at once, nothing is asked of a DNS server. */
export const OFFLINE_DNS = path.join(ROOT, 'test', 'fixtures', 'offline-dns.cjs');

export type World = {
	emulator: Emulator;
	/** Another host: what a redirect points at. It must never receive anything. */
	other: RecordingServer;
	/** https on 127.0.0.1 with a self-signed TEST-ONLY certificate. */
	tls: TlsServer;
	/** A port nothing listens on. */
	closedPort: number;
	/** Where the offline resolver writes each name it was asked for. */
	dnsLog: string;
	close: () => Promise<void>;
};

export async function createWorld(certs: TestCertificates): Promise<World> {
	const [emulator, other, tls, port] = await Promise.all([
		startEmulator({port: 0, host: '127.0.0.1'}),
		startRecordingServer({fallback: {status: 201, body: {returnCode: '201', returnMessage: 'Registry Creation is successful'}}}),
		startTlsServer(certs.selfSigned),
		closedPort(),
	]);
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-faults-'));
	return {
		emulator,
		other,
		tls,
		closedPort: port,
		dnsLog: path.join(scratch, 'dns.log'),
		async close() {
			await Promise.all([emulator.close(), other.close(), tls.close()]);
			fs.rmSync(scratch, {recursive: true, force: true});
		},
	};
}

export const dnsLookups = (world: World): string[] =>
	fs.existsSync(world.dnsLog) ? fs.readFileSync(world.dnsLog, 'utf8').split('\n').filter(Boolean) : [];

export type Expected = {
	exitCode: number;
	/** The headline, without its ✓/✗ mark. */
	title: string;
	/** Labelled lines of the result, [label, value]; a value may be the start of a longer one. */
	lines: Array<[string, string]>;
	/** Sentences of "What to do". */
	advice: string[];
	/** Fields of the --json object. */
	json: Record<string, unknown>;
	/** Text that must not reach the screen (raw markup). */
	absent?: string[];
};

export type FaultScenario = {
	name: string;
	backend: 'ncr' | 'registryui';
	/** Flips the emulator's switches or seeds its state before the request. */
	arrange?: (world: World) => void;
	/** The base URL; default the emulator's. */
	endpoint?: (world: World) => string;
	/** Default: the sandbox's accepted credentials (NCR key pair, RegistryUI admin). */
	credentials?: Record<string, string>;
	/** Default 5 s. */
	timeoutMs?: number;
	/** The test-only offline resolver must be in place. */
	offlineDns?: boolean;
	expected: (world: World) => Expected;
	/** What must (not) have reached the servers. */
	verify?: (world: World) => void;
};

export const FIELDS = {
	ncr: {registry: 'team-a', storageType: 'objectStorage', bucket: 'team-a-images'},
	registryui: {repository: 'team-a/backend'},
} as const;

export const DEFAULT_CREDENTIALS: Record<FaultScenario['backend'], Record<string, string>> = {
	ncr: {...SANDBOX_CREDENTIALS.ncr},
	registryui: {...SANDBOX_CREDENTIALS.registryuiAdmin},
};

export const baseUrl = (scenario: FaultScenario, world: World): string =>
	scenario.endpoint?.(world) ?? (scenario.backend === 'ncr' ? world.emulator.ncrBaseUrl : world.emulator.registryuiBaseUrl);

export const createUrl = (scenario: FaultScenario, world: World): string =>
	scenario.backend === 'ncr' ? `${baseUrl(scenario, world)}/repositories/team-a` : `${baseUrl(scenario, world)}/udr/v1api/project/create?repository=team-a%2Fbackend`;

const posts = (world: World) => world.emulator.received.filter(request => request.method === 'POST');

const NCR_401_CAUSES = [
	'NCP answered 200 Authentication Failed: it rejected the key, the signature or the timestamp, and does not say which. Check:',
	'1. the access key and secret key belong together (NCP console › Manage Auth Key), and the key is active;',
	"2. the signature: no proxy rewrites the request's path, and the endpoint's path prefix is the site's;",
	'3. your clock is right (NCP allows 5 minutes).',
];

const GATEWAY_401 = {error: {errorCode: '200', message: 'Authentication Failed', details: 'Invalid authentication information.'}};

const HTML_502 = [
	'<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body { font: 14px sans-serif }</style></head>',
	'<body><h1>Bad Gateway</h1><p>The upstream server is taking a break &amp; will be back.</p>',
	`<p>${'Please try again in a few minutes. '.repeat(12)}</p><script>track('502')</script></body></html>`,
].join('');

const RETRY_DATE = new Date(Date.UTC(2031, 0, 2, 3, 4, 5));

export const SCENARIOS: FaultScenario[] = [
	{
		name: 'connection refused',
		backend: 'ncr',
		endpoint: world => `http://127.0.0.1:${world.closedPort}/ncr/api/v2`,
		expected: world => ({
			exitCode: 3,
			title: 'No answer',
			lines: [['Problem', `Connection refused by http://127.0.0.1:${world.closedPort}: nothing is listening there.`]],
			advice: ['Check the URL and port, and that the service is running.'],
			json: {status: null, response: null, failure: 'refused', error: `Connection refused by http://127.0.0.1:${world.closedPort}: nothing is listening there.`},
		}),
	},
	{
		name: 'DNS name not found (.invalid)',
		backend: 'registryui',
		offlineDns: true,
		endpoint: () => 'https://regwiz-test.invalid',
		expected: () => ({
			exitCode: 3,
			title: 'No answer',
			lines: [['Problem', 'The host name in https://regwiz-test.invalid could not be found (DNS).']],
			advice: ['Check the spelling of the URL, your network and your DNS settings.'],
			json: {status: null, response: null, failure: 'dns', error: 'The host name in https://regwiz-test.invalid could not be found (DNS).'},
		}),
		verify: world => {
			if (!dnsLookups(world).includes('regwiz-test.invalid')) throw new Error(`the offline resolver was not asked: ${dnsLookups(world).join(', ')}`);
		},
	},
	{
		name: 'TLS: a self-signed certificate',
		backend: 'ncr',
		endpoint: world => `${world.tls.url}/ncr/api/v2`,
		expected: world => ({
			exitCode: 3,
			title: 'No answer',
			lines: [['Problem', `Could not verify ${world.tls.url}: its certificate is self-signed. Nothing was sent.`]],
			advice: ['Check the URL. For a private certificate authority, add it with NODE_EXTRA_CA_CERTS=/path/to/ca.pem; regwiz never skips verification.'],
			json: {status: null, response: null, failure: 'tls', error: `Could not verify ${world.tls.url}: its certificate is self-signed. Nothing was sent.`},
		}),
		verify: world => {
			if (world.tls.requests() !== 0) throw new Error('a request reached the server whose certificate was refused');
		},
	},
	{
		name: 'the server accepts and never answers',
		backend: 'ncr',
		timeoutMs: 1000,
		arrange: world => {
			world.emulator.faults.hang = true;
		},
		expected: world => ({
			exitCode: 3,
			title: 'No answer',
			lines: [['Problem', `No answer from ${world.emulator.origin} within 1 second.`]],
			advice: ['The service may be slow or unreachable: retry later, or give more time with --timeout SECONDS. It may have been created: check before retrying.'],
			json: {status: null, response: null, failure: 'timeout', error: `No answer from ${world.emulator.origin} within 1 second.`},
		}),
		verify: world => {
			if (posts(world).length === 0) throw new Error('the request never reached the hanging server');
		},
	},
	{
		name: 'the server stops mid-body',
		backend: 'ncr',
		arrange: world => {
			world.emulator.faults.dropMidBody = true;
		},
		expected: world => ({
			exitCode: 3,
			title: 'No answer',
			lines: [['Problem', `The connection to ${world.emulator.origin} closed before the answer was complete (its status, 201, had arrived).`]],
			advice: ['The status says it was probably created: check that it exists before retrying.'],
			json: {status: null, response: null, failure: 'interrupted'},
		}),
		verify: world => {
			// The emulator acted before the answer was cut: the advice to check first is right.
			if (!world.emulator.state.registries.has('team-a')) throw new Error('the registry was not created before the cut');
		},
	},
	{
		name: '5xx with an HTML page',
		backend: 'ncr',
		arrange: world => {
			world.emulator.faults.override = {status: 502, contentType: 'text/html; charset=utf-8', body: HTML_502};
		},
		expected: () => ({
			exitCode: 1,
			title: 'Refused: 502 Bad Gateway',
			lines: [
				['Status', '502 Bad Gateway'],
				['Details', '502 Bad Gateway Bad Gateway The upstream server is taking a break & will be back. Please try again in a few minutes.'],
				['Trace id', ''],
			],
			// A failure behind the service may still have created it: check, never a plain retry.
			advice: ['The service failed on its side.', 'If it keeps failing, quote the trace id to support.', 'It may have been created: check that it exists (e.g. in the web console) before trying again.'],
			json: {status: 502, response: HTML_502},
			absent: ['<', 'DOCTYPE', 'font:', 'track('],
		}),
	},
	{
		name: '2xx with a body that is not JSON',
		backend: 'ncr',
		arrange: world => {
			world.emulator.faults.override = {status: 201, body: 'Created OK (a proxy speaking)'};
		},
		expected: () => ({
			exitCode: 1,
			title: 'Unexpected answer: 201 Created',
			lines: [
				['Status', '201 Created'],
				['Unexpected', 'the answer is not JSON: Created OK (a proxy speaking)'],
			],
			advice: ['The server answered, but not as this service does: check the endpoint URL, then check in the web console whether it was created.'],
			json: {status: 201, response: 'Created OK (a proxy speaking)', error: '201 but not the answer NCR sends: the answer is not JSON: Created OK (a proxy speaking)'},
		}),
	},
	{
		name: '2xx with JSON of an unexpected shape (NCR)',
		backend: 'ncr',
		arrange: world => {
			world.emulator.faults.override = {status: 200, contentType: 'application/json', body: '{"result":"fine","id":7}'};
		},
		expected: () => ({
			exitCode: 1,
			title: 'Unexpected answer: 200 OK',
			lines: [['Unexpected', 'expected {"returnCode", "returnMessage"}, got {"result":"fine","id":7}']],
			advice: ['The server answered, but not as this service does'],
			json: {status: 200, response: {result: 'fine', id: 7}, error: '200 but not the answer NCR sends: expected {"returnCode", "returnMessage"}, got {"result":"fine","id":7}'},
		}),
	},
	{
		name: '2xx with JSON of an unexpected shape (RegistryUI)',
		backend: 'registryui',
		arrange: world => {
			world.emulator.faults.override = {status: 200, contentType: 'application/json', body: '{"ok":true}'};
		},
		expected: () => ({
			exitCode: 1,
			title: 'Unexpected answer: 200 OK',
			lines: [['Unexpected', 'expected {"error": null, "data": {…}}, got {"ok":true}']],
			advice: ['The server answered, but not as this service does'],
			json: {status: 200, response: {ok: true}},
		}),
	},
	{
		name: 'a body over 1 MB',
		backend: 'ncr',
		arrange: world => {
			world.emulator.faults.hugeBodyBytes = 3 * MAX_BODY_BYTES;
		},
		expected: () => ({
			exitCode: 1,
			title: 'Unexpected answer: 200 OK',
			lines: [['Unexpected', 'the answer was cut: it was larger than regwiz reads, so it could not be checked (it began: {"padding":"xxxxxxxx']],
			advice: ['The server answered, but not as this service does'],
			json: {status: 200},
		}),
	},
	{
		name: 'NCP 401 with the local clock 10 minutes behind',
		backend: 'ncr',
		arrange: world => {
			world.emulator.faults.clockSkewMs = 10 * 60_000;
		},
		expected: () => ({
			exitCode: 1,
			title: 'Refused: 401 Authentication Failed',
			lines: [
				['Status', '401 Unauthorized'],
				['Details', 'Invalid authentication information.'],
				['Error code', '200'],
			],
			advice: ["Your clock is 10 minutes behind the server's: correct it (e.g. enable NTP) and retry.", ...NCR_401_CAUSES],
			json: {status: 401, response: GATEWAY_401, error: '401 Authentication Failed: Invalid authentication information.'},
		}),
	},
	{
		name: 'NCP 401 with the local clock 7 minutes ahead',
		backend: 'ncr',
		arrange: world => {
			world.emulator.faults.clockSkewMs = -7 * 60_000;
		},
		expected: () => ({
			exitCode: 1,
			title: 'Refused: 401 Authentication Failed',
			lines: [['Details', 'Invalid authentication information.']],
			advice: ["Your clock is 7 minutes ahead of the server's: correct it (e.g. enable NTP) and retry.", ...NCR_401_CAUSES],
			json: {status: 401},
		}),
	},
	{
		name: 'NCP 401 for a wrong secret key, clock right: the three causes, no clock claim',
		backend: 'ncr',
		credentials: {accessKey: SANDBOX_CREDENTIALS.ncr.accessKey, secretKey: 'not-the-sandbox-secret-key'},
		expected: () => ({
			exitCode: 1,
			title: 'Refused: 401 Authentication Failed',
			lines: [['Details', 'Invalid authentication information.']],
			advice: NCR_401_CAUSES,
			json: {status: 401},
			absent: ['Your clock is'],
		}),
	},
	{
		name: 'NCP 429 with Retry-After in seconds',
		backend: 'ncr',
		arrange: world => {
			world.emulator.faults.override = {
				status: 429,
				contentType: 'application/json',
				headers: {'retry-after': '17'},
				body: JSON.stringify({error: {errorCode: '420', message: 'Rate Limit Exceeded', details: 'Too many requests.'}}),
			};
		},
		expected: () => ({
			exitCode: 1,
			title: 'Refused: 429 Rate Limit Exceeded',
			lines: [
				['Status', '429 Too Many Requests'],
				['Details', 'Too many requests.'],
				['Error code', '420'],
			],
			advice: ['The service is throttling requests or a quota is reached: wait and retry in 17 seconds.'],
			json: {status: 429, error: '429 Rate Limit Exceeded: Too many requests.'},
		}),
	},
	{
		name: 'NCP 429 with Retry-After as a date',
		backend: 'ncr',
		arrange: world => {
			world.emulator.faults.override = {
				status: 429,
				contentType: 'application/json',
				headers: {'retry-after': RETRY_DATE.toUTCString()},
				body: JSON.stringify({error: {errorCode: '410', message: 'Quota Exceeded'}}),
			};
		},
		expected: () => ({
			exitCode: 1,
			title: 'Refused: 429 Quota Exceeded',
			lines: [['Error code', '410']],
			advice: ['The service is throttling requests or a quota is reached: wait and retry after 2031-01-02T03:04:05.000Z.'],
			json: {status: 429},
		}),
	},
	{
		name: 'RegistryUI 2xx with a non-null error',
		backend: 'registryui',
		arrange: world => {
			world.emulator.state.repositories.set('team-a/backend', {
				id: 1,
				fullPath: 'team-a/backend',
				name: 'backend',
				title: null,
				description: {html: ''},
				isPublic: false,
				created: '2024-01-01T00:00:00.000Z',
				updated: null,
				tenantId: 1,
				level: 1,
			});
		},
		expected: () => ({
			exitCode: 1,
			title: 'Refused: 200 repository team-a/backend already exists',
			lines: [['Status', '200 OK']],
			advice: ['"team-a/backend" already exists: choose another path.'],
			json: {status: 200, response: {error: 'repository team-a/backend already exists', data: null}, error: '200 repository team-a/backend already exists'},
		}),
	},
	{
		name: 'RegistryUI 401: a wrong token',
		backend: 'registryui',
		credentials: {username: 'admin', token: 'not-the-admin-token'},
		expected: () => ({
			exitCode: 1,
			title: 'Refused: 401 Unauthorized: invalid user name or token',
			lines: [['Status', '401 Unauthorized']],
			advice: ['Check the username and the user token: the token is not the website password (RegistryUI › your user › Tokens).'],
			json: {status: 401, error: '401 Unauthorized: invalid user name or token'},
		}),
	},
	{
		name: 'RegistryUI 403: not an administrator',
		backend: 'registryui',
		credentials: {...SANDBOX_CREDENTIALS.registryuiUser},
		expected: () => ({
			exitCode: 1,
			title: 'Refused: 403 Forbidden: only administrators can create projects',
			lines: [['Status', '403 Forbidden']],
			advice: ['The account is not a RegistryUI administrator: only administrators can create repositories.'],
			json: {status: 403},
		}),
	},
	{
		name: 'a redirect to another host (NCR, 307)',
		backend: 'ncr',
		arrange: world => {
			world.emulator.faults.redirectTo = `${world.other.url}/ncr/api/v2/repositories/team-a`;
		},
		expected: world => ({
			exitCode: 1,
			title: 'Redirected: 307 Temporary Redirect (not followed)',
			lines: [
				['Status', '307 Temporary Redirect'],
				['Unexpected', `it redirects to ${world.other.url}/ncr/api/v2/repositories/team-a; regwiz does not follow redirects`],
			],
			advice: [`The server redirects to ${world.other.url}/ncr/api/v2/repositories/team-a; regwiz never follows redirects with credentials.`, 'If that address is right, use it as the endpoint.'],
			json: {status: 307},
		}),
		verify: world => {
			if (world.other.requests.length > 0) throw new Error('the redirect was followed: credentials reached another host');
		},
	},
	{
		name: 'a redirect to another host (RegistryUI, 302 without a body)',
		backend: 'registryui',
		arrange: world => {
			world.emulator.faults.override = {status: 302, headers: {location: `${world.other.url}/login?next=%2Fudr`}};
		},
		expected: world => ({
			exitCode: 1,
			title: 'Redirected: 302 Found (not followed)',
			lines: [['Unexpected', `it redirects to ${world.other.url}/login?next=%2Fudr; regwiz does not follow redirects`]],
			advice: [`The server redirects to ${world.other.url}/login?next=%2Fudr; regwiz never follows redirects with credentials.`],
			json: {status: 302, response: '', error: `302 Found: it redirects to ${world.other.url}/login?next=%2Fudr; regwiz does not follow redirects`},
		}),
		verify: world => {
			if (world.other.requests.length > 0) throw new Error('the redirect was followed: credentials reached another host');
		},
	},
];

/** The command line and environment a script would use for this scenario. */
export function cliInvocation(scenario: FaultScenario, world: World, credentials?: Record<string, string>) {
	const given = credentials ?? scenario.credentials ?? DEFAULT_CREDENTIALS[scenario.backend];
	const args =
		scenario.backend === 'ncr'
			? ['create', 'ncr', '--registry', FIELDS.ncr.registry, '--bucket', FIELDS.ncr.bucket, '--endpoint', baseUrl(scenario, world)]
			: ['create', 'registryui', '--repository', FIELDS.registryui.repository, '--url', baseUrl(scenario, world)];
	args.push('--timeout', String((scenario.timeoutMs ?? 5000) / 1000));
	const env: Record<string, string> =
		scenario.backend === 'ncr'
			? {NCLOUD_ACCESS_KEY_ID: given.accessKey ?? '', NCLOUD_SECRET_ACCESS_KEY: given.secretKey ?? ''}
			: {REGISTRYUI_USERNAME: given.username ?? '', REGISTRYUI_TOKEN: given.token ?? ''};
	if (scenario.offlineDns) Object.assign(env, {NODE_OPTIONS: `--require ${OFFLINE_DNS}`, REGWIZ_TEST_DNS_LOG: world.dnsLog});
	return {args, env};
}

/** Whitespace and panel borders folded, so wrapped panel text and padded plain text compare alike. */
export const flat = (text: string): string => text.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ').trim();
