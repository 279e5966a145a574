import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bundleModule} from '../helpers/bundle.js';

// Real processes against one file: what two regwiz runs (or a killed one) do to a person's profiles.
let bundle: {file: string; dispose: () => void};
const folders: string[] = [];

beforeAll(async () => {
	bundle = await bundleModule(path.resolve('source/store/profile-store.ts'));
});
afterAll(() => {
	bundle.dispose();
	for (const folder of folders) fs.rmSync(folder, {recursive: true, force: true});
});

function tempDir(): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-procs-'));
	folders.push(folder);
	return folder;
}

function writer(dir: string, prefix: string, count: number) {
	const script = `
		const {openProfileStore} = await import(${JSON.stringify(bundle.file)});
		const {store} = openProfileStore({REGWIZ_CONFIG_DIR: ${JSON.stringify(dir)}});
		process.stdout.write('ready\\n');
		for (let i = 0; i < ${count}; i++) {
			store.save(${JSON.stringify(prefix)} + '-' + i, {backend: 'ncr', credentials: {accessKey: 'K' + i, secretKey: 'S' + i}, connection: {site: 'kr'}});
		}
	`;
	return spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: ['ignore', 'pipe', 'pipe']});
}

const finished = (child: ReturnType<typeof spawn>) =>
	new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));

describe('profiles across processes', () => {
	it('two processes saving different profiles at the same moment lose neither', async () => {
		const dir = tempDir();
		const children = [writer(dir, 'alpha', 25), writer(dir, 'beta', 25), writer(dir, 'gamma', 25)];
		const codes = await Promise.all(children.map(finished));
		expect(codes).toEqual([0, 0, 0]);
		const saved = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as {profiles: Record<string, unknown>};
		const names = Object.keys(saved.profiles).sort();
		expect(names).toHaveLength(75);
		for (const prefix of ['alpha', 'beta', 'gamma']) {
			for (let index = 0; index < 25; index++) expect(names).toContain(`${prefix}-${index}`);
		}
	}, 60_000);

	it('killing a writer at any moment leaves a valid config file', async () => {
		const dir = tempDir();
		const file = path.join(dir, 'config.json');
		for (let round = 0; round < 12; round++) {
			const child = writer(dir, `round${round}`, 400);
			// Kill at a different moment each round, counted from when the writer is ready to save,
			// so that a slow start on a busy machine still lands the kill among the writes.
			await new Promise(resolve => child.stdout!.once('data', resolve));
			await new Promise(resolve => setTimeout(resolve, round * 3));
			child.kill('SIGKILL');
			await finished(child);
			if (!fs.existsSync(file)) continue;
			const text = fs.readFileSync(file, 'utf8');
			expect(() => JSON.parse(text), `round ${round}: ${text.slice(0, 80)}`).not.toThrow();
			expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		}
		// A lock left by a killed writer does not block the next one.
		const last = writer(dir, 'after', 1);
		expect(await finished(last)).toBe(0);
		const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as {profiles: Record<string, unknown>};
		expect(saved.profiles['after-0']).toBeDefined();
		// The writers were killed mid-work, not before they started.
		expect(Object.keys(saved.profiles).filter(name => name.startsWith('round')).length).toBeGreaterThan(0);
	}, 120_000);
});
