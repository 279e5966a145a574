// A create that needs its bucket first (the wizard's "New bucket…"): HEAD, PUT when free, then the registry.
import {sendCreate, type SendCreateOptions} from '../core/create.js';
import {EXIT} from '../core/exit-codes.js';
import type {CreatePlan, CreateResult} from '../core/types.js';
import {ensureBucket} from './buckets.js';

export async function sendCreateWithBucket(
	plan: CreatePlan,
	bucket: string,
	options: SendCreateOptions & {allowInsecureHttp?: boolean; confineTo?: string},
): Promise<CreateResult> {
	const {confineTo, ...sending} = options;
	const access = {credentials: plan.credentials, connection: plan.connection, ...(confineTo === undefined ? {} : {confineTo})};
	const ensured = await ensureBucket(bucket, access, sending);
	if (!ensured.ok) {
		const last = ensured.requests.at(-1);
		const request = last ? {method: last.method, url: last.url} : {method: 'HEAD', url: ''};
		if (ensured.status === undefined) {
			// No answer from Object Storage: nothing was sent to NCR.
			const kind = ensured.exitCode === EXIT.cancelled ? 'cancelled' : 'network';
			return {ok: false, exitCode: ensured.exitCode, backend: plan.backend.id, request, failure: {kind, message: ensured.message, hint: 'The registry was not created.'}, advice: ['The registry was not created.'], error: ensured.message};
		}
		return {
			ok: false,
			exitCode: ensured.exitCode,
			backend: plan.backend.id,
			request,
			outcome: {ok: false, status: ensured.status, message: `bucket ${bucket} not ready`, details: ensured.message, resource: [], body: null},
			advice: ['The registry was not created: choose another bucket (Esc), then send again.'],
			error: ensured.message,
		};
	}
	const result = await sendCreate(plan, sending);
	const note = ensured.created ? `Bucket ${bucket} was created first.` : `Bucket ${bucket} already existed and is yours.`;
	return {...result, advice: [note, ...result.advice]};
}
