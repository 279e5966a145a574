import * as z from 'zod/mini';
import {ncpSignatureHeaders, NCP_HEADER} from '../signing/ncp-signature.js';
import {maskSecret} from '../mask.js';
import {
	cleanExcerpt,
	clockSkew,
	describeDuration,
	headerValue,
	isSuccessStatus,
	parseBody,
	printable,
	statusPhrase,
	unexpectedBodyProblem,
} from './response.js';
import {commonAdvice} from './advice.js';
import {baseUrlSchema, hasControlCharacters, isWellFormedText, lazySchema, trimPasted, validateAnswers} from './validation.js';
import type {Answers, Backend, FieldSpec, Outcome} from './types.js';

export const NCR_SITES = [
	{value: 'kr', label: 'Korea', baseUrl: 'https://ncr.apigw.ntruss.com/ncr/api/v2', dockerZone: 'kr.ncr.ntruss.com'},
	{value: 'sg', label: 'Singapore', baseUrl: 'https://ncr.apigw.ntruss.com/ncr/sgn-api/v2'},
	{value: 'jp', label: 'Japan', baseUrl: 'https://ncr.apigw.ntruss.com/ncr/jpn-api/v2'},
	{value: 'gov-kr', label: 'Government KR', baseUrl: 'https://gov-ncr.apigw.gov-ntruss.com/ncr/kr/v2'},
	{value: 'gov-krs', label: 'Government KRS', baseUrl: 'https://gov-ncr.apigw.gov-ntruss.com/ncr/krs/v2'},
] as const;

const CUSTOM_SITE = 'custom';

const REGISTRY_RULE = 'lowercase letters, digits and hyphens; 1–63 characters; no hyphen at either end';
const BUCKET_RULE = 'lowercase letters, digits, dots and hyphens; 3–63 characters; starts and ends with a letter or digit';

const registrySchema = lazySchema(() =>
	z.string().check(
		z.maxLength(63, `${REGISTRY_RULE} (e.g. team-a)`),
		z.regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, `${REGISTRY_RULE} (e.g. team-a)`),
	),
);

const bucketSchema = lazySchema(() =>
	z.string().check(
		z.minLength(3, `${BUCKET_RULE} (e.g. team-a-images)`),
		z.maxLength(63, `${BUCKET_RULE} (e.g. team-a-images)`),
		z.regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, `${BUCKET_RULE} (e.g. team-a-images)`),
		z.refine((value: string) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(value), 'must not look like an IP address (e.g. team-a-images)'),
	),
);

const accessKeySchema = lazySchema(() =>
	z.string().check(
		z.maxLength(128, 'an access key is at most 128 characters'),
		z.regex(/^[\x21-\x7E]+$/, 'an access key is printable ASCII with no spaces (e.g. ncp_iam_BPAMKR…)'),
	),
);

const secretKeySchema = lazySchema(() =>
	z.string().check(
		z.maxLength(256, 'a secret key is at most 256 characters'),
		z.refine((value: string) => !hasControlCharacters(value), 'a secret key must not contain control characters'),
		z.refine(isWellFormedText, 'a secret key must not contain a broken character (half of a surrogate pair)'),
	),
);

const storageTypes = [
	{value: 'objectStorage', label: 'Object Storage', hint: 'images kept in a bucket of yours (default)'},
	{value: 'ncloudStorage', label: 'Ncloud Storage', hint: 'storage managed by the registry; no bucket'},
] as const;

const siteChoices = [
	...NCR_SITES.map(site => ({value: site.value, label: site.label, hint: site.baseUrl})),
	{value: CUSTOM_SITE, label: 'Custom endpoint…', hint: 'a proxy, private gateway or local emulator'},
];

const connectionFields: FieldSpec[] = [
	{
		key: 'site',
		label: 'Site',
		flag: 'site',
		kind: 'choice',
		choices: siteChoices,
		rule: `one of ${NCR_SITES.map(site => site.value).join(', ')}`,
		example: 'kr',
		defaultValue: 'kr',
		schema: lazySchema(() =>
			z.enum(['kr', 'sg', 'jp', 'gov-kr', 'gov-krs', CUSTOM_SITE], {
				error: `one of ${NCR_SITES.map(site => site.value).join(', ')} (e.g. kr), or --endpoint URL`,
			}),
		),
	},
	{
		key: 'endpoint',
		label: 'Endpoint',
		flag: 'endpoint',
		kind: 'text',
		rule: 'the API base URL, path included (e.g. http://127.0.0.1:8080/ncr/api/v2)',
		example: 'http://127.0.0.1:8080/ncr/api/v2',
		schema: baseUrlSchema,
		normalize: value => trimPasted(value).replace(/\/+$/, ''),
		when: answers => answers.site === CUSTOM_SITE,
	},
	{
		key: 'storageEndpoint',
		label: 'Object Storage endpoint',
		flag: 'storage-endpoint',
		kind: 'text',
		rule: "where the account's buckets are listed and created (S3 API base URL)",
		example: 'https://kr.object.ncloudstorage.com',
		optional: true,
		schema: baseUrlSchema,
		normalize: value => trimPasted(value).replace(/\/+$/, ''),
		// Korea, Singapore and Japan have a known endpoint; elsewhere it is given as a flag or kept in a profile.
		flagOnly: true,
	},
];

const credentialFields: FieldSpec[] = [
	{
		key: 'accessKey',
		label: 'Access key',
		kind: 'text',
		rule: 'the access key ID from the NCP console',
		example: 'ncp_iam_BPAMKR…',
		help: 'from the NCP console: My Page › Manage Account › Manage Auth Key',
		schema: accessKeySchema,
		normalize: trimPasted,
	},
	{
		key: 'secretKey',
		label: 'Secret key',
		kind: 'secret',
		rule: 'the secret key paired with that access key',
		example: 'the 40-character secret shown beside the access key',
		help: 'from the NCP console: My Page › Manage Account › Manage Auth Key',
		schema: secretKeySchema,
		normalize: trimPasted,
	},
];

const fields: FieldSpec[] = [
	{
		key: 'registry',
		label: 'Registry name',
		flag: 'registry',
		kind: 'text',
		rule: REGISTRY_RULE,
		example: 'team-a',
		help: 'becomes part of its host name (in Korea: <name>.kr.ncr.ntruss.com)',
		schema: registrySchema,
		normalize: value => value.trim(),
		knownFrom: {
			source: 'ncr.registries',
			message: value => `"${value}" is already one of your registries: choose another name`,
			note: 'names taken by other accounts are found out only on create',
		},
	},
	{
		key: 'storageType',
		label: 'Storage type',
		flag: 'storage-type',
		kind: 'choice',
		choices: storageTypes,
		rule: 'objectStorage or ncloudStorage',
		example: 'objectStorage',
		defaultValue: 'objectStorage',
		schema: lazySchema(() => z.enum(['objectStorage', 'ncloudStorage'], {error: 'objectStorage or ncloudStorage (e.g. objectStorage)'})),
	},
	{
		key: 'bucket',
		label: 'Bucket',
		flag: 'bucket',
		kind: 'text',
		rule: BUCKET_RULE,
		example: 'team-a-images',
		help: 'an existing Object Storage bucket that backs no other registry',
		schema: bucketSchema,
		normalize: value => value.trim(),
		choicesFrom: {
			source: 'ncr.buckets',
			loading: 'Listing your Object Storage buckets…',
			newLabel: 'New bucket…',
			newHint: 'a name of your own, created just before the registry',
			newPrompt: 'New bucket name',
			newFlagKey: 'createBucket',
		},
		when: answers => (answers.storageType ?? 'objectStorage') === 'objectStorage',
	},
	{
		key: 'createBucket',
		label: 'Create the bucket',
		booleanFlags: {'create-bucket': 'true'},
		kind: 'choice',
		choices: [
			{value: 'true', label: 'Yes', hint: 'create it first when it does not exist'},
			{value: 'false', label: 'No'},
		],
		rule: 'create the bucket first when it does not exist',
		example: '--create-bucket',
		optional: true,
		// Set by --create-bucket or by choosing "New bucket…" in the bucket list.
		flagOnly: true,
		schema: lazySchema(() => z.enum(['true', 'false'], {error: 'true or false (e.g. --create-bucket)'})),
		when: answers => (answers.storageType ?? 'objectStorage') === 'objectStorage',
	},
];

function endpoint(connection: Answers): string {
	if (connection.site === CUSTOM_SITE || (connection.endpoint && !connection.site)) {
		return (connection.endpoint ?? '').replace(/\/+$/, '');
	}
	const site = NCR_SITES.find(candidate => candidate.value === (connection.site || 'kr'));
	return (site ?? NCR_SITES[0]).baseUrl;
}

export function signedRequest(
	method: 'GET' | 'POST',
	url: URL,
	credentials: Answers,
	now: number,
	body?: string,
) {
	const accessKey = credentials.accessKey ?? '';
	const headers: Record<string, string> = {
		accept: 'application/json',
		...ncpSignatureHeaders({
			method,
			// The gateway signs the path and query exactly as they are sent.
			uri: url.pathname + url.search,
			accessKey,
			secretKey: credentials.secretKey ?? '',
			now,
		}),
	};
	if (body !== undefined) headers['content-type'] = 'application/json';
	return {
		method,
		url: url.toString(),
		headers,
		body,
		redact: {[NCP_HEADER.accessKey]: 'mask', [NCP_HEADER.signature]: 'hide'} as const,
	};
}

const errorBodySchema = lazySchema(() =>
	z.object({
		error: z.optional(
			z.object({
				errorCode: z.optional(z.union([z.string(), z.number()])),
				message: z.optional(z.string()),
				details: z.optional(z.string()),
			}),
		),
		returnCode: z.optional(z.union([z.string(), z.number()])),
		returnMessage: z.optional(z.string()),
		message: z.optional(z.string()),
	}),
);

const successBodySchema = lazySchema(() =>
	z.object({
		returnCode: z.optional(z.union([z.string(), z.number()])),
		returnMessage: z.optional(z.string()),
	}),
);

function readResponse({status, headers, body: text, truncated}: Parameters<Backend['readResponse']>[0]): Outcome {
	const traceId = headerValue(headers, 'x-ncp-trace-id');
	const parsed = parseBody(text);
	const cut = truncated ? ' (the answer was cut: it was larger than regwiz reads)' : '';
	const base = {status, traceId, body: parsed.value, resource: []};
	if (isSuccessStatus(status)) {
		if (text.trim() === '') return {...base, ok: true, message: statusPhrase(status)};
		const shaped = parsed.json ? successBodySchema.safeParse(parsed.value) : undefined;
		if (shaped?.success && (shaped.data.returnCode !== undefined || shaped.data.returnMessage !== undefined)) {
			return {
				...base,
				ok: true,
				message: printable(shaped.data.returnMessage ?? statusPhrase(status)),
			};
		}
		return {
			...base,
			ok: false,
			message: `${status} but not the answer NCR sends`,
			problem: unexpectedBodyProblem(text, parsed, truncated, '{"returnCode", "returnMessage"}'),
		};
	}
	const shaped = parsed.json ? errorBodySchema.safeParse(parsed.value) : undefined;
	if (shaped?.success) {
		const {error, returnMessage, message} = shaped.data;
		const errorCode = error?.errorCode ?? shaped.data.returnCode;
		const said = error?.message ?? returnMessage ?? message;
		if (said !== undefined) {
			return {
				...base,
				ok: false,
				message: printable(said),
				details: error?.details === undefined ? undefined : printable(error.details),
				errorCode: errorCode === undefined ? undefined : String(errorCode),
			};
		}
	}
	return {
		...base,
		ok: false,
		message: statusPhrase(status),
		details: text.trim() === '' ? undefined : cleanExcerpt(text) + cut,
		problem: truncated ? 'the answer was cut: it was larger than regwiz reads' : undefined,
	};
}

function dockerHost(fields: Answers, connection: Answers): string | undefined {
	const site = NCR_SITES.find(candidate => candidate.value === (connection.site || 'kr'));
	return site && 'dockerZone' in site ? `${fields.registry}.${site.dockerZone}` : undefined;
}

export const ncr: Backend = {
	id: 'ncr',
	title: 'NAVER Cloud Container Registry',
	description: 'a private registry backed by Object Storage',
	noun: 'registry',
	connectionFields,
	credentialFields,
	fields,
	credentialEnvHelp:
		'set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY (or NCLOUD_ACCESS_KEY and NCLOUD_SECRET_KEY), or save a profile by running regwiz in a terminal',
	envCredentials(env) {
		const accessName = env.NCLOUD_ACCESS_KEY_ID ? 'NCLOUD_ACCESS_KEY_ID' : env.NCLOUD_ACCESS_KEY ? 'NCLOUD_ACCESS_KEY' : undefined;
		const secretName = env.NCLOUD_SECRET_ACCESS_KEY
			? 'NCLOUD_SECRET_ACCESS_KEY'
			: env.NCLOUD_SECRET_KEY
				? 'NCLOUD_SECRET_KEY'
				: undefined;
		if (!accessName || !secretName) return undefined;
		return {
			credentials: {accessKey: trimPasted(env[accessName] ?? ''), secretKey: trimPasted(env[secretName] ?? '')},
			source: accessName,
		};
	},
	endpoint,
	describeEndpoint(connection) {
		const site = NCR_SITES.find(candidate => candidate.value === connection.site);
		return site ? site.label : `Custom ${endpoint(connection)}`;
	},
	publicCredential: credentials => maskSecret(credentials.accessKey ?? ''),
	buildRequest(rawFields, credentials, base, options = {}) {
		const values = validateAnswers(fields, rawFields);
		const url = new URL(`${base.replace(/\/+$/, '')}/repositories/${encodeURIComponent(values.registry ?? '')}`);
		const body: Record<string, string> = {};
		if (values.storageType === 'ncloudStorage') {
			// Older and government deployments know only {"bucket"}: send storageType only when it matters.
			body.storageType = 'ncloudStorage';
		} else {
			body.bucket = values.bucket ?? '';
		}
		return signedRequest('POST', url, credentials, options.now ?? Date.now(), JSON.stringify(body));
	},
	buildVerifyRequest(credentials, base, options = {}) {
		const url = new URL(`${base.replace(/\/+$/, '')}/repositories?page=1&pagesize=1`);
		return signedRequest('GET', url, credentials, options.now ?? Date.now());
	},
	countListed(body) {
		const parsed = z.object({count: z.number()}).safeParse(body);
		return parsed.success ? parsed.data.count : undefined;
	},
	readResponse,
	advise(outcome, context) {
		if (outcome.ok) {
			const host = dockerHost(context.fields, context.connection);
			const login = host ?? '<endpoint>';
			return [
				...(host ? [] : [`Find the registry's endpoint in the NCP console (Container Registry › ${context.fields.registry}).`]),
				`docker login ${login}   (user: your access key, password: your secret key)`,
				`docker push ${login}/<image>:<tag>`,
			];
		}
		if (outcome.status === 401) {
			// The gateway gives the same answer for all three causes: name each one.
			const lines = [
				'NCP answers 401 alike for a wrong key pair, a wrong signature and a wrong clock. Check:',
				'1. the access key and secret key belong together (NCP console › Manage Auth Key), and the key is active;',
				"2. the signature: no proxy rewrites the request's path, and the endpoint's path prefix is the site's;",
				'3. your clock is right (NCP allows 5 minutes).',
			];
			const skew = clockSkew(context.headers, context.now);
			if (skew !== undefined && Math.abs(skew) > 5 * 60_000) {
				lines.unshift(
					`Your clock is ${describeDuration(skew)} ${skew > 0 ? 'ahead of' : 'behind'} the server's: correct it (e.g. enable NTP) and retry.`,
				);
			}
			return lines;
		}
		if (outcome.status === 409) {
			return [
				`The registry name "${context.fields.registry}" or the bucket is already used (a bucket can back only one registry).`,
				'Choose another name, or a bucket no registry uses.',
			];
		}
		if (outcome.status === 403) {
			return ['The account lacks the right to create registries: ask its administrator for a Container Registry manager policy (Sub Account).'];
		}
		if (outcome.status === 404) {
			return ['Nothing answers at that path: check the site or --endpoint, and that the bucket exists.'];
		}
		return commonAdvice(outcome, context);
	},
	resourceName: answers => answers.registry ?? '',
	bucketToCreate: answers =>
		answers.createBucket === 'true' && (answers.storageType ?? 'objectStorage') === 'objectStorage' && answers.bucket ? answers.bucket : undefined,
};
