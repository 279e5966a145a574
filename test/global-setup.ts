// Builds dist/cli.js once per test run when it is missing or older than the sources, so the
// command-line tests run the program people install. A failed build does not stop the unit tests:
// it is handed to runCli, which fails each command-line test with the build's own message.
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {TestProject} from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Why `node .ci/build.mjs --if-stale` failed, or null when dist/cli.js is current. */
		cliBuildError: string | null;
	}
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default function setup(project: TestProject): void {
	try {
		execFileSync(process.execPath, [path.join(root, '.ci', 'build.mjs'), '--if-stale'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			timeout: 180_000,
		});
		project.provide('cliBuildError', null);
	} catch (error) {
		const {stderr, message} = error as {stderr?: Buffer; message: string};
		project.provide('cliBuildError', `${message}\n${stderr?.toString('utf8') ?? ''}`.trim());
	}
}
