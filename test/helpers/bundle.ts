import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {build} from 'esbuild';

/** Bundles one TypeScript module into a plain .mjs file, for child processes that plain node must run. */
export async function bundleModule(entry: string): Promise<{file: string; dispose: () => void}> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-bundle-'));
	const file = path.join(dir, `${path.basename(entry).replace(/\.tsx?$/, '')}.mjs`);
	await build({
		entryPoints: [entry],
		outfile: file,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		logLevel: 'silent',
		banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
	});
	return {file, dispose: () => fs.rmSync(dir, {recursive: true, force: true})};
}
