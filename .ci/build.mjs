// Bundles cli.tsx into one executable ESM file, dist/cli.js. `--if-stale` skips the work when the
// bundle is newer than every source file (used by `npm start`).
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'cli.js');

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

if (process.argv.includes('--if-stale') && fs.existsSync(outfile) && fs.statSync(outfile).mtimeMs >= newestSource()) {
	process.exit(0);
}

const {build} = await import('esbuild');
const emptyModule = path.join(root, 'source', 'build', 'empty-module.js');

await build({
	entryPoints: [path.join(root, 'cli.tsx')],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	legalComments: 'none',
	define: {
		'process.env.NODE_ENV': '"production"',
		REGWIZ_VERSION: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version),
	},
	// ink's devtools file imports react-devtools-core statically; it is never used at run time.
	alias: {'react-devtools-core': emptyModule},
	banner: {
		js: [
			'#!/usr/bin/env node',
			// Bundled CommonJS parts call require(); ESM has none.
			"import {createRequire as __regwizCreateRequire} from 'node:module';",
			'const require = __regwizCreateRequire(import.meta.url);',
		].join('\n'),
	},
	logLevel: 'warning',
});
fs.chmodSync(outfile, 0o755);
