// The performance benchmark: every figure is measured beside bare node in the same run, in a minimal
// environment (PATH, HOME, TERM and what the command needs; never the caller's NODE_OPTIONS,
// NODE_EXTRA_CA_CERTS, CI…), and reported as the median of RUNS runs with its ratio to the baseline.
// It measures and prints; it never fails on a figure. Run with `npm run bench` (builds first).
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {CLI, ROOT, minimalEnv, openTerminal, type Terminal} from '../test/helpers/terminal.js';

const argv = process.argv.slice(2);
const runsIndex = argv.indexOf('--runs');
const RUNS = Math.max(3, runsIndex >= 0 ? Number(argv[runsIndex + 1]) : 11);
const WARMUP = 2;
const sections = new Set(argv.filter((arg, index) => !arg.startsWith('-') && argv[index - 1] !== '--runs'));
const wanted = (name: string) => sections.size === 0 || sections.has(name);

const NODE = process.execPath;
const MARKER = 'Where should the registry live?';
const TIME_BIN = ['/usr/bin/time', '/bin/time'].find(file => fs.existsSync(file));
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

// A private HOME and config folder: nothing the runs write (profiles, the code cache) lands in the
// caller's home. In a development checkout regwiz writes no code cache unless asked: the benchmark asks
// (REGWIZ_CODE_CACHE=1), as an installed copy does by default, and also measures runs without it.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-bench-'));
const HOME = path.join(scratch, 'home');
const CONFIG = path.join(scratch, 'config');
fs.mkdirSync(HOME);
const baseEnv = {HOME, REGWIZ_CONFIG_DIR: CONFIG, REGWIZ_CODE_CACHE: '1'};
const noCacheEnv = {...baseEnv, REGWIZ_CODE_CACHE: '0'};
const keys = {NCLOUD_ACCESS_KEY: 'AKIABENCHBENCHBENCH1', NCLOUD_SECRET_KEY: 'benchsecretbenchsecretbenchsecret12345'};
const keysEnv = {...baseEnv, ...keys};
const keysNoCacheEnv = {...noCacheEnv, ...keys};

type Row = {figure: string; value: string; baseline: string; ratio: string; target: string};
const rows: Row[] = [];

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

function addPair(figure: string, values: number[], baselines: number[], format: (value: number) => string, target: string) {
	const value = median(values);
	const baseline = median(baselines);
	rows.push({figure, value: format(value), baseline: format(baseline), ratio: `${(value / baseline).toFixed(2)}×`, target});
}

/** Bash-free quoting for `sh -c`: every argument in single quotes. */
const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/** Polls the screen every millisecond (the harness's waitFor polls every 15 ms: too coarse to time a 30 ms start). */
async function until(term: Terminal, expected: string, timeoutMs = 10_000): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (!term.screen().includes(expected)) {
		if (performance.now() > deadline) throw new Error(`Timed out waiting for ${JSON.stringify(expected)}. Screen:\n${term.screen()}`);
		await sleep(1);
	}
}

function peakKb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
}

/** Quits as a person would (Ctrl-C: regwiz exits and may save its code cache), then makes sure. */
async function close(term: Terminal): Promise<void> {
	term.write('\u0003');
	await Promise.race([term.exited, sleep(2000)]);
	term.kill('SIGKILL');
	await Promise.race([term.exited, sleep(1000)]);
}

/** Spawns a command in a 120×40 pty; returns the time until `expected` is on screen and the peak RSS then. */
async function timeToScreen(command: string[], env: Record<string, string>, expected = MARKER): Promise<{ms: number; kb: number}> {
	const start = performance.now();
	const term = openTerminal({shell: `exec ${command.map(quote).join(' ')}`, cols: 120, rows: 40, env});
	try {
		await until(term, expected);
		const elapsed = performance.now() - start;
		return {ms: elapsed, kb: peakKb(term.pid)};
	} finally {
		await close(term);
	}
}

async function firstFrame() {
	// The baseline prints the same words, then stays alive so that its peak RSS can be read.
	const bare = [NODE, '-e', `process.stdout.write(${JSON.stringify(MARKER)}); setTimeout(() => {}, 10000)`];
	const app = [NODE, CLI];
	const times: number[] = [];
	const coldTimes: number[] = [];
	const bareTimes: number[] = [];
	const peaks: number[] = [];
	const barePeaks: number[] = [];
	for (let run = 0; run < WARMUP + RUNS; run++) {
		const measured = await timeToScreen(app, baseEnv);
		const cold = await timeToScreen(app, noCacheEnv);
		const baseline = await timeToScreen(bare, baseEnv);
		if (run < WARMUP) continue;
		times.push(measured.ms);
		coldTimes.push(cold.ms);
		peaks.push(measured.kb);
		bareTimes.push(baseline.ms);
		barePeaks.push(baseline.kb);
	}
	addPair('first frame (pty 120×40)', times, bareTimes, ms, '≤ 3.0×');
	addPair('  same, without code cache', coldTimes, bareTimes, ms, '');
	addPair('peak RSS, interactive at first frame', peaks, barePeaks, mb, '≤ 1.6×');
}

async function typing() {
	const paste = (run: number) => `${String(run).padStart(2, '0')}${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'}`.slice(0, 64);
	// Baseline: a raw-mode echo in plain node.
	const echo = [NODE, '-e', `process.stdin.setRawMode(true); process.stdout.write("ready"); process.stdin.on("data", d => process.stdout.write(d))`];
	const times: number[] = [];
	const bareTimes: number[] = [];
	for (let run = 0; run < WARMUP + RUNS; run++) {
		const text = paste(run);
		const term = openTerminal({args: [], cols: 120, rows: 40, env: baseEnv});
		try {
			// Backend (first entry) → credentials (“New credentials…”) → site (first entry) → the Access key field.
			await until(term, MARKER);
			// Ink subscribes to input in an effect just after the first frame: give it a moment.
			await sleep(150);
			term.write('\r');
			await term.waitFor('Which credentials?');
			term.write('\r');
			await term.waitFor('Site');
			term.write('\r');
			await term.waitFor('Access key');
			await sleep(30);
			const start = performance.now();
			term.write(text);
			await until(term, text, 5000);
			if (run >= WARMUP) times.push(performance.now() - start);
		} finally {
			await close(term);
		}
		const bare = openTerminal({shell: `exec ${echo.map(quote).join(' ')}`, cols: 120, rows: 40, env: baseEnv});
		try {
			await until(bare, 'ready');
			await sleep(30);
			const start = performance.now();
			bare.write(text);
			await until(bare, text, 5000);
			if (run >= WARMUP) bareTimes.push(performance.now() - start);
		} finally {
			await close(bare);
		}
	}
	addPair('typing: 64-char paste visible', times, bareTimes, ms, '≤ 50 ms');
}

type Finished = {ms: number; code: number | null; stdout: string; stderr: string};

function runProcess(command: string[], env: Record<string, string>): Promise<Finished> {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(command[0]!, command.slice(1), {env: minimalEnv(env), stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('exit', code => {
			const elapsed = performance.now() - start;
			child.on('close', () => resolve({ms: elapsed, code, stdout, stderr}));
		});
	});
}

/** Peak RSS in KB: through time(1) when present, else through a preload that reads VmHWM as the process exits. */
async function peakOf(command: string[], env: Record<string, string>): Promise<number> {
	const report = path.join(scratch, 'peak.txt');
	fs.rmSync(report, {force: true});
	let wrapped: string[];
	if (TIME_BIN) {
		wrapped = [TIME_BIN, '-f', '%M', '-o', report, ...command];
	} else {
		const hook = `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, /VmHWM:\\s+(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]))`;
		wrapped = [command[0]!, '-r', writeHook(hook), ...command.slice(1)];
	}
	const finished = await runProcess(wrapped, env);
	if (finished.code !== 0) throw new Error(`${command.join(' ')} exited ${finished.code}: ${finished.stderr}`);
	return Number(fs.readFileSync(report, 'utf8').trim().split('\n').at(-1));
}

function writeHook(source: string): string {
	const file = path.join(scratch, 'peak-hook.cjs');
	fs.writeFileSync(file, source);
	return file;
}

async function startServer(): Promise<{port: number; requests: () => number; close: () => Promise<void>}> {
	let count = 0;
	const server = http.createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			count++;
			// A create is the POST and its read-back (the registry list, where NCR reports the endpoints).
			if (request.method === 'GET') {
				response.writeHead(200, {'content-type': 'application/json'});
				response.end('{"count":1,"next":null,"previous":null,"results":[{"name":"team-a","bucket":"team-a-images","end_point":"team-a.kr.ncr.ntruss.com","end_point_enabled":true}]}');
				return;
			}
			response.writeHead(201, {'content-type': 'application/json'});
			response.end('{"returnCode":"201","returnMessage":"Registry Creation is successful"}');
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('no server address');
	return {port: address.port, requests: () => count, close: () => new Promise(resolve => server.close(() => resolve()))};
}

async function scripted() {
	const server = await startServer();
	try {
		const endpoint = `http://127.0.0.1:${server.port}/ncr/api/v2`;
		const create = [NODE, CLI, 'create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', endpoint, '--json'];
		const dryRun = [...create, '--dry-run'];
		const bare = [NODE, '-e', '0'];

		// Prove once that both commands do what they should before timing them.
		const dry = await runProcess(dryRun, keysEnv);
		if (dry.code !== 0 || !dry.stdout.includes('"dryRun":true')) throw new Error(`dry run failed (${dry.code}): ${dry.stdout}${dry.stderr}`);
		const before = server.requests();
		const real = await runProcess(create, keysEnv);
		if (real.code !== 0 || server.requests() !== before + 2 || !real.stdout.includes('"confirmed":true')) throw new Error(`create failed (${real.code}): ${real.stdout}${real.stderr}`);

		const times = {dry: [] as number[], dryCold: [] as number[], real: [] as number[], realCold: [] as number[], bare: [] as number[]};
		const peaks = {dry: [] as number[], real: [] as number[], bare: [] as number[]};
		for (let run = 0; run < WARMUP + RUNS; run++) {
			const dryTime = (await runProcess(dryRun, keysEnv)).ms;
			const dryColdTime = (await runProcess(dryRun, keysNoCacheEnv)).ms;
			const realTime = (await runProcess(create, keysEnv)).ms;
			const realColdTime = (await runProcess(create, keysNoCacheEnv)).ms;
			const bareTime = (await runProcess(bare, keysEnv)).ms;
			const dryPeak = await peakOf(dryRun, keysEnv);
			const realPeak = await peakOf(create, keysEnv);
			const barePeak = await peakOf(bare, keysEnv);
			if (run < WARMUP) continue;
			times.dry.push(dryTime);
			times.dryCold.push(dryColdTime);
			times.real.push(realTime);
			times.realCold.push(realColdTime);
			times.bare.push(bareTime);
			peaks.dry.push(dryPeak);
			peaks.real.push(realPeak);
			peaks.bare.push(barePeak);
		}
		addPair('scripted create --dry-run --json', times.dry, times.bare, ms, '≤ 2.0×');
		addPair('  same, without code cache', times.dryCold, times.bare, ms, '');
		addPair('scripted create to loopback (201)', times.real, times.bare, ms, '≤ 2.8×');
		addPair('  same, without code cache', times.realCold, times.bare, ms, '');
		addPair('peak RSS, scripted --dry-run', peaks.dry, peaks.bare, mb, '≤ 1.3×');
		addPair('peak RSS, scripted create', peaks.real, peaks.bare, mb, '≤ 1.3×');
	} finally {
		await server.close();
	}
}

function packageFigures() {
	const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>};
	const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})) as Array<{
		size: number;
		unpackedSize: number;
		entryCount: number;
	}>;
	const tarball = packed[0]!;
	rows.push({figure: 'npm pack tarball', value: `${(tarball.size / 1024).toFixed(0)} KB`, baseline: `${tarball.entryCount} files, ${(tarball.unpackedSize / 1024).toFixed(0)} KB unpacked`, ratio: '', target: '≤ 700 KB'});
	const dependencies = Object.keys(manifest.dependencies ?? {});
	rows.push({figure: 'runtime dependencies installed', value: String(dependencies.length), baseline: dependencies.join(', '), ratio: '', target: '0'});
}

function printTable() {
	const header: Row = {figure: 'figure', value: 'regwiz (median)', baseline: 'bare node (median)', ratio: 'ratio', target: 'target'};
	const columns = Object.keys(header) as Array<keyof Row>;
	const widths = columns.map(column => Math.max(...[header, ...rows].map(row => row[column].length)));
	const line = (row: Row) => `| ${columns.map((column, index) => row[column].padEnd(widths[index]!)).join(' | ')} |`;
	console.log(line(header));
	console.log(`|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`);
	for (const row of rows) console.log(line(row));
}

const started = performance.now();
const distSizes = fs
	.readdirSync(path.dirname(CLI))
	.map(name => `${name} ${(fs.statSync(path.join(path.dirname(CLI), name)).size / 1024).toFixed(0)} KB`)
	.join(', ');
console.log(`regwiz benchmark: node ${process.version}, ${os.cpus().length} CPUs, ${RUNS} runs each (after ${WARMUP} warm-up runs); dist: ${distSizes}`);
try {
	if (wanted('frame')) await firstFrame();
	if (wanted('typing')) await typing();
	if (wanted('scripted')) await scripted();
	if (wanted('package')) packageFigures();
} catch (error) {
	console.error(`bench: ${(error as Error).stack ?? String(error)}`);
	process.exitCode = 1;
} finally {
	printTable();
	console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
	fs.rmSync(scratch, {recursive: true, force: true});
}
