import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {signNcpRequest} from '../../source/signing/ncp-signature.js';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {openProfileStore} from '../../source/store/profile-store.js';
import {CLI, openTerminal, type Terminal} from '../helpers/terminal.js';

// The plain (accessible) wizard in a real pseudo-terminal, read from the raw bytes it writes: one line per
// question, numbers for choices, and never a cursor movement, an erase or a hidden cursor.
let emulator: Emulator;
let configDir: string;
let terminal: Terminal | undefined;

beforeEach(async () => {
	emulator = await startEmulator({port: 0, host: '127.0.0.1'});
	configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-a11y-'));
});
afterEach(async () => {
	terminal?.kill();
	terminal = undefined;
	await emulator.close();
	fs.rmSync(configDir, {recursive: true, force: true});
});

function start(options: {args?: string[]; env?: Record<string, string>} = {}): Terminal {
	terminal = openTerminal({cols: 80, rows: 24, ...options, env: {REGWIZ_CONFIG_DIR: configDir, ...options.env}});
	return terminal;
}

/** What the program wrote since `from`, with the terminal's own echo of typed lines (CR LF) as plain line breaks. */
const written = (term: Terminal, from = 0) => term.output().slice(from).replace(/\r\n/g, '\n');

/** Waits until the output after `from` holds `expected`; returns that output. */
async function until(term: Terminal, expected: string | RegExp, from = 0, timeoutMs = 10_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const text = written(term, from);
		if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(expected)}. Output:\n${text}`);
		await new Promise(resolve => setTimeout(resolve, 15));
	}
}

/** Types one answer and Enter after the prompt `prompt` appeared; resolves with what came after. */
async function answer(term: Terminal, prompt: string | RegExp, line: string, next: string | RegExp): Promise<string> {
	const before = await until(term, prompt, mark);
	mark += before.length;
	await term.type(`${line}\r`, 4);
	return until(term, next, mark);
}
let mark = 0;

/** Cursor movement, erasing, saving/restoring the cursor, hiding it, the alternate screen, or a line redrawn with CR. */
const REDRAW = /\u001B\[[0-9;?]*[ABCDEFGHJKSTfsu]|\u001B[78]|\u001B\[\?(25|1049|47)[lh]|\r(?!\n)/;

const posts = () => emulator.received.filter(request => request.method === 'POST');

describe('accessible mode in a real terminal', () => {
	it('NCR from nothing: digits choose, an error is read and asked again, back works, the secret is never echoed, the exact request is sent', async () => {
		const term = start({args: ['--accessible']});
		mark = 0;
		const intro = await until(term, 'Type a number from 1 to 3: ');
		expect(intro).toContain('Type back (or <) to return to the previous question');
		expect(intro).toContain('Step 1 of 5. Where should the registry live?');
		expect(intro).toContain('  1. NAVER Cloud Container Registry');
		expect(intro).toContain('  2. RegistryUI');
		// A number out of range is read out as an error and the question is asked again.
		let out = await answer(term, 'Type a number from 1 to 3: ', '7', 'Type a number from 1 to 3: ');
		expect(out).toContain('Error: "7" is not one of the numbers. Type a number from 1 to 3.');
		out = await answer(term, 'Type a number from 1 to 3: ', '1', 'Which credentials?');
		out = await until(term, /Type a number from 1 to \d: /, mark);
		expect(out).toContain('  1. New credentials…');
		out = await answer(term, /Type a number from 1 to \d: /, '1', 'Step 2 of 5. Site?');
		const custom = /(\d+)\. Custom endpoint/.exec(await until(term, /press Enter for 1 \(Korea\): /, mark))![1]!;
		out = await answer(term, /press Enter for 1 \(Korea\): /, custom, 'Endpoint: ');
		out = await answer(term, 'Endpoint: ', emulator.ncrBaseUrl, 'Access key: ');
		out = await answer(term, 'Access key: ', SANDBOX_CREDENTIALS.ncr.accessKey, 'Secret key: ');
		expect(out).toContain('It is not shown as you type.');
		out = await answer(term, 'Secret key: ', SANDBOX_CREDENTIALS.ncr.secretKey, 'Save as a profile?');
		expect(out).toContain('credentials work');
		out = await answer(term, /Type a number from 1 to \d: /, '1', 'Profile name: ');
		expect(out).toContain('Current value: default. Press Enter to keep it.');
		out = await answer(term, 'Profile name: ', '', 'Registry name: ');
		expect(out).toContain('Saved as profile default.');
		// A rule broken: the error is text, and the question is asked again.
		out = await answer(term, 'Registry name: ', 'Team_A', 'Registry name: ');
		// The fault is named in the value itself, with a corrected value to type (as the Ink field's Tab offer).
		expect(out).toMatch(/Error: Registry name: uppercase T, A and the underscore are not allowed.*Try team-a\./);
		out = await answer(term, 'Registry name: ', 'team-a', 'Storage type?');
		// Back: the previous question again, with the answer given as its current value.
		out = await answer(term, /press Enter for 1 \(Object Storage\): /, 'back', 'Registry name: ');
		expect(out).toContain('Current value: team-a. Press Enter to keep it.');
		out = await answer(term, 'Registry name: ', '', 'Storage type?');
		out = await answer(term, /press Enter for 1 \(Object Storage\): /, '', 'Bucket: ');
		out = await answer(term, 'Bucket: ', 'team-a-images', 'or type back to change a field: ');
		// As the Ink panel: the answers by label first, then the request exactly as it will be sent.
		expect(out).toMatch(/Step 4 of 5\. Review\.\n {2}Backend: NAVER Cloud Container Registry\n {2}Endpoint: [^\n]+\n {2}Access key: [^\n]+\n {2}Registry name: team-a\n {2}Storage type: Object Storage\n {2}Bucket: team-a-images\n/);
		expect(out).toContain(`This request will be sent: POST ${emulator.ncrBaseUrl}/repositories/team-a`);
		expect(out).toContain('  Header: x-ncp-apigw-timestamp: (set when sent)');
		expect(out).toContain('  Body: {"bucket":"team-a-images"}');
		expect(out).toContain('  Header: x-ncp-apigw-signature-v2: (hidden)');
		expect(posts()).toHaveLength(0);
		out = await answer(term, 'or type back to change a field: ', '', 'What next?');
		expect(out).toContain('Result: Done. Registry created.');
		expect(out).toContain('  Status: 201 Created');
		expect(out).toContain('  Service said: Registry Creation is successful');
		const sent = posts();
		expect(sent).toHaveLength(1);
		expect(sent[0]!.path).toBe('/ncr/api/v2/repositories/team-a');
		expect(JSON.parse(sent[0]!.body)).toEqual({bucket: 'team-a-images'});
		expect(sent[0]!.headers['x-ncp-apigw-signature-v2']).toBe(
			signNcpRequest({method: 'POST', uri: sent[0]!.path, timestamp: sent[0]!.headers['x-ncp-apigw-timestamp'] as string, ...SANDBOX_CREDENTIALS.ncr}),
		);
		const quit = /(\d+)\. Quit/.exec(await until(term, /Type a number from 1 to \d: /, mark))![1]!;
		await term.type(`${quit}\r`, 4);
		expect(await term.exited).toBe(0);
		const raw = term.output();
		expect(raw).not.toContain(SANDBOX_CREDENTIALS.ncr.secretKey);
		expect(raw).not.toMatch(REDRAW);
		expect(raw).not.toContain('\u001B');
		// The profile was saved as by the Ink wizard.
		expect(openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.get('default')?.credentials).toEqual(SANDBOX_CREDENTIALS.ncr);
	});

	it('RegistryUI in the sandbox (--sandbox --accessible): review and result as plain lines, exit 0', async () => {
		const term = start({args: ['--sandbox', '--accessible']});
		mark = 0;
		const intro = await until(term, 'Type a number from 1 to 3: ');
		expect(intro).toContain('SANDBOX: nothing is created on a real registry');
		let out = await answer(term, 'Type a number from 1 to 3: ', '2', /Type a number from 1 to \d: /);
		expect(out).toContain('Step 2 of 5. Which credentials?');
		const admin = /(\d+)\. Profile sandbox-registryui/.exec(out)![1]!;
		out = await answer(term, /Type a number from 1 to \d: /, admin, 'Repository path: ');
		out = await answer(term, 'Repository path: ', 'team-a/backend', 'Title: ');
		out = await answer(term, 'Title: ', '', 'Visibility?');
		out = await until(term, /Type a number from 1 to \d: /, mark);
		const priv = /(\d+)\. Private/.exec(out)![1]!;
		out = await answer(term, /Type a number from 1 to \d: /, priv, 'or type back to change a field: ');
		expect(out).toMatch(/This request will be sent: POST http:\/\/127\.0\.0\.1:\d+\/udr\/v1api\/project\/create\?repository=team-a%2Fbackend&isPublic=false/);
		expect(out).toContain('  Query: repository = team-a/backend');
		expect(out).toContain('  Query: isPublic = false');
		out = await answer(term, 'or type back to change a field: ', '', 'What next?');
		expect(out).toContain('Result: Done. Repository created.');
		expect(out).toMatch(/ {2}Path: team-a\/backend/);
		expect(out).toContain('That was the sandbox. For real:');
		const quit = /(\d+)\. Quit/.exec(await until(term, /Type a number from 1 to \d: /, mark))![1]!;
		await term.type(`${quit}\r`, 4);
		expect(await term.exited).toBe(0);
		expect(term.output()).not.toMatch(REDRAW);
		expect(term.output()).not.toContain(SANDBOX_CREDENTIALS.registryuiAdmin.token);
	});

	it('a refusal ends with the same exit code as the full wizard (1); a taken name offers changing it, not a retry', async () => {
		openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
			backend: 'ncr',
			credentials: {...SANDBOX_CREDENTIALS.ncr},
			connection: {site: 'custom', endpoint: emulator.ncrBaseUrl},
		});
		emulator.state.registries.set('team-a', {name: 'team-a', bucket: 'x-bucket', storageType: 'objectStorage', created: new Date().toISOString()});
		const term = start({args: ['create', 'ncr', '--registry', 'team-a', '--storage-type', 'objectStorage', '--yes', '--accessible']});
		mark = 0;
		// The one saved profile answers the credentials; only the bucket is missing.
		let out = await answer(term, 'Bucket: ', 'team-b-images', 'What next?');
		expect(out).toMatch(/Result: Failed\. Refused: 409/);
		// A 409 would only come back the same: no retry; the name can be changed at once (renameOn).
		expect(out).not.toContain('Retry');
		expect(out).toContain('  1. Change a field\n  2. Change the registry name\n  3. Create another registry\n  4. Quit');
		out = await answer(term, /Type a number from 1 to 4: /, '2', 'Registry name: ');
		expect(out).toContain('Current value: team-a. Press Enter to keep it.');
		out = await answer(term, 'Registry name: ', 'team-c', 'Bucket: ');
		out = await answer(term, 'Bucket: ', '', /What next\?[^]*: $/);
		expect(out).toContain('Result: Done. Registry created.');
		expect(posts().map(request => [request.path, request.status])).toEqual([
			['/ncr/api/v2/repositories/team-a', 409],
			['/ncr/api/v2/repositories/team-c', 201],
		]);
		const quit = /(\d+)\. Quit/.exec(out)![1]!;
		await term.type(`${quit}\r`, 4);
		expect(await term.exited).toBe(0);
		expect(term.output()).not.toMatch(REDRAW);
	});

	it('every value given, in plain mode: the scripted output without any redraw, and a refusal exits 1', async () => {
		openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
			backend: 'ncr',
			credentials: {...SANDBOX_CREDENTIALS.ncr},
			connection: {site: 'custom', endpoint: emulator.ncrBaseUrl},
		});
		emulator.state.registries.set('team-a', {name: 'team-a', bucket: 'x-bucket', storageType: 'objectStorage', created: new Date().toISOString()});
		const term = start({args: ['create', 'ncr', '--registry', 'team-a', '--storage-type', 'objectStorage', '--bucket', 'b-images', '--accessible']});
		expect(await term.exited).toBe(1);
		expect(written(term)).toContain('409');
		expect(term.output()).not.toMatch(REDRAW);
		expect(term.output()).not.toContain('╭');
	});

	it('TERM=dumb: a wrong name is answered with its fault and a corrected value, and the sandbox creates with no escape code at all', async () => {
		terminal = openTerminal({shell: `TERM=dumb exec '${process.execPath}' '${CLI}' --sandbox`, env: {REGWIZ_CONFIG_DIR: configDir}});
		const term = terminal;
		mark = 0;
		await answer(term, 'Type a number from 1 to 3: ', '1', /Which credentials\?[^]*: $/);
		let out = await answer(term, /Type a number from 1 to \d: /, '1', 'Registry name: ');
		out = await answer(term, 'Registry name: ', 'Team_A', 'Registry name: ');
		expect(out).toContain('Try team-a.');
		out = await answer(term, 'Registry name: ', 'team-a', 'Storage type?');
		out = await answer(term, /press Enter for 1 \(Object Storage\): /, '', 'Bucket: ');
		out = await answer(term, 'Bucket: ', 'team-a-images', 'or type back to change a field: ');
		out = await answer(term, 'or type back to change a field: ', '', /What next\?[^]*: $/);
		expect(out).toContain('Result: Done. Registry created.');
		expect(written(term)).toContain('This request will be sent: POST http://127.0.0.1:');
		await term.type(`${/(\d+)\. Quit/.exec(out)![1]!}\r`, 4);
		expect(await term.exited).toBe(0);
		// Not one cursor movement, erase or colour: only text and line ends.
		expect(term.output()).not.toMatch(/\u001B\[[0-9;?]*[A-Za-z]/);
	});

	it('no answer in time: sending again says to check first, since it may have been created', async () => {
		openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
			backend: 'ncr',
			credentials: {...SANDBOX_CREDENTIALS.ncr},
			connection: {site: 'custom', endpoint: emulator.ncrBaseUrl},
		});
		emulator.faults.hang = true;
		const term = start({args: ['create', 'ncr', '--registry', 'team-a', '--storage-type', 'objectStorage', '--timeout', '1', '--accessible']});
		mark = 0;
		await answer(term, 'Bucket: ', 'team-a-images', 'or type back to change a field: ');
		const out = await answer(term, 'or type back to change a field: ', '', /What next\?[^]*: $/);
		expect(out).toContain('  1. Send again (check first: it may have been created)');
		expect(out).not.toContain('Retry (signed afresh)');
		await term.type(`${/(\d+)\. Quit/.exec(out)![1]!}\r`, 4);
		expect(await term.exited).toBe(3);
		expect(term.output()).not.toMatch(REDRAW);
	});

	it('Ctrl-C while the request is in flight: exit 130, saying it may have been created', async () => {
		openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
			backend: 'ncr',
			credentials: {...SANDBOX_CREDENTIALS.ncr},
			connection: {site: 'custom', endpoint: emulator.ncrBaseUrl},
		});
		emulator.faults.hang = true;
		const term = start({args: ['create', 'ncr', '--registry', 'team-a', '--accessible']});
		mark = 0;
		await answer(term, /press Enter for 1 \(Object Storage\): /, '2', 'or type back to change a field: ');
		await answer(term, 'or type back to change a field: ', '', 'Signing and sending POST /ncr/api/v2/repositories/team-a');
		const deadline = Date.now() + 5000;
		while (posts().length === 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 10));
		term.write('\u0003');
		expect(await term.exited).toBe(130);
		expect(written(term)).toContain('Cancelled while sending the registry. It may have been created: check that it exists');
		expect(written(term)).not.toContain('nothing was sent');
		expect(term.output()).not.toMatch(REDRAW);
	});

	it('editing a profile: Enter keeps the stored secret, which is never printed', async () => {
		openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
			backend: 'ncr',
			credentials: {...SANDBOX_CREDENTIALS.ncr},
			connection: {site: 'custom', endpoint: emulator.ncrBaseUrl},
		});
		const term = start({args: ['--accessible']});
		mark = 0;
		let out = await answer(term, 'Type a number from 1 to 3: ', '1', /Which credentials\?[^]*: $/);
		expect(out).toContain('To edit a saved profile, type e and its number (e.g. e1).');
		out = await answer(term, /Type a number from 1 to \d: /, 'e1', /Site\?/);
		out = await answer(term, /press Enter for \d+ \(Custom endpoint…\): /, '', 'Endpoint: ');
		out = await answer(term, 'Endpoint: ', '', 'Access key: ');
		out = await answer(term, 'Access key: ', '', 'Secret key: ');
		expect(out).toContain('Press Enter to keep the stored secret (****');
		out = await answer(term, 'Secret key: ', '', 'Save as a profile?');
		out = await answer(term, /Type a number from 1 to \d: /, '1', 'Profile name: ');
		out = await answer(term, 'Profile name: ', '', 'Registry name: ');
		out = await answer(term, 'Registry name: ', 'team-c', 'Storage type?');
		out = await until(term, /press Enter for 1 \(Object Storage\): /, mark);
		out = await answer(term, /press Enter for 1 \(Object Storage\): /, '2', 'or type back to change a field: ');
		out = await answer(term, 'or type back to change a field: ', '', 'What next?');
		expect(out).toContain('Result: Done. Registry created.');
		expect(posts()[0]!.headers['x-ncp-apigw-signature-v2']).toBe(
			signNcpRequest({method: 'POST', uri: posts()[0]!.path, timestamp: posts()[0]!.headers['x-ncp-apigw-timestamp'] as string, ...SANDBOX_CREDENTIALS.ncr}),
		);
		term.write('\u0003');
		expect(await term.exited).toBe(130);
		expect(term.output()).not.toContain(SANDBOX_CREDENTIALS.ncr.secretKey);
		expect(term.output()).not.toMatch(REDRAW);
	});

	// The pty names its terminal itself (TERM=xterm-256color): TERM=dumb is set by the shell that starts regwiz.
	const dumb = (args: string) => `TERM=dumb exec '${process.execPath}' '${CLI}' ${args}`;
	for (const [name, env, shell] of [
		['TERM=dumb', {}, dumb('')],
		['REGWIZ_ACCESSIBLE=1', {REGWIZ_ACCESSIBLE: '1'}, undefined],
		['INK_SCREEN_READER=true', {INK_SCREEN_READER: 'true'}, undefined],
		['regwiz create ncr with TERM=dumb', {}, dumb('create ncr')],
	] as Array<[string, Record<string, string>, string | undefined]>) {
		it(`${name} selects it; Ctrl-C exits 130 with nothing sent`, async () => {
			terminal = openTerminal({shell, env: {REGWIZ_CONFIG_DIR: configDir, ...env}});
			const term = terminal;
			await until(term, /Type a number from 1 to \d: /);
			expect(written(term)).toContain('regwiz, plain mode');
			term.write('\u0003');
			expect(await term.exited).toBe(130);
			expect(written(term)).toContain('Cancelled, nothing was sent.');
			expect(term.output()).not.toMatch(REDRAW);
			expect(posts()).toEqual([]);
		});
	}

	it('the end of input (Ctrl-D) cancels like Ctrl-C', async () => {
		const term = start({args: ['--accessible']});
		await until(term, 'Type a number from 1 to 3: ');
		term.write('\u0004');
		expect(await term.exited).toBe(130);
		expect(written(term)).toContain('Cancelled, nothing was sent.');
	});

	it('--help names the flag, both variables and TERM=dumb', () => {
		for (const args of [['--help'], ['create', 'ncr', '--help']]) {
			const help = execFileSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {PATH: process.env.PATH ?? ''}});
			expect(help).toContain('--accessible');
			expect(help).toContain('REGWIZ_ACCESSIBLE=1');
			expect(help).toContain('INK_SCREEN_READER=true');
			expect(help).toContain('TERM=dumb');
		}
	});
});
