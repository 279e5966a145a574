// Runs the benchmark under plain node: bundles bench/run.ts (packages stay external, resolved from
// node_modules) into bench/.build/run.mjs and imports it. The output sits two folders below the project
// root, like test/helpers/terminal.ts, so the harness finds dist/cli.js the same way.
// Usage: node bench/run.mjs [frame] [typing] [scripted] [package] [--runs N]
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(here, '.build', 'run.mjs');
await build({
	entryPoints: [path.join(here, 'run.ts')],
	outfile,
	bundle: true,
	packages: 'external',
	platform: 'node',
	format: 'esm',
	target: 'node20',
	logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
