// What regwiz does to its own files when the disk, the folder or the file itself is hostile: a full
// (real, 64 KB) file system, a short write, killed saves, links, other users' files, FIFOs, devices,
// huge files, and profile names that are Object's own. Mostly against the built program.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {appendHistory, HISTORY_MAX_BYTES, readHistory, type HistoryEntry} from '../../source/store/history.js';
import {withFileLock} from '../../source/store/file-lock.js';
import {openProfileStore} from '../../source/store/profile-store.js';
import {StoreError} from '../../source/store/safe-file.js';
import {runCli} from '../helpers/run-cli.js';

const folders: string[] = [];
function tempDir(): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-files-'));
	folders.push(folder);
	return folder;
}
afterEach(() => {
	vi.restoreAllMocks();
	for (const folder of folders.splice(0)) fs.rmSync(folder, {recursive: true, force: true});
});

const OTHER_UID = 12345;
const isRoot = process.getuid?.() === 0;

const profile = (index: number) => ({
	backend: 'ncr',
	credentials: {accessKey: `AKID${String(index).padStart(16, '0')}`, secretKey: `secret-${String(index).padStart(4, '0')}-${'s'.repeat(180)}`},
	connection: {site: 'kr'},
});

/** config.json as regwiz writes it, with `count` profiles named p00, p01, …. */
function configText(count: number): string {
	const profiles: Record<string, unknown> = {};
	for (let index = 0; index < count; index++) profiles[`p${String(index).padStart(2, '0')}`] = profile(index);
	return `${JSON.stringify({profiles}, undefined, '\t')}\n`;
}

function writeConfig(dir: string, text: string): string {
	fs.mkdirSync(dir, {recursive: true, mode: 0o700});
	const file = path.join(dir, 'config.json');
	fs.writeFileSync(file, text, {mode: 0o600});
	return file;
}

const entry = (index: number): HistoryEntry => ({
	time: new Date(Date.UTC(2026, 10, 1) + index * 1000).toISOString(),
	backend: 'ncr',
	endpoint: 'https://ncr.apigw.ntruss.com/ncr/api/v2',
	profile: 'default',
	name: `registry-${index}`,
	status: 201,
	outcome: 'created',
	traceId: `trace-${index}`,
});

/** Everything in the folder but `keep`: what a failed save must not leave behind. */
const leftovers = (dir: string, keep: string[]) => fs.readdirSync(dir).filter(name => !keep.includes(name));

/** Makes fs.writeSync accept only `budget` bytes in all, then nothing: a disk that runs out mid-write. */
function shortWrites(budget: number) {
	const real = fs.writeSync.bind(fs) as (...args: unknown[]) => number;
	let left = budget;
	return vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, offset?: unknown, length?: unknown, position?: unknown) => {
		if (!Buffer.isBuffer(data)) return real(fd, data, offset, length, position);
		const wanted = typeof length === 'number' ? length : data.length - (typeof offset === 'number' ? offset : 0);
		const count = Math.min(wanted, left);
		left -= count;
		return count === 0 ? 0 : real(fd, data, offset, count, position);
	}) as typeof fs.writeSync);
}

describe('a full disk (a real 64 KB tmpfs)', () => {
	let mount: string | undefined;
	let skipReason = '';
	beforeAll(() => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-tmpfs-'));
		try {
			execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=700', 'tmpfs', dir], {stdio: 'pipe'});
			mount = dir;
		} catch (error) {
			fs.rmSync(dir, {recursive: true, force: true});
			skipReason = `mounting a tmpfs needs root (or CAP_SYS_ADMIN): ${String((error as Error).message).split('\n')[0]}`;
		}
	});
	afterAll(() => {
		if (!mount) return;
		execFileSync('umount', [mount]);
		fs.rmSync(mount, {recursive: true, force: true});
	});

	it('`profile rename` with 12 KB free: exit 1 naming the disk error, the 20 KB file unchanged, nothing left behind', async context => {
		if (!mount) {
			context.skip(skipReason);
			return;
		}
		const dir = path.join(mount, 'config');
		const text = configText(59);
		expect(text.length).toBeGreaterThan(19_000);
		expect(text.length).toBeLessThan(22_000);
		const file = writeConfig(dir, text);
		// Fill the file system until about 12 KB is left.
		const free = () => Number(fs.statfsSync(mount!).bavail) * Number(fs.statfsSync(mount!).bsize);
		fs.writeFileSync(path.join(mount, 'filler'), Buffer.alloc(free() - 12 * 1024));
		expect(free()).toBe(12 * 1024);

		const result = await runCli(['profile', 'rename', 'p00', 'renamed'], {configDir: dir});
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain(`regwiz: could not save ${file}: no space left on the disk (ENOSPC)`);
		expect(result.stderr).toContain('Every saved profile was left as it was');
		expect(result.stderr).not.toMatch(/Renamed/);
		expect(fs.readFileSync(file, 'utf8')).toBe(text);
		expect(leftovers(dir, ['config.json'])).toEqual([]);

		// The same command once there is room: only the disk was in the way.
		fs.rmSync(path.join(mount, 'filler'));
		const again = await runCli(['profile', 'rename', 'p00', 'renamed'], {configDir: dir});
		expect(again).toMatchObject({code: 0, stdout: 'Renamed profile "p00" to "renamed".\n'});
		const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
		expect(Object.keys(saved.profiles)).toHaveLength(59);
		expect(saved.profiles.renamed).toEqual(profile(0));
		expect(leftovers(dir, ['config.json'])).toEqual([]);
	});

	it('a history line that does not fit is not half-written, and the create is not harmed', async context => {
		if (!mount) {
			context.skip(skipReason);
			return;
		}
		const dir = path.join(mount, 'history');
		fs.mkdirSync(dir, {mode: 0o700});
		const file = path.join(dir, 'history.jsonl');
		const before = `${JSON.stringify(entry(1))}\n`;
		fs.writeFileSync(file, before, {mode: 0o600});
		const free = () => Number(fs.statfsSync(mount!).bavail) * Number(fs.statfsSync(mount!).bsize);
		// Room for the lock file's page only: the history file's own page is full to its last byte.
		fs.appendFileSync(file, 'x'.repeat(4096 - before.length - 1) + '\n');
		const full = fs.readFileSync(file, 'utf8');
		fs.writeFileSync(path.join(mount, 'filler'), Buffer.alloc(Math.max(0, free() - 4096)));
		try {
			expect(() => appendHistory({REGWIZ_CONFIG_DIR: dir}, entry(2))).toThrow(/could not write .*history\.jsonl: no space left on the disk \(ENOSPC\)/);
			expect(fs.readFileSync(file, 'utf8')).toBe(full);
			expect(leftovers(dir, ['history.jsonl'])).toEqual([]);
		} finally {
			fs.rmSync(path.join(mount, 'filler'));
		}
	});
});

describe('a short write on every save path (the disk accepts part of the data, then nothing)', () => {
	it('a profile save: StoreError naming the short write, the old file and no temporary file left', () => {
		const dir = tempDir();
		const file = writeConfig(dir, configText(3));
		const {store} = openProfileStore({REGWIZ_CONFIG_DIR: dir});
		const before = fs.readFileSync(file, 'utf8');
		shortWrites(100 + 6);
		expect(() => store.rename('p00', 'renamed')).toThrow(StoreError);
		vi.restoreAllMocks();
		shortWrites(100 + 6);
		expect(() => store.save('new', profile(9))).toThrow(/could not save .*config\.json: the disk accepted only part of the data \(is it full\?\) \(short write\)/);
		vi.restoreAllMocks();
		expect(fs.readFileSync(file, 'utf8')).toBe(before);
		expect(leftovers(dir, ['config.json'])).toEqual([]);
	});

	it('the lock file: removed again, not left empty, and nothing saved', () => {
		const dir = tempDir();
		const file = writeConfig(dir, configText(1));
		const {store} = openProfileStore({REGWIZ_CONFIG_DIR: dir});
		shortWrites(1);
		expect(() => store.save('new', profile(9))).toThrow(/could not create the lock file .*config\.json\.lock: .*short write.*nothing was saved/);
		vi.restoreAllMocks();
		expect(fs.readFileSync(file, 'utf8')).toBe(configText(1));
		expect(leftovers(dir, ['config.json'])).toEqual([]);
	});

	it('a history append: the file cut back to what it was', () => {
		const dir = tempDir();
		const env = {REGWIZ_CONFIG_DIR: dir};
		appendHistory(env, entry(1));
		const before = fs.readFileSync(path.join(dir, 'history.jsonl'), 'utf8');
		shortWrites(7 + 40);
		expect(() => appendHistory(env, entry(2))).toThrow(/could not write .*history\.jsonl: .*short write/);
		vi.restoreAllMocks();
		expect(fs.readFileSync(path.join(dir, 'history.jsonl'), 'utf8')).toBe(before);
		expect(leftovers(dir, ['history.jsonl'])).toEqual([]);
		appendHistory(env, entry(3));
		expect(readHistory(env)).toEqual([entry(1), entry(3)]);
	});

	it('trimming an oversized history: the old file kept whole, no temporary file left', () => {
		const dir = tempDir();
		const file = path.join(dir, 'history.jsonl');
		const line = `${JSON.stringify(entry(1))}\n`;
		fs.writeFileSync(file, line.repeat(Math.ceil((3 * HISTORY_MAX_BYTES) / line.length)), {mode: 0o600});
		const size = fs.statSync(file).size;
		shortWrites(7 + 1000);
		expect(() => appendHistory({REGWIZ_CONFIG_DIR: dir}, entry(2))).toThrow(/could not save .*history\.jsonl\.1: .*short write/);
		vi.restoreAllMocks();
		expect(fs.statSync(file).size).toBe(size);
		expect(leftovers(dir, ['history.jsonl'])).toEqual([]);
	});
});

describe('what killed saves and full disks left behind is cleaned on the next start', () => {
	it('removes dead writers’ config.json.tmp-* copies and empty or orphaned locks, and nothing else', async () => {
		const dir = tempDir();
		writeConfig(dir, configText(1));
		const put = (name: string, text: string, ageMs = 0) => {
			fs.writeFileSync(path.join(dir, name), text, {mode: 0o600});
			if (ageMs > 0) fs.utimesSync(path.join(dir, name), new Date(Date.now() - ageMs), new Date(Date.now() - ageMs));
		};
		const secret = configText(1);
		put('config.json.tmp-4194305-0a1b2c3d', secret); // a pid above any pid_max: long gone
		put('config.json.tmp-1764650000123456', secret); // the name older versions (conf) gave
		put('history.jsonl.4194305.tmp', 'x');
		put(`config.json.tmp-${process.pid}-feedbeef`, secret); // a live process: perhaps saving right now
		put('config.json.lock', '', 60_000); // a full disk: created, never given its pid
		put('history.jsonl.lock', '4194305'); // its holder is gone
		put('config.json.tmp-notes', 'mine'); // not a name regwiz gives
		put('notes.txt', 'mine');
		const outside = tempDir();
		fs.writeFileSync(path.join(outside, 'config.json.tmp-4194305-0a1b2c3d'), 'elsewhere');

		const result = await runCli(['profile', 'list'], {configDir: dir});
		expect(result.code).toBe(0);
		expect(fs.readdirSync(dir).sort()).toEqual(['config.json', `config.json.tmp-${process.pid}-feedbeef`, 'config.json.tmp-notes', 'notes.txt'].sort());
		expect(fs.readdirSync(outside)).toEqual(['config.json.tmp-4194305-0a1b2c3d']);
	});
});

describe('links, other users and others who can write', () => {
	it('a config.json that is a link: exit 2 naming it, the target neither chmodded nor written', async () => {
		const dir = tempDir();
		const victim = path.join(tempDir(), 'victim');
		fs.writeFileSync(victim, JSON.stringify({profiles: {}}), {mode: 0o644});
		fs.chmodSync(victim, 0o644);
		fs.symlinkSync(victim, path.join(dir, 'config.json'));
		const home = tempDir();
		fs.mkdirSync(path.join(home, '.ncloud'));
		fs.writeFileSync(path.join(home, '.ncloud', 'configure'), 'ncloud_access_key_id = AKIDEXAMPLE0000001\nncloud_secret_access_key = secretsecretsecretsecret01\n');

		for (const args of [['profile', 'list'], ['profile', 'import-ncloud', '--yes']]) {
			const result = await runCli(args, {configDir: dir, env: {HOME: home}});
			expect(result.code).toBe(2);
			expect(result.stderr).toBe(
				`regwiz: ${path.join(dir, 'config.json')} is a symbolic link, not a regular file; regwiz does not follow links for its own files: replace the link with the file itself\n`,
			);
		}
		expect(fs.statSync(victim).mode & 0o777).toBe(0o644);
		expect(fs.readFileSync(victim, 'utf8')).toBe(JSON.stringify({profiles: {}}));
		expect(fs.readdirSync(dir)).toEqual(['config.json']);
	});

	it('a config folder that is a link: exit 2 naming it and the fix', async () => {
		const real = tempDir();
		const link = path.join(tempDir(), 'config');
		fs.symlinkSync(real, link);
		const result = await runCli(['profile', 'list'], {configDir: link});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`regwiz: ${link} is a symbolic link (to ${fs.realpathSync(real)}); regwiz does not follow links for the folder it writes in`);
		expect(fs.readdirSync(real)).toEqual([]);
	});

	it('a lock file that is a link is removed, its target untouched', () => {
		const dir = tempDir();
		writeConfig(dir, configText(1));
		const victim = path.join(tempDir(), 'victim');
		fs.writeFileSync(victim, 'keep me');
		fs.symlinkSync(victim, path.join(dir, 'config.json.lock'));
		openProfileStore({REGWIZ_CONFIG_DIR: dir}).store.save('new', profile(2));
		expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
		expect(openProfileStore({REGWIZ_CONFIG_DIR: dir}).store.get('new')).toEqual(profile(2));
		expect(leftovers(dir, ['config.json'])).toEqual([]);
	});

	it('a history.jsonl that is a link (or a FIFO) is never appended to', () => {
		const dir = tempDir();
		const victim = path.join(tempDir(), 'victim');
		fs.writeFileSync(victim, 'keep me');
		fs.symlinkSync(victim, path.join(dir, 'history.jsonl'));
		expect(() => appendHistory({REGWIZ_CONFIG_DIR: dir}, entry(1))).toThrow(/history\.jsonl is a symbolic link, not a regular file; regwiz does not write through links/);
		expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
		expect(() => readHistory({REGWIZ_CONFIG_DIR: dir})).toThrow(StoreError);
		fs.rmSync(path.join(dir, 'history.jsonl'));
		execFileSync('mkfifo', [path.join(dir, 'history.jsonl')]);
		expect(() => appendHistory({REGWIZ_CONFIG_DIR: dir}, entry(1))).toThrow(/history\.jsonl is a named pipe \(FIFO\), not a regular file/);
	});

	it.runIf(isRoot)('a folder or file of another user (uid 12345), even as root: exit 2 with the chown to run, nothing written', async () => {
		const dir = tempDir();
		const file = writeConfig(dir, configText(1));
		fs.chownSync(dir, OTHER_UID, OTHER_UID);
		let result = await runCli(['profile', 'rename', 'p00', 'x'], {configDir: dir});
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			`regwiz: ${dir} belongs to another user (uid ${OTHER_UID}); regwiz keeps keys in it and trusts only a folder of its own: fix it with \`chown ${os.userInfo().username} ${dir}\`, or set REGWIZ_CONFIG_DIR to a folder of your own\n`,
		);
		fs.chownSync(dir, 0, 0);
		fs.chownSync(file, OTHER_UID, OTHER_UID);
		result = await runCli(['profile', 'rename', 'p00', 'x'], {configDir: dir});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`regwiz: ${file} belongs to another user (uid ${OTHER_UID}); regwiz keeps keys in it and trusts only a file of its own: fix it with \`chown`);
		expect(fs.readFileSync(file, 'utf8')).toBe(configText(1));
		expect(fs.statSync(file).uid).toBe(OTHER_UID);
		fs.chownSync(file, 0, 0);
		const history = path.join(dir, 'history.jsonl');
		fs.writeFileSync(history, '', {mode: 0o600});
		fs.chownSync(history, OTHER_UID, OTHER_UID);
		expect(() => appendHistory({REGWIZ_CONFIG_DIR: dir}, entry(1))).toThrow(`${history} belongs to another user (uid ${OTHER_UID})`);
		expect(fs.readFileSync(history, 'utf8')).toBe('');
	});

	it('a folder or file others can write: exit 2 with the chmod to run, nothing written', async () => {
		const dir = tempDir();
		const file = writeConfig(dir, configText(1));
		fs.chmodSync(dir, 0o777);
		let result = await runCli(['profile', 'remove', 'p00', '--yes'], {configDir: dir});
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			`regwiz: ${dir} can be written by other users (mode 0777); regwiz refuses to keep keys in a folder others can change: fix it with \`chmod 700 ${dir}\`\n`,
		);
		fs.chmodSync(dir, 0o700);
		fs.chmodSync(file, 0o620);
		result = await runCli(['profile', 'remove', 'p00', '--yes'], {configDir: dir});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`regwiz: ${file} can be written by other users (mode 0620); regwiz refuses to keep keys in a file others can change: fix it with \`chmod 600 ${file}\``);
		expect(fs.readFileSync(file, 'utf8')).toBe(configText(1));
		expect(fs.statSync(file).mode & 0o777).toBe(0o620);
	});
});

describe('files that are not regular files, and files too large', () => {
	it('a FIFO as config.json or ~/.ncloud/configure is refused at once (exit 2), never waited on', async () => {
		const dir = tempDir();
		execFileSync('mkfifo', [path.join(dir, 'config.json')]);
		let result = await runCli(['profile', 'list'], {configDir: dir, timeoutMs: 10_000});
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(`regwiz: ${path.join(dir, 'config.json')} is a named pipe (FIFO), not a regular file\n`);

		const home = tempDir();
		fs.mkdirSync(path.join(home, '.ncloud'));
		execFileSync('mkfifo', [path.join(home, '.ncloud', 'configure')]);
		result = await runCli(['profile', 'import-ncloud'], {env: {HOME: home}, timeoutMs: 10_000});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`regwiz: ${path.join(home, '.ncloud', 'configure')} is a named pipe (FIFO), not a regular file`);
	});

	it('/dev/zero as ~/.ncloud/configure (through a link) or config.json (a device node) is refused, not read', async () => {
		const home = tempDir();
		fs.mkdirSync(path.join(home, '.ncloud'));
		fs.symlinkSync('/dev/zero', path.join(home, '.ncloud', 'configure'));
		let result = await runCli(['profile', 'import-ncloud'], {env: {HOME: home}, timeoutMs: 10_000});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`${path.join(home, '.ncloud', 'configure')} is a device, not a regular file`);
		if (!isRoot) return;
		const dir = tempDir();
		execFileSync('mknod', [path.join(dir, 'config.json'), 'c', '1', '5']);
		result = await runCli(['profile', 'list'], {configDir: dir, timeoutMs: 10_000});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`${path.join(dir, 'config.json')} is a device, not a regular file`);
	});

	it('a config.json of megabytes is an error said as one, and left alone', async () => {
		const dir = tempDir();
		const file = writeConfig(dir, `{"profiles": {}, "padding": "${'x'.repeat(3 * 1024 * 1024)}"}`);
		const result = await runCli(['profile', 'list'], {configDir: dir});
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(`regwiz: ${file} is too large to be a regwiz file (3.0 MB; at most 1024 KB is read): move it aside and start again\n`);
		expect(fs.statSync(file).size).toBeGreaterThan(3 * 1024 * 1024);
		expect(leftovers(dir, ['config.json'])).toEqual([]);
	});
});

describe('a 100 MB history.jsonl', () => {
	let dir: string;
	const lineCount = () => fs.readFileSync(path.join(dir, 'history.jsonl'), 'utf8').split('\n').filter(Boolean).length;
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-bighistory-'));
		const block = Array.from({length: 4000}, (_, index) => JSON.stringify(entry(index))).join('\n') + '\n';
		const fd = fs.openSync(path.join(dir, 'history.jsonl'), 'w', 0o600);
		let size = 0;
		for (let index = 0; size < 100 * 1024 * 1024; index++) size += fs.writeSync(fd, block);
		fs.writeSync(fd, `${JSON.stringify(entry(99_999))}\n`);
		fs.closeSync(fd);
	});
	afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

	it('`regwiz history` shows the newest entries, reading from the end', async () => {
		const reads = vi.spyOn(fs, 'readSync');
		const newest = readHistory({REGWIZ_CONFIG_DIR: dir}, 20);
		expect(newest.at(-1)).toEqual(entry(99_999));
		expect(newest[0]).toEqual(entry(3981));
		const bytesRead = reads.mock.results.reduce((sum, result) => sum + (result.value as number), 0);
		expect(bytesRead).toBeLessThanOrEqual(128 * 1024);
		vi.restoreAllMocks();

		const result = await runCli(['history', '--limit', '2', '--json'], {configDir: dir});
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toEqual([entry(3999), entry(99_999)]);
	});

	it('an append reads one byte, not the file, and caps it: the newest part kept as history.jsonl.1', () => {
		const reads = vi.spyOn(fs, 'readSync');
		const whole = vi.spyOn(fs, 'readFileSync');
		appendHistory({REGWIZ_CONFIG_DIR: dir}, entry(100_000));
		expect(whole).not.toHaveBeenCalled();
		const bytesRead = reads.mock.results.reduce((sum, result) => sum + (result.value as number), 0);
		// The one-time trim of an oversized file reads its last HISTORY_MAX_BYTES (plus a line), no more.
		expect(bytesRead).toBeLessThanOrEqual(HISTORY_MAX_BYTES + 64 * 1024);
		vi.restoreAllMocks();
		expect(fs.statSync(path.join(dir, 'history.jsonl.1')).size).toBeLessThanOrEqual(HISTORY_MAX_BYTES);
		expect(lineCount()).toBe(1);

		const reads2 = vi.spyOn(fs, 'readSync');
		appendHistory({REGWIZ_CONFIG_DIR: dir}, entry(100_001));
		expect(reads2.mock.results.reduce((sum, result) => sum + (result.value as number), 0)).toBe(1);
		vi.restoreAllMocks();
		const read = readHistory({REGWIZ_CONFIG_DIR: dir}, 3);
		expect(read).toEqual([entry(99_999), entry(100_000), entry(100_001)]);
		expect(fs.readdirSync(dir).sort()).toEqual(['history.jsonl', 'history.jsonl.1']);
	});
});

describe('profile names that are Object’s own (constructor, toString, __proto__)', () => {
	it('`profile show`, `rename` and `remove` of a name that is not there: exit 2 with the names there are', async () => {
		const dir = tempDir();
		writeConfig(dir, configText(2));
		const names = 'Profiles: p00, p01.';
		for (const args of [
			['profile', 'show', 'constructor'],
			['profile', 'show', 'toString'],
			['profile', 'rename', 'constructor', 'x'],
			['profile', 'rename', 'hasOwnProperty', 'x'],
			['profile', 'remove', 'toString', '--yes'],
			['profile', 'remove', 'valueOf', '--yes'],
		]) {
			const result = await runCli(args, {configDir: dir});
			expect(result, args.join(' ')).toEqual({code: 2, signal: null, stdout: '', stderr: `regwiz: No profile named "${args[2]}". ${names}\n`});
		}
		expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(configText(2));
	});

	it('profiles named constructor and __proto__ are profiles like any other', async () => {
		const dir = tempDir();
		const file = writeConfig(dir, `{"profiles": {"__proto__": ${JSON.stringify(profile(7))}}}`);
		const {store} = openProfileStore({REGWIZ_CONFIG_DIR: dir});
		expect(store.list().map(named => named.name)).toEqual(['__proto__']);
		store.save('constructor', profile(8));
		expect(store.get('constructor')).toEqual(profile(8));
		expect(store.get('toString')).toBeUndefined();
		const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
		expect(Object.keys(saved.profiles).sort()).toEqual(['__proto__', 'constructor']);
		const shown = await runCli(['profile', 'show', 'constructor', '--json'], {configDir: dir});
		expect(shown.code).toBe(0);
		expect(JSON.parse(shown.stdout)).toMatchObject({name: 'constructor', backend: 'ncr', credential: '****0008'});
		const renamed = await runCli(['profile', 'rename', 'constructor', 'toString'], {configDir: dir});
		expect(renamed).toMatchObject({code: 0, stdout: 'Renamed profile "constructor" to "toString".\n'});
		expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).profiles).sort()).toEqual(['__proto__', 'toString']);
	});
});

it('a lock held by a live process is waited for, then reported, never broken', () => {
	const dir = tempDir();
	const lock = path.join(dir, 'config.json.lock');
	fs.writeFileSync(lock, String(process.pid));
	expect(() => withFileLock(lock, () => 1, {timeoutMs: 100})).toThrow(/Another regwiz is saving its configuration/);
	expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
});
