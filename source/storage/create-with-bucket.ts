// A create that needs its bucket first (the wizard's "New bucket…"): HEAD, PUT when free, then the registry.
import {sendCreate, type SendCreateOptions} from '../core/create.js';
import {EXIT} from '../core/exit-codes.js';
import {t} from '../i18n/index.js';
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
			return {ok: false, exitCode: ensured.exitCode, backend: plan.backend.id, request, failure: {kind, message: ensured.message, hint: t('ncr.bucketFirst.notCreated')}, advice: [t('ncr.bucketFirst.notCreated')], error: ensured.message};
		}
		return {
			ok: false,
			exitCode: ensured.exitCode,
			backend: plan.backend.id,
			request,
			outcome: {ok: false, status: ensured.status, message: t('ncr.bucketFirst.notReady', {bucket}), details: ensured.message, resource: [], body: null},
			advice: [t('ncr.bucketFirst.chooseAnother')],
			error: ensured.message,
		};
	}
	const result = await sendCreate(plan, sending);
	const note = ensured.created ? t('ncr.bucketFirst.created', {bucket}) : t('ncr.bucketFirst.existed', {bucket});
	return {...result, advice: [note, ...result.advice]};
}
