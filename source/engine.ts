import {maskSecret} from './mask.js';
import {headerValue, printable, statusPhrase} from './backends/response.js';
import {InputError, validateAnswers} from './backends/validation.js';
import type {Answers, Backend, Outcome, PlainRequest, ReadBackResult} from './backends/types.js';
import type {CreatePlan, CreateResult, VerifyResult} from './core/types.js';
import type {TransportFailure} from './transport.js';
import type {NetworkSettings} from './transport/proxy.js';

export type {CreatePlan, CreateResult, VerifyResult};

export const EXIT = {
	created: 0,
	refused: 1,
	usage: 2,
	noAnswer: 3,
	/** A fault in regwiz itself (sysexits EX_SOFTWARE): never a refusal, never bad input. */
	internal: 70,
	/** SIGHUP (the terminal went away), SIGINT (Ctrl-C), SIGQUIT, SIGTERM: 128 + the signal's number. */
	hangup: 129,
	cancelled: 130,
	quit: 131,
	terminated: 143,
} as const;

/** What a person is told when a sent create may have been carried out although no proper answer says so. */
export const MAY_HAVE_BEEN_CREATED = 'It may have been created: check that it exists (e.g. in the web console) before trying again.';

/** True when a create reached, or may have reached, the service without a clear answer: never advise a plain retry then. */
export function mayHaveBeenCreated(result: Pick<CreateResult, 'ok' | 'outcome' | 'failure'>): boolean {
	if (result.ok) return false;
	if (result.failure) return result.failure.kind === 'cancelled' || result.failure.kind === 'timeout' || result.failure.kind === 'interrupted' || result.failure.kind === 'network';
	const status = result.outcome?.status ?? 0;
	// A 2xx that is not the service's answer, any 1xx, or a failure behind the service (5xx): it may have acted.
	return status < 200 || (status < 300 && result.outcome?.problem !== undefined) || status >= 500;
}

/** Advice for an attempt that may have been carried out: no line says to retry unless it first says to check. */
function carefulAdvice(advice: string[]): string[] {
	const checkFirst = /\bcheck\b.*\bbefore (retrying|trying again)\b/i;
	const kept = advice
		.map(line => (checkFirst.test(line) ? line : line.replace(/[:;,]?\s*(?:then )?(?:retry|try again)(?: later)?\.?$/i, '.')))
		.filter(line => line !== '.' && (!/\bretry\b|\btry again\b/i.test(line) || checkFirst.test(line)));
	return kept.some(line => checkFirst.test(line)) ? kept : [...kept, MAY_HAVE_BEEN_CREATED];
}

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
		// Shown values never carry a control character to the terminal.
		if (how === 'mask') return [name, printable(maskSecret(value))];
		return [name, printable(value)];
	});
	return {method: request.method, url: request.url, headers, body: request.body === '' ? undefined : request.body};
}

/** "201 Created", or the message alone when it already starts with the status. */
function statusAndMessage(outcome: Outcome): string {
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
			problem: target === undefined ? 'a redirect without a Location; regwiz does not follow redirects' : `it redirects to ${printable(target)}; regwiz does not follow redirects`,
		};
	}
	// A 1xx as the final answer (an upgrade nobody asked for) says nothing of what the service did.
	if (outcome.status < 200) {
		outcome = {...outcome, ok: false, problem: 'an informational (1xx) status is not a final answer; whether anything was created is unknown'};
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
		failure = {kind: failure.kind, message: 'Cancelled while the request was being sent or answered: it may have been created.', hint: MAY_HAVE_BEEN_CREATED};
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

/**
 * Connection and credentials come from flags, the environment, a profile file or the wizard: check them
 * all with their field rules before anything is built or sent. Throws InputError naming the field
 * (never its value) and where the credentials came from.
 */
export function checkPlanInput(plan: Pick<CreatePlan, 'backend' | 'connection' | 'credentials' | 'credentialSource'>): void {
	const errors = [];
	for (const [specs, answers, source] of [
		[plan.backend.connectionFields, plan.connection, ''],
		[plan.backend.credentialFields, plan.credentials, ` (from ${plan.credentialSource})`],
	] as const) {
		try {
			validateAnswers(specs, answers);
		} catch (error) {
			if (!(error instanceof InputError)) throw error;
			errors.push(...error.errors.map(item => ({...item, message: `${item.message}${source}`})));
		}
	}
	if (errors.length > 0) throw new InputError(errors);
}

export type SendCreateOptions = {timeoutMs: number; signal?: AbortSignal; now?: () => number; network?: NetworkSettings};

/** Signs, sends and reads one create request. Never retries: creating is not idempotent. */
export async function sendCreate(plan: CreatePlan, options: SendCreateOptions): Promise<CreateResult> {
	const now = options.now ?? Date.now;
	checkPlanInput(plan);
	const request = buildCreateRequest(plan, now());
	// The HTTP client is loaded only when something is sent: a dry run never pays for it.
	const {sendRequest, TransportError} = await import('./transport.js');
	try {
		const response = await sendRequest(request, {timeoutMs: options.timeoutMs, signal: options.signal, network: options.network});
		const outcome = plan.backend.readResponse(response);
		const readBack = outcome.ok ? await readCreatedBack(plan, options) : undefined;
		return resultFromOutcome(plan, request, outcome, response.headers, now(), readBack);
	} catch (error) {
		if (error instanceof TransportError) return resultFromFailure(plan, request, error);
		throw error;
	}
}

const READ_BACK_TIMEOUT_MS = 10_000;

/** After a success, asks the service what it created; a failure here only means the facts are not confirmed. */
async function readCreatedBack(plan: CreatePlan, options: SendCreateOptions): Promise<ReadBackResult | undefined> {
	const readBack = plan.backend.readBack;
	if (!readBack) return undefined;
	const context = {fields: plan.fields, connection: plan.connection};
	const {sendRequest, TransportError} = await import('./transport.js');
	try {
		const request = readBack.buildRequest(plan.fields, plan.credentials, planEndpoint(plan), {now: (options.now ?? Date.now)()});
		// The create is done: keep the wait for the read-back short, a slow answer only leaves the facts unconfirmed.
		return readBack.read(await sendRequest(request, {timeoutMs: Math.min(options.timeoutMs, READ_BACK_TIMEOUT_MS), signal: options.signal, network: options.network}), context);
	} catch (error) {
		// Whatever went wrong, the registry was created: say so, with the usual facts marked unconfirmed.
		return readBack.read(undefined, {...context, failure: error instanceof TransportError ? error.message : 'an unexpected error'});
	}
}

const capitalize = (word: string) => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;

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


/** Proves credentials with a request that changes nothing (a one-item listing). */
export async function verifyCredentials(
	backend: Backend,
	credentials: Answers,
	connection: Answers,
	options: SendCreateOptions,
): Promise<VerifyResult> {
	try {
		checkPlanInput({backend, connection, credentials, credentialSource: 'the answers given'});
	} catch (error) {
		if (error instanceof InputError) return {ok: false, message: error.message};
		throw error;
	}
	const request = backend.buildVerifyRequest(credentials, backend.endpoint(connection), {now: (options.now ?? Date.now)()});
	const {sendRequest, TransportError} = await import('./transport.js');
	// A connection answer regwiz corrected (a RegistryUI base URL cut to the site root) is said first.
	const note = backend.connectionNote?.(connection);
	const prefix = note ? `${note} ` : '';
	try {
		const response = await sendRequest(request, {timeoutMs: options.timeoutMs, signal: options.signal, network: options.network});
		const outcome = backend.readResponse(response);
		if (response.status >= 200 && response.status < 300) {
			const count = backend.countListed(outcome.body, response.headers);
			const visible = count === undefined ? undefined : `${count} ${count === 1 ? backend.noun : backend.plural} visible`;
			// A listing proves less than creating needs: say what was not checked.
			if (backend.verifyLimit) {
				return {ok: true, message: `${prefix}the credentials work for listing${visible ? ` (${visible})` : ''}; not checked: ${backend.verifyLimit}`};
			}
			return {ok: true, message: `${prefix}${visible === undefined ? 'credentials work' : `credentials work: ${visible}`}`};
		}
		return {ok: false, message: `${prefix}refused: ${outcome.status} ${outcome.message}${outcome.details ? ` (${outcome.details})` : ''}`};
	} catch (error) {
		if (error instanceof TransportError) return {ok: false, message: `${prefix}${error.message}`};
		throw error;
	}
}
