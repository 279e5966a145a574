import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openProfileStore} from '../../source/store/profile-store.js';
import {KEYS, openTerminal, type Terminal} from '../helpers/terminal.js';

// The wizard as a person types at it: the built binary in a real pseudo-terminal, in the sandbox, keys
// sent the way a terminal sends them (several in one read when typed fast, held or pasted).
let configDir: string;
let terminal: Terminal | undefined;

beforeEach(() => {
	configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-typing-'));
});
afterEach(() => {
	terminal?.kill();
	terminal = undefined;
	fs.rmSync(configDir, {recursive: true, force: true});
});

function start(options: {args?: string[]; cols?: number; rows?: number; env?: Record<string, string>} = {}): Terminal {
	terminal = openTerminal({args: ['--sandbox'], ...options, env: {REGWIZ_CONFIG_DIR: configDir, ...options.env}});
	return terminal;
}

/** The line of the screen that holds `text`. */
const lineWith = (screen: string, text: string) => screen.split('\n').find(line => line.includes(text)) ?? '';

/** Writes keys as one read, then waits until the screen shows what is expected. */
async function send(term: Terminal, keys: string, expected: string | RegExp) {
	term.write(keys);
	return term.waitFor(expected);
}

/** The storage type question itself (not the answered line "Storage type ✓ …"). */
const STORAGE_QUESTION = /^Storage type\s*$/m;

const KEY = KEYS;
/**
 * The sandbox's bucket step is a list: demo-app-images (backs a registry), demo-backups (highlighted,
 * the first free one), demo-images, New bucket…. Up twice wraps to "New bucket…", whose name is typed.
 */
const NEW_BUCKET = `${KEYS.up}${KEYS.up}\r`;
const ALT_BACKSPACE = KEYS.altBackspace;

/** From the first screen to the registry name, in one read: NCR, then the sandbox profile. */
async function toRegistryName(term: Terminal) {
	await term.waitFor('Where should the registry live?');
	return send(term, KEYS.enter + KEYS.enter, 'Registry name');
}

describe('editing keys in text and secret fields', () => {
	it('moves and deletes as readline does; Ctrl-letters never type letters', async () => {
		const term = start();
		await toRegistryName(term);
		await send(term, 'teamx-a', 'Registry name ❯ teamx-a');
		// Ctrl-A, Z, Ctrl-E, E, all in one read.
		let screen = await send(term, `${KEY.ctrlA}Z${KEY.ctrlE}E`, 'Zteamx-aE');
		screen = await send(term, KEY.ctrlU, /Registry name ❯\s*$/m);
		expect(lineWith(screen, 'Registry name').split('❯')[1]!.trim()).toBe('');
		await send(term, 'one two-three', 'one two-three');
		await send(term, KEY.ctrlW, /Registry name ❯ one\s*$/m);
		await send(term, 'abc-def', 'one abc-def');
		await send(term, ALT_BACKSPACE, /Registry name ❯ one abc-\s*$/m);
		// Home, then Delete deletes forward (not back).
		await send(term, KEY.home + KEY.delete, /Registry name ❯ ne abc-\s*$/m);
		// End, Alt-← jumps a word back: X lands before "abc"; Ctrl-K cuts to the end.
		await send(term, `${KEY.end}${KEY.altLeft}X`, 'ne Xabc-');
		await send(term, KEY.ctrlK, /Registry name ❯ ne X\s*$/m);
		// Ctrl-← and Ctrl-→ jump words too; ← and → move one character.
		await send(term, `${KEY.ctrlLeft}${KEY.ctrlLeft}Y${KEY.ctrlRight}${KEY.left}Z${KEY.right}W`, 'YnZeW X');
		// Backspace deletes back.
		screen = await send(term, `${KEYS.backspace}${KEYS.backspace}`, /Registry name ❯ YnZ X\s*$/m);
		expect(screen).toContain('Enter next');
	});

	it('the secret field: Ctrl-U clears it instead of adding a letter, paste is kept whole', async () => {
		const term = start();
		await term.waitFor('Where should the registry live?');
		await send(term, KEYS.enter, 'New credentials…');
		await send(term, KEYS.down + KEYS.enter, 'Site');
		await send(term, KEYS.enter, 'Access key');
		await send(term, 'AKIDEXAMPLE0001\r', 'Secret key');
		await send(term, '\u001B[200~pasted-secret\r\n\u001B[201~', /Secret key ❯ ●{13}\s*$/m);
		await send(term, KEY.ctrlU, /Secret key ❯\s*$/m);
		const screen = await send(term, 'abcd', /Secret key ❯ ●{4}\s*$/m);
		expect(screen).not.toContain('abcd');
	});
});

describe('keys that arrive together', () => {
	it('are all delivered in order, to whatever screen is current, across screen changes', async () => {
		const term = start();
		await term.waitFor('Where should the registry live?');
		// The whole wizard in one read: NCR, the sandbox profile, a name, the storage type, a bucket
		// with five held Backspaces, four Left arrows and an insertion, and the review.
		await send(term, `\r\rteam-a\r\r`, 'New bucket…');
		// Then the bucket list and the new bucket's name, with its edits, in one read too.
		const keys = `${NEW_BUCKET}team-a-imagesXXXXX${KEYS.backspace.repeat(5)}${KEY.left.repeat(4)}z\r`;
		const review = await send(term, keys, 'Step 4 of 5');
		expect(review).toMatch(/Registry name\s+team-a\b/);
		expect(review).toMatch(/Bucket\s+team-a-imzages/);
		const result = await send(term, KEYS.enter, 'Registry created');
		expect(result).toContain('team-a');
	});

	it('text typed the instant a field appears is kept', async () => {
		const term = start();
		await term.waitFor('Where should the registry live?');
		term.write(KEYS.enter);
		term.write(KEYS.enter);
		term.write('q');
		term.write('u');
		term.write('ick');
		const screen = await term.waitFor('Registry name ❯ quick');
		expect(screen).not.toContain('Which credentials?');
	});
});

describe('Esc keeps what was typed', () => {
	it('a value not yet submitted, and an edit of a submitted one, come back exactly', async () => {
		const term = start();
		await toRegistryName(term);
		// Typed, not submitted, left with Esc: it comes back.
		await send(term, 'abc-name', 'Registry name ❯ abc-name');
		await send(term, KEYS.escape, 'Which credentials?');
		let screen = await send(term, KEYS.enter, 'Registry name ❯');
		expect(lineWith(screen, 'Registry name ❯')).toContain('abc-name');
		await send(term, KEY.ctrlU + 'team-a\r', 'Storage type');
		// Back to the name (answered team-a), edit it without Enter, leave with Esc, return.
		await send(term, KEYS.escape, 'Registry name ❯');
		await send(term, 'b', 'Registry name ❯ team-ab');
		await send(term, KEYS.escape, 'Which credentials?');
		screen = await send(term, KEYS.enter, 'Registry name ❯');
		expect(lineWith(screen, 'Registry name ❯')).toContain('team-ab');
	});
});

describe('resize', () => {
	it('redraws cleanly at the new size at a field and at the review, the box reflowed', async () => {
		const term = start();
		await toRegistryName(term);
		term.resize(50, 20);
		await term.waitFor(/Step 3 of 5/);
		let screen = await send(term, 'team-a', 'Registry name ❯ team-a');
		expect(screen.split('\n').filter(line => line.includes('Step 3 of 5'))).toHaveLength(1);
		for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
		term.resize(80, 24);
		await send(term, '\r\r', 'demo-backups');
		await send(term, '\r', 'Step 4 of 5');
		term.resize(64, 24);
		await new Promise(resolve => setTimeout(resolve, 300));
		screen = await term.waitFor('Step 4 of 5');
		const lines = screen.split('\n');
		expect(lines.filter(line => line.includes('Step 4 of 5'))).toHaveLength(1);
		const top = lines.findIndex(line => line.startsWith('╭'));
		const bottom = lines.findIndex(line => line.startsWith('╰'));
		expect(top).toBeGreaterThanOrEqual(0);
		expect(bottom).toBeGreaterThan(top);
		const width = lines[top]!.length;
		expect(width).toBeLessThanOrEqual(64);
		for (const line of lines.slice(top + 1, bottom)) {
			expect(line.startsWith('│')).toBe(true);
			expect(line.length).toBe(width);
		}
	});
});

describe('what stays on screen', () => {
	it('answered fields show above the current question, the secret masked', async () => {
		const term = start();
		await term.waitFor('Where should the registry live?');
		await send(term, KEYS.enter, 'New credentials…');
		await send(term, KEYS.down + KEYS.enter, 'Site');
		await send(term, KEYS.enter, 'Access key');
		await send(term, 'AKIDEXAMPLE0001\r', 'Secret key');
		const screen = await send(term, 'a-secret-typed-9876\r', 'Save as a profile?');
		expect(screen).toMatch(/Site\s+✓ Korea/);
		expect(screen).toMatch(/Access key\s+✓ AKIDEXAMPLE0001/);
		expect(screen).toMatch(/Secret key\s+✓ \*\*\*\*9876/);
		expect(screen).not.toContain('a-secret-typed');
	});

	it('the review shows the labelled fields first, then the request, the timestamp as set when sent', async () => {
		const term = start();
		await toRegistryName(term);
		await send(term, 'team-a\r\r', 'demo-backups');
		const screen = await send(term, '\r', 'Step 4 of 5');
		const lines = screen.split('\n');
		const name = lines.findIndex(line => /Registry name\s+team-a/.test(line));
		const post = lines.findIndex(line => line.includes('POST '));
		expect(name).toBeGreaterThan(0);
		expect(post).toBeGreaterThan(name);
		expect(screen).toMatch(/Storage type\s+Object Storage/);
		expect(screen).toContain('x-ncp-apigw-timestamp: (set when sent)');
	});
});

describe('prefilled values', () => {
	it('offers last time\'s storage type, never its registry name or bucket', async () => {
		openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
			backend: 'ncr',
			credentials: {accessKey: 'AKIDEXAMPLE0001', secretKey: 'a-secret-for-the-test'},
			connection: {site: 'kr'},
			lastFields: {registry: 'team-last', storageType: 'ncloudStorage', bucket: 'last-bucket'},
		});
		const term = start({args: []});
		await term.waitFor('Where should the registry live?');
		let screen = await send(term, KEYS.enter + KEYS.enter, 'Registry name ❯');
		expect(screen).not.toContain('team-last');
		screen = await send(term, 'team-b\r', STORAGE_QUESTION);
		expect(screen).toMatch(/❯ Ncloud Storage/);
	});

	it('after a create, "create another" does not offer the name it consumed', async () => {
		const term = start();
		await toRegistryName(term);
		await send(term, 'team-a\r\r', 'demo-backups');
		await send(term, '\r', 'Step 4 of 5');
		await send(term, KEYS.enter, 'Registry created');
		const screen = await send(term, 'n', 'Registry name ❯');
		expect(lineWith(screen, 'Registry name ❯')).not.toContain('team-a');
	});
});

describe('validation names the fault', () => {
	it('for Team_A: which characters are wrong, a corrected value, Tab accepts it; wrapped lines align', async () => {
		const term = start({cols: 60, rows: 20});
		await toRegistryName(term);
		const screen = await send(term, 'Team_A', 'try team-a');
		expect(screen.replace(/\n\s*/g, ' ')).toContain('✗ uppercase T, A and the underscore are not allowed');
		const lines = screen.split('\n');
		const first = lines.findIndex(line => line.includes('✗'));
		const column = lines[first]!.indexOf('✗') + 2;
		expect(lines[first + 1]!.slice(0, column).trim()).toBe('');
		expect(lines[first + 1]![column]).not.toBe(' ');
		await send(term, KEY.tab, /Registry name ❯ team-a\s*$/m);
		await send(term, KEYS.enter, STORAGE_QUESTION);
	});
});

describe('NO_COLOR', () => {
	it('keeps a visible cursor in a text field, drawn in reverse video', async () => {
		const term = start({env: {NO_COLOR: '1'}});
		await toRegistryName(term);
		await send(term, 'ab', 'Registry name ❯ ab');
		expect(term.output()).toContain('\u001B[7m \u001B[27m');
		// No colour codes at all.
		expect(term.output()).not.toMatch(/\u001B\[3[0-9]m/);
	});
});

describe('next steps', () => {
	it('prints commands on their own lines outside the box, whole, at 60 columns', async () => {
		const term = start({cols: 60, rows: 24});
		await term.waitFor('Where should the registry live?');
		await send(term, KEYS.down + KEYS.enter, 'Which credentials?');
		await send(term, '\rteam-a/backend\r\r\r', 'Step 4 of 5');
		const screen = await send(term, KEYS.enter, 'Repository created');
		const push = screen.split('\n').find(line => line.includes('docker push'));
		// With docker login offered (l), the exact tag and push lines for this repository follow, whole.
		expect(push).toMatch(/^docker push 127\.0\.0\.1:\d+\/team-a\/backend:latest$/);
		// Too long for 60 columns: cut as the shell reads it, so that copying both lines still runs.
		expect(screen).toMatch(/^docker tag my-image:latest \\\n {2}127\.0\.0\.1:\d+\/team-a\/backend:latest$/m);
	});
});

describe('every value given as a flag, in a terminal', () => {
	it('asks nothing, but shows the progress line and then the result panel, and exits', async () => {
		const term = start({args: ['create', 'registryui', '--sandbox', '--repository', 'team-a/flags', '--private']});
		const screen = await term.waitFor('Repository created');
		expect(term.output()).toContain('Signing and sending POST /udr/v1api/project/create');
		expect(screen).toContain('╭');
		expect(screen).toMatch(/^docker push 127\.0\.0\.1:\d+\/team-a\/flags\/<image>:<tag>$/m);
		expect(screen).not.toContain('Step 4 of 5');
		expect(await term.exited).toBe(0);
	});
});

describe('smaller points', () => {
	it('Ctrl-C leaves "Cancelled: nothing was sent." and no footer on screen', async () => {
		const term = start();
		await toRegistryName(term);
		term.write(KEYS.ctrlC);
		expect(await term.exited).toBe(130);
		const screen = await term.waitFor('Cancelled: nothing was sent.');
		expect(screen).not.toContain('Ctrl-C quit');
	});

	it('the title drops the profile when Esc goes back to the credentials, and the backend on step 1', async () => {
		const term = start();
		await toRegistryName(term);
		expect(term.screen()).toContain('regwiz · NAVER Cloud Container Registry · sandbox-ncr');
		let screen = await send(term, KEYS.escape, 'Which credentials?');
		expect(screen).not.toContain('· sandbox-ncr');
		screen = await send(term, KEYS.escape, 'Where should the registry live?');
		expect(screen).toContain('regwiz · create a container registry');
	});

	it('in the sandbox, saving says it is kept in memory for this run, not "saved"', async () => {
		const term = start();
		await term.waitFor('Where should the registry live?');
		await send(term, KEYS.enter, 'New credentials…');
		await send(term, KEYS.down + KEYS.enter, 'Site');
		await send(term, KEYS.enter, 'Access key');
		await send(term, 'AKIDEXAMPLE0001\r', 'Secret key');
		const screen = await send(term, 'a-secret-typed-9876\r', 'Save as a profile?');
		expect(screen).toContain('Keep as a profile for this run');
		expect(screen).not.toContain('Save as a profile  ');
	});

	it('a mistyped flag or command gets a "did you mean", and --help lists exit 143', async () => {
		let term = start({args: ['create', 'ncr', '--regsitry', 'team-a']});
		expect(await term.exited).toBe(2);
		await term.waitFor('did you mean --registry?');
		term.kill();
		term = start({args: ['creat']});
		expect(await term.exited).toBe(2);
		await term.waitFor('did you mean create?');
		term.kill();
		term = start({args: ['--help']});
		await term.waitFor('143 SIGTERM');
	});

	it('at 60 columns list descriptions and the title wrap instead of being cut', async () => {
		const term = start({cols: 60, rows: 20});
		let screen = await term.waitFor('Where should the registry live?');
		expect(screen).not.toContain('…\n');
		expect(screen.replace(/\s+/g, ' ')).toContain('a private registry backed by Object Storage');
		screen = await send(term, KEYS.enter + KEYS.enter, 'Registry name');
		// The title wraps in its own column beside the step counter.
		expect(screen.split('\n').slice(0, 2).join(' ')).toMatch(/regwiz · NAVER Cloud Container Registry ·\s+Step 3 of 5\s+sandbox-ncr/);
		expect(screen).not.toContain('…');
	});

	it("an optional choice can be left to the server's default, as the command line allows", async () => {
		const term = start();
		await term.waitFor('Where should the registry live?');
		await send(term, KEYS.down + KEYS.enter, 'Which credentials?');
		await send(term, '\rteam-a/default\r\r', 'Visibility');
		const screen = await send(term, KEYS.down + KEYS.down + KEYS.enter, 'Step 4 of 5');
		expect(screen).toMatch(/Visibility\s+server's default \(not sent\)/);
		expect(screen).toContain('project/create?repository=team-a%2Fdefault');
		expect(screen).not.toContain('isPublic');
	});

	it('a first run offers new credentials first and the sandbox beside them, and Esc goes back past the fields', async () => {
		const term = start({args: []});
		await term.waitFor('Where should the registry live?');
		const choices = await send(term, KEYS.enter, 'Try it in the sandbox first');
		expect(choices).toMatch(/❯ New credentials…/);
		await send(term, KEYS.enter, 'Site');
		await send(term, KEYS.escape, 'Which credentials?');
		await send(term, KEYS.escape, 'Where should the registry live?');
	});

	it('--json in a terminal with a value missing says --json is why nothing is asked, naming regwiz once', async () => {
		const term = start({args: ['create', 'ncr', '--sandbox', '--registry', 'team-a', '--json']});
		expect(await term.exited).toBe(2);
		const screen = await term.waitFor('nothing is asked');
		expect(screen.replace(/\s+/g, ' ')).toContain('With --json nothing is asked: give them as flags');
		expect(screen).not.toContain('Run it in a terminal');
		expect(screen).not.toContain('regwiz: regwiz');
	});
});
