// What a person is shown of a request and a result: the one presentation module, used by the plain-text
// output, the plain front and the wizard's panels and review alike.
import {maskSecret} from './mask.js';
import {t} from './i18n/index.js';
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
		if (how === 'hide') return [name, t('core.request.hidden')];
		// Shown values never carry a control character to the terminal.
		if (how === 'mask') return [name, safeText(maskSecret(value))];
		return [name, safeText(value)];
	});
	return {method: request.method, url: request.url, headers, body: request.body === '' ? undefined : request.body};
}

/** Title and tone of a result, shared by the plain-text output and the wizard's panel. */
export function resultHeadline(result: CreateResult, noun: string): {tone: 'success' | 'refusal' | 'failure'; title: string} {
	if (result.ok) return {tone: 'success', title: t('core.headline.created', {noun: capitalize(noun)})};
	if (result.outcome) {
		const {status, problem} = result.outcome;
		if (status >= 300 && status < 400) return {tone: 'refusal', title: t('core.headline.redirected', {status, phrase: statusPhrase(status)})};
		// A 2xx that is not the service's answer was not refused: it could not be understood; nor is a 1xx.
		if (status < 200 || (status >= 200 && status < 300 && problem)) return {tone: 'refusal', title: t('core.headline.unexpected', {status, phrase: statusPhrase(status)})};
		return {tone: 'refusal', title: t('core.headline.refused', {sentence: statusAndMessage(result.outcome)})};
	}
	if (result.failure?.kind === 'cancelled') return {tone: 'failure', title: t('core.headline.cancelled')};
	return {tone: 'failure', title: t('core.headline.noAnswer')};
}

/** The labelled lines of a result, in the order people read them. */
export function resultLines(result: CreateResult): Array<{label: string; value: string}> {
	const lines: Array<{label: string; value: string}> = [];
	if (result.outcome) {
		const {outcome} = result;
		lines.push({label: t('core.line.status'), value: `${outcome.status} ${statusPhrase(outcome.status)}`});
		// A bare status phrase is regwiz's stand-in for a message, already on the Status line.
		if (outcome.message !== '' && outcome.message !== statusPhrase(outcome.status)) lines.push({label: t('core.line.serviceSaid'), value: outcome.message});
		if (outcome.details) lines.push({label: t('core.line.details'), value: outcome.details});
		if (outcome.errorCode) lines.push({label: t('core.line.errorCode'), value: outcome.errorCode});
		if (outcome.problem) lines.push({label: t('core.line.unexpected'), value: outcome.problem});
		for (const field of outcome.resource) lines.push(field);
		if (outcome.traceId && !outcome.ok) lines.push({label: t('core.line.traceId'), value: t('core.line.traceIdValue', {traceId: outcome.traceId})});
	} else if (result.failure) {
		lines.push({label: t('core.line.problem'), value: result.failure.message});
	}
	return lines;
}
