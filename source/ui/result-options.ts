import type {CreateResult} from '../core/types.js';
import type {WizardState} from './state.js';

// What the result offers next, for both fronts: the Ink keys and the plain numbered choices.

/** The name field to go back to when the refusal may mean the name is taken (NCR: a 403 or 409 on create). */
export function renameKey(state: WizardState): string | undefined {
	const status = state.result?.outcome?.status;
	if (state.result?.ok || status === undefined || !state.backend?.renameOn?.includes(status)) return undefined;
	return state.backend.fields[0]?.key;
}

/** A refusal that the credentials caused (and that the person can change here). */
export function credentialsAtFault(state: WizardState): boolean {
	const status = state.result?.outcome?.status;
	return (status === 401 || status === 403) && !state.credentialsLocked;
}

/**
 * Retry is offered where sending the same request again may end differently: no answer, a timeout,
 * throttling, a server error, an answer not from the service, or a 401 (NCP gives it for a clock out
 * of step and a key not yet active). A refusal of the request itself (400, 403, 404, 409, …) would
 * only come back the same.
 */
export function retryHelps(result: CreateResult | undefined): boolean {
	if (!result || result.ok) return false;
	const status = result.outcome?.status;
	if (status === undefined || status < 400 || status >= 500) return true;
	return status === 401 || status === 408 || status === 429;
}
