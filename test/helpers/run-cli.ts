// Runs the built regwiz (node dist/cli.js) as a child process, the way a script would: no terminal,
// a controlled environment, a time bound. Used by the command-line tests.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {inject} from 'vitest';

import {CLI, ROOT} from './paths.js';

export {CLI, ROOT};

export type CliResult = {
	/** The exit code, or null when a signal ended the process. */
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
};

export type RunCliOptions = {
	/** Added to the controlled environment (credentials, NO_COLOR, …). */
	env?: Record<string, string>;
	/** A REGWIZ_CONFIG_DIR to use (e.g. one holding saved profiles); otherwise a fresh empty one. */
	configDir?: string;
	/** Written to stdin, which is then closed; stdin is a pipe, never a terminal. */
	input?: string;
	/** Kill the process and fail after this long (default 15 s). */
	timeoutMs?: number;
};

/** A fresh, empty folder for REGWIZ_CONFIG_DIR; remove it with `dispose`. */
export function makeConfigDir(): {dir: string; dispose: () => void} {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-config-'));
	return {dir, dispose: () => fs.rmSync(dir, {recursive: true, force: true})};
}

/** The parent's environment without anything that could leak in credentials, profiles or CI behaviour. */
function controlledEnv(configDir: string, home: string, extra: Record<string, string>): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (value === undefined) continue;
		if (/^(NCLOUD_|REGISTRYUI_|HARBOR_|REGWIZ_|XDG_|LC_)/.test(name) || name === 'CI' || name === 'NODE_OPTIONS' || name === 'LANG') continue;
		env[name] = value;
	}
	// English unless a test asks for Korean (LANG, --lang), whatever the machine's locale.
	return {...env, LANG: 'C.UTF-8', HOME: home, REGWIZ_CONFIG_DIR: configDir, ...extra};
}

export async function runCli(args: string[], options: RunCliOptions = {}): Promise<CliResult> {
	const buildError = inject('cliBuildError');
	if (buildError) throw new Error(`dist/cli.js could not be built:\n${buildError}`);
	if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: is test/global-setup.ts registered in test/vitest.config.ts?`);

	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-run-'));
	const home = path.join(scratch, 'home');
	fs.mkdirSync(home);
	const configDir = options.configDir ?? path.join(scratch, 'config');
	const timeoutMs = options.timeoutMs ?? 15_000;
	try {
		return await new Promise<CliResult>((resolve, reject) => {
			const child = spawn(process.execPath, [CLI, ...args], {
				cwd: scratch,
				env: controlledEnv(configDir, home, options.env ?? {}),
				stdio: ['pipe', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
			child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`regwiz ${args.join(' ')} did not end within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
			}, timeoutMs);
			child.on('error', error => {
				clearTimeout(timer);
				reject(error);
			});
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				resolve({code, signal, stdout, stderr});
			});
			child.stdin.on('error', () => undefined);
			child.stdin.end(options.input ?? '');
		});
	} finally {
		fs.rmSync(scratch, {recursive: true, force: true});
	}
}
