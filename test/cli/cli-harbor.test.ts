// `regwiz create harbor …` as a script runs it: the built program, no terminal, against the emulator's
// Harbor. Checks what the person sees and the exact requests the emulator received.
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator, type HarborState} from '../../source/sandbox/emulator.js';
import {openProfileStore} from '../../source/store/profile-store.js';
import {makeConfigDir, runCli} from '../helpers/run-cli.js';

const admin = SANDBOX_CREDENTIALS.harborAdmin;
const developer = SANDBOX_CREDENTIALS.harborUser;
const ADMIN_ENV = {HARBOR_USERNAME: admin.username, HARBOR_PASSWORD: admin.password};
const REQUEST_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

let emulator: Emulator;
let base: string;
beforeAll(async () => {
	emulator = await startEmulator();
	base = emulator.baseUrls.harbor!;
});
afterAll(() => emulator.close());
beforeEach(() => {
	(emulator.stateOf('harbor') as HarborState).projects.clear();
	emulator.received.length = 0;
});

const create = (extra: string[], env: Record<string, string> = ADMIN_ENV) =>
	runCli(['create', 'harbor', '--url', base, '--project', 'team-a', ...extra], {env});

describe('regwiz create harbor', () => {
	it('creates the project, reads it back, and says how to log in and push', async () => {
		const result = await create(['--public', '--storage-limit', '10GiB']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const host = new URL(base).host;
		expect(result.stdout).toContain('✓ Project created');
		expect(result.stdout).toMatch(/Project\s+team-a\n\s+Project id\s+1\n\s+Public\s+yes\n\s+Owner\s+admin/);
		expect(result.stdout).toContain('Location    /api/v2.0/projects/1');
		expect(result.stdout).toContain(`docker login ${host}`);
		expect(result.stdout).toContain(`docker push ${host}/team-a/<image>:<tag>`);

		const [post, readBack, ...rest] = emulator.received;
		expect(rest).toEqual([]);
		expect(post).toMatchObject({method: 'POST', path: '/api/v2.0/projects', status: 201});
		expect(JSON.parse(post!.body)).toEqual({project_name: 'team-a', metadata: {public: 'true'}, storage_limit: 10 * 1024 ** 3});
		expect(post!.headers.authorization).toBe(`Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`);
		expect(post!.headers['content-type']).toBe('application/json');
		expect(readBack).toMatchObject({method: 'GET', path: '/api/v2.0/projects/team-a', status: 200});
		expect(readBack!.headers['x-is-resource-name']).toBe('true');
	});

	it('--json: one object with the status and the request', async () => {
		const result = await create(['--json']);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ok: true, backend: 'harbor', status: 201, request: {method: 'POST', url: `${base}/api/v2.0/projects`}, error: null});
	});

	it('409: the name already exists, with the request id as the trace id', async () => {
		await create([]);
		const result = await create([]);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ Refused: 409 The project named team-a already exists');
		expect(result.stdout).toContain('Error code    CONFLICT');
		expect(result.stdout).toMatch(new RegExp(`Trace id\\s+${REQUEST_ID.source}  \\(quote it to support\\)`));
		expect(result.stdout).toContain('A project named "team-a" already exists: choose another name.');
	});

	it('401: wrong password, with what a robot account needs', async () => {
		const result = await create([], {HARBOR_USERNAME: admin.username, HARBOR_PASSWORD: 'wrong-password'});
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ Refused: 401 unauthorized');
		expect(result.stdout).toContain('robot$name');
		expect(result.stdout).not.toContain('wrong-password');
	});

	it('403: creation limited to administrators', async () => {
		const result = await create([], {HARBOR_USERNAME: developer.username, HARBOR_PASSWORD: developer.password});
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ Refused: 403 Only system administrators can create projects');
		expect(result.stdout).toContain('project creation is limited to administrators');
		expect((emulator.stateOf('harbor') as HarborState).projects.size).toBe(0);
	});

	it('a bad storage limit or name is refused with a corrected example; nothing is sent', async () => {
		const size = await create(['--storage-limit', '10G']);
		expect(size.code).toBe(2);
		expect(size.stderr).toContain('--storage-limit: "10G" is not a valid storage limit: "G" is not a unit');
		expect(size.stderr).toContain('(e.g. 10GiB)');
		const name = await runCli(['create', 'harbor', '--url', base, '--project', 'team--a'], {env: ADMIN_ENV});
		expect(name.code).toBe(2);
		expect(name.stderr).toContain('--project: "team--a" is not a valid project name');
		expect(emulator.received).toEqual([]);
	});

	it('no credentials: names HARBOR_USERNAME and HARBOR_PASSWORD', async () => {
		const result = await runCli(['create', 'harbor', '--url', base, '--project', 'team-a']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('set HARBOR_USERNAME and HARBOR_PASSWORD');
	});

	it('uses a saved Harbor profile with --profile', async () => {
		const config = makeConfigDir();
		try {
			openProfileStore({REGWIZ_CONFIG_DIR: config.dir}).store.save('harbor-admin', {
				backend: 'harbor',
				credentials: {username: admin.username, password: admin.password},
				connection: {url: base},
			});
			const result = await runCli(['create', 'harbor', '--profile', 'harbor-admin', '--project', 'team-b'], {configDir: config.dir});
			expect(result.code).toBe(0);
			expect(result.stdout).toContain('Project created');
		} finally {
			config.dispose();
		}
	});
});
