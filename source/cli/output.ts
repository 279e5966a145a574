import type {CreateResult} from '../core/types.js';
import {displayRequest, resultHeadline, resultLines, safeJson, safeText} from '../present.js';
import type {PlainRequest} from '../backends/types.js';
import type {Paint} from './style.js';
import {t} from '../i18n/index.js';
import {displayWidth, padToWidth} from '../text-width.js';

const pad = (label: string, width: number) => padToWidth(label, width);

export function formatResultText(result: CreateResult, noun: string, style: Paint): string {
	const {tone, title} = resultHeadline(result, noun);
	// The title, URL, lines and advice carry what the server, a profile or the flags said: all through the one rule.
	const mark = tone === 'success' ? style.green(`✓ ${safeText(title)}`) : style.red(`✗ ${safeText(title)}`);
	const lines = resultLines(result);
	const request = t('cli.output.request');
	const width = Math.max(...lines.map(line => displayWidth(line.label)), displayWidth(request)) + 2;
	const out = [style.bold(mark), `  ${pad(request, width)}${result.request.method} ${safeText(result.request.url)}`];
	for (const line of lines) out.push(`  ${pad(line.label, width)}${safeText(line.value)}`);
	if (result.advice.length > 0) {
		out.push('', result.ok ? t('cli.output.next') : t('cli.output.whatToDo'));
		for (const advice of result.advice) out.push(`  ${safeText(advice)}`);
	}
	return `${out.join('\n')}\n`;
}

/** The `--json` object: one per run, on stdout, nothing else there; no control character raw in it. */
export function resultJson(result: CreateResult, extra: Record<string, unknown> = {}): string {
	return `${safeJson({
		ok: result.ok,
		backend: result.backend,
		status: result.outcome?.status ?? null,
		request: result.request,
		response: result.outcome?.body ?? null,
		error: result.error,
		// The service's own code (NCR: 200 the key pair, 210 a subscription or policy), which decides the advice.
		...(result.outcome?.errorCode ? {errorCode: result.outcome.errorCode} : {}),
		...(result.readBack ? {readBack: result.readBack.facts} : {}),
		...(result.failure ? {failure: result.failure.kind} : {}),
		...(result.outcome?.traceId ? {traceId: result.outcome.traceId} : {}),
		...extra,
	})}\n`;
}

function requestLines(request: PlainRequest): string[] {
	const shown = displayRequest(request);
	const out = [`${shown.method} ${safeText(shown.url)}`, ...shown.headers.map(([name, value]) => `${name}: ${safeText(value)}`)];
	if (shown.body !== undefined) out.push('', safeText(shown.body));
	return out;
}

/**
 * `proxy`: the proxy the requests would go through, as transport/proxy.ts describes it (no credentials);
 * `before`: requests sent first (the bucket's HEAD, then its PUT when it does not exist).
 */
export function formatDryRunText(request: PlainRequest, credentialSource: string, style: Paint, proxy?: string, before: readonly PlainRequest[] = []): string {
	const out = [
		style.bold(t('cli.output.dryRun')),
		t('cli.output.credentialsFrom', {source: credentialSource}),
		...(proxy ? [t('cli.output.throughProxy', {proxy})] : []),
		'',
	];
	if (before.length > 0) {
		out.push(t('cli.output.bucketFirst'), '');
		for (const early of before) out.push(...requestLines(early), '');
		out.push(t('cli.output.thenRegistry'), '');
	}
	out.push(...requestLines(request));
	return `${out.join('\n')}\n`;
}

const requestJson = (request: PlainRequest) => {
	const shown = displayRequest(request);
	return {method: shown.method, url: shown.url, headers: Object.fromEntries(shown.headers), body: shown.body ?? null};
};

export function dryRunJson(backend: string, request: PlainRequest, proxy?: string, before: readonly PlainRequest[] = []): string {
	const shown = displayRequest(request);
	return `${safeJson({
		ok: true,
		backend,
		dryRun: true,
		status: null,
		request: {method: shown.method, url: shown.url, headers: Object.fromEntries(shown.headers), body: shown.body ?? null},
		response: null,
		error: null,
		...(proxy ? {proxy} : {}),
		...(before.length > 0 ? {before: before.map(requestJson)} : {}),
	})}\n`;
}
