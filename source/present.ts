// What a person is shown of a request and a result: the one presentation module, used by the plain-text
// output, the plain front and the wizard's panels and review alike.
import {maskSecret} from './mask.js';
import {statusPhrase} from './backends/response.js';
import type {PlainRequest} from './backends/types.js';
import {capitalize, statusAndMessage} from './core/result.js';
import type {CreateResult} from './core/types.js';
import {safeJson, safeText} from './text-safety.js';

// Text that did not come from regwiz is shown through the one rule, source/text-safety.ts: presenters
// take it from here with the rest of what they show.
export {safeJson, safeText};

export type DisplayedRequest = {method: string; url: string; headers: Array<[string, string]>; body?: string};

/** The request as it may be shown: masked access keys, hidden signatures, tokens and Basic values. */
export function displayRequest(request: PlainRequest): DisplayedRequest {
	const headers = Object.entries(request.headers).map(([name, value]): [string, string] => {
		const how = request.redact[name];
		if (how === 'hide') return [name, '(hidden)'];
		// Shown values never carry a control character to the terminal.
		if (how === 'mask') return [name, safeText(maskSecret(value))];
		return [name, safeText(value)];
	});
	return {method: request.method, url: request.url, headers, body: request.body === '' ? undefined : request.body};
}

/** Title and tone of a result, shared by the plain-text output and the wizard's panel. */
export function resultHeadline(result: CreateResult, noun: string): {tone: 'success' | 'refusal' | 'failure'; title: string} {
	if (result.ok) return {tone: 'success', title: `${capitalize(noun)} created`};
	if (result.outcome) {
		const {status, problem} = result.outcome;
		if (status >= 300 && status < 400) return {tone: 'refusal', title: `Redirected: ${status} ${statusPhrase(status)} (not followed)`};
		// A 2xx that is not the service's answer was not refused: it could not be understood; nor is a 1xx.
		if (status < 200 || (status >= 200 && status < 300 && problem)) return {tone: 'refusal', title: `Unexpected answer: ${status} ${statusPhrase(status)}`};
		return {tone: 'refusal', title: `Refused: ${statusAndMessage(result.outcome)}`};
	}
	if (result.failure?.kind === 'cancelled') return {tone: 'failure', title: 'Cancelled'};
	return {tone: 'failure', title: 'No answer'};
}

/** The labelled lines of a result, in the order people read them. */
export function resultLines(result: CreateResult): Array<{label: string; value: string}> {
	const lines: Array<{label: string; value: string}> = [];
	if (result.outcome) {
		const {outcome} = result;
		lines.push({label: 'Status', value: `${outcome.status} ${statusPhrase(outcome.status)}`});
		// A bare status phrase is regwiz's stand-in for a message, already on the Status line.
		if (outcome.message !== '' && outcome.message !== statusPhrase(outcome.status)) lines.push({label: 'Service said', value: outcome.message});
		if (outcome.details) lines.push({label: 'Details', value: outcome.details});
		if (outcome.errorCode) lines.push({label: 'Error code', value: outcome.errorCode});
		if (outcome.problem) lines.push({label: 'Unexpected', value: outcome.problem});
		for (const field of outcome.resource) lines.push(field);
		if (outcome.traceId && !outcome.ok) lines.push({label: 'Trace id', value: `${outcome.traceId}  (quote it to support)`});
	} else if (result.failure) {
		lines.push({label: 'Problem', value: result.failure.message});
	}
	return lines;
}
