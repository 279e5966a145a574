import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {signNcpRequest} from '../../source/signing/ncp-signature.js';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {openProfileStore} from '../../source/store/profile-store.js';
import {KEYS, openTerminal, type Terminal} from '../helpers/terminal.js';

// The built binary in a real pseudo-terminal, read as a person reads it, against an emulator this test owns.
let emulator: Emulator;
let configDir: string;
let terminal: Terminal | undefined;

beforeEach(async () => {
	emulator = await startEmulator({port: 0, host: '127.0.0.1'});
	configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-e2e-'));
});
afterEach(async () => {
	terminal?.kill();
	terminal = undefined;
	await emulator.close();
	fs.rmSync(configDir, {recursive: true, force: true});
});

function start(options: {args?: string[]; cols?: number; rows?: number; env?: Record<string, string>} = {}): Terminal {
	terminal = openTerminal({...options, env: {REGWIZ_CONFIG_DIR: configDir, ...options.env}});
	return terminal;
}

function saveNcrProfile(secretKey: string = SANDBOX_CREDENTIALS.ncr.secretKey) {
	openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
		backend: 'ncr',
		credentials: {accessKey: SANDBOX_CREDENTIALS.ncr.accessKey, secretKey},
		connection: {site: 'custom', endpoint: emulator.ncrBaseUrl},
	});
}

/** Types text, or presses a single key, then waits for the screen to show what is expected. */
async function step(term: Terminal, keys: string, expected: string | RegExp) {
	if (keys.startsWith('\u001B') || keys.length <= 1) await term.press(keys);
	else await term.type(keys);
	return term.waitFor(expected);
}

const posts = () => emulator.received.filter(request => request.method === 'POST');

describe('in a real terminal (80×24)', () => {
	it('NCR: from nothing to a created registry, typing as a person would', async () => {
		const term = start();
		await term.waitFor('Where should the registry live?');
		// A first run: new credentials, or the sandbox instead (no account needed).
		await step(term, KEYS.enter, 'Try it in the sandbox first');
		await step(term, KEYS.enter, 'Custom endpoint…');
		// As a person does: move down until the cursor is on the wanted item.
		for (let index = 0; index < 12 && !/❯ Custom endpoint…/.test(term.screen()); index++) await term.press(KEYS.down);
		await step(term, KEYS.enter, 'Endpoint');
		await step(term, emulator.ncrBaseUrl, emulator.ncrBaseUrl);
		await step(term, KEYS.enter, 'Access key');
		await step(term, SANDBOX_CREDENTIALS.ncr.accessKey, SANDBOX_CREDENTIALS.ncr.accessKey);
		await step(term, KEYS.enter, 'Secret key');
		const masked = await step(term, SANDBOX_CREDENTIALS.ncr.secretKey, /●{20,}/);
		expect(masked).not.toContain(SANDBOX_CREDENTIALS.ncr.secretKey);
		await step(term, KEYS.enter, 'credentials work');
		await step(term, KEYS.enter, 'Profile name');
		await step(term, KEYS.enter, 'Registry name');
		await step(term, 'team-a', 'team-a');
		await step(term, KEYS.enter, 'Storage type');
		await step(term, KEYS.enter, 'Bucket');
		await step(term, 'team-a-images', 'team-a-images');
		const review = await step(term, KEYS.enter, 'Step 4 of 5');
		expect(review).toContain(`POST ${emulator.ncrBaseUrl}/repositories/team-a`);
		const result = await step(term, KEYS.enter, 'Registry created');
		expect(result).toContain('201 Created');
		expect(result).toContain('Registry Creation is successful');
		expect(term.screen()).not.toContain(SANDBOX_CREDENTIALS.ncr.secretKey);

		expect(posts()).toHaveLength(1);
		const sent = posts()[0]!;
		expect(sent.path).toBe('/ncr/api/v2/repositories/team-a');
		expect(JSON.parse(sent.body)).toEqual({bucket: 'team-a-images'});
		expect(sent.headers['x-ncp-apigw-signature-v2']).toBe(
			signNcpRequest({method: 'POST', uri: sent.path, timestamp: sent.headers['x-ncp-apigw-timestamp'] as string, ...SANDBOX_CREDENTIALS.ncr}),
		);
		expect([...emulator.state.registries.keys()]).toEqual(['team-a']);
		term.write('q');
		expect(await term.exited).toBe(0);
		// The profile was saved owner-only, secret included, for the next run.
		expect(fs.statSync(path.join(configDir, 'config.json')).mode & 0o777).toBe(0o600);
	});

	it('RegistryUI: from nothing to a created repository', async () => {
		const term = start();
		await term.waitFor('Where should the registry live?');
		await term.press(KEYS.down);
		await step(term, KEYS.enter, 'Try it in the sandbox first');
		await step(term, KEYS.enter, 'Base URL');
		await step(term, emulator.registryuiBaseUrl, emulator.registryuiBaseUrl);
		await step(term, KEYS.enter, 'administrator');
		await step(term, 'admin', 'admin');
		await step(term, KEYS.enter, 'User token');
		await step(term, SANDBOX_CREDENTIALS.registryuiAdmin.token, /●{10,}/);
		await step(term, KEYS.enter, 'Save as a profile?');
		await term.press(KEYS.down);
		await step(term, KEYS.enter, 'Repository path');
		await step(term, 'team-a/backend', 'team-a/backend');
		await step(term, KEYS.enter, 'Title');
		await step(term, KEYS.enter, 'Visibility');
		await step(term, KEYS.enter, 'Step 4 of 5');
		const result = await step(term, KEYS.enter, 'Repository created');
		expect(result).toMatch(/Path\s+team-a\/backend/);
		expect(result).toContain('Assign users and groups');
		expect(posts().map(request => request.path)).toEqual(['/udr/v1api/project/create?repository=team-a%2Fbackend&isPublic=false']);
		expect(emulator.state.repositories.has('team-a/backend')).toBe(true);
	});

	it('409: a refusal panel saying the name or bucket is taken', async () => {
		saveNcrProfile();
		emulator.state.registries.set('team-a', {name: 'team-a', bucket: 'x-bucket', storageType: 'objectStorage', created: new Date().toISOString()});
		// --yes: straight from the last question to sending.
		const term = start({args: ['create', 'ncr', '--registry', 'team-a', '--storage-type', 'objectStorage', '--yes']});
		await term.waitFor('Bucket');
		await step(term, 'team-b-images', 'team-b-images');
		const screen = await step(term, KEYS.enter, 'Refused: 409');
		expect(screen).toContain('already used');
		// Sending the same name again cannot help: no retry is offered.
		expect(screen).not.toContain('r retry');
		expect(posts()).toHaveLength(1);
		expect(posts()[0]!.status).toBe(409);
	});

	it('wrong credentials: a 401 panel with the hint about keys and clock', async () => {
		saveNcrProfile('not-the-right-secret');
		const term = start({args: ['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--storage-type', 'objectStorage', '--profile', 'default', '--timeout', '9']});
		// Every value is given: in a terminal too, regwiz runs as a script and prints its answer.
		const scripted = await term.waitFor('Refused: 401');
		expect(scripted).toContain('your clock is right');
		expect(await term.exited).toBe(1);
		// In the wizard, credentials chosen on step 2 can be changed from the refusal panel.
		terminal = start();
		await terminal.waitFor('Where should the registry live?');
		await step(terminal, KEYS.enter, 'Which credentials?');
		await step(terminal, KEYS.enter, 'Registry name');
		await step(terminal, 'team-a', 'team-a');
		await step(terminal, KEYS.enter, 'Storage type');
		await step(terminal, KEYS.enter, 'Bucket');
		await step(terminal, 'team-a-images', 'team-a-images');
		await step(terminal, KEYS.enter, 'Step 4 of 5');
		const wizard = terminal;
		const screen = await step(wizard, KEYS.enter, 'Refused: 401 Authentication Failed');
		expect(screen).toContain('the access key and secret key belong together');
		expect(screen).toContain('your clock is right');
		expect(screen).toContain('Esc change credentials');
		await step(wizard, KEYS.escape, 'Which credentials?');
		expect(posts().map(request => request.status)).toEqual([401, 401]);
		expect(emulator.state.registries.size).toBe(0);
	});

	it('Esc from the review goes back to change a field; what is sent is the changed value', async () => {
		saveNcrProfile();
		const term = start({args: ['create', 'ncr', '--registry', 'team-a']});
		await term.waitFor('Storage type');
		await step(term, KEYS.enter, 'Bucket');
		await step(term, 'first-bucket', 'first-bucket');
		const review = await step(term, KEYS.enter, 'Step 4 of 5');
		expect(review).toContain('{"bucket":"first-bucket"}');
		const back = await step(term, KEYS.escape, 'Bucket');
		expect(back).toContain('first-bucket');
		for (let index = 0; index < 'first-bucket'.length; index++) await term.press(KEYS.backspace);
		await step(term, 'second-bucket', 'second-bucket');
		await step(term, KEYS.enter, '{"bucket":"second-bucket"}');
		await step(term, KEYS.enter, 'Registry created');
		expect(posts().map(request => JSON.parse(request.body))).toEqual([{bucket: 'second-bucket'}]);
	});

	it('Ctrl-C mid-flow exits 130 and leaves the terminal usable', async () => {
		const term = openTerminal({
			shell: `node dist/cli.js; echo "EXIT=$?"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo STTY-DONE; sleep 5`,
			env: {REGWIZ_CONFIG_DIR: configDir},
		});
		terminal = term;
		await term.waitFor('Where should the registry live?');
		await step(term, KEYS.enter, 'Try it in the sandbox first');
		await step(term, KEYS.enter, 'Site');
		term.write(KEYS.ctrlC);
		const screen = await term.waitFor('STTY-DONE');
		expect(screen).toContain('EXIT=130');
		// Raw mode is off again: canonical input and echo are back on.
		expect(screen).toMatch(/(^|\s)icanon\s/m);
		expect(screen).toMatch(/(^|\s)echo\s/m);
		// The cursor was hidden while drawing and shown again before exit.
		const output = term.output();
		expect(output.lastIndexOf('\u001B[?25h')).toBeGreaterThan(output.lastIndexOf('\u001B[?25l'));
	});
});

describe('narrow screens', () => {
	it('60×20: long values wrap inside the review panel and never break its border', async () => {
		saveNcrProfile();
		const term = start({cols: 60, rows: 20, args: ['create', 'ncr', '--registry', 'a-long-name-for-narrow-screens', '--storage-type', 'objectStorage']});
		await term.waitFor('Bucket');
		await step(term, 'a-bucket-name-that-is-also-quite-long-indeed', 'indeed');
		const screen = await step(term, KEYS.enter, 'Step 4 of 5');
		const lines = screen.split('\n');
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
		const top = lines.findIndex(line => line.startsWith('╭'));
		const bottom = lines.findIndex(line => line.startsWith('╰'));
		expect(top).toBeGreaterThanOrEqual(0);
		expect(bottom).toBeGreaterThan(top);
		const width = lines[top]!.length;
		for (const line of lines.slice(top + 1, bottom)) {
			expect(line.startsWith('│')).toBe(true);
			expect(line.length).toBe(width);
			expect(line.endsWith('│')).toBe(true);
		}
		expect(lines[bottom]!.length).toBe(width);
		// Nothing is cut: the wrapped value reads whole once the border is taken away.
		const inside = lines.slice(top + 1, bottom).map(line => line.slice(1, -1).trim()).join('');
		expect(inside).toContain('{"bucket":"a-bucket-name-that-is-also-quite-long-indeed"}');
	});

	it('80×24: the sandbox banner and the first screen fit', async () => {
		const term = start({args: ['--sandbox']});
		const screen = await term.waitFor('Where should the registry live?');
		expect(screen).toContain('SANDBOX: nothing is created on a real registry');
		expect(screen).toContain('Step 1 of 5');
		term.write(KEYS.enter);
		const credentials = await term.waitFor('Which credentials?');
		expect(credentials).toMatch(/❯ sandbox-ncr/);
		for (const line of credentials.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});
});
