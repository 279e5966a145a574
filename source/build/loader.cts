// dist/cli.js: starts regwiz. The program itself is dist/app.js, one classic script (an async function
// wrapping the whole bundle; see .ci/build.mjs) so that it can be compiled with a V8 code cache: Node 20
// has no compile cache for ES modules, and compiling the bundle and the functions a run calls costs
// more than everything else at start-up. This file is CommonJS (dist/package.json says so): an ES module
// entry would make Node load its ES module loader for nothing.
//
// The cache lives in $XDG_CACHE_HOME/regwiz (else ~/.cache/regwiz), one file per kind of run (terminal
// or not, and the command), named after a hash of the program's content, Node's version and options. It
// is written once, at exit, by a run that found none (or an unusable one); it is checked against its own
// checksum before use; any problem means compiling without it, silently. REGWIZ_CODE_CACHE=0 turns it
// off, =1 on; by default it is on, except in a development checkout (a .git beside package.json), so
// that tests write nothing unless asked.
import crypto = require('node:crypto');
import fs = require('node:fs');
import path = require('node:path');
import url = require('node:url');
import vm = require('node:vm');

/** Defined by .ci/build.mjs: false with --without=liftoff. */
declare const REGWIZ_LIFTOFF_ONLY: boolean;
/** Defined by .ci/build.mjs: the SHA-256 of app.js as built. */
declare const REGWIZ_APP_HASH: string;

type Start = (require: NodeJS.Require, importMetaUrl: string) => Promise<void>;

const MAGIC = Buffer.from('regwiz-code-cache-1\n', 'latin1');
const CHECKSUM_BYTES = 20;

const appFile = path.join(__dirname, 'app.js');
// The build checks that app.js is ASCII outside comments: latin1 decodes it exactly, and faster than UTF-8.
const source = fs.readFileSync(appFile, 'latin1');

/** What a run will mostly compile (a terminal or not, the command, a dry run), whether it can draw or send. */
function runKind(argv: string[]): {name: string; draws: boolean; sends: boolean} {
	const command = argv.find(arg => !arg.startsWith('-')) ?? 'wizard';
	const known = ['create', 'profile', 'history', 'sandbox', 'help'].includes(command) ? command : 'wizard';
	const quick = argv.some(arg => ['--help', '-h', '--version', '-v'].includes(arg)) || known === 'help';
	const dry = argv.some(arg => arg === '--dry-run' || arg === '--curl');
	const terminal = process.stdout.isTTY === true;
	return {name: `${terminal ? 'tty' : 'pipe'}-${known}${quick ? '-quick' : ''}${dry ? '-dry' : ''}`, draws: terminal && !quick, sends: !quick && !dry};
}

const kind = runKind(process.argv.slice(2));

// WebAssembly (yoga's layout engine, undici's HTTP parser) stays on V8's baseline compiler: a short-lived
// process otherwise waits at exit (~150 ms here) for optimizing compiles it will never use. Runs that
// neither draw nor send (--help, dry runs without a terminal) skip it and the cost of node:v8. Set before compiling, so that a cache is used
// with the V8 flags it was made with (the kind is part of the cache's name).
if (REGWIZ_LIFTOFF_ONLY && (kind.draws || kind.sends)) (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--liftoff-only');

function cacheEnabled(env: NodeJS.ProcessEnv): boolean {
	const setting = env.REGWIZ_CODE_CACHE?.toLowerCase();
	if (setting === '0' || setting === 'off' || setting === 'false') return false;
	if (setting === '1' || setting === 'on' || setting === 'true') return true;
	return !fs.existsSync(path.join(__dirname, '..', '.git'));
}

function cacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
	if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'regwiz');
	return env.HOME && path.isAbsolute(env.HOME) ? path.join(env.HOME, '.cache', 'regwiz') : undefined;
}

type CodeCache = {data?: Buffer; file?: string; directory?: string};

function openCache(): CodeCache {
	try {
		if (!cacheEnabled(process.env)) return {};
		const directory = cacheDirectory(process.env);
		if (!directory) return {};
		// The build's hash of app.js names this version of the program; its size and time say whether the
		// file is still the one built (an edited app.js must not meet bytecode made for another).
		const stat = fs.statSync(appFile);
		const identity = crypto
			.createHash('sha256')
			.update(`${REGWIZ_APP_HASH}\0${stat.size}\0${stat.mtimeMs}\0${source.length}\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`)
			.digest('hex')
			.slice(0, 24);
		const file = path.join(directory, `app-${identity}-${kind.name}.bin`);
		let data: Buffer | undefined;
		try {
			const stored = fs.readFileSync(file);
			const payload = stored.subarray(MAGIC.length + CHECKSUM_BYTES);
			const checksum = stored.subarray(MAGIC.length, MAGIC.length + CHECKSUM_BYTES);
			if (stored.subarray(0, MAGIC.length).equals(MAGIC) && crypto.createHash('sha1').update(payload).digest().equals(checksum)) data = payload;
		} catch {
			// No cache yet.
		}
		return {data, file, directory};
	} catch {
		return {};
	}
}

/** Writes the cache atomically and owner-only, and removes the caches of other versions of the program. */
function saveCache(cache: CodeCache, script: vm.Script): void {
	const {file, directory} = cache;
	if (!file || !directory) return;
	try {
		const payload = script.createCachedData();
		fs.mkdirSync(directory, {recursive: true, mode: 0o700});
		const temporary = `${file}.${process.pid}.tmp`;
		fs.writeFileSync(temporary, Buffer.concat([MAGIC, crypto.createHash('sha1').update(payload).digest(), payload]), {mode: 0o600});
		fs.renameSync(temporary, file);
		const identity = path.basename(file).split('-')[1];
		for (const name of fs.readdirSync(directory)) {
			if (name.startsWith('app-') && name.split('-')[1] !== identity) fs.rmSync(path.join(directory, name), {force: true});
		}
	} catch {
		// A cache is an optimisation: failing to write one changes nothing else.
	}
}

const cache = openCache();
let script: vm.Script;
try {
	script = new vm.Script(source, {filename: appFile, cachedData: cache.data});
} catch (error) {
	if (!cache.data) throw error;
	// Never let a cache break a run.
	cache.data = undefined;
	script = new vm.Script(source, {filename: appFile});
}
if (cache.file && (!cache.data || script.cachedDataRejected)) process.once('exit', () => saveCache(cache, script));

const start = script.runInThisContext() as Start;
// app.js requires only Node's own modules, which this file's require resolves alike. An unexpected
// failure rejects: Node prints it and exits 1, as it would for an ES module entry.
void start(require, url.pathToFileURL(appFile).href);
