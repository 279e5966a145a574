import type {PlainRequest} from '../backends/types.js';
import type {CreatePlan} from './types.js';

export const planEndpoint = (plan: CreatePlan): string => plan.backend.endpoint(plan.connection);

/** Builds the request afresh: every attempt is signed with a new timestamp. */
export function buildCreateRequest(plan: CreatePlan, now = Date.now()): PlainRequest {
	return plan.backend.buildRequest(plan.fields, plan.credentials, planEndpoint(plan), {now});
}
