import {spawn} from 'node:child_process';
import {safeText} from '../text-safety.js';
import {t} from '../i18n/index.js';
import {accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';

import type {DockerLogin} from '../backends/types.js';
import type {LoginReport} from './facts.js';

export type {LoginReport};

export const CONTAINER_TOOLS = ['docker', 'podman'] as const;

const LOGIN_TIMEOUT_MS = 60_000;
// The tool's answer is a few lines; more is noise (or a tool gone wrong) and is cut.
const MAX_OUTPUT = 16 * 1024;
const MAX_LINES = 8;

function executable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return statSync(file).isFile();
	} catch {
		return false;
	}
}

/** `name` found on PATH (or a path given as is), as the shell would find it; undefined when absent. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
	if (name.includes('/')) return executable(name) ? name : undefined;
	for (const dir of (env.PATH ?? '').split(path.delimiter)) {
		if (dir === '') continue;
		const candidate = path.join(dir, name);
		if (executable(candidate)) return candidate;
	}
	return undefined;
}

/** REGWIZ_CONTAINER_CLI when set (a name or a path), else docker, else podman. */
export function chooseContainerTool(env: NodeJS.ProcessEnv): {name: string; file?: string} {
	const wanted = env.REGWIZ_CONTAINER_CLI?.trim();
	if (wanted) return {name: path.basename(wanted), file: findOnPath(wanted, env)};
	for (const name of CONTAINER_TOOLS) {
		const file = findOnPath(name, env);
		if (file) return {name, file};
	}
	return {name: 'docker'};
}

/** Lines as a person may see them: control codes gone, the secret never, at most a few. */
export function safeLines(text: string, secret: string): string[] {
	const hidden = secret.length >= 4 ? text.split(secret).join('****') : text;
	const lines = hidden
		.split(/\r?\n|\r/)
		.map(line => safeText(line).trimEnd())
		.filter(line => line.trim() !== '');
	return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), t('login.said.moreLines', {count: lines.length - MAX_LINES})] : lines;
}

/**
 * Runs `TOOL login HOST --username USER --password-stdin`: the secret is written to the tool's stdin and
 * nowhere else (not argv, not the environment, not the screen). Output is captured, never passed through.
 */
export async function containerLogin(login: DockerLogin, options: {env: NodeJS.ProcessEnv; signal?: AbortSignal; timeoutMs?: number}): Promise<LoginReport> {
	const tool = chooseContainerTool(options.env);
	if (!tool.file) return {kind: 'missing', host: login.host, wanted: tool.name};
	const child = spawn(tool.file, ['login', login.host, '--username', login.username, '--password-stdin'], {
		env: options.env,
		stdio: ['pipe', 'pipe', 'pipe'],
		signal: options.signal,
		timeout: options.timeoutMs ?? LOGIN_TIMEOUT_MS,
	});
	let output = '';
	const collect = (chunk: Buffer) => {
		if (output.length < MAX_OUTPUT) output += chunk.toString('utf8');
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	// A tool that exits before reading its stdin must not crash regwiz with EPIPE.
	child.stdin.on('error', () => {});
	child.stdin.end(`${login.secretKey}\n`);
	const ended = await new Promise<{code: number | null; error?: Error}>(resolve => {
		child.once('error', error => resolve({code: null, error}));
		child.once('close', code => resolve({code}));
	});
	const said = safeLines(output, login.secretKey);
	if (ended.error && said.length === 0) said.push(ended.error.name === 'AbortError' ? t('login.said.cancelled') : safeText(ended.error.message));
	if (ended.code === 0) return {kind: 'ok', tool: tool.name, host: login.host, said};
	if (said.length === 0) said.push(ended.code === null ? t('login.said.unfinished', {tool: tool.name}) : t('login.said.exitCode', {tool: tool.name, code: ended.code}));
	return {kind: 'failed', tool: tool.name, host: login.host, said, exitCode: ended.code};
}
