// Runs a TypeScript script under plain node: bundles it (packages stay external, resolved from
// node_modules) into a sibling .build/ folder and imports it, passing the remaining arguments on.
// Usage: node .ci/run-ts.mjs path/to/script.ts [args...]
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const entry = path.resolve(process.argv[2] ?? '');
const outfile = path.join(path.dirname(entry), '.build', `${path.basename(entry, '.ts')}.mjs`);
await build({entryPoints: [entry], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning'});
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
