// The backend contract: everything regwiz says or sends for a backend comes from its description
// (source/backends/<id>.ts), so a new backend is its file and one line in the list. Checked for every
// backend, and for a fourth one made by copying Harbor's file under another id, title and variable prefix.
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BACKENDS} from '../../source/backends/index.js';
import type {Backend} from '../../source/backends/types.js';
import {curlCommand} from '../../source/cli/curl.js';
import {createHelp} from '../../source/cli/help.js';
import {checkPlanInput, sendCreate, verifyCredentials} from '../../source/core/create.js';
import type {CreatePlan} from '../../source/core/types.js';
import {startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {sandboxProfiles} from '../../source/sandbox/session.js';
import {ResultPanel} from '../../source/ui/components/panels.js';
import {ROOT} from '../helpers/paths.js';

const COPY = {id: 'quay', title: 'Quay Harbor', prefix: 'QUAY_'};

/** Harbor's file with its three identity lines changed, its imports pointed back at source/backends. */
function copiedSource(relativeImports: boolean): string {
	const source = fs.readFileSync(path.join(ROOT, 'source/backends/harbor.ts'), 'utf8');
	const changed = source
		.replace(/^const ID = '[^']*';$/m, `const ID = '${COPY.id}';`)
		.replace(/^const TITLE = '[^']*';$/m, `const TITLE = '${COPY.title}';`)
		.replace(/^const ENV_PREFIX = '[^']*';$/m, `const ENV_PREFIX = '${COPY.prefix}';`);
	expect(changed).not.toBe(source);
	if (relativeImports) return changed;
	return changed.replaceAll("from '../", `from '${path.join(ROOT, 'source')}/`).replaceAll("from './", `from '${path.join(ROOT, 'source/backends')}/`);
}

let scratch: string;
let copy: Backend;
let all: Backend[];

beforeAll(async () => {
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-contract-'));
	const file = path.join(scratch, `${COPY.id}.ts`);
	fs.writeFileSync(file, copiedSource(false));
	copy = ((await import(file)) as {harbor: Backend}).harbor;
	all = [...BACKENDS, copy];
});
afterAll(() => fs.rmSync(scratch, {recursive: true, force: true}));

const variablesOf = (backend: Backend) => Object.values(backend.credentialVariables).flat();
const flagsOf = (backend: Backend) =>
	[...backend.connectionFields, ...backend.fields].flatMap(spec => [
		...(spec.flag ? [`--${spec.flag}`] : []),
		...Object.keys(spec.booleanFlags ?? {}).map(name => `--${name}`),
	]);

let sequence = 0;
function plan(backend: Backend, emulator: Emulator, demo = 0): CreatePlan {
	const baseUrl = emulator.baseUrls[backend.sandbox.emulator];
	if (baseUrl === undefined) throw new Error(`no emulator named ${backend.sandbox.emulator}`);
	// A fresh name for every plan: backends that share an emulator share its state.
	const fields = Object.fromEntries(
		Object.entries(backend.sandbox.example).map(([key, value]) => [key, key === Object.keys(backend.sandbox.example)[0] ? `${value}-${++sequence}` : value]),
	);
	return {
		backend,
		fields,
		credentials: {...backend.sandbox.demos[demo]!.credentials},
		connection: backend.sandbox.connection(baseUrl),
		credentialSource: 'sandbox demo credentials',
	};
}

describe.each(['ncr', 'registryui', 'harbor', COPY.id])('the %s backend keeps the contract', id => {
	let emulator: Emulator;
	let backend: Backend;
	beforeAll(async () => {
		emulator = await startEmulator();
		backend = all.find(candidate => candidate.id === id)!;
	});
	afterAll(() => emulator.close());

	it('describes itself: nouns, the credential it may show, variables, help data', () => {
		expect(backend.noun).toMatch(/^[a-z]+$/);
		expect(backend.plural).toMatch(/^[a-z]+$/);
		expect(backend.plural).not.toBe(backend.noun);
		expect(backend.credentialFields.some(spec => spec.key === backend.shownCredential && spec.kind !== 'secret')).toBe(true);
		expect(Object.keys(backend.credentialVariables).sort()).toEqual(backend.credentialFields.map(spec => spec.key).sort());
		expect(backend.help.examples.length).toBeGreaterThan(0);
		for (const example of backend.help.examples) expect(example).toContain(`regwiz create ${backend.id}`);
	});

	it('has help that names every flag and credential variable, and no other backend\'s', () => {
		const help = createHelp(backend);
		expect(help).toContain(`regwiz create ${backend.id}: ${backend.help.summary}`);
		for (const flag of flagsOf(backend)) expect(help).toContain(flag);
		for (const variable of variablesOf(backend)) expect(help).toContain(variable);
		for (const other of all.filter(candidate => candidate.id !== backend.id)) {
			for (const variable of variablesOf(other)) expect(help).not.toContain(variable);
		}
	});

	it('prints a curl command that mentions no other backend\'s variables and no secret', () => {
		const sandboxPlan = plan(backend, emulator);
		const request = backend.buildRequest(sandboxPlan.fields, sandboxPlan.credentials, backend.endpoint(sandboxPlan.connection), {now: Date.now()});
		const curl = curlCommand(request, backend, sandboxPlan.credentials);
		expect(curl).toMatch(/^curl |\ncurl /);
		for (const other of all.filter(candidate => candidate.id !== backend.id)) {
			for (const variable of variablesOf(other)) expect(curl).not.toMatch(new RegExp(`\\b${variable}\\b`));
		}
		if (backend.curl.kind === 'basic') expect(curl).toContain(`$${backend.curl.variable}`);
		for (const spec of backend.credentialFields.filter(field => field.kind === 'secret')) {
			expect(curl).not.toContain(sandboxPlan.credentials[spec.key]);
		}
	});

	it('has sandbox demo profiles that pass its own credential rules', () => {
		const profiles = sandboxProfiles(emulator, [backend]);
		expect(Object.keys(profiles)).toContain(`sandbox-${backend.id}`);
		for (const profile of Object.values(profiles)) {
			expect(profile.backend).toBe(backend.id);
			expect(() => checkPlanInput({backend, connection: profile.connection, credentials: profile.credentials, credentialSource: 'demo'})).not.toThrow();
		}
	});

	it('checks its demo credentials against the emulator, counting with its own nouns', async () => {
		const sandboxPlan = plan(backend, emulator);
		const verdict = await verifyCredentials(backend, sandboxPlan.credentials, sandboxPlan.connection, {timeoutMs: 5000});
		expect(verdict.ok).toBe(true);
		// "credentials work: 3 projects visible", or with what a listing cannot prove: "the credentials work for listing (0 repositories visible); not checked: …".
		expect(verdict.message).toMatch(new RegExp(`^(credentials work(: \\d+ (${backend.noun}|${backend.plural}) visible)?|the credentials work for listing( \\(\\d+ (${backend.noun}|${backend.plural}) visible\\))?; not checked: .+)$`));
	});

	it('creates in the sandbox, is refused the same create again, and both panels render', async () => {
		const sandboxPlan = plan(backend, emulator);
		const created = await sendCreate(sandboxPlan, {timeoutMs: 5000});
		expect(created).toMatchObject({ok: true, exitCode: 0, backend: backend.id});
		expect(created.advice.join('\n')).toMatch(/docker (login|push)/);
		const refused = await sendCreate(sandboxPlan, {timeoutMs: 5000});
		expect(refused).toMatchObject({ok: false, exitCode: 1});

		const noun = backend.noun[0]!.toUpperCase() + backend.noun.slice(1);
		const success = render(createElement(ResultPanel, {result: created, noun: backend.noun}));
		expect(success.lastFrame()).toContain(`${noun} created`);
		success.unmount();
		const refusal = render(createElement(ResultPanel, {result: refused, noun: backend.noun}));
		expect(refusal.lastFrame()).toContain('Refused');
		refusal.unmount();
	});
});

describe(`a fourth backend: Harbor's file copied as ${COPY.id}.ts and one line in the list`, () => {
	let tree: string;
	beforeAll(() => {
		tree = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-fourth-'));
		for (const entry of ['cli.tsx', 'package.json', 'package-lock.json', 'tsconfig.json', '.ci', 'source']) {
			fs.cpSync(path.join(ROOT, entry), path.join(tree, entry), {recursive: true});
		}
		fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'));
		fs.writeFileSync(path.join(tree, 'source/backends', `${COPY.id}.ts`), copiedSource(true));
		const list = path.join(tree, 'source/backends/index.ts');
		const text = fs.readFileSync(list, 'utf8');
		// The one line in the list, plus its import.
		const added = text
			.replace(/^(import \{harbor\} from '\.\/harbor\.js';)$/m, `$1\nimport {harbor as ${COPY.id}} from './${COPY.id}.js';`)
			.replace(/^(export const BACKENDS: readonly Backend\[\] = \[[^\]]*)\];$/m, `$1, ${COPY.id}];`);
		expect(added).toContain(`, ${COPY.id}];`);
		fs.writeFileSync(list, added);
		execFileSync(process.execPath, ['.ci/build.mjs'], {cwd: tree, stdio: 'pipe'});
	}, 120_000);
	afterAll(() => fs.rmSync(tree, {recursive: true, force: true}));

	const run = (args: string[], env: Record<string, string> = {}) => {
		const config = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-fourth-config-'));
		try {
			const result = spawnSync(process.execPath, [path.join(tree, 'dist/cli.js'), ...args], {
				encoding: 'utf8',
				timeout: 15_000,
				env: {PATH: process.env.PATH ?? '', HOME: config, REGWIZ_CONFIG_DIR: config, NO_COLOR: '1', ...env},
			});
			return {code: result.status, stdout: result.stdout, stderr: result.stderr};
		} finally {
			fs.rmSync(config, {recursive: true, force: true});
		}
	};

	it('gets help, a dry run, a curl command and a sandbox create with no other change', () => {
		const help = run(['help', 'create', COPY.id]);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain(`regwiz create ${COPY.id}: create a ${COPY.title} project`);
		expect(help.stdout).toContain(`${COPY.prefix}PASSWORD`);
		expect(help.stdout).not.toContain('HARBOR_');
		expect(run(['--help']).stdout).toContain(`regwiz create ${COPY.id} ...`);

		const env = {[`${COPY.prefix}USERNAME`]: 'robot$ci', [`${COPY.prefix}PASSWORD`]: 'not-a-real-secret-42'};
		const dry = run(['create', COPY.id, '--url', 'https://quay.example.com', '--project', 'team-a', '--dry-run', '--json'], env);
		expect(dry.code).toBe(0);
		const shown = JSON.parse(dry.stdout) as {backend: string; request: {url: string; body: string}};
		expect(shown).toMatchObject({backend: COPY.id, request: {url: 'https://quay.example.com/api/v2.0/projects'}});
		expect(JSON.parse(shown.request.body)).toEqual({project_name: 'team-a', metadata: {public: 'false'}});
		expect(dry.stdout).not.toContain('not-a-real-secret-42');

		const curl = run(['create', COPY.id, '--url', 'https://quay.example.com', '--project', 'team-a', '--curl'], env);
		expect(curl.code).toBe(0);
		expect(curl.stdout).toContain(`-u 'robot$ci'":$${COPY.prefix}PASSWORD"`);
		expect(curl.stdout).not.toMatch(/HARBOR_|REGISTRYUI_|NCLOUD_|not-a-real-secret-42/);

		const sandbox = run(['create', COPY.id, '--sandbox', '--project', 'team-a']);
		// A scripted sandbox run says so on stderr, and says nothing else there.
		expect(sandbox.stderr).toBe('regwiz: SANDBOX: nothing is created on a real registry\n');
		expect(sandbox.code).toBe(0);
		expect(sandbox.stdout).toContain('Project created');
		expect(sandbox.stdout).toContain('docker push 127.0.0.1:');
	}, 60_000);
});
