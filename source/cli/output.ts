import {displayRequest, resultHeadline, resultLines, type CreateResult} from '../engine.js';
import type {PlainRequest} from '../backends/types.js';
import type {Paint} from './style.js';
import {safeJson, safeText} from '../text-safety.js';

const pad = (label: string, width: number) => label.padEnd(width);

export function formatResultText(result: CreateResult, noun: string, style: Paint): string {
	const {tone, title} = resultHeadline(result, noun);
	// The title, URL, lines and advice carry what the server, a profile or the flags said: all through the one rule.
	const mark = tone === 'success' ? style.green(`✓ ${safeText(title)}`) : style.red(`✗ ${safeText(title)}`);
	const lines = resultLines(result);
	const width = Math.max(...lines.map(line => line.label.length), 7) + 2;
	const out = [style.bold(mark), `  ${pad('Request', width)}${result.request.method} ${safeText(result.request.url)}`];
	for (const line of lines) out.push(`  ${pad(line.label, width)}${safeText(line.value)}`);
	if (result.advice.length > 0) {
		out.push('', result.ok ? 'Next:' : 'What to do:');
		for (const advice of result.advice) out.push(`  ${safeText(advice)}`);
	}
	return `${out.join('\n')}\n`;
}

/** The `--json` object: one per run, on stdout, nothing else there; no control character raw in it. */
export function resultJson(result: CreateResult, login?: Record<string, unknown>): string {
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
		...(login ? {login} : {}),
	})}\n`;
}

/** `proxy`: the proxy the request would go through, as transport/proxy.ts describes it (no credentials). */
export function formatDryRunText(request: PlainRequest, credentialSource: string, style: Paint, proxy?: string): string {
	const shown = displayRequest(request);
	const out = [
		style.bold('Dry run: nothing was sent.'),
		`Credentials from ${credentialSource}; secrets are not shown.`,
		...(proxy ? [`Through the proxy ${proxy}.`] : []),
		'',
		`${shown.method} ${safeText(shown.url)}`,
		...shown.headers.map(([name, value]) => `${name}: ${safeText(value)}`),
	];
	if (shown.body !== undefined) out.push('', safeText(shown.body));
	return `${out.join('\n')}\n`;
}

export function dryRunJson(backend: string, request: PlainRequest, proxy?: string): string {
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
	})}\n`;
}
