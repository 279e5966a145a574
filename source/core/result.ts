import {headerValue, statusPhrase} from '../backends/response.js';
import {safeText} from '../text-safety.js';
import {t} from '../i18n/index.js';
import type {Outcome, PlainRequest, ReadBackResult} from '../backends/types.js';
import type {TransportFailure} from '../transport.js';
import {EXIT} from './exit-codes.js';
import {planEndpoint} from './plan.js';
import type {CreatePlan, CreateResult} from './types.js';

/**
 * What a person is told when a sent create may have been carried out although no proper answer says so,
 * in the language chosen when this module loaded (t('core.result.mayHaveBeenCreated') says it in the one in use).
 */
export const MAY_HAVE_BEEN_CREATED = t('core.result.mayHaveBeenCreated');

/** True when a create reached, or may have reached, the service without a clear answer: never advise a plain retry then. */
export function mayHaveBeenCreated(result: Pick<CreateResult, 'ok' | 'outcome' | 'failure'>): boolean {
	if (result.ok) return false;
	if (result.failure) return result.failure.kind === 'cancelled' || result.failure.kind === 'timeout' || result.failure.kind === 'interrupted' || result.failure.kind === 'network';
	const status = result.outcome?.status ?? 0;
	// A 2xx that is not the service's answer, any 1xx, or a failure behind the service (5xx): it may have acted.
	return status < 200 || (status < 300 && result.outcome?.problem !== undefined) || status >= 500;
}

// English and Korean advice alike: "check … before retrying" (다시 시도하기 전에 … 확인), and a closing
// "then retry" (그런 다음 다시 시도하세요) that can be cut off, leaving the rest of the line. The Korean
// patterns are strings: the bundle must stay ASCII, and only string literals are escaped in it.
const either = (english: string, korean: string) => new RegExp(`${english}|${korean}`, 'i');
const CHECK_FIRST = either('\\bcheck\\b.*\\bbefore (retrying|trying again)\\b', '다시 시도하기 전에.*확인');
const CLOSING_RETRY = either('[:;,]?\\s*(?:then )?(?:retry|try again)(?: later)?\\.?$', '\\s*(?:그런 다음 |그 뒤 |나중에 )?다시 시도하세요\\.?$');
const RETRY = either('\\bretry\\b|\\btry again\\b', '다시 시도');
const HANGUL = /[\uAC00-\uD7A3]/;

/** Advice for an attempt that may have been carried out: no line says to retry unless it first says to check. */
function carefulAdvice(advice: string[]): string[] {
	const kept = advice
		.map(line => (CHECK_FIRST.test(line) ? line : line.replace(CLOSING_RETRY, HANGUL.test(line) ? '' : '.')))
		.filter(line => line !== '.' && line !== '' && (!RETRY.test(line) || CHECK_FIRST.test(line)));
	return kept.some(line => CHECK_FIRST.test(line)) ? kept : [...kept, t('core.result.mayHaveBeenCreated')];
}

/** "201 Created", or the message alone when it already starts with the status. */
export function statusAndMessage(outcome: Outcome): string {
	const message = outcome.message === '' ? statusPhrase(outcome.status) : outcome.message;
	return message.startsWith(`${outcome.status} `) ? message : `${outcome.status} ${message}`;
}

function refusalSentence(outcome: Outcome): string {
	const parts = [statusAndMessage(outcome)];
	if (outcome.details) parts.push(outcome.details);
	if (outcome.problem) parts.push(outcome.problem);
	return parts.join(': ');
}

/** Turns a server's answer into a result with its exit code and advice. */
export function resultFromOutcome(
	plan: CreatePlan,
	request: PlainRequest,
	outcome: Outcome,
	headers: Record<string, string | string[] | undefined>,
	now = Date.now(),
	readBack?: ReadBackResult,
): CreateResult {
	const note = plan.backend.connectionNote?.(plan.connection);
	const advice = [
		...(note ? [note] : []),
		...plan.backend.advise(outcome, {
			fields: plan.fields,
			connection: plan.connection,
			endpoint: planEndpoint(plan),
			now,
			headers,
			readBack,
		}),
	];
	// A redirect is never followed (the credentials would go along): say where it pointed.
	if (outcome.status >= 300 && outcome.status < 400 && !outcome.problem) {
		const location = headerValue(headers, 'location');
		const target = location === undefined ? undefined : URL.canParse(location, request.url) ? new URL(location, request.url).toString() : location;
		outcome = {
			...outcome,
			problem: target === undefined ? t('core.result.redirectNoLocation') : t('core.result.redirectsTo', {target: safeText(target)}),
		};
	}
	// A 1xx as the final answer (an upgrade nobody asked for) says nothing of what the service did.
	if (outcome.status < 200) {
		outcome = {...outcome, ok: false, problem: t('core.result.informational')};
	}
	// A service that names nothing it created (NCR) still created what was asked for.
	const named = outcome.ok && outcome.resource.length === 0 ? {...outcome, resource: [{label: capitalize(plan.backend.noun), value: plan.backend.resourceName(plan.fields)}]} : outcome;
	const shown = readBack ? {...named, resource: [...named.resource, ...readBack.resource]} : named;
	return {
		ok: outcome.ok,
		exitCode: outcome.ok ? EXIT.created : EXIT.refused,
		backend: plan.backend.id,
		request: {method: request.method, url: request.url},
		outcome: shown,
		...(readBack ? {readBack} : {}),
		advice: mayHaveBeenCreated({ok: outcome.ok, outcome}) ? carefulAdvice(advice) : advice,
		error: outcome.ok ? null : refusalSentence(outcome),
	};
}

export function resultFromFailure(plan: CreatePlan, request: PlainRequest, failure: {kind: TransportFailure; message: string; hint: string}): CreateResult {
	// Cancelled once the request may have left: the service may have acted on it (a create is not idempotent).
	if (failure.kind === 'cancelled') {
		failure = {kind: failure.kind, message: t('core.result.cancelledSending'), hint: t('core.result.mayHaveBeenCreated')};
	} else if (mayHaveBeenCreated({ok: false, failure})) {
		failure = {kind: failure.kind, message: failure.message, hint: carefulAdvice([failure.hint]).join(' ')};
	}
	return {
		ok: false,
		exitCode: failure.kind === 'cancelled' ? EXIT.cancelled : failure.kind === 'proxy-auth' ? EXIT.refused : EXIT.noAnswer,
		backend: plan.backend.id,
		request: {method: request.method, url: request.url},
		failure,
		advice: [failure.hint],
		error: failure.message,
	};
}

export const capitalize = (word: string) => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;
