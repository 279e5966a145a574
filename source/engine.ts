import {maskSecret} from './mask.js';
import {statusPhrase} from './backends/response.js';
import type {Answers, Backend, Outcome, PlainRequest} from './backends/types.js';
import type {TransportFailure} from './transport.js';

export const EXIT = {
	created: 0,
	refused: 1,
	usage: 2,
	noAnswer: 3,
	cancelled: 130,
	terminated: 143,
} as const;

/** Everything needed to build one create request; credentials never leave this object except into headers. */
export type CreatePlan = {
	backend: Backend;
	fields: Answers;
	credentials: Answers;
	connection: Answers;
	/** "profile default", "environment (NCLOUD_ACCESS_KEY)", "sandbox demo credentials". */
	credentialSource: string;
	profileName?: string;
};

export type CreateResult = {
	ok: boolean;
	exitCode: number;
	backend: string;
	request: {method: string; url: string};
	/** Present when the server answered. */
	outcome?: Outcome;
	/** Present when no usable answer came. */
	failure?: {kind: TransportFailure; message: string; hint: string};
	/** What to do next. */
	advice: string[];
	/** One human sentence for a failure, or null. */
	error: string | null;
};

export const planEndpoint = (plan: CreatePlan): string => plan.backend.endpoint(plan.connection);

/** Builds the request afresh: every attempt is signed with a new timestamp. */
export function buildCreateRequest(plan: CreatePlan, now = Date.now()): PlainRequest {
	return plan.backend.buildRequest(plan.fields, plan.credentials, planEndpoint(plan), {now});
}

export type DisplayedRequest = {method: string; url: string; headers: Array<[string, string]>; body?: string};

/** The request as it may be shown: masked access keys, hidden signatures, tokens and Basic values. */
export function displayRequest(request: PlainRequest): DisplayedRequest {
	const headers = Object.entries(request.headers).map(([name, value]): [string, string] => {
		const how = request.redact[name];
		if (how === 'hide') return [name, '(hidden)'];
		if (how === 'mask') return [name, maskSecret(value)];
		return [name, value];
	});
	return {method: request.method, url: request.url, headers, body: request.body === '' ? undefined : request.body};
}

function refusalSentence(outcome: Outcome): string {
	const parts = [`${outcome.status} ${outcome.message}`];
	if (outcome.details) parts.push(outcome.details);
	if (outcome.problem) parts.push(outcome.problem);
	return parts.join(': ');
}

/** Turns a server's answer into a result with its exit code and advice. */
export function resultFromOutcome(plan: CreatePlan, request: PlainRequest, outcome: Outcome, headers: Record<string, string | string[] | undefined>, now = Date.now()): CreateResult {
	const advice = plan.backend.advise(outcome, {
		fields: plan.fields,
		connection: plan.connection,
		endpoint: planEndpoint(plan),
		now,
		headers,
	});
	// A service that names nothing it created (NCR) still created what was asked for.
	const named = outcome.ok && outcome.resource.length === 0 ? {...outcome, resource: [{label: capitalize(plan.backend.noun), value: plan.backend.resourceName(plan.fields)}]} : outcome;
	return {
		ok: outcome.ok,
		exitCode: outcome.ok ? EXIT.created : EXIT.refused,
		backend: plan.backend.id,
		request: {method: request.method, url: request.url},
		outcome: named,
		advice,
		error: outcome.ok ? null : refusalSentence(outcome),
	};
}

export function resultFromFailure(plan: CreatePlan, request: PlainRequest, failure: {kind: TransportFailure; message: string; hint: string}): CreateResult {
	return {
		ok: false,
		exitCode: failure.kind === 'cancelled' ? EXIT.cancelled : EXIT.noAnswer,
		backend: plan.backend.id,
		request: {method: request.method, url: request.url},
		failure,
		advice: [failure.hint],
		error: failure.message,
	};
}

let loadedTransport: typeof import('./transport.js') | undefined;

/** Closes idle connections so the process can end at once; a no-op when nothing was sent. */
export async function releaseConnections(): Promise<void> {
	await loadedTransport?.closeTransport();
}

export type SendCreateOptions = {timeoutMs: number; signal?: AbortSignal; now?: () => number};

/** Signs, sends and reads one create request. Never retries: creating is not idempotent. */
export async function sendCreate(plan: CreatePlan, options: SendCreateOptions): Promise<CreateResult> {
	const now = options.now ?? Date.now;
	const request = buildCreateRequest(plan, now());
	// The HTTP client is loaded only when something is sent: a dry run never pays for it.
	const {sendRequest, TransportError} = (loadedTransport ??= await import('./transport.js'));
	try {
		const response = await sendRequest(request, {timeoutMs: options.timeoutMs, signal: options.signal});
		return resultFromOutcome(plan, request, plan.backend.readResponse(response), response.headers, now());
	} catch (error) {
		if (error instanceof TransportError) return resultFromFailure(plan, request, error);
		throw error;
	}
}

const capitalize = (word: string) => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;

/** Title and tone of a result, shared by the plain-text output and the wizard's panel. */
export function resultHeadline(result: CreateResult, noun: string): {tone: 'success' | 'refusal' | 'failure'; title: string} {
	if (result.ok) return {tone: 'success', title: `${capitalize(noun)} created`};
	if (result.outcome) {
		const {status, message} = result.outcome;
		const said = message === statusPhrase(status) ? statusPhrase(status) : message;
		return {tone: 'refusal', title: `Refused: ${status} ${said}`};
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
		if (outcome.message !== '') lines.push({label: 'Service said', value: outcome.message});
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

export type VerifyResult = {ok: boolean; message: string};

/** Proves credentials with a request that changes nothing (a one-item listing). */
export async function verifyCredentials(
	backend: Backend,
	credentials: Answers,
	connection: Answers,
	options: SendCreateOptions,
): Promise<VerifyResult> {
	const request = backend.buildVerifyRequest(credentials, backend.endpoint(connection), {now: (options.now ?? Date.now)()});
	const {sendRequest, TransportError} = (loadedTransport ??= await import('./transport.js'));
	try {
		const response = await sendRequest(request, {timeoutMs: options.timeoutMs, signal: options.signal});
		const outcome = backend.readResponse(response);
		if (response.status >= 200 && response.status < 300) {
			const count = backend.countListed(outcome.body);
			const plural = backend.noun === 'registry' ? 'registries' : 'repositories';
			return {ok: true, message: count === undefined ? 'credentials work' : `credentials work: ${count} ${count === 1 ? backend.noun : plural} visible`};
		}
		return {ok: false, message: `refused: ${outcome.status} ${outcome.message}${outcome.details ? ` (${outcome.details})` : ''}`};
	} catch (error) {
		if (error instanceof TransportError) return {ok: false, message: error.message};
		throw error;
	}
}
