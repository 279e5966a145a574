// Builds the program people install, everything bundled in (no runtime dependency):
//   dist/app.js  the whole program (cli.tsx and every library) as one classic script: an async function
//                taking `require` and the file's URL, so that V8 can compile it with a code cache;
//   dist/cli.js  the bin: a small CommonJS file (dist/package.json says so) that compiles app.js with
//                that cache and runs it (source/build/loader.cts).
// `--if-stale` skips the work when both are newer than every source file (used by `npm start`, tests).
// `--without=a,b` leaves start-up levers out, to measure what each one pays (`npm run bench`).
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import {builtinModules} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const appFile = path.join(dist, 'app.js');
const cliFile = path.join(dist, 'cli.js');
const scopeFile = path.join(dist, 'package.json');
const mapFile = `${appFile}.map`;

function newestSource() {
	let newest = 0;
	const visit = entry => {
		const stat = fs.statSync(entry);
		if (stat.isDirectory()) {
			for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
		} else newest = Math.max(newest, stat.mtimeMs);
	};
	for (const entry of ['cli.tsx', 'source', 'package.json', 'package-lock.json', '.ci/build.mjs']) {
		if (fs.existsSync(path.join(root, entry))) visit(path.join(root, entry));
	}
	return newest;
}

if (process.argv.includes('--if-stale')) {
	const newest = newestSource();
	if ([appFile, mapFile, cliFile, scopeFile].every(file => fs.existsSync(file) && fs.statSync(file).mtimeMs >= newest)) process.exit(0);
}

// Start-up levers; README's "Performance" section gives what each one measured.
const LEVERS = ['minify', 'undici-request', 'string-width', 'yoga-fetch', 'not-in-ci', 'liftoff', 'lazy-builtins', 'lazy-segmenter', 'yoga-base64', 'no-perf-hooks'];
const without = new Set((process.argv.find(arg => arg.startsWith('--without='))?.slice('--without='.length) ?? '').split(',').filter(Boolean));
for (const name of without) if (!LEVERS.includes(name)) throw new Error(`Unknown lever ${name}; known: ${LEVERS.join(', ')}`);
const use = name => !without.has(name);

const {build} = await import('esbuild');
const buildDir = path.join(root, 'source', 'build');

const alias = {};
// ink measures every string; string-width builds an Intl.Segmenter and an RGI_Emoji regex when loaded.
if (use('string-width')) alias['string-width'] = path.join(buildDir, 'string-width.ts');
// With CI set, Ink draws only the last frame; regwiz mounts Ink only in a terminal, where that is wrong.
if (use('not-in-ci')) alias['is-in-ci'] = path.join(buildDir, 'not-in-ci.js');

// Every substitution below (alias, lazy builtin, resolver, patch) counts what it matched: one that matched
// nothing means a library moved or renamed a file, and the lever would silently stop working.
const hits = new Map();
const expect = what => {
	if (!hits.has(what)) hits.set(what, 0);
};
const hit = what => hits.set(what, (hits.get(what) ?? 0) + 1);
for (const name of Object.keys(alias)) expect(`alias ${name}`);

const builtins = new Set(builtinModules);
// Builtins a module loads at start-up for a path regwiz never or rarely takes: it gets functions that
// load the builtin when first called.
const lazyBuiltins = [
	// terminal-size (in Ink) runs tput or resize only when the terminal does not report its size.
	{importer: /[\\/]terminal-size[\\/]/, module: 'child_process', functions: ['execFileSync'], lever: 'lazy-builtins'},
	// undici's client-h2 loads node:http2 (and tls, ~5 ms) for HTTP/2, which regwiz never enables: it gets
	// the constants it reads at load (taken at build time) and a connect that loads http2 when called.
	{importer: /[\\/]undici[\\/]/, module: 'http2', values: ['constants'], functions: ['connect'], lever: 'undici-request'},
	// undici reads node:http (which loads Node's whole HTTP client and server) only for the default
	// header limit and to recognise an IncomingMessage body, which regwiz never passes.
	{importer: /[\\/]undici[\\/]/, module: 'http', values: ['maxHeaderSize'], functions: ['IncomingMessage'], lever: 'undici-request'},
];
for (const entry of lazyBuiltins) if (use(entry.lever)) expect(`lazy builtin ${entry.module} in ${entry.importer.source}`);
expect('resolver ink-without-devtools');
const plugins = [
	{
		// Aliases as a resolver, so that each one counts its hits.
		name: 'aliases',
		setup(pluginBuild) {
			const names = Object.keys(alias);
			if (names.length === 0) return;
			const filter = new RegExp(`^(${names.map(name => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
			pluginBuild.onResolve({filter}, args => {
				hit(`alias ${args.path}`);
				return {path: alias[args.path]};
			});
		},
	},
	{
		// ink imports its React DevTools bridge (ws, react-devtools-core) when DEV=true. regwiz ships without
		// it: an empty module there means DEV=true in someone's environment changes nothing.
		name: 'ink-without-devtools',
		setup(pluginBuild) {
			pluginBuild.onResolve({filter: /^\.\/devtools\.js$/}, args => {
				if (!/[\\/]ink[\\/]build$/.test(args.resolveDir)) return undefined;
				hit('resolver ink-without-devtools');
				return {path: path.join(buildDir, 'empty-module.js')};
			});
		},
	},
	{
		// app.js is a script, where `import` statements cannot be: Node's own modules become require() calls
		// (through the `require` the loader passes in).
		name: 'builtins-as-require',
		setup(pluginBuild) {
			pluginBuild.onResolve({filter: /.*/}, args => {
				if (args.namespace === 'builtin') return {path: args.path, external: true};
				const name = args.path.replace(/^node:/, '');
				if (!builtins.has(name)) return undefined;
				const lazy = lazyBuiltins.find(entry => entry.module === name && entry.importer.test(args.importer));
				if (lazy && use(lazy.lever)) {
					hit(`lazy builtin ${lazy.module} in ${lazy.importer.source}`);
					return {path: `node:${name}`, namespace: 'lazy-builtin', pluginData: lazy};
				}
				return {path: `node:${name}`, namespace: 'builtin'};
			});
			pluginBuild.onLoad({filter: /.*/, namespace: 'builtin'}, args => ({contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js'}));
			pluginBuild.onResolve({filter: /.*/, namespace: 'lazy-builtin'}, args => ({path: args.path, external: true}));
			pluginBuild.onLoad({filter: /.*/, namespace: 'lazy-builtin'}, async args => {
				const {values = [], functions} = args.pluginData;
				const real = values.length > 0 ? await import(args.path) : {};
				const lines = values.map(key => `exports.${key} = ${JSON.stringify(real[key])};`);
				for (const key of functions) lines.push(`exports.${key} = (...args) => require(${JSON.stringify(args.path)}).${key}(...args);`);
				return {contents: lines.join('\n'), loader: 'js'};
			});
		},
	},
];
if (use('undici-request')) {
	// The transport needs undici's Agent, ProxyAgent and request, not its fetch, WebSocket, caches and mocks.
	// (A plugin, not an alias: an alias would also redirect the deep `undici/lib/…` imports of the stand-in.)
	plugins.push({
		name: 'undici-request-only',
		setup(pluginBuild) {
			pluginBuild.onResolve({filter: /^undici$/}, () => ({path: path.join(buildDir, 'undici-request.js')}));
		},
	});
}
// Library files rewritten at bundle time, each change tied to its lever; package.json pins each patched
// package to an exact version (ink and, through `overrides`, its dependencies). The build fails if the text a
// change replaces is gone (a new version of the library): check the lever against it then.
const segmenterImport = `import {graphemeSegmenter as regwizGraphemeSegmenter} from ${JSON.stringify(path.join(buildDir, 'grapheme-segmenter.ts'))};\n`;
const libraryPatches = [
	{
		file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
		changes: [
			// yoga's Emscripten loader tests `typeof fetch`; reading the global makes Node load its own bundled
			// undici (~15 ms). The WebAssembly is inline (base64), so fetch is never needed: "not a function".
			{lever: 'yoga-fetch', from: 'typeof fetch', to: 'typeof undefined'},
			// It decodes that base64 through atob (a JavaScript loop in Node 20) and copies it character by
			// character: ~3 ms. Buffer decodes the same bytes natively.
			{
				lever: 'yoga-base64',
				from: 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
				to: 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))',
			},
		],
	},
	// Ink's two ANSI tokenizers each build an Intl.Segmenter when loaded and cut every line of every frame
	// with it: ~12 ms of ICU set-up before the first frame, for text that is almost always one cluster per
	// code point. source/build/grapheme-segmenter.ts gives the same segments and makes a real one on need.
	{
		file: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
		prepend: segmenterImport,
		changes: [{lever: 'lazy-segmenter', from: 'new Intl.Segmenter(undefined, { granularity: "grapheme" })', to: 'regwizGraphemeSegmenter'}],
	},
	{
		file: /slice-ansi[\\/]tokenize-ansi\.js$/,
		prepend: segmenterImport,
		changes: [{lever: 'lazy-segmenter', from: "new Intl.Segmenter(undefined, {granularity: 'grapheme'})", to: 'regwizGraphemeSegmenter'}],
	},
	// Reading the global `performance` makes Node 20 load perf_hooks (~4 ms). React's scheduler reads it when
	// loaded, and Ink to time each render for an onRender callback regwiz does not pass; Date serves both
	// (the scheduler's own fallback; its 5 ms time slices need no finer clock).
	{
		file: /scheduler[\\/]cjs[\\/]scheduler\.production\.js$/,
		changes: [{lever: 'no-perf-hooks', from: '"object" === typeof performance && "function" === typeof performance.now', to: 'false'}],
	},
	{
		file: /ink[\\/]build[\\/]ink\.js$/,
		changes: [{lever: 'no-perf-hooks', from: 'performance.now()', to: 'Date.now()'}],
	},
];
for (const {file, changes, prepend = ''} of libraryPatches) {
	const wanted = changes.filter(change => use(change.lever));
	if (wanted.length === 0) continue;
	expect(`patch ${file.source}`);
	plugins.push({
		name: `patch ${file.source}`,
		setup(pluginBuild) {
			pluginBuild.onLoad({filter: file}, async args => {
				hit(`patch ${file.source}`);
				let source = await fs.promises.readFile(args.path, 'utf8');
				for (const {lever, from, to} of wanted) {
					const patched = source.replaceAll(from, to);
					if (patched === source) throw new Error(`${lever}: no ${JSON.stringify(from)} in ${args.path}; check this lever against the new version`);
					source = patched;
				}
				return {contents: `${prepend}${source}`, loader: 'js', resolveDir: path.dirname(args.path)};
			});
		},
	});
}
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const app = await build({
	entryPoints: [path.join(root, 'cli.tsx')],
	outfile: appFile,
	write: false,
	// For tools and test/build/bundle.test.ts (which module ran); not in the package.
	sourcemap: 'external',
	metafile: true,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minify: use('minify'),
	legalComments: 'none',
	charset: 'ascii',
	define: {
		'process.env.NODE_ENV': '"production"',
		REGWIZ_VERSION: JSON.stringify(version),
		'import.meta.url': '__regwizImportMetaUrl',
	},
	plugins,
	logLevel: 'warning',
});

const unmatched = [...hits].filter(([, count]) => count === 0).map(([what]) => what);
if (unmatched.length > 0) throw new Error(`Bundle substitutions that matched nothing (a library moved a file? check each against the installed version): ${unmatched.join('; ')}`);

// The script must hold nothing only a module may: no import or export statement, no import(), no
// import.meta (a dynamic import in a vm.Script fails at run time, not here).
const output = Object.entries(app.metafile.outputs).find(([file]) => file.endsWith('app.js'))[1];
const moduleOnly = output.imports.filter(entry => entry.kind !== 'require-call' || !entry.path.startsWith('node:'));
const code = app.outputFiles.find(file => file.path === appFile).text;
const map = JSON.parse(app.outputFiles.find(file => file.path === mapFile).text);
if (moduleOnly.length > 0 || output.exports.length > 0) {
	throw new Error(`app.js must be a script, but the bundle ${output.exports.length > 0 ? 'exports' : 'imports'} ${moduleOnly.map(entry => `${entry.kind} ${entry.path}`).join(', ')}`);
}
// Comments may mention import(): look at the code without them.
const {transform} = await import('esbuild');
const bare = use('minify') ? code : (await transform(code, {minifyWhitespace: true, legalComments: 'none', format: 'esm'})).code;
for (const [pattern, what] of [[/\bimport\s*\(/, 'an import() call'], [/\bimport\.meta\b/, 'import.meta']]) {
	const found = pattern.exec(bare);
	if (found) throw new Error(`app.js must be a script, but the bundle holds ${what}: …${bare.slice(Math.max(0, found.index - 80), found.index + 80)}…`);
}
// The loader reads app.js as latin1 (faster than UTF-8): exact for ASCII code; comments do not matter.
if (/[^\x00-\x7F]/.test(bare)) throw new Error('app.js must be ASCII outside comments (the loader reads it as latin1)');

fs.mkdirSync(dist, {recursive: true});
const script = `(async function (require, __regwizImportMetaUrl) {"use strict";\n${code}\n})\n`;
fs.writeFileSync(appFile, script);
// The wrapper adds one line before the bundle: the map starts one line later.
fs.writeFileSync(mapFile, JSON.stringify({...map, mappings: `;${map.mappings}`}));

// The bin is CommonJS: an ES module entry costs Node its ES module loader.
fs.writeFileSync(scopeFile, `${JSON.stringify({type: 'commonjs'}, null, '\t')}\n`);
await build({
	entryPoints: [path.join(buildDir, 'loader.cts')],
	outfile: cliFile,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	legalComments: 'none',
	define: {
		REGWIZ_LIFTOFF_ONLY: String(use('liftoff')),
		// Names the code cache: bytecode made for one app.js is never offered to another.
		REGWIZ_APP_HASH: JSON.stringify(createHash('sha256').update(script).digest('hex')),
	},
	banner: {js: '#!/usr/bin/env node'},
	logLevel: 'warning',
});
fs.chmodSync(cliFile, 0o755);
