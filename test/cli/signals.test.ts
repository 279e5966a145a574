// SIGINT and SIGTERM while `regwiz create` waits on a server that never answers: the exit code says
// which (130, 143), the output says "Cancelled" and is whole, and the files regwiz keeps stay valid.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {openProfileStore} from '../../source/store/profile-store.js';
import {CLI} from '../helpers/paths.js';
import {runCli} from '../helpers/run-cli.js';

let emulator: Emulator;
let scratch: string;

beforeEach(async () => {
	emulator = await startEmulator({port: 0, host: '127.0.0.1'});
	emulator.faults.hang = true;
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-signals-'));
});
afterEach(async () => {
	await emulator.close();
	fs.rmSync(scratch, {recursive: true, force: true});
});

/** A config folder holding one NCR profile pointed at the emulator, as `regwiz` saves it. */
function configWithProfile(): string {
	const dir = path.join(scratch, 'config');
	const {store} = openProfileStore({REGWIZ_CONFIG_DIR: dir});
	store.save('default', {backend: 'ncr', credentials: {...SANDBOX_CREDENTIALS.ncr}, connection: {site: 'custom', endpoint: emulator.ncrBaseUrl}});
	return dir;
}

/** Starts `regwiz create ncr`, waits until its request reached the (hanging) server, then sends `signal`. */
async function interrupt(signal: NodeJS.Signals, configDir: string, extra: string[] = []) {
	const child = spawn(process.execPath, [CLI, 'create', 'ncr', '--profile', 'default', '--registry', 'team-a', '--bucket', 'team-a-images', ...extra], {
		env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: scratch, REGWIZ_CONFIG_DIR: configDir, NO_COLOR: '1'},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const ended = new Promise<{code: number | null; signal: NodeJS.Signals | null}>(resolve => child.on('close', (code, by) => resolve({code, signal: by})));
	const deadline = Date.now() + 10_000;
	while (!emulator.received.some(request => request.method === 'POST')) {
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the request never arrived\nstdout: ${stdout}\nstderr: ${stderr}`);
		}
		await new Promise(resolve => setTimeout(resolve, 10));
	}
	child.kill(signal);
	const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
	const {code, signal: by} = await ended;
	clearTimeout(killer);
	return {code, by, stdout, stderr};
}

function expectFilesIntact(configDir: string, before: string) {
	const config = fs.readFileSync(path.join(configDir, 'config.json'), 'utf8');
	expect(config).toBe(before);
	expect(() => JSON.parse(config)).not.toThrow();
	const history = fs.readFileSync(path.join(configDir, 'history.jsonl'), 'utf8');
	expect(history.endsWith('\n')).toBe(true);
	const lines = history.trimEnd().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatchObject({backend: 'ncr', name: 'team-a', profile: 'default', status: null, outcome: 'cancelled'});
	expect(fs.readdirSync(configDir).filter(name => /\.(tmp|lock)$/.test(name))).toEqual([]);
}

describe('signals during a create in flight', () => {
	it('SIGINT: exit 130, "Cancelled", and the profile and history files stay valid', async () => {
		// runCli fails with the build's own message when dist/cli.js could not be built.
		expect((await runCli(['--version'])).code).toBe(0);
		const configDir = configWithProfile();
		const before = fs.readFileSync(path.join(configDir, 'config.json'), 'utf8');
		const result = await interrupt('SIGINT', configDir);
		expect(result).toMatchObject({code: 130, by: null, stderr: ''});
		expect(result.stdout).toBe(
			[
				'✗ Cancelled',
				`  Request  POST ${emulator.ncrBaseUrl}/repositories/team-a`,
				'  Problem  Cancelled while the request was being sent or answered: it may have been created.',
				'',
				'What to do:',
				'  It may have been created: check that it exists (e.g. in the web console) before trying again.',
				'',
			].join('\n'),
		);
		expectFilesIntact(configDir, before);
		expect(emulator.received.filter(request => request.method === 'POST')).toHaveLength(1);
	});

	it('SIGTERM with --json: exit 143 and one whole JSON object saying it was cancelled', async () => {
		const configDir = configWithProfile();
		const before = fs.readFileSync(path.join(configDir, 'config.json'), 'utf8');
		const result = await interrupt('SIGTERM', configDir, ['--json']);
		expect(result).toMatchObject({code: 143, by: null, stderr: ''});
		expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
		expect(JSON.parse(result.stdout)).toEqual({
			ok: false,
			backend: 'ncr',
			status: null,
			request: {method: 'POST', url: `${emulator.ncrBaseUrl}/repositories/team-a`},
			response: null,
			error: 'Cancelled while the request was being sent or answered: it may have been created.',
			failure: 'cancelled',
		});
		expectFilesIntact(configDir, before);
	});
});
