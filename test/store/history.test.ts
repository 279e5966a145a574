import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ncr} from '../../source/backends/ncr.js';
import {registryui} from '../../source/backends/registryui.js';
import {historyCommand} from '../../source/cli/history-command.js';
import {main} from '../../source/cli/main.js';
import type {CreatePlan, CreateResult} from '../../source/core/types.js';
import {
	appendHistory,
	HISTORY_LIMIT,
	HISTORY_MAX_BYTES,
	historyEntryFromResult,
	readHistory,
	type HistoryEntry,
} from '../../source/store/history.js';
import {runWithFakeIo} from '../helpers/fake-io.js';

const folders: string[] = [];
const servers: http.Server[] = [];
function tempDir(): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-history-'));
	folders.push(folder);
	return folder;
}
afterEach(async () => {
	for (const server of servers.splice(0)) await new Promise(resolve => server.close(resolve));
	for (const folder of folders.splice(0)) fs.rmSync(folder, {recursive: true, force: true});
});

function environment(): NodeJS.ProcessEnv {
	const root = tempDir();
	fs.mkdirSync(path.join(root, 'home'));
	return {REGWIZ_CONFIG_DIR: path.join(root, 'config'), HOME: path.join(root, 'home')};
}

const historyFile = (env: NodeJS.ProcessEnv) => path.join(env.REGWIZ_CONFIG_DIR!, 'history.jsonl');

const runHistory = (argv: string[], env: NodeJS.ProcessEnv, stdoutTTY = false) =>
	runWithFakeIo(io => historyCommand(io, io.argv), argv, env, {stdoutTTY}).catch(async error => {
		// As main reports a usage error.
		return {code: 2, out: '', err: `regwiz: ${(error as Error).message}\n`};
	});

const SECRET = 'ncr-secret-key-abcdef';

const ncrPlan: CreatePlan = {
	backend: ncr,
	fields: {registry: 'team-a', storageType: 'objectStorage', bucket: 'team-a-images'},
	credentials: {accessKey: 'AKIDEXAMPLE0001', secretKey: SECRET},
	connection: {site: 'kr'},
	credentialSource: 'profile default',
	profileName: 'default',
};

const request = {method: 'POST', url: 'https://ncr.apigw.ntruss.com/ncr/api/v2/repositories/team-a'};

function outcome(ok: boolean, status: number, traceId?: string): CreateResult['outcome'] {
	return {ok, status, message: ok ? 'Registry Creation is successful' : 'Conflict', resource: [], body: null, traceId};
}

function entry(index: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
	return {
		time: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
		backend: 'ncr',
		endpoint: 'https://ncr.apigw.ntruss.com/ncr/api/v2',
		profile: 'default',
		name: `registry-${index}`,
		status: 201,
		outcome: 'created',
		traceId: null,
		...overrides,
	};
}

describe('historyEntryFromResult', () => {
	const time = new Date('2026-11-23T10:00:00.000Z');

	it('records a creation: who, where, what, the status; nothing secret', () => {
		const result: CreateResult = {ok: true, exitCode: 0, backend: 'ncr', request, outcome: outcome(true, 201), advice: [], error: null};
		const recorded = historyEntryFromResult(ncrPlan, result, 'https://ncr.apigw.ntruss.com/ncr/api/v2', time);
		expect(recorded).toEqual({
			time: '2026-11-23T10:00:00.000Z',
			backend: 'ncr',
			endpoint: 'https://ncr.apigw.ntruss.com/ncr/api/v2',
			profile: 'default',
			name: 'team-a',
			status: 201,
			outcome: 'created',
			traceId: null,
		});
		expect(JSON.stringify(recorded)).not.toContain(SECRET);
		expect(JSON.stringify(recorded)).not.toContain('AKIDEXAMPLE0001');
	});

	it('tells a refusal (with its trace id), no answer and a cancellation apart', () => {
		const refused: CreateResult = {ok: false, exitCode: 1, backend: 'ncr', request, outcome: outcome(false, 409, 'trace-409'), advice: [], error: '409 Conflict'};
		expect(historyEntryFromResult(ncrPlan, refused, 'https://x.example/ncr/api/v2', time)).toMatchObject({outcome: 'refused', status: 409, traceId: 'trace-409'});
		const timeout: CreateResult = {ok: false, exitCode: 3, backend: 'ncr', request, failure: {kind: 'timeout', message: 'no answer', hint: ''}, advice: [], error: 'no answer'};
		expect(historyEntryFromResult(ncrPlan, timeout, 'https://x.example', time)).toMatchObject({outcome: 'no-answer', status: null, traceId: null});
		const cancelled: CreateResult = {...timeout, exitCode: 130, failure: {kind: 'cancelled', message: 'cancelled', hint: ''}};
		expect(historyEntryFromResult(ncrPlan, cancelled, 'https://x.example', time)).toMatchObject({outcome: 'cancelled', status: null});
	});

	it('names a RegistryUI repository by its path, keeps no user info in the endpoint, null profile for the environment', () => {
		const plan: CreatePlan = {
			backend: registryui,
			fields: {repository: 'team-a/backend'},
			credentials: {username: 'admin', token: 'token-secret-0000'},
			connection: {url: 'https://registry.example.com'},
			credentialSource: 'environment (REGISTRYUI_TOKEN)',
		};
		const result: CreateResult = {ok: true, exitCode: 0, backend: 'registryui', request, outcome: outcome(true, 200), advice: [], error: null};
		const recorded = historyEntryFromResult(plan, result, 'https://admin:pw@registry.example.com/', time);
		expect(recorded).toMatchObject({backend: 'registryui', name: 'team-a/backend', profile: null, endpoint: 'https://registry.example.com'});
	});
});

describe('appendHistory and readHistory', () => {
	it('creates history.jsonl 0600 in the config folder and reads entries back, oldest first', () => {
		const env = environment();
		appendHistory(env, entry(1));
		appendHistory(env, entry(2, {outcome: 'refused', status: 409, traceId: 't-2'}));
		expect(fs.statSync(historyFile(env)).mode & 0o777).toBe(0o600);
		expect(fs.readFileSync(historyFile(env), 'utf8')).toBe(`${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2, {outcome: 'refused', status: 409, traceId: 't-2'}))}\n`);
		expect(readHistory(env)).toEqual([entry(1), entry(2, {outcome: 'refused', status: 409, traceId: 't-2'})]);
	});

	it('writes only the known keys, whatever else the object carries', () => {
		const env = environment();
		appendHistory(env, {...entry(1), secretKey: SECRET, headers: {authorization: 'Basic x'}} as HistoryEntry);
		const text = fs.readFileSync(historyFile(env), 'utf8');
		expect(text).not.toContain(SECRET);
		expect(text).not.toContain('authorization');
	});

	it('returns nothing when there is no file', () => {
		expect(readHistory(environment())).toEqual([]);
	});

	it('reads the newest 1,000 entries, a corrupt line in the middle skipped, never thrown', () => {
		const env = environment();
		fs.mkdirSync(env.REGWIZ_CONFIG_DIR!, {recursive: true});
		const lines = Array.from({length: HISTORY_LIMIT + 25}, (_, index) => JSON.stringify(entry(index)));
		lines[500] = '{"time": "2026-01-01T00:00:00.000Z", "backend": "ncr", "name": tru';
		fs.writeFileSync(historyFile(env), `${lines.join('\n')}\n`, {mode: 0o600});
		const read = readHistory(env);
		expect(read).toHaveLength(HISTORY_LIMIT);
		// 1,001 lines back from the end, because one of them is not an entry.
		expect(read[0]).toEqual(entry(24));
		expect(read.at(-1)).toEqual(entry(HISTORY_LIMIT + 24));
		expect(readHistory(env, 3)).toEqual([entry(HISTORY_LIMIT + 22), entry(HISTORY_LIMIT + 23), entry(HISTORY_LIMIT + 24)]);
	});

	it('past HISTORY_MAX_BYTES moves the file to history.jsonl.1 and starts a new one; reading spans both', () => {
		const env = environment();
		fs.mkdirSync(env.REGWIZ_CONFIG_DIR!, {recursive: true});
		const lines: string[] = [];
		let size = 0;
		for (let index = 0; size < HISTORY_MAX_BYTES; index++) {
			const line = JSON.stringify(entry(index));
			lines.push(line);
			size += line.length + 1;
		}
		fs.writeFileSync(historyFile(env), `${lines.join('\n')}\n`, {mode: 0o600});
		appendHistory(env, entry(90_000));
		const folder = env.REGWIZ_CONFIG_DIR!;
		expect(fs.readdirSync(folder).filter(name => name.startsWith('history')).sort()).toEqual(['history.jsonl', 'history.jsonl.1']);
		expect(fs.readFileSync(historyFile(env), 'utf8')).toBe(`${JSON.stringify(entry(90_000))}\n`);
		expect(fs.readFileSync(path.join(folder, 'history.jsonl.1'), 'utf8')).toBe(`${lines.join('\n')}\n`);
		const read = readHistory(env);
		expect(read).toHaveLength(HISTORY_LIMIT);
		expect(read.at(-1)).toEqual(entry(90_000));
		expect(read.at(-2)).toEqual(entry(lines.length - 1));
		expect(read[0]).toEqual(entry(lines.length - HISTORY_LIMIT + 1));
	});

	it('skips blank lines, other JSON and wrong shapes; a line cut short does not swallow the next entry', () => {
		const env = environment();
		fs.mkdirSync(env.REGWIZ_CONFIG_DIR!, {recursive: true});
		fs.writeFileSync(historyFile(env), `${JSON.stringify(entry(1))}\n\n[1,2]\nnull\n${JSON.stringify({...entry(2), outcome: 'exploded'})}\n{"time":"2026`);
		appendHistory(env, entry(3));
		expect(readHistory(env)).toEqual([entry(1), entry(3)]);
	});
});

describe('regwiz history', () => {
	function seed(env: NodeJS.ProcessEnv) {
		appendHistory(env, entry(1));
		appendHistory(env, entry(2, {backend: 'registryui', endpoint: 'https://registry.example.com', profile: null, name: 'team-a/web', status: 200}));
		appendHistory(env, entry(3, {outcome: 'refused', status: 409, traceId: 'ab12-cd34'}));
		appendHistory(env, entry(4, {outcome: 'no-answer', status: null}));
	}

	it('shows a table, the newest last, times in UTC', async () => {
		const env = environment();
		seed(env);
		expect(await runHistory([], env)).toEqual({
			code: 0,
			err: '',
			out: [
				'TIME (UTC)            BACKEND     NAME        RESULT       PROFILE  ENDPOINT                                 TRACE ID',
				'2026-01-01 00:00:01Z  ncr         registry-1  created 201  default  https://ncr.apigw.ntruss.com/ncr/api/v2  -',
				'2026-01-01 00:00:02Z  registryui  team-a/web  created 200  -        https://registry.example.com             -',
				'2026-01-01 00:00:03Z  ncr         registry-3  refused 409  default  https://ncr.apigw.ntruss.com/ncr/api/v2  ab12-cd34',
				'2026-01-01 00:00:04Z  ncr         registry-4  no answer    default  https://ncr.apigw.ntruss.com/ncr/api/v2  -',
				'',
			].join('\n'),
		});
	});

	it('--limit keeps the newest N; --json prints them as one array on stdout', async () => {
		const env = environment();
		seed(env);
		const limited = await runHistory(['--limit', '2'], env);
		expect(limited.out.split('\n').filter(Boolean).map(line => line.split('  ')[0])).toEqual(['TIME (UTC)', '2026-01-01 00:00:03Z', '2026-01-01 00:00:04Z']);
		const json = await runHistory(['--json', '--limit', '1'], env, true);
		expect(json).toEqual({code: 0, err: '', out: `${JSON.stringify([entry(4, {outcome: 'no-answer', status: null})])}\n`});
	});

	it('says where it looked when there is nothing yet; --json prints []', async () => {
		const env = environment();
		expect(await runHistory([], env)).toEqual({code: 0, err: '', out: `No create attempts recorded yet (${historyFile(env)}).\n`});
		expect(await runHistory(['--json'], env)).toEqual({code: 0, err: '', out: '[]\n'});
	});

	it('exits 2 on a bad --limit; --help shows usage and examples', async () => {
		const env = environment();
		expect(await runHistory(['--limit', 'ten'], env)).toEqual({
			code: 2,
			out: '',
			err: 'regwiz: --limit: "ten" is not a whole number between 1 and 1000 (e.g. --limit 5)\n',
		});
		const help = await runHistory(['--help'], env);
		expect(help.code).toBe(0);
		expect(help.out).toContain('regwiz history [--limit N] [--json]');
		expect(help.out).toContain('Examples:');
	});

	it('is reached from main', async () => {
		const env = environment();
		seed(env);
		const result = await runWithFakeIo(main, ['history', '--json'], env);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.out)).toHaveLength(4);
	});
});

describe('regwiz create records its attempts', () => {
	/** A stand-in NCR that answers every request with the given status. */
	async function fakeNcr(status: number): Promise<{baseUrl: string; requests: () => number}> {
		let count = 0;
		const server = http.createServer((_request, response) => {
			count++;
			const body = status === 201 ? {returnCode: '201', returnMessage: 'Registry Creation is successful'} : {error: {errorCode: '409', message: 'Conflict'}};
			response.writeHead(status, {'content-type': 'application/json', 'x-ncp-trace-id': `trace-${status}`});
			response.end(JSON.stringify(body));
		});
		servers.push(server);
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		return {baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ncr/api/v2`, requests: () => count};
	}

	const keys = {NCLOUD_ACCESS_KEY: 'AKIDEXAMPLE0001', NCLOUD_SECRET_KEY: SECRET};
	const create = (env: NodeJS.ProcessEnv, endpoint: string, ...extra: string[]) =>
		runWithFakeIo(main, ['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', endpoint, ...extra], {...env, ...keys});

	it('a creation and a refusal are recorded, with the trace id; never the secret', async () => {
		const env = environment();
		const created = await fakeNcr(201);
		expect((await create(env, created.baseUrl)).code).toBe(0);
		const refused = await fakeNcr(409);
		expect((await create(env, refused.baseUrl, '--json')).code).toBe(1);
		const entries = readHistory(env);
		expect(entries.map(({time: _time, ...rest}) => rest)).toEqual([
			{backend: 'ncr', endpoint: created.baseUrl, profile: null, name: 'team-a', status: 201, outcome: 'created', traceId: 'trace-201'},
			{backend: 'ncr', endpoint: refused.baseUrl, profile: null, name: 'team-a', status: 409, outcome: 'refused', traceId: 'trace-409'},
		]);
		expect(fs.readFileSync(historyFile(env), 'utf8')).not.toContain(SECRET);
	});

	it('no answer is recorded; a dry run and --curl are not', async () => {
		const env = environment();
		const closed = await fakeNcr(201);
		await new Promise(resolve => servers.pop()!.close(resolve));
		expect((await create(env, closed.baseUrl, '--timeout', '5')).code).toBe(3);
		expect((await create(env, closed.baseUrl, '--dry-run')).code).toBe(0);
		expect((await create(env, closed.baseUrl, '--curl')).code).toBe(0);
		expect(readHistory(env).map(recorded => recorded.outcome)).toEqual(['no-answer']);
	});

	it('a history that cannot be written warns on stderr and leaves the exit code alone', async () => {
		const env = environment();
		fs.mkdirSync(historyFile(env), {recursive: true});
		const server = await fakeNcr(201);
		const result = await create(env, server.baseUrl, '--json');
		expect(result.code).toBe(0);
		expect(JSON.parse(result.out).ok).toBe(true);
		expect(result.err).toMatch(/^regwiz: warning: the attempt was not recorded in the history: /);
	});

	it('a sandbox run is not recorded', async () => {
		const env = environment();
		const result = await runWithFakeIo(main, ['create', 'ncr', '--sandbox', '--registry', 'team-a', '--bucket', 'team-a-images', '--json'], env);
		expect(JSON.parse(result.out).ok).toBe(true);
		expect(fs.existsSync(historyFile(env))).toBe(false);
	});
});
