// The built program (dist/cli.js + dist/app.js, see .ci/build.mjs) loads only what a command needs,
// and its code cache never breaks or misleads a run.
//
// Which bundled modules ran is read from V8 itself: `--log-function-events` logs the first execution of
// every function with its offset in app.js, and dist/app.js.map turns offsets into source files.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import {SourceMap} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, ROOT, minimalEnv, openTerminal} from '../helpers/terminal.js';

const DIST = path.dirname(CLI);
const KEYS = {NCLOUD_ACCESS_KEY: 'AKIABUNDLETESTKEY001', NCLOUD_SECRET_KEY: 'bundletestsecretbundletestsecret123456'};
const UI_MODULES = /(^|\/)(node_modules\/(ink|ink-select-input|ink-text-input|react|react-reconciler|scheduler|yoga-layout)\/|source\/ui\/)/;
const HTTP_CLIENT = /^(source\/transport\.ts|node_modules\/undici\/)/;
// Object Storage (SigV4, XML): only `regwiz buckets`, --create-bucket and the wizard's bucket list load it.
const OBJECT_STORAGE = /(^|\/)(node_modules\/(aws4|fast-xml-parser)\/|source\/(storage\/|signing\/sigv4|backends\/object-storage))/;

let scratch: string;
let server: http.Server;
let endpoint: string;

beforeAll(async () => {
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-bundle-test-'));
	server = http.createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			response.writeHead(201, {'content-type': 'application/json'});
			response.end('{"returnCode":"201","returnMessage":"Registry Creation is successful"}');
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address() as {port: number};
	endpoint = `http://127.0.0.1:${address.port}/ncr/api/v2`;
});

afterAll(async () => {
	await new Promise(resolve => server.close(resolve));
	fs.rmSync(scratch, {recursive: true, force: true});
});

type Run = {code: number | null; stdout: string; stderr: string};

function run(args: string[], env: Record<string, string>, nodeOptions: string[] = [], cli = CLI): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...nodeOptions, cli, ...args], {env: minimalEnv(env), stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
	});
}

const createArgs = (...extra: string[]) => ['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', endpoint, '--json', ...extra];

const logOptions = (log: string) => ['--log-function-events', `--logfile=${log}`, '--no-logfile-per-isolate'];

/** Runs regwiz with V8's function log and returns the source files whose code ran, and the run. */
async function sourcesThatRan(args: string[], env: Record<string, string>): Promise<{sources: Set<string>; result: Run}> {
	const log = path.join(scratch, `v8-${Math.random().toString(36).slice(2)}.log`);
	const result = await run(args, {REGWIZ_CODE_CACHE: '0', ...env}, logOptions(log));
	return {sources: sourcesInLog(log), result};
}

/** The source files (through dist/app.js.map) of every app.js function V8 logged a first execution of. */
function sourcesInLog(log: string): Set<string> {
	const lines = fs.readFileSync(log, 'utf8').split('\n');
	const appFile = path.join(DIST, 'app.js');
	const scriptId = lines.map(line => line.split(',')).find(fields => fields[0] === 'script-details' && fields[2] === appFile)?.[1];
	expect(scriptId, 'app.js appears in the V8 log').toBeDefined();
	const text = fs.readFileSync(appFile, 'latin1');
	const lineStarts = [0];
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
	const map = new SourceMap(JSON.parse(fs.readFileSync(`${appFile}.map`, 'utf8')));
	const sources = new Set<string>();
	for (const fields of lines.map(line => line.split(','))) {
		if (fields[0] !== 'function' || fields[1] !== 'first-execution' || fields[2] !== scriptId) continue;
		// The offset of the function's start; find its line by bisection.
		const offset = Number(fields[3]);
		let low = 0;
		let high = lineStarts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (lineStarts[middle]! <= offset) low = middle;
			else high = middle - 1;
		}
		const entry = map.findEntry(low, offset - lineStarts[low]!) as {originalSource?: string};
		if (entry.originalSource) sources.add(path.relative(ROOT, path.resolve(DIST, entry.originalSource)).split(path.sep).join('/'));
	}
	fs.rmSync(log, {force: true});
	return sources;
}

const matching = (sources: Set<string>, pattern: RegExp) => [...sources].filter(source => pattern.test(source));

describe('what each command loads', () => {
	it('a dry run evaluates neither React, Ink, yoga nor the UI, nor the HTTP client', async () => {
		const {sources, result} = await sourcesThatRan(createArgs('--dry-run'), {...KEYS, REGWIZ_CONFIG_DIR: path.join(scratch, 'config-dry')});
		expect(result.code, result.stderr).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ok: true, dryRun: true});
		// The method sees the modules that did run.
		expect(sources).toContain('source/cli/main.ts');
		expect(sources).toContain('source/core/create.ts');
		expect(matching(sources, UI_MODULES)).toEqual([]);
		expect(matching(sources, HTTP_CLIENT)).toEqual([]);
		expect(matching(sources, OBJECT_STORAGE)).toEqual([]);
	});

	it('a dry run through a proxy resolves it without the HTTP client', async () => {
		const {sources, result} = await sourcesThatRan(createArgs('--dry-run', '--proxy', 'http://u:bundle-proxy-pass@proxy.invalid:3128'), {
			...KEYS,
			NO_PROXY: '',
			REGWIZ_CONFIG_DIR: path.join(scratch, 'config-dry-proxy'),
		});
		expect(result.code, result.stderr).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ok: true, dryRun: true, proxy: 'http://proxy.invalid:3128'});
		expect(result.stdout).not.toContain('bundle-proxy-pass');
		expect(sources).toContain('source/transport/proxy.ts');
		expect(matching(sources, HTTP_CLIENT)).toEqual([]);
	});

	it('a create that sends loads the transport and undici (its agents and request only), still no React, Ink, yoga or UI', async () => {
		const {sources, result} = await sourcesThatRan(createArgs(), {...KEYS, REGWIZ_CONFIG_DIR: path.join(scratch, 'config-send')});
		expect(result.code, result.stderr).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ok: true, status: 201});
		expect(sources).toContain('source/transport.ts');
		expect(sources).toContain('node_modules/undici/lib/dispatcher/agent.js');
		// Only the request API and the agents: no fetch, WebSocket, caches, mocks or interceptors.
		expect(matching(sources, /node_modules\/undici\/lib\/(web|mock|cache|interceptor)\//)).toEqual([]);
		expect(matching(sources, UI_MODULES)).toEqual([]);
		expect(matching(sources, OBJECT_STORAGE)).toEqual([]);
		// Without --login, nothing of the docker login runs.
		expect(matching(sources, /^source\/(login|cli\/login-output)/)).toEqual([]);
	});

	it('--create-bucket loads Object Storage (signer, XML parser) and still no UI', async () => {
		const {sources, result} = await sourcesThatRan(
			[...createArgs('--dry-run'), '--create-bucket', '--storage-endpoint', 'http://127.0.0.1:9/object-storage'],
			{...KEYS, REGWIZ_CONFIG_DIR: path.join(scratch, 'config-bucket')},
		);
		expect(result.code, result.stderr).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ok: true, dryRun: true, before: [{method: 'HEAD'}, {method: 'PUT'}]});
		expect(matching(sources, /node_modules\/aws4\//).length).toBeGreaterThan(0);
		expect(sources).toContain('source/signing/sigv4.ts');
		expect(matching(sources, UI_MODULES)).toEqual([]);
	});

	it('the wizard does load Ink and the UI (the method sees them when they run)', async () => {
		const log = path.join(scratch, 'v8-wizard.log');
		const term = openTerminal({
			shell: `exec '${process.execPath}' ${logOptions(log).join(' ')} '${CLI}'`,
			env: {REGWIZ_CONFIG_DIR: path.join(scratch, 'config-wizard'), REGWIZ_CODE_CACHE: '0'},
		});
		await term.waitFor('Where should the registry live?');
		// The credentials step offers the sandbox; the emulator starts only when it is chosen.
		await term.press('\r');
		await term.waitFor('Try it in the sandbox first');
		term.write('\u0003');
		await term.exited;
		const sources = sourcesInLog(log);
		expect(matching(sources, /node_modules\/ink\//).length).toBeGreaterThan(0);
		expect(matching(sources, /node_modules\/yoga-layout\//).length).toBeGreaterThan(0);
		expect(sources).toContain('source/ui/run-wizard.tsx');
		expect(matching(sources, /^source\/sandbox\//)).toEqual([]);
		expect(matching(sources, /^source\/login\/container-login/)).toEqual([]);
		// The first frame sends nothing: no HTTP client.
		expect(matching(sources, HTTP_CLIENT)).toEqual([]);
		// The plain front is not paid for by the full one.
		expect(matching(sources, /^source\/ui\/accessible\/(plain-wizard|line-reader)/)).toEqual([]);
	});

	it('the plain (accessible) wizard evaluates neither React, Ink nor yoga, nor the Ink front', async () => {
		const log = path.join(scratch, 'v8-plain.log');
		const term = openTerminal({
			shell: `exec '${process.execPath}' ${logOptions(log).join(' ')} '${CLI}' --accessible`,
			env: {REGWIZ_CONFIG_DIR: path.join(scratch, 'config-plain'), REGWIZ_CODE_CACHE: '0'},
		});
		await term.waitFor('Type a number from 1 to');
		term.write('1\r');
		await term.waitFor('Which credentials?');
		term.write('\u0003');
		expect(await term.exited).toBe(130);
		const sources = sourcesInLog(log);
		expect(sources).toContain('source/ui/accessible/plain-wizard.ts');
		expect(sources).toContain('source/ui/state.ts');
		expect(matching(sources, /(^|\/)node_modules\/(ink|ink-select-input|ink-text-input|react|react-reconciler|scheduler|yoga-layout)\//)).toEqual([]);
		expect(matching(sources, /^source\/ui\/(app|run-wizard|components\/|steps\/|input\/)/)).toEqual([]);
		expect(matching(sources, /^source\/sandbox\//)).toEqual([]);
		// Asking sends nothing: no HTTP client before a request is made.
		expect(matching(sources, HTTP_CLIENT)).toEqual([]);
	});
});

describe('the package', () => {
	it('holds the bin, the program and its CommonJS marker, and no runtime dependency', async () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {dependencies?: object; bin: Record<string, string>};
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.bin.regwiz).toBe('dist/cli.js');
		const packed = await new Promise<string>((resolve, reject) => {
			const child = spawn('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore']});
			let out = '';
			child.stdout.on('data', chunk => (out += chunk));
			child.on('error', reject);
			child.on('close', () => resolve(out));
		});
		const [tarball] = JSON.parse(packed) as Array<{size: number; files: Array<{path: string}>}>;
		const files = tarball!.files.map(file => file.path).sort();
		expect(files).toEqual(expect.arrayContaining(['dist/app.js', 'dist/cli.js', 'dist/package.json', 'package.json']));
		expect(files.filter(file => file.startsWith('dist/'))).toEqual(['dist/app.js', 'dist/cli.js', 'dist/package.json']);
		expect(tarball!.size).toBeLessThan(700 * 1024);
	});
});

describe('the code cache', () => {
	/** A copy of dist/ outside the checkout, where the cache is on by default (as when installed). */
	function installedCopy(): string {
		const folder = fs.mkdtempSync(path.join(scratch, 'installed-'));
		fs.mkdirSync(path.join(folder, 'dist'));
		for (const name of ['cli.js', 'app.js', 'package.json']) fs.copyFileSync(path.join(DIST, name), path.join(folder, 'dist', name));
		return path.join(folder, 'dist', 'cli.js');
	}
	const cacheFiles = (cacheHome: string) => (fs.existsSync(path.join(cacheHome, 'regwiz')) ? fs.readdirSync(path.join(cacheHome, 'regwiz')) : []);

	it('is written once, owner-only, in XDG_CACHE_HOME/regwiz, and used by the next run', async () => {
		const cli = installedCopy();
		const cacheHome = path.join(scratch, 'xdg-written');
		const env = {...KEYS, XDG_CACHE_HOME: cacheHome, REGWIZ_CONFIG_DIR: path.join(scratch, 'config-cache')};
		const first = await run(createArgs('--dry-run'), env, [], cli);
		expect(first.code, first.stderr).toBe(0);
		const files = cacheFiles(cacheHome);
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(/^app-[0-9a-f]{24}-pipe-create-dry\.bin$/);
		const file = path.join(cacheHome, 'regwiz', files[0]!);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(fs.statSync(path.join(cacheHome, 'regwiz')).mode & 0o777).toBe(0o700);
		const written = fs.statSync(file).mtimeMs;
		const second = await run(createArgs('--dry-run'), env, [], cli);
		expect(second.code).toBe(0);
		const request = (output: string) => {
			const {method, url, body} = JSON.parse(output).request as {method: string; url: string; body: string};
			return {method, url, body};
		};
		expect(request(second.stdout)).toEqual(request(first.stdout));
		// Accepted, so not written again.
		expect(fs.statSync(file).mtimeMs).toBe(written);
	});

	it('a damaged cache changes nothing but is replaced', async () => {
		const cli = installedCopy();
		const cacheHome = path.join(scratch, 'xdg-damaged');
		const env = {...KEYS, XDG_CACHE_HOME: cacheHome, REGWIZ_CONFIG_DIR: path.join(scratch, 'config-damaged')};
		expect((await run(createArgs('--dry-run'), env, [], cli)).code).toBe(0);
		const file = path.join(cacheHome, 'regwiz', cacheFiles(cacheHome)[0]!);
		const bytes = fs.readFileSync(file);
		for (let index = 200; index < bytes.length; index += 97) bytes.writeUInt8(bytes.readUInt8(index) ^ 0xff, index);
		fs.writeFileSync(file, bytes);
		const damaged = await run(createArgs('--dry-run'), env, [], cli);
		expect(damaged.code, damaged.stderr).toBe(0);
		expect(JSON.parse(damaged.stdout)).toMatchObject({ok: true, dryRun: true});
		expect(fs.readFileSync(file).equals(bytes)).toBe(false);
		fs.writeFileSync(file, 'not a cache');
		expect((await run(createArgs('--dry-run'), env, [], cli)).code).toBe(0);
	});

	it('never meets bytecode made for another app.js, even of the same length', async () => {
		const cli = installedCopy();
		const cacheHome = path.join(scratch, 'xdg-edited');
		const env = {XDG_CACHE_HOME: cacheHome};
		expect((await run(['--version'], env, [], cli)).stdout).toMatch(/^regwiz \d+\.\d+\.\d+/);
		const appFile = path.join(path.dirname(cli), 'app.js');
		const version = /^regwiz (\S+)/.exec((await run(['--version'], env, [], cli)).stdout)![1]!;
		const edited = fs.readFileSync(appFile, 'latin1').replace(JSON.stringify(version), JSON.stringify('9'.repeat(version.length)));
		fs.writeFileSync(appFile, edited, 'latin1');
		expect((await run(['--version'], env, [], cli)).stdout).toBe(`regwiz ${'9'.repeat(version.length)}\n`);
		// The old version's cache was removed when the new one was written.
		expect(cacheFiles(cacheHome)).toHaveLength(1);
	});

	it('is off in a development checkout unless asked, and REGWIZ_CODE_CACHE=0 turns it off anywhere', async () => {
		const cacheHome = path.join(scratch, 'xdg-off');
		const env = {...KEYS, XDG_CACHE_HOME: cacheHome, REGWIZ_CONFIG_DIR: path.join(scratch, 'config-off')};
		// (From a source tree without .git, dist/cli.js behaves as installed: nothing to check there.)
		if (fs.existsSync(path.join(ROOT, '.git'))) {
			expect((await run(createArgs('--dry-run'), env)).code).toBe(0);
			expect(cacheFiles(cacheHome)).toEqual([]);
		}
		expect((await run(createArgs('--dry-run'), {...env, REGWIZ_CODE_CACHE: '0'}, [], installedCopy())).code).toBe(0);
		expect(cacheFiles(cacheHome)).toEqual([]);
	});
});

describe('bundle-time replacements', () => {
	it('CI=true in a real terminal still shows the wizard (is-in-ci answers false)', async () => {
		const term = openTerminal({cols: 120, rows: 40, env: {CI: 'true', REGWIZ_CONFIG_DIR: path.join(scratch, 'config-ci')}});
		await term.waitFor('Where should the registry live?', 5000);
		term.write('\u0003');
		expect(await term.exited).toBe(130);
	});

	it('DEV=true does not try to start React DevTools', async () => {
		const term = openTerminal({cols: 120, rows: 40, env: {DEV: 'true', REGWIZ_CONFIG_DIR: path.join(scratch, 'config-dev')}});
		await term.waitFor('Where should the registry live?', 5000);
		term.write('\u0003');
		expect(await term.exited).toBe(130);
	});
});
