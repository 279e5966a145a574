import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createMemoryStore, openProfileStore} from '../../source/store/profile-store.js';

const folders: string[] = [];
function tempDir(): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-store-'));
	folders.push(folder);
	return folder;
}
afterEach(() => {
	for (const folder of folders.splice(0)) fs.rmSync(folder, {recursive: true, force: true});
});

const profile = (accessKey: string) => ({backend: 'ncr', credentials: {accessKey, secretKey: `secret-${accessKey}`}, connection: {site: 'kr'}});

describe('openProfileStore', () => {
	it('creates the folder 0700 and the file 0600, and reads back what it saved', () => {
		const dir = path.join(tempDir(), 'config');
		const {store, warnings} = openProfileStore({REGWIZ_CONFIG_DIR: dir});
		store.save('default', profile('AKID0001'));
		expect(warnings).toEqual([]);
		expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
		expect(fs.statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600);
		expect(openProfileStore({REGWIZ_CONFIG_DIR: dir}).store.get('default')).toEqual(profile('AKID0001'));
	});

	it('tightens a file other users can read, and says so', () => {
		const dir = tempDir();
		const file = path.join(dir, 'config.json');
		fs.writeFileSync(file, JSON.stringify({profiles: {}}), {mode: 0o644});
		fs.chmodSync(file, 0o644);
		const {warnings} = openProfileStore({REGWIZ_CONFIG_DIR: dir});
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(warnings).toEqual([`${file} was readable by other users; its permissions are now 0600 (owner only).`]);
	});

	it('moves a corrupt file aside instead of overwriting it, says which file and what is wrong', () => {
		const dir = tempDir();
		const file = path.join(dir, 'config.json');
		fs.writeFileSync(file, '{"profiles": {"default": ', {mode: 0o600});
		const {store, warnings} = openProfileStore({REGWIZ_CONFIG_DIR: dir});
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain(`The configuration file ${file} could not be read: it is not valid JSON`);
		expect(warnings[0]).toContain('regwiz continues with no saved profiles');
		const aside = fs.readdirSync(dir).find(name => name.startsWith('config.json.corrupt-'));
		expect(aside).toBeDefined();
		expect(fs.readFileSync(path.join(dir, aside!), 'utf8')).toBe('{"profiles": {"default": ');
		expect(store.list()).toEqual([]);
	});

	it('treats valid JSON of the wrong shape as broken too', () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({profiles: {default: {backend: 'ncr', credentials: 'oops'}}}), {mode: 0o600});
		const {warnings} = openProfileStore({REGWIZ_CONFIG_DIR: dir});
		expect(warnings[0]).toMatch(/unexpected content at profiles\.default\.credentials/);
	});

	it('refuses a profile name that is not a name, with an example', () => {
		const {store} = openProfileStore({REGWIZ_CONFIG_DIR: tempDir()});
		expect(() => store.save('../x', profile('A'))).toThrow('"../x" is not a valid profile name: letters, digits, ".", "_" and "-"; 1–64 characters, starting with a letter or digit (e.g. staging)');
	});

	it('a lock file left empty by a writer killed before it wrote its pid does not block saving', () => {
		const dir = tempDir();
		const {store} = openProfileStore({REGWIZ_CONFIG_DIR: dir});
		const lock = path.join(dir, 'config.json.lock');
		fs.writeFileSync(lock, '');
		const past = new Date(Date.now() - 1500);
		fs.utimesSync(lock, past, past);
		store.save('default', profile('AKID0002'));
		expect(store.get('default')).toEqual(profile('AKID0002'));
		expect(fs.existsSync(lock)).toBe(false);
	});

	it('renames and removes', () => {
		const {store} = openProfileStore({REGWIZ_CONFIG_DIR: tempDir()});
		store.save('a', profile('A'));
		store.rename('a', 'b');
		expect(store.list().map(entry => entry.name)).toEqual(['b']);
		expect(() => store.rename('missing', 'c')).toThrow('No profile named "missing".');
		expect(store.remove('b')).toBe(true);
		expect(store.remove('b')).toBe(false);
	});
});

describe('memory store', () => {
	it('never touches the disk', () => {
		const store = createMemoryStore();
		store.save('sandbox', profile('A'));
		expect(store.persistent).toBe(false);
		expect(store.get('sandbox')).toEqual(profile('A'));
	});
});

