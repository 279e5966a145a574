import {displayRequest, resultHeadline, resultLines, type CreateResult} from '../engine.js';
import type {PlainRequest} from '../backends/types.js';
import type {Paint} from './style.js';

const pad = (label: string, width: number) => label.padEnd(width);

export function formatResultText(result: CreateResult, noun: string, style: Paint): string {
	const {tone, title} = resultHeadline(result, noun);
	const mark = tone === 'success' ? style.green(`✓ ${title}`) : style.red(`✗ ${title}`);
	const lines = resultLines(result);
	const width = Math.max(...lines.map(line => line.label.length), 7) + 2;
	const out = [style.bold(mark), `  ${pad('Request', width)}${result.request.method} ${result.request.url}`];
	for (const line of lines) out.push(`  ${pad(line.label, width)}${line.value}`);
	if (result.advice.length > 0) {
		out.push('', result.ok ? 'Next:' : 'What to do:');
		for (const advice of result.advice) out.push(`  ${advice}`);
	}
	return `${out.join('\n')}\n`;
}

/** The `--json` object: one per run, on stdout, nothing else there. */
export function resultJson(result: CreateResult, extra: Record<string, unknown> = {}): string {
	return `${JSON.stringify({
		ok: result.ok,
		backend: result.backend,
		status: result.outcome?.status ?? null,
		request: result.request,
		response: result.outcome?.body ?? null,
		error: result.error,
		...(result.failure ? {failure: result.failure.kind} : {}),
		...(result.outcome?.traceId ? {traceId: result.outcome.traceId} : {}),
		...extra,
	})}\n`;
}

function requestLines(request: PlainRequest): string[] {
	const shown = displayRequest(request);
	const out = [`${shown.method} ${shown.url}`, ...shown.headers.map(([name, value]) => `${name}: ${value}`)];
	if (shown.body !== undefined) out.push('', shown.body);
	return out;
}

/** `before`: requests sent first (the bucket's HEAD, then its PUT when it does not exist). */
export function formatDryRunText(request: PlainRequest, credentialSource: string, style: Paint, before: readonly PlainRequest[] = []): string {
	const out = [style.bold('Dry run: nothing was sent.'), `Credentials from ${credentialSource}; secrets are not shown.`, ''];
	if (before.length > 0) {
		out.push('First, the bucket: HEAD tells whether it exists; PUT creates it only when HEAD answers 404.', '');
		for (const early of before) out.push(...requestLines(early), '');
		out.push('Then the registry:', '');
	}
	out.push(...requestLines(request));
	return `${out.join('\n')}\n`;
}

const requestJson = (request: PlainRequest) => {
	const shown = displayRequest(request);
	return {method: shown.method, url: shown.url, headers: Object.fromEntries(shown.headers), body: shown.body ?? null};
};

export function dryRunJson(backend: string, request: PlainRequest, before: readonly PlainRequest[] = []): string {
	const shown = displayRequest(request);
	return `${JSON.stringify({
		ok: true,
		backend,
		dryRun: true,
		status: null,
		request: {method: shown.method, url: shown.url, headers: Object.fromEntries(shown.headers), body: shown.body ?? null},
		response: null,
		error: null,
		...(before.length > 0 ? {before: before.map(requestJson)} : {}),
	})}\n`;
}
