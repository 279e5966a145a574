// Each fault through the built `regwiz create`, as a script runs it: the exit code, the plain summary
// and the --json object, against local servers only (the scenarios live in helpers/fault-scenarios.ts).
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseTimeout} from '../../source/cli/create-args.js';
import {sendRequest} from '../../source/transport.js';
import {cliInvocation, createUrl, createWorld, flat, SCENARIOS, type FaultScenario, type World} from '../helpers/fault-scenarios.js';
import {runCli, type CliResult} from '../helpers/run-cli.js';
import {testCertificates, type TestCertificates} from '../helpers/tls-certs.js';

let certs: TestCertificates;
beforeAll(() => {
	certs = testCertificates();
});
afterAll(() => certs?.dispose());

function expectPlain(result: CliResult, scenario: FaultScenario, world: World) {
	const expected = scenario.expected(world);
	const text = flat(result.stdout);
	expect(result.code).toBe(expected.exitCode);
	expect(result.stderr).toBe('');
	expect(result.stdout.split('\n')[0]).toBe(`✗ ${expected.title}`);
	expect(text).toContain(flat(`Request POST ${createUrl(scenario, world)}`));
	for (const [label, value] of expected.lines) expect(text).toContain(flat(`${label} ${value}`));
	expect(text).toContain(`What to do: ${flat(expected.advice[0] ?? '')}`);
	for (const advice of expected.advice) expect(text).toContain(flat(advice));
	for (const raw of expected.absent ?? []) expect(result.stdout).not.toContain(raw);
}

function expectJson(result: CliResult, scenario: FaultScenario, world: World) {
	const expected = scenario.expected(world);
	expect(result.code).toBe(expected.exitCode);
	expect(result.stderr).toBe('');
	expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
	const json = JSON.parse(result.stdout) as Record<string, unknown>;
	expect(json).toMatchObject({ok: false, backend: scenario.backend, request: {method: 'POST', url: createUrl(scenario, world)}, ...expected.json});
	// The sentence a script logs is the one a person reads.
	const first = expected.lines.find(([label]) => label === 'Problem')?.[1];
	if (first) expect(json.error).toBe(first);
	expect(typeof json.error).toBe('string');
	return json;
}

/** One run in a world of its own (servers keep state: a cut answer still creates the registry). */
async function inWorld(scenario: FaultScenario, run: (world: World) => Promise<void>) {
	const world = await createWorld(certs);
	try {
		scenario.arrange?.(world);
		await run(world);
		scenario.verify?.(world);
	} finally {
		await world.close();
	}
}

describe.concurrent('each fault: exit code, plain summary and --json', () => {
	for (const scenario of SCENARIOS) {
		it(scenario.name, async () => {
			await Promise.all([
				inWorld(scenario, async world => {
					const {args, env} = cliInvocation(scenario, world);
					expectPlain(await runCli(args, {env}), scenario, world);
				}),
				inWorld(scenario, async world => {
					const {args, env} = cliInvocation(scenario, world);
					expectJson(await runCli([...args, '--json'], {env}), scenario, world);
				}),
			]);
		});
	}
});

describe('details the table cannot show', () => {
	it('a cut answer: --json keeps exactly the bounded raw text, and says it was cut', async () => {
		const world = await createWorld(certs);
		try {
			world.emulator.faults.hugeBodyBytes = 5 * 1024 * 1024;
			const scenario = SCENARIOS.find(item => item.name === 'a body over 1 MB')!;
			const {args, env} = cliInvocation(scenario, world);
			const result = await runCli([...args, '--json'], {env});
			const json = JSON.parse(result.stdout) as {response: string; error: string};
			expect(json.response).toHaveLength(1024 * 1024);
			expect(json.response.startsWith('{"padding":"xxxx')).toBe(true);
			expect(json.error).toMatch(/^200 but not the answer NCR sends: the answer was cut: it was larger than regwiz reads/);
		} finally {
			await world.close();
		}
	});

	it('no automatic retry: one fault, one request', async () => {
		const world = await createWorld(certs);
		try {
			world.emulator.faults.override = {status: 503, body: 'busy'};
			const {args, env} = cliInvocation({name: '503', backend: 'ncr', expected: () => ({exitCode: 1, title: '', lines: [], advice: [], json: {}})}, world);
			const result = await runCli(args, {env});
			expect(result.code).toBe(1);
			expect(result.stdout.split('\n')[0]).toBe('✗ Refused: 503 Service Unavailable');
			expect(world.emulator.received.map(request => request.method)).toEqual(['POST']);
		} finally {
			await world.close();
		}
	});

	it('the default timeout is 30 seconds', () => {
		expect(parseTimeout(undefined)).toBe(30_000);
	});
});

describe('refused before anything is sent (exit 2)', () => {
	it('credentials from the environment are checked like flags: the field and its source are named', async () => {
		const world = await createWorld(certs);
		try {
			const scenario: FaultScenario = {name: 'bad key', backend: 'ncr', expected: () => ({exitCode: 2, title: '', lines: [], advice: [], json: {}})};
			const bad = {accessKey: 'ncp_iam_\u001b[31mRED', secretKey: 'SECRET-canary-badkey-000000'};
			const {args, env} = cliInvocation(scenario, world, bad);
			const [text, json] = await Promise.all([runCli(args, {env}), runCli([...args, '--json'], {env})]);
			const message = 'Access key: an access key is printable ASCII with no spaces (e.g. ncp_iam_BPAMKR…) (from environment (NCLOUD_ACCESS_KEY_ID))';
			expect(text).toMatchObject({code: 2, stdout: '', stderr: `regwiz: ${message}\n`});
			expect(json.code).toBe(2);
			expect(JSON.parse(json.stdout)).toMatchObject({ok: false, backend: 'ncr', status: null, request: null, error: message});
			expect(world.emulator.received).toEqual([]);
		} finally {
			await world.close();
		}
	});

	it('plain http to another machine needs --allow-insecure-http; with it, the request goes ahead', async () => {
		const world = await createWorld(certs);
		try {
			const scenario: FaultScenario = {
				name: 'http',
				backend: 'registryui',
				offlineDns: true,
				endpoint: () => 'http://regwiz-test.invalid',
				expected: () => ({exitCode: 2, title: '', lines: [], advice: [], json: {}}),
			};
			const {args, env} = cliInvocation(scenario, world);
			const [refused, allowed] = await Promise.all([runCli(args, {env}), runCli([...args, '--allow-insecure-http'], {env})]);
			expect(refused).toMatchObject({
				code: 2,
				stdout: '',
				stderr: 'regwiz: http://regwiz-test.invalid uses plain http to another machine: credentials would travel unencrypted. Use https://, or pass --allow-insecure-http if you accept that risk\n',
			});
			// Allowed, it went as far as looking the host up (and no further: .invalid never resolves).
			expect(allowed.code).toBe(3);
			expect(allowed.stdout).toContain('The host name in http://regwiz-test.invalid could not be found (DNS).');
		} finally {
			await world.close();
		}
	});
});

describe('transport: reading a bounded amount', () => {
	it('stops reading an endless answer at the limit and closes the connection', async () => {
		let written = 0;
		let closed!: () => void;
		const socketClosed = new Promise<void>(resolve => (closed = resolve));
		const server = http.createServer((_request, response) => {
			response.writeHead(200, {'content-type': 'application/json'});
			const chunk = Buffer.alloc(16 * 1024, 'x');
			const pump = () => {
				while (!response.destroyed && response.write(chunk)) written += chunk.length;
				if (!response.destroyed) response.once('drain', pump);
			};
			response.on('close', closed);
			pump();
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
		try {
			const {port} = server.address() as AddressInfo;
			const limit = 100_000;
			const started = Date.now();
			const answer = await sendRequest(
				{method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {}, redact: {}},
				{timeoutMs: 5000, maxBodyBytes: limit},
			);
			expect(answer.truncated).toBe(true);
			expect(Buffer.byteLength(answer.body)).toBe(limit);
			// An endless body ends only because regwiz hung up, well before the timeout.
			await socketClosed;
			expect(Date.now() - started).toBeLessThan(3000);
			expect(written).toBeLessThan(64 * 1024 * 1024);
		} finally {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		}
	});

	it('reads an answer of exactly the limit whole, not marked as cut', async () => {
		const server = http.createServer((_request, response) => {
			response.end('y'.repeat(5000));
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
		try {
			const {port} = server.address() as AddressInfo;
			const answer = await sendRequest({method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {}, redact: {}}, {timeoutMs: 5000, maxBodyBytes: 5000});
			expect(answer).toMatchObject({status: 200, truncated: false});
			expect(answer.body).toBe('y'.repeat(5000));
		} finally {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		}
	});
});
