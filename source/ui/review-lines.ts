import {t} from '../i18n/index.js';
import {insecureHttpProblem} from '../backends/validation.js';
import type {FieldSpec, PlainRequest} from '../backends/types.js';
import {buildCreateRequest} from '../core/plan.js';
import {displayRequest, safeText} from '../present.js';
import {maskSecret} from '../mask.js';
import {planInputProblem, planOf, questions, unacceptedInsecureEndpoint, type WizardState} from './state.js';

// What the review and the result show, as data: the Ink panels draw it in boxes, the plain front reads
// it out as lines. Free of Ink and React.

/** How an answer reads back: a choice by its label, a secret masked, an empty optional value as "(none)". */
export function shownAnswer(spec: FieldSpec, value: string): string {
	if (spec.kind === 'secret') return maskSecret(value) || '****';
	if (spec.kind === 'choice') return spec.choices?.find(choice => choice.value === value)?.label ?? (value === '' ? t('ui.review.serverDefault') : value);
	return value === '' ? t('ui.review.none') : value;
}

export type ReviewFacts = {
	backendTitle: string;
	endpoint: string;
	credentialLabel: string;
	credential: string;
	credentialSource: string;
	request: PlainRequest;
	/** The answers, labelled, shown before the request. */
	fields?: Array<{label: string; value: string}>;
	/** Headers whose value is set at the moment of sending (a timestamp): shown as such, not as a value that will not be sent. */
	setWhenSent?: string[];
	/** A short terminal: the request alone (it holds every answer), no blank lines, the headers on one row, the backend left to the title. */
	compact?: boolean;
	/** A warning to show in red (plain http to another machine). */
	warning?: string;
	/** What is done before this request (NCR: the bucket created first). */
	before?: string;
};

/** The review of the current answers; `goBack` says how this front goes back ("Esc", "type back"). */
export function reviewFacts(state: WizardState, allowInsecureHttp: boolean, goBack = 'Esc'): ReviewFacts | undefined {
	const plan = planOf(state);
	const backend = state.backend;
	if (!plan || !backend) return undefined;
	const blocked = unacceptedInsecureEndpoint(state, allowInsecureHttp);
	const badInput = planInputProblem(state);
	const warning = badInput
		? t('ui.review.badInput', {problem: badInput, back: goBack})
		: blocked
			? t('ui.review.blocked', {problem: blocked, back: goBack})
			: insecureHttpProblem(backend.endpoint(plan.connection))
				? t('ui.review.plainHttp')
				: undefined;
	const request = buildCreateRequest(plan);
	// A header whose value differs a moment later (a timestamp, signed at sending) is not shown as if it were sent.
	const later = buildCreateRequest(plan, Date.now() + 1500).headers;
	const setWhenSent = Object.keys(request.headers).filter(name => later[name] !== request.headers[name] && request.redact[name] !== 'hide');
	const fields = questions(state).flatMap(item =>
		'spec' in item && item.group === 'fields' && plan.fields[item.spec.key] !== undefined ? [{label: item.spec.label, value: shownAnswer(item.spec, plan.fields[item.spec.key]!)}] : [],
	);
	return {
		backendTitle: backend.title,
		endpoint: backend.describeEndpoint(plan.connection),
		credentialLabel: backend.credentialFields.find(spec => spec.key === backend.shownCredential)?.label ?? t('ui.review.credentials'),
		credential: backend.publicCredential(plan.credentials),
		credentialSource: plan.credentialSource,
		request,
		fields,
		setWhenSent,
		warning,
		before: backend.bucketToCreate?.(plan.fields) && t('ui.review.bucketFirst', {bucket: backend.bucketToCreate(plan.fields)!}),
	};
}

type ReviewRow = {label: string; value: string};

/**
 * The review as the panel draws it: the labelled answers, then the request line, its query, body and
 * headers. Server-independent text, but profile names and URLs pass through the text-safety rule.
 */
export function reviewParts(facts: ReviewFacts): {answers: ReviewRow[]; requestLine: string; request: ReviewRow[]} {
	const shown = displayRequest(facts.request);
	const url = new URL(shown.url);
	const headers = shown.headers.map(([name, value]): [string, string] => [name, facts.setWhenSent?.includes(name) ? t('ui.review.setWhenSent') : value]);
	const answers: ReviewRow[] = [
		...(facts.compact ? [] : [{label: t('ui.review.backend'), value: facts.backendTitle}]),
		{label: t('ui.review.endpoint'), value: facts.endpoint},
		{label: facts.credentialLabel, value: `${facts.credential} (${facts.credentialSource})`},
		...(facts.compact ? [] : facts.fields ?? []),
		...(facts.before ? [{label: t('ui.review.first'), value: facts.before}] : []),
	];
	const request: ReviewRow[] = [...url.searchParams.entries()].map(([name, value], index) => ({label: index === 0 ? t('ui.review.query') : '', value: `${name} = ${value}`}));
	if (shown.body !== undefined) request.push({label: t('ui.review.body'), value: shown.body});
	if (facts.compact) request.push({label: t('ui.review.headers'), value: headers.map(([name, value]) => `${name}: ${value}`).join(' · ')});
	else for (const [name, value] of headers) request.push({label: t('ui.review.header'), value: `${name}: ${value}`});
	return {answers, requestLine: `${shown.method} ${safeText(shown.url)}`, request};
}

/** The path of the request being sent, for the sending screen (built as the review builds it). */
export function sendingPath(state: WizardState): string {
	const plan = planOf(state);
	return plan ? new URL(buildCreateRequest(plan).url).pathname : '';
}

/** A next step that is a command to run: shown outside the box, whole, so a mouse selection copies it. */
const COMMAND = /^(docker|podman|regwiz|kubectl|helm|curl) /;

/** "docker login host   (user: …)": the command, and what is said about it. */
export function splitCommand(advice: string): {command: string; note?: string} {
	const match = /^(.*?\S)\s{3,}(\(.*\))$/.exec(advice);
	return match ? {command: match[1]!, note: match[2]} : {command: advice};
}

/** Advice lines that a login section below gives exactly (docker login/push with placeholders). */
const DOCKER_ADVICE = /^docker (login|push) /;

/** A result's advice in words, and its commands (without what the login section under it already says). */
export function resultAdvice(result: {advice: string[]}, loginBelow: boolean): {advice: string[]; commands: Array<{command: string; note?: string}>} {
	return {
		advice: result.advice.filter(advice => !COMMAND.test(advice)),
		commands: result.advice.filter(advice => COMMAND.test(advice) && !(loginBelow && DOCKER_ADVICE.test(advice))).map(splitCommand),
	};
}
