// A hostile server on 127.0.0.1 whose last word is a 1xx: an upgrade nobody asked for (101), an interim
// answer and then a closed connection, or an interim answer and then silence. None is a success: a 1xx
// as the final answer is "unexpected answer", exit 1, recorded; silence ends at the one deadline.
import fs from 'node:fs';
import net, {type AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

const NCR_ENV = {NCLOUD_ACCESS_KEY_ID: 'ncp_iam_BPAMKR00001XX00001', NCLOUD_SECRET_ACCESS_KEY: 'SECRET-canary-1xx-0123456789abcdef'};
const servers: net.Server[] = [];
const scratch: string[] = [];

afterEach(async () => {
	for (const server of servers.splice(0)) await new Promise(resolve => server.close(resolve));
	for (const dir of scratch.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

/** Answers the first bytes of every connection with `raw`; `end` closes the connection after it. */
async function rawServer(raw: string, end: boolean): Promise<string> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.once('data', () => (end ? socket.end(raw) : socket.write(raw)));
	});
	// Closing stops listening and ends the connections still held open (the silent one).
	const close = server.close.bind(server);
	server.close = (callback?: (error?: Error) => void) => {
		for (const socket of sockets) socket.destroy();
		return close(callback);
	};
	servers.push(server);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function configDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-1xx-'));
	scratch.push(dir);
	return dir;
}

const create = (url: string, ...extra: string[]) => ['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `${url}/ncr/api/v2`, ...extra];

describe('a 1xx as the last answer', () => {
	it('101 Switching Protocols: "Unexpected answer", exit 1, recorded in the history', async () => {
		const url = await rawServer('HTTP/1.1 101 Switching Protocols\r\n\r\n', false);
		const dir = configDir();
		const plain = await runCli(create(url), {env: NCR_ENV, configDir: dir});
		expect(plain.code).toBe(1);
		expect(plain.stdout.split('\n')[0]).toBe('✗ Unexpected answer: 101 Switching Protocols');
		expect(plain.stdout).toContain('Unexpected  an informational (1xx) status is not a final answer; whether anything was created is unknown');
		const history = fs.readFileSync(path.join(dir, 'history.jsonl'), 'utf8');
		expect(history).toContain('"status":101');
		const json = await runCli(create(url, '--json'), {env: NCR_ENV});
		expect(json.code).toBe(1);
		expect(json.stdout.trim().split('\n')).toHaveLength(1);
		expect(JSON.parse(json.stdout)).toMatchObject({
			ok: false,
			status: 101,
			error: '101 Switching Protocols: an informational (1xx) status is not a final answer; whether anything was created is unknown',
		});
	});

	it('101 with an Upgrade header, and a 103 followed by a closed connection: the same', async () => {
		for (const [raw, status] of [
			['HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n', 101],
			['HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n', 103],
		] as const) {
			const url = await rawServer(raw, true);
			const json = await runCli(create(url, '--json'), {env: NCR_ENV});
			expect(json.code, raw).toBe(1);
			expect(JSON.parse(json.stdout)).toMatchObject({ok: false, status});
		}
	});

	it('a 1xx and then silence: no answer within the deadline (--timeout), exit 3, plain and --json', async () => {
		const url = await rawServer('HTTP/1.1 102 Processing\r\n\r\n', false);
		const plain = await runCli(create(url, '--timeout', '1'), {env: NCR_ENV, timeoutMs: 10_000});
		expect(plain.code).toBe(3);
		expect(plain.stdout).toContain(`No answer from ${url} within 1 second.`);
		const json = await runCli(create(url, '--timeout', '1', '--json'), {env: NCR_ENV, timeoutMs: 10_000});
		expect(json.code).toBe(3);
		expect(JSON.parse(json.stdout)).toMatchObject({ok: false, status: null, failure: 'timeout'});
	});
});
