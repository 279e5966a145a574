// A certificate regwiz cannot verify: it says why, sends nothing, and nothing turns verification off.
// https servers on 127.0.0.1 with TEST-ONLY certificates (see test/helpers/tls-certs.ts).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import {startTlsServer, testCertificates, type TestCertificates, type TlsServer} from '../helpers/tls-certs.js';

const NCR_ENV = {NCLOUD_ACCESS_KEY_ID: 'ncp_iam_BPAMKR0000TLS00001', NCLOUD_SECRET_ACCESS_KEY: 'SECRET-canary-tls-0123456789abcdef'};
const HINT = 'Check the URL. For a private certificate authority, add it with NODE_EXTRA_CA_CERTS=/path/to/ca.pem; regwiz never skips verification.';

let certs: TestCertificates;
let selfSigned: TlsServer;
let otherHost: TlsServer;

beforeAll(async () => {
	certs = testCertificates();
	selfSigned = await startTlsServer(certs.selfSigned);
	otherHost = await startTlsServer(certs.otherHost);
});
afterAll(async () => {
	await selfSigned?.close();
	await otherHost?.close();
	certs?.dispose();
});

const create = (server: TlsServer, ...extra: string[]) => [
	'create',
	'ncr',
	'--registry',
	'team-a',
	'--bucket',
	'team-a-images',
	'--endpoint',
	`${server.url}/ncr/api/v2`,
	...extra,
];

describe('TLS failures through regwiz create', () => {
	it('a self-signed certificate: exit 3, says self-signed and that nothing was sent', async () => {
		const result = await runCli(create(selfSigned), {env: NCR_ENV});
		expect(result.code).toBe(3);
		expect(result.stdout).toBe(
			[
				'✗ No answer',
				`  Request  POST ${selfSigned.url}/ncr/api/v2/repositories/team-a`,
				`  Problem  Could not verify ${selfSigned.url}: its certificate is self-signed. Nothing was sent.`,
				'',
				'What to do:',
				`  ${HINT}`,
				'',
			].join('\n'),
		);
		expect(result.stderr).toBe('');
		expect(selfSigned.requests()).toBe(0);
	});

	it('--json: failure "tls", the same sentence, no status and no response', async () => {
		const result = await runCli(create(selfSigned, '--json'), {env: NCR_ENV});
		expect(result.code).toBe(3);
		expect(JSON.parse(result.stdout)).toEqual({
			ok: false,
			backend: 'ncr',
			status: null,
			request: {method: 'POST', url: `${selfSigned.url}/ncr/api/v2/repositories/team-a`},
			response: null,
			error: `Could not verify ${selfSigned.url}: its certificate is self-signed. Nothing was sent.`,
			failure: 'tls',
		});
		expect(selfSigned.requests()).toBe(0);
	});

	it('NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment does not turn verification off', async () => {
		const result = await runCli(create(selfSigned), {env: {...NCR_ENV, NODE_TLS_REJECT_UNAUTHORIZED: '0'}});
		expect(result.code).toBe(3);
		expect(result.stdout).toContain('its certificate is self-signed. Nothing was sent.');
		expect(selfSigned.requests()).toBe(0);
	});

	it('a trusted certificate for another host name: exit 3, says so, nothing sent', async () => {
		const result = await runCli(create(otherHost), {env: {...NCR_ENV, NODE_EXTRA_CA_CERTS: certs.caFile}});
		expect(result.code).toBe(3);
		expect(result.stdout).toContain(`  Problem  Could not verify ${otherHost.url}: its certificate is for another host name. Nothing was sent.`);
		expect(otherHost.requests()).toBe(0);
	});

	it('the same certificate without its authority: says the authority is not trusted', async () => {
		const result = await runCli(create(otherHost, '--json'), {env: NCR_ENV});
		expect(result.code).toBe(3);
		expect(JSON.parse(result.stdout)).toMatchObject({
			failure: 'tls',
			error: `Could not verify ${otherHost.url}: its certificate is signed by an authority this machine does not trust. Nothing was sent.`,
		});
		expect(otherHost.requests()).toBe(0);
	});

	it('control: once the self-signed certificate is trusted (NODE_EXTRA_CA_CERTS), the same server is reached', async () => {
		const before = selfSigned.requests();
		const pem = `${certs.caFile.replace(/ca\.crt$/, '')}self-signed.crt`;
		const result = await runCli(create(selfSigned), {env: {...NCR_ENV, NODE_EXTRA_CA_CERTS: pem}});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('✓ Registry created');
		// The create, then its read-back.
		expect(selfSigned.requests()).toBe(before + 2);
	});

	it('there is no flag that skips verification', async () => {
		const flags = ['--insecure', '-k', '--no-verify', '--insecure-skip-tls-verify'];
		const results = await Promise.all(flags.map(flag => runCli(create(selfSigned, flag), {env: NCR_ENV})));
		results.forEach((result, index) => {
			expect(result.code, flags[index]).toBe(2);
			expect(result.stderr, flags[index]).toBe(`regwiz: Unknown flag ${flags[index]} for regwiz create ncr. See: regwiz create ncr --help\n`);
		});
		expect(selfSigned.requests()).toBe(2);
		const help = await runCli(['help', 'create', 'ncr']);
		expect(help.stdout).not.toMatch(/verif|skip-tls|--insecure\b|reject-unauthorized/i);
	});
});
