// The wizard's bucket step in a real pseudo-terminal (80×24): the account's buckets listed from the
// emulator's Object Storage, a bucket backing a registry refused, "New bucket…" checked and created just
// before the registry, a registry name already the account's refused as typed, and no access.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {openProfileStore} from '../../source/store/profile-store.js';
import {KEYS, openTerminal, type Terminal} from '../helpers/terminal.js';

let emulator: Emulator;
let configDir: string;
let terminal: Terminal | undefined;

beforeEach(async () => {
	emulator = await startEmulator({demo: true});
	configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-buckets-'));
});
afterEach(async () => {
	terminal?.kill();
	terminal = undefined;
	await emulator.close();
	fs.rmSync(configDir, {recursive: true, force: true});
});

function start(keys: {accessKey: string; secretKey: string} = SANDBOX_CREDENTIALS.ncr): Terminal {
	openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
		backend: 'ncr',
		credentials: {...keys},
		connection: {site: 'custom', endpoint: emulator.ncrBaseUrl, storageEndpoint: emulator.storageBaseUrl},
	});
	terminal = openTerminal({args: ['create', 'ncr', '--profile', 'default'], env: {REGWIZ_CONFIG_DIR: configDir}});
	return terminal;
}

async function step(term: Terminal, keys: string, expected: string | RegExp) {
	if (keys.startsWith('\u001B') || keys.length <= 1) await term.press(keys);
	else await term.type(keys);
	return term.waitFor(expected);
}

async function erase(term: Terminal, count: number) {
	for (let index = 0; index < count; index++) await term.press(KEYS.backspace);
}

const storageRequests = () => emulator.received.filter(request => request.path.startsWith('/object-storage')).map(request => `${request.method} ${request.path} ${request.status}`);

/** Registry name (a name already the account's refused first), then storage type, to the bucket list. */
async function toBucketList(term: Terminal) {
	await term.waitFor('Registry name');
	await step(term, 'demo-app', '"demo-app" is already one of your registries');
	expect(term.screen()).toContain('names taken by other accounts are found out only on create');
	await erase(term, 'demo-app'.length);
	await step(term, 'team-a', 'team-a');
	await step(term, KEYS.enter, 'Storage type');
	return step(term, KEYS.enter, 'New bucket…');
}

describe('the bucket step (80×24)', () => {
	it('lists the buckets, refuses the one backing a registry, and sends the free one chosen', async () => {
		const term = start();
		const list = await toBucketList(term);
		expect(list).toMatch(/demo-app-images +backs registry demo-app \(not selectable\)/);
		expect(list).toMatch(/demo-backups +free/);
		expect(list).toMatch(/demo-images +free/);
		expect(list).not.toContain('taken-bucket');
		// The first bucket that can be chosen is highlighted; the one above it backs a registry.
		expect(list).toMatch(/❯ demo-backups/);
		await term.press(KEYS.up);
		await step(term, KEYS.enter, 'demo-app-images already backs the registry demo-app');
		await term.press(KEYS.down);
		const review = await step(term, KEYS.enter, 'Step 4 of 5');
		expect(review).toContain('{"bucket":"demo-backups"}');
		expect(review).not.toContain('First');
		await step(term, KEYS.enter, 'Registry created');
		expect(storageRequests()).toEqual(['GET /object-storage/ 200']);
		expect(emulator.state.registries.get('team-a')?.bucket).toBe('demo-backups');
	});

	it('New bucket…: a name of another account is refused, a free one is created just before the registry', async () => {
		const term = start();
		await toBucketList(term);
		for (let index = 0; index < 8 && !/❯ New bucket…/.test(term.screen()); index++) await term.press(KEYS.down);
		await step(term, KEYS.enter, 'New bucket name');
		await step(term, 'taken-bucket', 'taken-bucket');
		await step(term, KEYS.enter, 'belongs to another account');
		await erase(term, 'taken-bucket'.length);
		await step(term, 'team-a-new', 'team-a-new');
		const review = await step(term, KEYS.enter, 'Step 4 of 5');
		expect(review).toContain('create the bucket team-a-new at Object Storage');
		expect(review).toContain('{"bucket":"team-a-new"}');
		expect(emulator.state.buckets.has('team-a-new')).toBe(false);
		const result = await step(term, KEYS.enter, 'Registry created');
		expect(result).toContain('Bucket team-a-new was created first.');
		expect(storageRequests()).toEqual([
			'GET /object-storage/ 200',
			'HEAD /object-storage/taken-bucket 403',
			'HEAD /object-storage/team-a-new 404',
			'HEAD /object-storage/team-a-new 404',
			'PUT /object-storage/team-a-new 200',
		]);
		const order = emulator.received.map(request => `${request.method} ${request.path.split('?')[0]}`);
		expect(order.indexOf('PUT /object-storage/team-a-new')).toBeLessThan(order.indexOf('POST /ncr/api/v2/repositories/team-a'));
		expect(emulator.state.registries.get('team-a')?.bucket).toBe('team-a-new');
	});

	it('without Object Storage permission: one line, and the bucket is typed', async () => {
		const term = start(SANDBOX_CREDENTIALS.ncrWithoutStorage);
		await term.waitFor('Registry name');
		await step(term, 'team-a', 'team-a');
		await step(term, KEYS.enter, 'Storage type');
		const screen = await step(term, KEYS.enter, 'Type the bucket name instead');
		expect(screen).toContain('No access to Object Storage');
		await step(term, 'typed-bucket', 'typed-bucket');
		const review = await step(term, KEYS.enter, 'Step 4 of 5');
		expect(review).toContain('{"bucket":"typed-bucket"}');
	});
});
