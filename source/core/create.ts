import {InputError, validateAnswers} from '../backends/validation.js';
import {t} from '../i18n/index.js';
import type {Answers, Backend, ReadBackResult} from '../backends/types.js';
import type {NetworkSettings} from '../transport/proxy.js';
import {buildCreateRequest, planEndpoint} from './plan.js';
import {resultFromFailure, resultFromOutcome} from './result.js';
import type {CreatePlan, CreateResult, VerifyResult} from './types.js';

/**
 * Connection and credentials come from flags, the environment, a profile file or the wizard: check them
 * all with their field rules before anything is built or sent. Throws InputError naming the field
 * (never its value) and where the credentials came from.
 */
export function checkPlanInput(plan: Pick<CreatePlan, 'backend' | 'connection' | 'credentials' | 'credentialSource'>): void {
	const errors = [];
	for (const [specs, answers, source] of [
		[plan.backend.connectionFields, plan.connection, undefined],
		[plan.backend.credentialFields, plan.credentials, plan.credentialSource],
	] as const) {
		try {
			validateAnswers(specs, answers);
		} catch (error) {
			if (!(error instanceof InputError)) throw error;
			errors.push(...error.errors.map(item => ({...item, message: source === undefined ? item.message : t('core.input.from', {message: item.message, source})})));
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
	const {sendRequest, TransportError} = await import('../transport.js');
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
	const {sendRequest, TransportError} = await import('../transport.js');
	try {
		const request = readBack.buildRequest(plan.fields, plan.credentials, planEndpoint(plan), {now: (options.now ?? Date.now)()});
		// The create is done: keep the wait for the read-back short, a slow answer only leaves the facts unconfirmed.
		return readBack.read(await sendRequest(request, {timeoutMs: Math.min(options.timeoutMs, READ_BACK_TIMEOUT_MS), signal: options.signal, network: options.network}), context);
	} catch (error) {
		// Whatever went wrong, the registry was created: say so, with the usual facts marked unconfirmed.
		return readBack.read(undefined, {...context, failure: error instanceof TransportError ? error.message : t('core.readBack.unexpected')});
	}
}

export async function verifyCredentials(
	backend: Backend,
	credentials: Answers,
	connection: Answers,
	options: SendCreateOptions,
): Promise<VerifyResult> {
	try {
		checkPlanInput({backend, connection, credentials, credentialSource: t('core.input.answersGiven')});
	} catch (error) {
		if (error instanceof InputError) return {ok: false, message: error.message};
		throw error;
	}
	const request = backend.buildVerifyRequest(credentials, backend.endpoint(connection), {now: (options.now ?? Date.now)()});
	const {sendRequest, TransportError} = await import('../transport.js');
	// A connection answer regwiz corrected (a RegistryUI base URL cut to the site root) is said first.
	const note = backend.connectionNote?.(connection);
	const prefix = note ? `${note} ` : '';
	try {
		const response = await sendRequest(request, {timeoutMs: options.timeoutMs, signal: options.signal, network: options.network});
		const outcome = backend.readResponse(response);
		if (response.status >= 200 && response.status < 300) {
			const count = backend.countListed(outcome.body, response.headers);
			const visible = count === undefined ? undefined : t('core.verify.visible', {count, noun: backend.noun, plural: backend.plural});
			// A listing proves less than creating needs: say what was not checked.
			if (backend.verifyLimit) {
				return {ok: true, message: `${prefix}${t('core.verify.listing', {visible, limit: backend.verifyLimit})}`};
			}
			return {ok: true, message: `${prefix}${t('core.verify.works', {visible})}`};
		}
		return {ok: false, message: `${prefix}${t('core.verify.refused', {status: outcome.status, message: outcome.message, details: outcome.details})}`};
	} catch (error) {
		if (error instanceof TransportError) return {ok: false, message: `${prefix}${error.message}`};
		throw error;
	}
}
