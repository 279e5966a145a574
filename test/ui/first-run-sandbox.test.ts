import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {KEYS, openTerminal, ROOT, type Terminal} from '../helpers/terminal.js';

// A first run as a newcomer makes it: an empty HOME, no keys, no profile. The sandbox is one choice away.
const RECORDER = path.join(ROOT, 'test', 'fixtures', 'record-connections.cjs');
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|::ffff:127\.\d+\.\d+\.\d+)(:\d+)?$/;

let scratch: string;
let terminal: Terminal | undefined;

afterEach(() => {
	terminal?.kill();
	terminal = undefined;
	fs.rmSync(scratch, {recursive: true, force: true});
});

function filesUnder(dir: string): string[] {
	return fs.readdirSync(dir, {recursive: true, withFileTypes: true}).filter(entry => !entry.isDirectory()).map(entry => path.join(entry.parentPath, entry.name));
}

async function step(term: Terminal, keys: string, expected: string | RegExp) {
	if (keys.startsWith('\u001B') || keys.length <= 1) await term.press(keys);
	else await term.type(keys);
	return term.waitFor(expected);
}

function firstRun(extraEnv: Record<string, string> = {}) {
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-first-run-'));
	const home = path.join(scratch, 'home');
	fs.mkdirSync(home);
	const connections = path.join(scratch, 'connections.log');
	// Only HOME, PATH and TERM: no REGWIZ_CONFIG_DIR, so profiles would go under this HOME.
	terminal = openTerminal({env: {HOME: home, REGWIZ_TEST_CONNECTIONS: connections, NODE_OPTIONS: `--require ${RECORDER}`, ...extraEnv}});
	return {term: terminal, home, connections};
}

describe('a first run with nothing set up', () => {
	it('offers the sandbox beside new credentials and creates a registry in it end to end, saving nothing and reaching only loopback', async () => {
		const {term, home, connections} = firstRun();
		await term.waitFor('Where should the registry live?');
		const choice = await step(term, KEYS.enter, 'Try it in the sandbox first (no account needed)');
		expect(choice).toContain('New credentials…');
		expect(choice).not.toContain('SANDBOX');
		// The emulator is started only when chosen: nothing listened or connected before.
		expect(fs.existsSync(connections) ? fs.readFileSync(connections, 'utf8') : '').toBe('');
		await term.press(KEYS.down);
		await step(term, KEYS.enter, 'Registry name');
		expect(term.screen()).toContain('SANDBOX: nothing is created on a real registry');
		expect(term.screen()).toContain('sandbox-ncr');
		await step(term, 'team-a', 'team-a');
		await step(term, KEYS.enter, 'Storage type');
		// The sandbox's demo account lists its buckets: the first backs a registry, the next two are free.
		// (the first free one is highlighted).
		await step(term, KEYS.enter, '❯ demo-backups');
		await step(term, KEYS.down, '❯ demo-images');
		const review = await step(term, KEYS.enter, 'Step 4 of 5');
		expect(review).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/ncr\/api\/v2\/repositories\/team-a/);
		expect(review).toContain('profile sandbox-ncr');
		const result = await step(term, KEYS.enter, 'Registry created');
		expect(result).toContain('201 Created');
		expect(result).toContain('That was the sandbox. For real:');
		expect(result).toContain('run `regwiz` again, without the sandbox');
		// No ~/.ncloud/configure here: the import is not suggested.
		expect(result).not.toContain('import-ncloud');

		// Back to the backends and on to RegistryUI: still the sandbox, with its demo profiles.
		await step(term, 'n', 'Registry name');
		for (let index = 0; index < 8 && !term.screen().includes('Which credentials?'); index++) await term.press(KEYS.escape);
		const profiles = await term.waitFor('sandbox-ncr');
		expect(profiles).toContain('SANDBOX');
		expect(profiles).not.toContain('Try it in the sandbox');
		await step(term, KEYS.escape, 'Where should the registry live?');
		await term.press(KEYS.down);
		const registryui = await step(term, KEYS.enter, 'sandbox-registryui');
		expect(registryui).toContain('SANDBOX');

		term.write('\u0003');
		expect(await term.exited).toBe(130);
		expect(filesUnder(home)).toEqual([]);
		const lines = fs.readFileSync(connections, 'utf8').trim().split('\n');
		expect(lines.some(line => line.startsWith('connect '))).toBe(true);
		for (const line of lines) {
			const [kind, address = '', name = ''] = line.split(' ');
			if (kind === 'lookup') expect(address, line).toMatch(LOOPBACK);
			else if (kind === 'failed') expect(`${address}${name}`, line).toBe('');
			else expect(address, line).toMatch(LOOPBACK);
		}
	});

	it('names ~/.ncloud/configure after a sandbox create when it exists', async () => {
		scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-first-run-'));
		const home = path.join(scratch, 'home');
		fs.mkdirSync(path.join(home, '.ncloud'), {recursive: true});
		fs.writeFileSync(path.join(home, '.ncloud', 'configure'), '[DEFAULT]\nncloud_access_key_id = ncp_iam_BBBBBBBBBBBBBBBB\nncloud_secret_access_key = not-a-real-secret-key-0123456789\n');
		terminal = openTerminal({args: ['create', 'registryui', '--repository', 'team-a/web'], env: {HOME: home}});
		const term = terminal;
		const choice = await term.waitFor('Which credentials?');
		expect(choice).toContain('Try it in the sandbox first');
		await term.press(KEYS.down);
		await step(term, KEYS.enter, 'Title');
		await step(term, KEYS.enter, 'Visibility');
		await step(term, KEYS.enter, 'Step 4 of 5');
		const result = await step(term, KEYS.enter, 'Repository created');
		expect(result).toContain('That was the sandbox. For real:');
		expect(result).toContain('regwiz profile import-ncloud');
		expect(result).toContain('~/.ncloud/configure');
		term.write('q');
		expect(await term.exited).toBe(0);
	});
});

describe('the way in is named up front', () => {
	it('regwiz --help mentions --sandbox in its first lines', async () => {
		const {runCli} = await import('../helpers/run-cli.js');
		scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-first-run-'));
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n').slice(0, 3).join('\n')).toContain('regwiz --sandbox');
	});

	it("README's first screen keeps the 30-second try", () => {
		const firstScreen = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n').slice(0, 24).join('\n');
		expect(firstScreen).toContain('npm start -- --sandbox');
	});
});
