// The one text-safety rule, against the built program: a hostile loopback server puts every C0 control,
// DEL, every C1 control, U+2028/2029 and a bidirectional override (OSC titles and hyperlinks, clear-screen,
// CR, LF, NUL, BEL) into every field it controls: errorCode, returnCode, messages, details, resource
// fields, the trace id header, Location, and bodies that are not JSON. Saved profiles, the history file and
// ~/.ncloud/configure carry the same characters. Whatever the output (plain, --json, tables, the wizard
// in a pty), none of them reaches stdout or stderr raw: plain text shows them as visible \uXXXX escapes,
// JSON escapes them as \u sequences and still parses back to exactly what the server sent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {safeJson, safeText} from '../../source/text-safety.js';
import {openProfileStore} from '../../source/store/profile-store.js';
import {startRawServer, type RawAnswer, type RawServer} from '../helpers/raw-server.js';
import {runCli, type CliResult} from '../helpers/run-cli.js';
import {openTerminal} from '../helpers/terminal.js';

const C0 = Array.from({length: 32}, (_, code) => String.fromCharCode(code)).join('');
const C1 = Array.from({length: 32}, (_, code) => String.fromCharCode(0x80 + code)).join('');
const ATTACKS =
	'\u001B]0;PWNED\u0007' + // OSC: window title
	'\u001B]8;;https://evil.invalid/\u001B\\click\u001B]8;;\u001B\\' + // OSC 8: hyperlink
	'\u001B[2J\u001B[H\u001Bc' + // clear screen, home, reset
	'\r\n\u0000\u0007' +
	'\u009B31m\u009D0;C1TITLE\u009C' + // C1 CSI and OSC
	'\u007F\u2028\u2029\u202E';
/** Every character the rule covers, in a value a server or a file controls. */
const HOSTILE = `x${ATTACKS}${C0}\u007F${C1}y`;
// HTTP parsers refuse C0 and DEL in a header value; C1 bytes (read as latin1) get through.
const HOSTILE_HEADER = `t\u009B2J\u009D0;PWNED\u009C${C1}z`;

/** Every unsafe character in what regwiz wrote, line feeds between lines excepted. */
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const unsafeIn = (text: string) => [...text.matchAll(UNSAFE)].map(match => `U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')}`);

function expectSafe(label: string, result: CliResult) {
	expect(unsafeIn(result.stdout), `${label}: stdout`).toEqual([]);
	expect(unsafeIn(result.stderr), `${label}: stderr`).toEqual([]);
}

const NCR_ENV = {NCLOUD_ACCESS_KEY_ID: 'ncp_iam_SAFETYTEST0001', NCLOUD_SECRET_ACCESS_KEY: 'safety-secret-0001', NO_COLOR: '1'};
const UI_ENV = {REGISTRYUI_USERNAME: 'admin', REGISTRYUI_TOKEN: 'safety-token-0001', NO_COLOR: '1'};

const json = (status: number, body: unknown, headers: Array<[string, string]> = []): RawAnswer => ({
	status,
	headers: [['content-type', 'application/json'], ...headers],
	body: JSON.stringify(body),
});

const NCR_SCENARIOS: Array<[string, RawAnswer]> = [
	['NCR refusal: errorCode, message, details, trace id', json(400, {error: {errorCode: HOSTILE, message: HOSTILE, details: HOSTILE}}, [['x-ncp-trace-id', HOSTILE_HEADER]])],
	['NCR refusal: returnCode and returnMessage', json(409, {returnCode: HOSTILE, returnMessage: HOSTILE}, [['x-ncp-trace-id', HOSTILE_HEADER]])],
	['NCR 201 with a hostile returnMessage', json(201, {returnCode: HOSTILE, returnMessage: HOSTILE}, [['x-ncp-trace-id', HOSTILE_HEADER]])],
	['NCR redirect: Location', {status: 302, headers: [['location', `https://evil.invalid/${HOSTILE_HEADER}`], ['x-ncp-trace-id', HOSTILE_HEADER]], body: ''}],
	['NCR 500 with an HTML page', {status: 500, headers: [['content-type', 'text/html'], ['x-ncp-trace-id', HOSTILE_HEADER]], body: `<h1>${HOSTILE}</h1>`}],
	['NCR 201 that is not JSON', {status: 201, headers: [['content-type', 'text/plain']], body: HOSTILE}],
	['NCR 201 with JSON of another shape', json(201, {[HOSTILE]: HOSTILE})],
];
const UI_SCENARIOS: Array<[string, RawAnswer]> = [
	['RegistryUI error', json(200, {error: HOSTILE, data: null})],
	['RegistryUI created entry', json(200, {error: null, data: {fullPath: HOSTILE, name: HOSTILE, title: HOSTILE, isPublic: false, created: HOSTILE}})],
	['RegistryUI 403 text', {status: 403, headers: [['content-type', 'text/plain']], body: HOSTILE}],
];

let server: RawServer;
let scratch: string;
beforeAll(async () => {
	server = await startRawServer();
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-safety-'));
});
afterAll(async () => {
	await server.close();
	fs.rmSync(scratch, {recursive: true, force: true});
});

describe('safeText and safeJson', () => {
	it('escape every unsafe character visibly, and JSON still parses back to the same value', () => {
		expect(unsafeIn(safeText(HOSTILE))).toEqual([]);
		expect(safeText('\u001B]0;t\u0007')).toBe('\\u001b]0;t\\u0007');
		expect(safeText('\u009B')).toBe('\\u009b');
		expect(safeText(safeText(HOSTILE))).toBe(safeText(HOSTILE));
		expect(safeText('Éè 日本 🙂')).toBe('Éè 日本 🙂');
		const value = {[HOSTILE]: [HOSTILE, {nested: HOSTILE}]};
		expect(unsafeIn(safeJson(value))).toEqual([]);
		expect(JSON.parse(safeJson(value))).toEqual(value);
	});
});

describe('a hostile server: every field of every scripted output', () => {
	for (const [name, answer] of [...NCR_SCENARIOS, ...UI_SCENARIOS]) {
		it(name, async () => {
			server.answer(answer);
			const ncr = NCR_SCENARIOS.some(([label]) => label === name);
			const args = ncr
				? ['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `${server.url}/ncr/api/v2`]
				: ['create', 'registryui', '--url', server.url, '--repository', 'team-a/backend', '--title', 'T'];
			const env = ncr ? NCR_ENV : UI_ENV;
			const configDir = path.join(scratch, name.replace(/\W+/g, '-'));
			const [plain, asJson] = await Promise.all([runCli(args, {env, configDir}), runCli([...args, '--json'], {env, configDir})]);
			const [history, historyJson] = await Promise.all([runCli(['history'], {env, configDir}), runCli(['history', '--json'], {env, configDir})]);
			expect(plain.code === 0 || plain.code === 1).toBe(true);
			expectSafe('plain', plain);
			expectSafe('--json', asJson);
			expectSafe('history', history);
			// What the server said in JSON is still shown, as visible escapes (a page that is not JSON is only excerpted).
			if (answer.headers?.some(([header, value]) => header === 'content-type' && value === 'application/json')) expect(plain.stdout).toContain('\\u001b]0;PWNED\\u0007');
			if (answer.headers?.some(([header]) => header === 'x-ncp-trace-id') && plain.code === 1) expect(plain.stdout).toContain('t\\u009b2J\\u009d0;PWNED\\u009c');
			// One JSON object, whose response is exactly what the server sent.
			expect(asJson.stdout.endsWith('\n')).toBe(true);
			expect(asJson.stdout.trimEnd().split('\n')).toHaveLength(1);
			const parsed = JSON.parse(asJson.stdout) as {response: unknown; traceId?: string};
			if (answer.headers?.some(([header, value]) => header === 'content-type' && value === 'application/json')) expect(parsed.response).toEqual(JSON.parse(answer.body ?? 'null'));
			if (parsed.traceId !== undefined) expect(parsed.traceId).toBe(HOSTILE_HEADER);
			expectSafe('history --json', historyJson);
		});
	}
});

describe('files regwiz reads: profiles, history, ~/.ncloud/configure', () => {
	it('profile list, profile show and their --json', async () => {
		const configDir = path.join(scratch, 'profiles');
		openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('hostile', {
			backend: 'registryui',
			credentials: {username: HOSTILE, token: HOSTILE},
			connection: {url: `https://r.invalid/${HOSTILE}`},
			lastFields: {repository: HOSTILE},
		});
		for (const args of [['profile', 'list'], ['profile', 'show', 'hostile'], ['profile', 'list', '--json'], ['profile', 'show', 'hostile', '--json']]) {
			const result = await runCli(args, {configDir, env: {NO_COLOR: '1'}});
			expect(result.code, args.join(' ')).toBe(0);
			expectSafe(args.join(' '), result);
		}
	});

	it('history and history --json, from a file holding every unsafe character', async () => {
		const configDir = path.join(scratch, 'history');
		fs.mkdirSync(configDir, {recursive: true, mode: 0o700});
		const entry = {time: new Date().toISOString(), backend: HOSTILE, endpoint: HOSTILE, profile: HOSTILE, name: HOSTILE, status: 201, outcome: 'created', traceId: HOSTILE};
		fs.writeFileSync(path.join(configDir, 'history.jsonl'), `${JSON.stringify(entry)}\n`, {mode: 0o600});
		for (const args of [['history'], ['history', '--json']]) {
			const result = await runCli(args, {configDir, env: {NO_COLOR: '1'}});
			expect(result.code).toBe(0);
			expectSafe(args.join(' '), result);
			expect(result.stdout).toContain('\\u009b');
		}
	});

	it('profile import-ncloud: section name and ncloud_api_url', async () => {
		const home = path.join(scratch, 'ncloud-home');
		// "]" would end the section header: the rest of the attack, and every C1 control, is there.
		const section = `dev${C1}\u001B[2J\u009D0;PWNED\u0007`;
		fs.mkdirSync(path.join(home, '.ncloud'), {recursive: true});
		fs.writeFileSync(
			path.join(home, '.ncloud', 'configure'),
			`[${section}]\nncloud_access_key_id = ncp_iam_SAFETYTEST0001\nncloud_secret_access_key = safety-secret-0001\nncloud_api_url = https://api.invalid/${HOSTILE.replace(/[\r\n]/g, '')}\n`,
		);
		for (const extra of [[], ['--json']]) {
			const result = await runCli(['profile', 'import-ncloud', '--section', section, '--as', 'dev', '--yes', ...extra], {env: {HOME: home, NO_COLOR: '1'}});
			expectSafe(`import-ncloud ${extra.join(' ')}`, result);
			expect(`${result.stdout}${result.stderr}`).toContain('\\u009d0;PWNED\\u0007');
		}
	});
});

describe('the wizard in a real terminal', () => {
	it('a hostile refusal reaches the result panel only as visible escapes: no title change, no link, no clear', async () => {
		server.answer(json(400, {error: {errorCode: HOSTILE, message: HOSTILE, details: HOSTILE}}, [['x-ncp-trace-id', HOSTILE_HEADER]]));
		const configDir = path.join(scratch, 'wizard');
		openProfileStore({REGWIZ_CONFIG_DIR: configDir}).store.save('default', {
			backend: 'ncr',
			credentials: {accessKey: NCR_ENV.NCLOUD_ACCESS_KEY_ID, secretKey: NCR_ENV.NCLOUD_SECRET_ACCESS_KEY},
			connection: {site: 'custom', endpoint: `${server.url}/ncr/api/v2`},
		});
		// Tall enough that Ink never clears the screen to redraw: a clear can then only come from the server.
		const term = openTerminal({args: ['create', 'ncr', '--registry', 'team-a', '--storage-type', 'objectStorage', '--yes'], cols: 100, rows: 60, env: {REGWIZ_CONFIG_DIR: configDir}});
		const titles: string[] = [];
		term.xterm.onTitleChange(title => titles.push(title));
		try {
			await term.waitFor('Bucket');
			await term.type('team-a-images');
			await term.waitFor('team-a-images');
			// Enter again only if the screen never left the field (a key typed the instant a frame is drawn can be early).
			for (let attempt = 0; attempt < 3; attempt++) {
				await term.press('\r', 1500);
				if (!term.screen().includes('Bucket ❯')) break;
			}
			const screen = await term.waitFor(/Refused/);
			expect(screen).toContain('\\u001b]0;PWNED\\u0007');
			expect(screen).toContain('t\\u009b2J\\u009d0;PWNED\\u009c');
			const raw = term.output();
			expect(raw).not.toContain('\u001B]'); // no OSC at all: no title, no hyperlink
			expect(raw).not.toContain('\u0007');
			expect(raw).not.toContain('\u001B[2J');
			expect(raw).not.toContain('\u001Bc');
			expect(raw.match(/[\u0080-\u009F\u2028\u2029\u202E]/g)).toBeNull();
			expect(titles).toEqual([]);
			term.write('q');
			expect(await term.exited).toBe(1);
		} finally {
			term.kill();
		}
	});
});
