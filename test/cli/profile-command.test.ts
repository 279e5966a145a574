import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {setLanguage} from '../../source/i18n/index.js';
import {main} from '../../source/cli/main.js';
import {profileCommand} from '../../source/cli/profile-command.js';
import {colorEnabled} from '../../source/cli/style.js';
import {openProfileStore, type Profile} from '../../source/store/profile-store.js';
import {fakeIo} from '../helpers/fake-io.js';

const ESC = '\u001B[';
const folders: string[] = [];
function tempDir(): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-profile-cmd-'));
	folders.push(folder);
	return folder;
}
afterEach(() => {
	for (const folder of folders.splice(0)) fs.rmSync(folder, {recursive: true, force: true});
});

type FakeOptions = {stdinTTY?: boolean; stdoutTTY?: boolean; stderrTTY?: boolean; env?: NodeJS.ProcessEnv};

/** A config folder and a home folder of its own, and streams that record what is written. */
function setup() {
	const root = tempDir();
	const env: NodeJS.ProcessEnv = {REGWIZ_CONFIG_DIR: path.join(root, 'config'), HOME: path.join(root, 'home')};
	fs.mkdirSync(env.HOME!);
	const store = () => openProfileStore(env).store;
	async function run(argv: string[], options: FakeOptions & {input?: string} = {}) {
		const {io, written, settle} = fakeIo(argv, {...env, ...options.env}, options);
		let code: number;
		if (argv[0] === 'profile') code = await main(io);
		else {
			try {
				code = await profileCommand(io, argv);
			} catch (error) {
				// As main reports them: one line on stderr, exit 2 for a usage error.
				written.err += `regwiz: ${(error as Error).message}\n`;
				code = (error as Error).name === 'UsageError' ? 2 : 1;
			}
		}
		await settle();
		return {code, out: written.out, err: written.err};
	}
	return {env, root, store, run};
}

const TWO_DAYS = 2 * 24 * 60 * 60 * 1000;

function seed(store: ReturnType<ReturnType<typeof setup>['store']>) {
	const ncr: Profile = {
		backend: 'ncr',
		credentials: {accessKey: 'AKIDEXAMPLE0001', secretKey: 'ncr-secret-key-9876'},
		connection: {site: 'kr'},
		lastUsedAt: new Date(Date.now() - TWO_DAYS - 60_000).toISOString(),
		lastFields: {registry: 'team-a', storageType: 'objectStorage', bucket: 'team-a-images'},
	};
	const ui: Profile = {
		backend: 'registryui',
		credentials: {username: 'admin', token: 'registryui-token-5555'},
		connection: {url: 'https://registry.example.com'},
	};
	const custom: Profile = {
		backend: 'ncr',
		credentials: {accessKey: 'AKIDLOCAL0000002', secretKey: 'local-secret-4321'},
		connection: {site: 'custom', endpoint: 'http://127.0.0.1:8080/ncr/api/v2'},
	};
	store.save('default', ncr);
	store.save('ui', ui);
	store.save('local', custom);
	return {ncr, ui, custom};
}

const SECRETS = ['ncr-secret-key-9876', 'registryui-token-5555', 'local-secret-4321'];
const noSecrets = (text: string) => {
	for (const secret of SECRETS) expect(text).not.toContain(secret);
};

describe('regwiz profile list', () => {
	it('says there are none and how to make one', async () => {
		const {run, env} = setup();
		const result = await run(['list']);
		expect(result).toEqual({
			code: 0,
			out: `No saved profiles (${path.join(env.REGWIZ_CONFIG_DIR!, 'config.json')}).\nSave one by running regwiz in a terminal, or import the NCP CLI's keys: regwiz profile import-ncloud\n`,
			err: '',
		});
	});

	it('shows name, backend, endpoint, masked key and last use as a table', async () => {
		const {run, store} = setup();
		seed(store());
		const result = await run(['list']);
		expect(result.code).toBe(0);
		expect(result.err).toBe('');
		expect(result.out).toBe(
			[
				'NAME     BACKEND     ENDPOINT                                 KEY       LAST USED',
				'default  ncr         Korea                                    ****0001  2 days ago',
				'local    ncr         Custom http://127.0.0.1:8080/ncr/api/v2  ****0002  never',
				'ui       registryui  https://registry.example.com             admin     never',
				'',
			].join('\n'),
		);
		noSecrets(result.out);
	});

	it('--json prints one array on stdout with nothing secret', async () => {
		const {run, store} = setup();
		const {ncr} = seed(store());
		const result = await run(['profile', 'list', '--json']);
		expect(result.code).toBe(0);
		expect(result.err).toBe('');
		expect(JSON.parse(result.out)).toEqual([
			{name: 'default', backend: 'ncr', endpoint: 'Korea', baseUrl: 'https://ncr.apigw.ntruss.com/ncr/api/v2', credential: '****0001', lastUsedAt: ncr.lastUsedAt},
			{name: 'local', backend: 'ncr', endpoint: 'Custom http://127.0.0.1:8080/ncr/api/v2', baseUrl: 'http://127.0.0.1:8080/ncr/api/v2', credential: '****0002', lastUsedAt: null},
			{name: 'ui', backend: 'registryui', endpoint: 'https://registry.example.com', baseUrl: 'https://registry.example.com', credential: 'admin', lastUsedAt: null},
		]);
		noSecrets(result.out);
	});

	it('--help shows usage and examples', async () => {
		const {run} = setup();
		const result = await run(['list', '--help']);
		expect(result.code).toBe(0);
		expect(result.out).toContain('Usage:\n  regwiz profile list [--json]');
		expect(result.out).toContain('Examples:\n  regwiz profile list\n');
	});
});

describe('regwiz profile show', () => {
	it('shows everything but the secret, which shows as ****+last 4', async () => {
		const {run, store, env} = setup();
		const {ncr} = seed(store());
		const result = await run(['show', 'default']);
		expect(result).toEqual({
			code: 0,
			err: '',
			out: [
				'Profile      default',
				'Backend      ncr (NAVER Cloud Container Registry)',
				'Endpoint     Korea (https://ncr.apigw.ntruss.com/ncr/api/v2)',
				'Access key   AKIDEXAMPLE0001',
				'Secret key   ****9876',
				`Last used    2 days ago (${ncr.lastUsedAt})`,
				'Last values  registry=team-a, storageType=objectStorage, bucket=team-a-images',
				`Saved in     ${path.join(env.REGWIZ_CONFIG_DIR!, 'config.json')}`,
				'',
			].join('\n'),
		});
	});

	it('masks a RegistryUI token, and masks it in --json too', async () => {
		const {run, store} = setup();
		seed(store());
		const text = await run(['show', 'ui']);
		expect(text.out).toContain('Endpoint    https://registry.example.com\nUsername    admin\nUser token  ****5555\nLast used   never\n');
		const json = await run(['show', 'ui', '--json']);
		expect(json.code).toBe(0);
		expect(json.err).toBe('');
		expect(JSON.parse(json.out)).toEqual({
			name: 'ui',
			backend: 'registryui',
			endpoint: 'https://registry.example.com',
			baseUrl: 'https://registry.example.com',
			credential: 'admin',
			connection: {url: 'https://registry.example.com'},
			credentials: {username: 'admin', token: '****5555'},
			lastUsedAt: null,
			lastFields: {},
		});
		noSecrets(text.out + json.out);
	});

	it('exits 2 for an unknown profile, naming it and pointing at the list', async () => {
		const {run, store} = setup();
		seed(store());
		const result = await run(['profile', 'show', 'nope', '--json']);
		expect(result.code).toBe(2);
		expect(result.err).toBe('regwiz: No profile named "nope". Profiles: default, local, ui.\n');
		// With --json, stdout holds nothing or one JSON object reporting the failure: never a profile.
		if (result.out !== '') expect(JSON.parse(result.out)).toMatchObject({ok: false, error: 'No profile named "nope". Profiles: default, local, ui.'});
	});

	it('exits 2 when the name is missing', async () => {
		const {run} = setup();
		const result = await run(['profile', 'show']);
		expect(result.code).toBe(2);
		expect(result.err).toBe('regwiz: regwiz profile show: missing NAME (e.g. regwiz profile show default). See: regwiz profile list\n');
	});
});

describe('regwiz profile remove', () => {
	it('without a terminal refuses unless --yes, and says so', async () => {
		const {run, store} = setup();
		seed(store());
		const refused = await run(['profile', 'remove', 'ui']);
		expect(refused).toEqual({
			code: 2,
			out: '',
			err: 'regwiz: regwiz profile remove: no terminal to confirm removing "ui"; add --yes to remove it without asking (e.g. regwiz profile remove ui --yes)\n',
		});
		expect(store().get('ui')).toBeDefined();
		const removed = await run(['profile', 'remove', 'ui', '--yes']);
		expect(removed).toEqual({code: 0, out: 'Removed profile "ui".\n', err: ''});
		expect(store().get('ui')).toBeUndefined();
	});

	it('in a terminal asks, and removes on "y"', async () => {
		const {run, store} = setup();
		seed(store());
		const result = await run(['remove', 'ui'], {stdinTTY: true, stdoutTTY: true, stderrTTY: true, input: 'y\n'});
		expect(result).toEqual({code: 0, out: 'Removed profile "ui".\n', err: 'Remove profile ui? [y/N] '});
		expect(store().get('ui')).toBeUndefined();
	});

	it('in a terminal keeps the profile on Enter, "n" or end of input, and exits 1', async () => {
		const {run, store} = setup();
		seed(store());
		for (const input of ['\n', 'n\n', 'nah\n', '']) {
			const result = await run(['remove', 'ui'], {stdinTTY: true, stdoutTTY: true, stderrTTY: true, input});
			expect(result.code).toBe(1);
			expect(result.out).toBe('');
			expect(result.err).toMatch(/^Remove profile ui\? \[y\/N\] \n?Kept profile "ui": nothing was removed\.\n$/);
		}
		expect(store().get('ui')).toBeDefined();
	});

	it('--json answers on stdout, the prompt stays on stderr', async () => {
		const {run, store} = setup();
		seed(store());
		const result = await run(['remove', 'default', '--json'], {stdinTTY: true, stdoutTTY: false, stderrTTY: true, input: 'yes\n'});
		expect(result).toEqual({code: 0, out: '{"ok":true,"name":"default","removed":true}\n', err: 'Remove profile default? [y/N] '});
	});

	it('exits 2 for an unknown profile before asking anything', async () => {
		const {run} = setup();
		const result = await run(['remove', 'ghost'], {stdinTTY: true, stdoutTTY: true, stderrTTY: true, input: 'y\n'});
		expect(result).toEqual({code: 2, out: '', err: 'regwiz: No profile named "ghost". There are no saved profiles.\n'});
	});
});

describe('regwiz profile rename', () => {
	it('renames, keeping everything the profile held', async () => {
		const {run, store} = setup();
		const {ncr} = seed(store());
		expect(await run(['rename', 'default', 'staging'])).toEqual({code: 0, out: 'Renamed profile "default" to "staging".\n', err: ''});
		expect(store().get('staging')).toEqual(ncr);
		expect(store().get('default')).toBeUndefined();
		expect(await run(['rename', 'staging', 'prod', '--json'])).toEqual({code: 0, out: '{"ok":true,"from":"staging","to":"prod"}\n', err: ''});
	});

	it('exits 2 for an unknown profile, a taken name or an invalid one, changing nothing', async () => {
		const {run, store} = setup();
		seed(store());
		expect(await run(['rename', 'ghost', 'x'])).toEqual({code: 2, out: '', err: 'regwiz: No profile named "ghost". Profiles: default, local, ui.\n'});
		const taken = await run(['rename', 'default', 'ui']);
		expect(taken.code).toBe(2);
		expect(taken.err).toBe('regwiz: A profile named "ui" already exists: choose another name, or remove it first (regwiz profile remove ui).\n');
		const invalid = await run(['rename', 'default', 'has space']);
		expect(invalid.code).toBe(2);
		expect(invalid.err).toContain('"has space" is not a valid profile name');
		const missing = await run(['rename', 'default']);
		expect(missing.err).toBe('regwiz: regwiz profile rename: missing NEW (e.g. regwiz profile rename default staging). See: regwiz profile list\n');
		expect(store().list().map(profile => profile.name)).toEqual(['default', 'local', 'ui']);
	});
});

describe('regwiz profile import-ncloud', () => {
	function writeConfigure(env: NodeJS.ProcessEnv, text: string): string {
		const file = path.join(env.HOME!, '.ncloud', 'configure');
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, text);
		return file;
	}

	const CONFIGURE = [
		'[DEFAULT]',
		'ncloud_access_key_id = AKIDNCLOUD0007',
		'ncloud_secret_access_key = ncloud-secret-7777',
		'ncloud_api_url = https://ncloud.apigw.ntruss.com',
		'',
		'[Dev]',
		'ncloud_access_key_id = AKIDNCLOUDDEV8',
		'ncloud_secret_access_key = ncloud-dev-secret-8888',
	].join('\r\n');

	it('saves DEFAULT as profile "default" with site kr, not copying ncloud_api_url', async () => {
		const {run, store, env} = setup();
		const file = writeConfigure(env, CONFIGURE);
		const result = await run(['import-ncloud']);
		expect(result).toEqual({
			code: 0,
			out: `Imported [DEFAULT] from ${file} as profile "default": ncr, Korea, access key ****0007.\nUse it: regwiz create ncr --profile default --registry NAME --bucket BUCKET\n`,
			err: 'Note: ncloud_api_url (https://ncloud.apigw.ntruss.com) is the NCP API gateway, not the Container Registry endpoint: it was not copied; the profile uses site kr (Korea). Give regwiz create ncr --site or --endpoint for another.\n',
		});
		expect(store().get('default')).toEqual({
			backend: 'ncr',
			credentials: {accessKey: 'AKIDNCLOUD0007', secretKey: 'ncloud-secret-7777'},
			connection: {site: 'kr'},
		});
		expect(result.out).not.toContain('ncloud-secret-7777');
	});

	it.each([
		['https://ncloud.apigw.gov-ntruss.com', {}, 'gov-kr', 'it is in the government zone, so the profile uses site gov-kr (Government KR)'],
		['https://ncloud.apigw.gov-ntruss.com', {NCLOUD_REGION: 'KRS'}, 'gov-krs', 'it is in the government zone, so the profile uses site gov-krs (Government KRS)'],
		['https://fin-ncloud.apigw.fin-ntruss.com', {}, 'fin', 'it is in the financial zone, so the profile uses site fin (Financial)'],
	])('an ncloud_api_url on %s picks its zone (%j)', async (apiUrl, extra, site, said) => {
		const {run, store, env} = setup();
		writeConfigure(env, CONFIGURE.replace('https://ncloud.apigw.ntruss.com', apiUrl));
		const result = await run(['import-ncloud'], {env: extra});
		expect(result.code).toBe(0);
		expect(result.err).toContain(said);
		expect(store().get('default')?.connection).toEqual({site});
	});

	it('reads --section, else NCLOUD_PROFILE; names the profile after the section in lowercase unless --as', async () => {
		const {run, store, env} = setup();
		writeConfigure(env, CONFIGURE);
		expect((await run(['import-ncloud', '--section', 'Dev'])).code).toBe(0);
		expect(store().get('dev')?.credentials).toEqual({accessKey: 'AKIDNCLOUDDEV8', secretKey: 'ncloud-dev-secret-8888'});
		expect((await run(['import-ncloud', '--as', 'from-env'], {env: {NCLOUD_PROFILE: 'dev'}})).code).toBe(0);
		expect(store().get('from-env')?.credentials.accessKey).toBe('AKIDNCLOUDDEV8');
	});

	it('refuses to overwrite a profile without --yes; --json reports the masked profile', async () => {
		const {run, store, env} = setup();
		const file = writeConfigure(env, CONFIGURE);
		seed(store());
		const refused = await run(['import-ncloud']);
		expect(refused).toEqual({
			code: 2,
			out: '',
			err: 'regwiz: A profile named "default" already exists: add --yes to replace it, or save under another name (e.g. regwiz profile import-ncloud --as default-ncloud)\n',
		});
		expect(store().get('default')?.credentials.accessKey).toBe('AKIDEXAMPLE0001');
		const replaced = await run(['import-ncloud', '--yes', '--json']);
		expect(replaced.code).toBe(0);
		expect(replaced.err).toContain('ncloud_api_url');
		const answer = JSON.parse(replaced.out);
		expect(answer).toMatchObject({ok: true, file, section: 'DEFAULT', replaced: true});
		expect(answer.profile.credentials).toEqual({accessKey: 'AKIDNCLOUD0007', secretKey: '****7777'});
		expect(replaced.out).not.toContain('ncloud-secret-7777');
		expect(store().get('default')?.credentials.accessKey).toBe('AKIDNCLOUD0007');
	});

	it('exits 2 naming the file and the line of a malformed file', async () => {
		const {run, env} = setup();
		const file = writeConfigure(env, '[DEFAULT]\nncloud_access_key_id: AKID\n');
		expect(await run(['import-ncloud'])).toEqual({
			code: 2,
			out: '',
			err: `regwiz: ${file} line 2: expected "key = value" (e.g. ncloud_access_key_id = ...) or a [section]\n`,
		});
	});

	it('exits 2 naming the file when it is missing, or lacks the section', async () => {
		const {run, env} = setup();
		const file = path.join(env.HOME!, '.ncloud', 'configure');
		expect((await run(['import-ncloud'])).err).toBe(
			`regwiz: ${file} does not exist: run \`ncloud configure\` first, or save a profile by running regwiz in a terminal\n`,
		);
		writeConfigure(env, CONFIGURE);
		expect(await run(['import-ncloud', '--section', 'prod'])).toEqual({
			code: 2,
			out: '',
			err: `regwiz: ${file} has no [prod] section (it has [DEFAULT], [Dev]); choose one with --section NAME\n`,
		});
		// The hint follows the store's reason, not its words: it is given in Korean too.
		setLanguage('ko');
		const korean = await run(['import-ncloud', '--section', 'prod']).finally(() => setLanguage('en'));
		expect(korean.code).toBe(2);
		expect(korean.err).toContain('[prod]');
		expect(korean.err).toMatch(/--section NAME으로 섹션을 고르세요\n$/);
	});
});

describe('regwiz profile: routing and help', () => {
	it('prints help with examples for the group and each command', async () => {
		const {run} = setup();
		const group = await run(['profile', '--help']);
		expect(group.code).toBe(0);
		expect(group.out).toContain('regwiz profile import-ncloud [--section NAME] [--as NAME] [--yes]');
		for (const sub of ['list', 'show', 'remove', 'rename', 'import-ncloud']) {
			const help = await run(['profile', sub, '-h']);
			expect(help.code).toBe(0);
			expect(help.out).toContain(`regwiz profile ${sub}`);
			expect(help.out).toContain('Examples:');
		}
	});

	it('exits 2 on an unknown subcommand or flag', async () => {
		const {run} = setup();
		expect(await run(['profile', 'delete', 'x'])).toEqual({
			code: 2,
			out: '',
			err: 'regwiz: Unknown profile command "delete": choose list, show, remove, rename, import-ncloud (see regwiz profile --help)\n',
		});
		expect((await run(['profile', 'list', '--bogus'])).err).toBe('regwiz: Unknown flag --bogus for regwiz profile list. See: regwiz profile list --help\n');
	});
});

describe('colour conventions', () => {
	it('colorEnabled follows NO_COLOR, FORCE_COLOR, --no-color, the terminal and TERM=dumb', () => {
		expect(colorEnabled({}, true)).toBe(true);
		expect(colorEnabled({}, false)).toBe(false);
		expect(colorEnabled({NO_COLOR: '1'}, true)).toBe(false);
		expect(colorEnabled({NO_COLOR: ''}, true)).toBe(true);
		expect(colorEnabled({}, true, true)).toBe(false);
		expect(colorEnabled({FORCE_COLOR: '1'}, false)).toBe(true);
		expect(colorEnabled({FORCE_COLOR: '0'}, true)).toBe(false);
		expect(colorEnabled({FORCE_COLOR: 'false'}, true)).toBe(false);
		expect(colorEnabled({FORCE_COLOR: '1', NO_COLOR: '1'}, true)).toBe(false);
		expect(colorEnabled({FORCE_COLOR: '1'}, true, true)).toBe(false);
		expect(colorEnabled({TERM: 'dumb'}, true)).toBe(false);
	});

	it('plain output has escape codes only on a terminal, and never with NO_COLOR or --no-color', async () => {
		const {run, store} = setup();
		seed(store());
		expect((await run(['list'], {stdoutTTY: true})).out).toContain(`${ESC}1m`);
		expect((await run(['list'], {stdoutTTY: false})).out).not.toContain(ESC);
		expect((await run(['list'], {stdoutTTY: true, env: {NO_COLOR: '1'}})).out).not.toContain(ESC);
		expect((await run(['list', '--no-color'], {stdoutTTY: true})).out).not.toContain(ESC);
		expect((await run(['list'], {stdoutTTY: false, env: {FORCE_COLOR: '1'}})).out).toContain(`${ESC}1m`);
	});

	it('--json is clean JSON even on a terminal with FORCE_COLOR', async () => {
		const {run, store} = setup();
		seed(store());
		const result = await run(['show', 'default', '--json'], {stdoutTTY: true, env: {FORCE_COLOR: '3'}});
		expect(result.out).not.toContain(ESC);
		expect(() => JSON.parse(result.out)).not.toThrow();
	});

	it('a value edited into the file cannot send escape codes to the terminal', async () => {
		const {run, store} = setup();
		store().save('odd', {backend: 'registryui', credentials: {username: 'ad\u001B[31mmin', token: 'registryui-token-5555'}, connection: {url: 'https://r.example'}});
		const result = await run(['show', 'odd']);
		expect(result.out).not.toContain('\u001B');
		expect(result.out).toContain('Username    ad\\u001b[31mmin');
	});
});

describe('the built regwiz, as a script runs it', () => {
	it('profile remove without a terminal insists on --yes, then removes with it', async () => {
		const {runCli} = await import('../helpers/run-cli.js');
		const {env, store} = setup();
		seed(store());
		const refused = await runCli(['profile', 'remove', 'ui'], {configDir: env.REGWIZ_CONFIG_DIR});
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('no terminal to confirm removing "ui"; add --yes');
		const removed = await runCli(['profile', 'remove', 'ui', '--yes', '--json'], {configDir: env.REGWIZ_CONFIG_DIR});
		expect({code: removed.code, stdout: removed.stdout, stderr: removed.stderr}).toEqual({code: 0, stdout: '{"ok":true,"name":"ui","removed":true}\n', stderr: ''});
		expect(store().get('ui')).toBeUndefined();
	});
});
