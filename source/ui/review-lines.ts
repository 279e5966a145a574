import {insecureHttpProblem} from '../backends/validation.js';
import type {PlainRequest} from '../backends/types.js';
import {buildCreateRequest, displayRequest} from '../engine.js';
import {planInputProblem, planOf, unacceptedInsecureEndpoint, type WizardState} from './state.js';

// What the review shows, as data: the Ink panel draws it in a box, the plain front reads it out as lines.

export type ReviewFacts = {
	backendTitle: string;
	endpoint: string;
	credentialLabel: string;
	credential: string;
	credentialSource: string;
	request: PlainRequest;
	/** A warning to show in red (plain http to another machine). */
	warning?: string;
};

/** The review of the current answers; `goBack` says how this front goes back ("Esc", "type back"). */
export function reviewFacts(state: WizardState, allowInsecureHttp: boolean, goBack = 'Esc'): ReviewFacts | undefined {
	const plan = planOf(state);
	const backend = state.backend;
	if (!plan || !backend) return undefined;
	const blocked = unacceptedInsecureEndpoint(state, allowInsecureHttp);
	const badInput = planInputProblem(state);
	const warning = badInput
		? `${badInput}. Nothing can be sent: go back (${goBack}) to choose or edit the credentials.`
		: blocked
			? `${blocked}. Go back (${goBack}) to change the endpoint, or start regwiz with --allow-insecure-http.`
			: insecureHttpProblem(backend.endpoint(plan.connection))
				? 'Plain http to another machine: credentials travel unencrypted (you allowed it).'
				: undefined;
	return {
		backendTitle: backend.title,
		endpoint: backend.describeEndpoint(plan.connection),
		credentialLabel: backend.credentialFields[0]?.label ?? 'Credentials',
		credential: backend.publicCredential(plan.credentials),
		credentialSource: plan.credentialSource,
		request: buildCreateRequest(plan),
		warning,
	};
}

/** Everything that will be sent, secrets masked: a heading (method and URL) and labelled rows. */
export function reviewRows(facts: ReviewFacts): {heading: string; rows: Array<{label: string; value: string}>} {
	const shown = displayRequest(facts.request);
	const url = new URL(shown.url);
	const rows: Array<{label: string; value: string}> = [
		{label: 'Backend', value: facts.backendTitle},
		{label: 'Endpoint', value: facts.endpoint},
		{label: facts.credentialLabel, value: `${facts.credential} (${facts.credentialSource})`},
	];
	[...url.searchParams.entries()].forEach(([name, value], index) => rows.push({label: index === 0 ? 'Query' : '', value: `${name} = ${value}`}));
	if (shown.body !== undefined) rows.push({label: 'Body', value: shown.body});
	for (const [name, value] of shown.headers) rows.push({label: 'Header', value: `${name}: ${value}`});
	return {heading: `${shown.method} ${shown.url}`, rows};
}

/** Advice lines that a login section below gives exactly (docker login/push with placeholders). */
const DOCKER_ADVICE = /^docker (login|push) /;

/** A result's advice, without what the login section under it already says. */
export function resultAdvice(result: {advice: string[]}, loginBelow: boolean): string[] {
	return loginBelow ? result.advice.filter(line => !DOCKER_ADVICE.test(line)) : result.advice;
}
