import * as z from 'zod/mini';
import {safeText} from '../text-safety.js';
import {ncpSignatureHeaders, NCP_HEADER} from '../signing/ncp-signature.js';
import {maskSecret} from '../mask.js';
import {cleanExcerpt, clockSkew, describeDuration, headerValue, isSuccessStatus, parseBody, statusPhrase, unexpectedBodyProblem} from './response.js';
import {commonAdvice} from './advice.js';
import {describeVariables} from './environment.js';
import {baseUrlSchema, hasControlCharacters, isWellFormedText, lazySchema, trimPasted, validateAnswers} from './validation.js';
import type {AdviceContext, Answers, Backend, FieldSpec, Outcome, PlainRequest, ResponseInput} from './types.js';

/**
 * Each site's API base and the usual host `docker login` takes (`dockerZone` after the registry's name).
 * The service reports the real host in its listing; the zone is the fallback when that cannot be read.
 * `zone` and `region` are the NCLOUD_SITE and NCLOUD_REGION values that choose the site.
 */
export const NCR_SITES = [
	{value: 'kr', label: 'Korea', baseUrl: 'https://ncr.apigw.ntruss.com/ncr/api/v2', dockerZone: 'kr.ncr.ntruss.com', zone: 'public', region: 'KR'},
	{value: 'sg', label: 'Singapore', baseUrl: 'https://ncr.apigw.ntruss.com/ncr/sgn-api/v2', dockerZone: 'sg.ncr.ntruss.com', zone: 'public', region: 'SGN'},
	{value: 'jp', label: 'Japan', baseUrl: 'https://ncr.apigw.ntruss.com/ncr/jpn-api/v2', dockerZone: 'jp.ncr.ntruss.com', zone: 'public', region: 'JPN'},
	{value: 'gov-kr', label: 'Government KR', baseUrl: 'https://gov-ncr.apigw.gov-ntruss.com/ncr/kr/v2', dockerZone: 'ncr.gov-ntruss.com', zone: 'gov', region: 'KR'},
	// One public sample only shows this host; the read-back confirms or corrects it.
	{value: 'gov-krs', label: 'Government KRS', baseUrl: 'https://gov-ncr.apigw.gov-ntruss.com/ncr/krs/v2', dockerZone: 'krs.ncr.gov-ntruss.com', zone: 'gov', region: 'KRS'},
	{value: 'fin', label: 'Financial', baseUrl: 'https://ncr.apigw.fin-ntruss.com/ncr/api/v2', dockerZone: 'ncr.fin-ntruss.com', zone: 'fin', region: 'KR'},
] as const;

export type NcrSite = (typeof NCR_SITES)[number];

/**
 * The site NCLOUD_SITE (public, gov, fin) and NCLOUD_REGION (KR, SGN, JPN) name, as the NCP SDKs and
 * Terraform provider read them. Undefined when neither is set; a sentence naming the variable when a value is unknown.
 */
export function siteFromEnvironment(env: NodeJS.ProcessEnv): {site: NcrSite['value']; source: string} | {problem: string} | undefined {
	const zone = env.NCLOUD_SITE?.trim().toLowerCase() || undefined;
	const region = env.NCLOUD_REGION?.trim().toUpperCase() || undefined;
	if (zone === undefined && region === undefined) return undefined;
	if (zone !== undefined && !['public', 'gov', 'fin'].includes(zone)) {
		return {problem: `NCLOUD_SITE ${JSON.stringify(env.NCLOUD_SITE)} is not a site: use public, gov or fin (e.g. NCLOUD_SITE=gov)`};
	}
	const inZone = NCR_SITES.filter(site => site.zone === (zone ?? 'public'));
	const site = region === undefined ? inZone[0] : inZone.find(candidate => candidate.region === region);
	if (!site) {
		const known = inZone.map(candidate => candidate.region).join(', ');
		return {problem: `NCLOUD_REGION ${JSON.stringify(env.NCLOUD_REGION)} is not a region of the ${zone ?? 'public'} site: use ${known} (e.g. NCLOUD_REGION=${inZone[0]?.region ?? 'KR'})`};
	}
	const source = [zone === undefined ? '' : `NCLOUD_SITE=${zone}`, region === undefined ? '' : `NCLOUD_REGION=${region}`].filter(Boolean).join(' ');
	return {site: site.value, source};
}

const CUSTOM_SITE = 'custom';

const NCR_VARIABLES = {
	accessKey: ['NCLOUD_ACCESS_KEY_ID', 'NCLOUD_ACCESS_KEY'],
	secretKey: ['NCLOUD_SECRET_ACCESS_KEY', 'NCLOUD_SECRET_KEY'],
} as const;

/** NCP's gateway refuses a timestamp more than this far from its clock. */
export const NCP_SIGNATURE_VALIDITY_MS = 5 * 60_000;

/** When an NCP-signed request stops being accepted, from its own timestamp; undefined for unsigned requests. */
export function ncpSignatureExpiry(request: PlainRequest): Date | undefined {
	if (request.headers[NCP_HEADER.signature] === undefined) return undefined;
	const timestamp = Number(request.headers[NCP_HEADER.timestamp]);
	return Number.isFinite(timestamp) && timestamp > 0 ? new Date(timestamp + NCP_SIGNATURE_VALIDITY_MS) : undefined;
}

const REGISTRY_RULE = '3–30 characters, a lowercase letter first, then lowercase letters, digits and hyphens, ending with a letter or digit';
const BUCKET_RULE = '3–63 characters, labels of lowercase letters, digits and hyphens joined by dots, no label empty or with a hyphen at its edge';

/** The registry name rule NCP publishes (API v3; the service behind v2 is the same). */
export const REGISTRY_NAME_PATTERN = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

const registrySchema = lazySchema(() =>
	z.string().check(
		z.minLength(3, `is too short; ${REGISTRY_RULE} (e.g. team-a)`),
		z.maxLength(30, `is too long; ${REGISTRY_RULE} (e.g. team-a)`),
		z.refine((value: string) => /^[a-z]/.test(value), `must start with a lowercase letter; ${REGISTRY_RULE} (e.g. team-a)`),
		z.regex(REGISTRY_NAME_PATTERN, `${REGISTRY_RULE} (e.g. team-a)`),
	),
);

/** Why a bucket name breaks the Object Storage rule, or undefined when it keeps it. */
export function bucketNameProblem(value: string): string | undefined {
	if (value.length < 3 || value.length > 63) return `must be 3–63 characters (it has ${value.length})`;
	if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return 'must not be shaped like an IP address';
	const labels = value.split('.');
	if (labels.some(label => label === '')) return 'has an empty label: no dot at either end and no two dots in a row';
	if (labels.some(label => !/^[a-z0-9-]+$/.test(label))) return 'may hold only lowercase letters, digits, hyphens and dots';
	if (labels.some(label => label.startsWith('-') || label.endsWith('-'))) return 'has a label starting or ending with a hyphen (next to a dot or at an end)';
	return undefined;
}

const bucketSchema = lazySchema(() =>
	z.string().check(
		z.superRefine((value: string, context) => {
			const problem = bucketNameProblem(value);
			if (problem) context.addIssue({code: 'custom', message: `${problem}; ${BUCKET_RULE} (e.g. team-a-images)`});
		}),
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
		rule: `one of ${NCR_SITES.map(site => `${site.value} (${site.label})`).join(', ')}`,
		example: 'kr',
		defaultValue: 'kr',
		schema: lazySchema(() =>
			z.enum([...NCR_SITES.map(site => site.value), CUSTOM_SITE], {
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
		flagValue: 'BASE_URL',
		implies: {site: CUSTOM_SITE},
	},
	{
		key: 'storageEndpoint',
		label: 'Object Storage endpoint',
		flag: 'storage-endpoint',
		kind: 'text',
		rule: "Object Storage's S3 API, where --create-bucket and regwiz buckets go (default: the site's; needed for gov-*, fin and --endpoint)",
		example: 'https://kr.object.ncloudstorage.com',
		flagValue: 'URL',
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
		help: 'unique across all NCP accounts; becomes part of its docker host name (<name>.kr.ncr.ntruss.com, or the zone of your site)',
		flagValue: 'NAME',
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
		flagValue: 'TYPE',
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
		flagValue: 'BUCKET',
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
		rule: 'first, when it does not exist (HEAD, then PUT, at Object Storage; both shown by --dry-run)',
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
		// NCP's docs mark it required on every request, with a body or not.
		'content-type': 'application/json',
		...ncpSignatureHeaders({
			method,
			// The gateway signs the path and query exactly as they are sent.
			uri: url.pathname + url.search,
			accessKey,
			secretKey: credentials.secretKey ?? '',
			now,
		}),
	};
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
				message: safeText(shaped.data.returnMessage ?? statusPhrase(status)),
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
				message: safeText(said),
				details: error?.details === undefined ? undefined : safeText(error.details),
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

const siteOf = (connection: Answers): NcrSite | undefined => NCR_SITES.find(candidate => candidate.value === (connection.site || 'kr'));

/** The host `docker login` usually takes on this site; undefined for a custom endpoint. */
export function usualDockerHost(registry: string, connection: Answers): string | undefined {
	const custom = connection.site === CUSTOM_SITE || (connection.endpoint && !connection.site);
	const site = custom ? undefined : siteOf(connection);
	return site ? `${registry}.${site.dockerZone}` : undefined;
}

/** A host name (and port) as docker takes it: anything else the service sent is not used as one. */
const HOST_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::\d{1,5})?$/;

// NCR's registry list (`GET {base}/repositories`), one request builder and one reader for everything
// that reads it: the read-back after a create (each registry's hosts), `regwiz buckets` and the wizard
// (which registry each bucket backs, which names are already the account's).
const listedSchema = lazySchema(() =>
	z.object({
		count: z.nullish(z.number()),
		next: z.nullish(z.union([z.number(), z.string()])),
		results: z.array(
			z.object({
				name: z.string(),
				bucket: z.nullish(z.string()),
				end_point: z.nullish(z.string()),
				private_end_point: z.nullish(z.string()),
				private_id: z.nullish(z.union([z.string(), z.number()])),
				end_point_enabled: z.nullish(z.boolean()),
			}),
		),
	}),
);

type ListedEntry = {
	name: string;
	bucket?: string | null;
	end_point?: string | null;
	private_end_point?: string | null;
	private_id?: string | number | null;
	end_point_enabled?: boolean | null;
};

export type ListedRegistry = {name: string; bucket?: string; endPoint?: string};

export const REGISTRY_PAGE_SIZE = 100;
/** 100 pages of 100: far more registries than an account holds; the list stops there. */
export const MAX_REGISTRY_PAGES = 100;

export function registryListRequest(credentials: Answers, base: string, page: number, now: number): PlainRequest {
	const url = new URL(`${base.replace(/\/+$/, '')}/repositories?page=${page}&pagesize=${REGISTRY_PAGE_SIZE}`);
	return signedRequest('GET', url, credentials, now);
}

type ListedPage = {ok: true; results: ListedEntry[]; next: boolean} | {ok: false; status: number; problem: 'refused' | 'unreadable'; said?: string};

/** One page of the list as NCR sends it, or why it is not one. */
function readListedPage(response: ResponseInput): ListedPage {
	if (!isSuccessStatus(response.status)) {
		let said: string | undefined;
		try {
			const body = JSON.parse(response.body) as {error?: {message?: unknown}};
			said = typeof body?.error?.message === 'string' ? body.error.message : undefined;
		} catch {
			said = undefined;
		}
		return {ok: false, status: response.status, problem: 'refused', ...(said === undefined ? {} : {said})};
	}
	const parsed = parseBody(response.body);
	const listed = parsed.json ? listedSchema.safeParse(parsed.value) : undefined;
	if (!listed?.success) return {ok: false, status: response.status, problem: 'unreadable'};
	return {ok: true, results: listed.data.results, next: listed.data.next !== null && listed.data.next !== undefined};
}

export type RegistryPage = {ok: true; registries: ListedRegistry[]; next?: number} | {ok: false; status: number; message: string};

/** One page of the list, names made safe to show; `next` is the page to ask for after it, when there is one. */
export function readRegistryPage(response: ResponseInput, page: number): RegistryPage {
	const listed = readListedPage(response);
	if (!listed.ok) {
		return listed.problem === 'refused'
			? {ok: false, status: listed.status, message: `${listed.status} ${safeText(listed.said ?? statusPhrase(listed.status))}`}
			: {ok: false, status: listed.status, message: `${listed.status} but not the registry list NCR sends`};
	}
	const registries = listed.results.map(entry => ({
		name: safeText(entry.name),
		...(entry.bucket ? {bucket: safeText(entry.bucket)} : {}),
		...(entry.end_point ? {endPoint: safeText(entry.end_point)} : {}),
	}));
	return {ok: true, registries, ...(listed.next && registries.length > 0 ? {next: page + 1} : {})};
}

/** Bucket name → the registry it backs. */
export function registriesByBucket(registries: readonly ListedRegistry[]): Map<string, string> {
	const map = new Map<string, string>();
	for (const registry of registries) if (registry.bucket) map.set(registry.bucket, registry.name);
	return map;
}

function fallbackReadBack(fields: Answers, connection: Answers, problem: string) {
	const host = usualDockerHost(fields.registry ?? '', connection);
	const site = siteOf(connection);
	return {
		confirmed: false,
		problem,
		resource: [
			{
				label: 'Endpoint',
				value: host
					? `${host}  (the usual pattern for ${site?.label ?? 'this site'}, not confirmed: ${problem})`
					: `not confirmed (${problem}): see the NCP console, Container Registry › ${fields.registry ?? ''}`,
			},
		],
		facts: {end_point: host ?? null, private_end_point: null, end_point_enabled: null, confirmed: false},
	};
}

const readBack: NonNullable<Backend['readBack']> = {
	buildRequest(_fields, credentials, base, options = {}) {
		// The listing is where NCP reports each registry's hosts (end_point, private_end_point).
		return registryListRequest(credentials, base, 1, options.now ?? Date.now());
	},
	read(response, {fields, connection, failure}) {
		if (!response) return fallbackReadBack(fields, connection, `the registry could not be read back (${failure ?? 'no answer'})`);
		const listed = readListedPage(response);
		if (!listed.ok && listed.problem === 'refused') {
			return fallbackReadBack(fields, connection, `reading it back was refused: ${response.status} ${statusPhrase(response.status)}`);
		}
		if (!listed.ok) return fallbackReadBack(fields, connection, 'the listing read back was not the answer NCR sends');
		const entry = listed.results.find(candidate => candidate.name === fields.registry);
		if (!entry) return fallbackReadBack(fields, connection, `the registry is not among the first ${REGISTRY_PAGE_SIZE} listed`);
		const publicHost = entry.end_point && HOST_PATTERN.test(entry.end_point) ? entry.end_point : undefined;
		const privateHost = entry.private_end_point && HOST_PATTERN.test(entry.private_end_point) ? entry.private_end_point : undefined;
		if (!publicHost && !privateHost) return fallbackReadBack(fields, connection, 'the listing names no endpoint for it');
		const enabled = entry.end_point_enabled ?? null;
		const resource = [];
		if (publicHost) {
			resource.push({label: 'Endpoint', value: enabled === false ? `${publicHost}  (turned off: enable it in the console to use it)` : publicHost});
		}
		if (privateHost) resource.push({label: 'Private', value: `${privateHost}  (the private endpoint, from inside the VPC)`});
		return {
			confirmed: true,
			resource,
			facts: {end_point: publicHost ?? null, private_end_point: privateHost ?? null, end_point_enabled: enabled, confirmed: true},
		};
	},
};

/** A custom endpoint names no docker host, except a loopback emulator, which answers the login check on its own origin. */
function loopbackHost(connection: Answers): string | undefined {
	const base = connection.endpoint ?? '';
	if (!URL.canParse(base)) return undefined;
	const url = new URL(base);
	return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname) ? url.host : undefined;
}

/** The host the next steps use: the one the service reported (public unless turned off), else the usual one. */
function dockerHost(context: Pick<AdviceContext, 'fields' | 'connection' | 'readBack'>): {host?: string; confirmed: boolean; privateOnly: boolean} {
	const facts = context.readBack?.facts;
	const reported = typeof facts?.end_point === 'string' ? facts.end_point : undefined;
	const privateHost = typeof facts?.private_end_point === 'string' ? facts.private_end_point : undefined;
	if (context.readBack?.confirmed) {
		if (facts?.end_point_enabled === false && privateHost) return {host: privateHost, confirmed: true, privateOnly: true};
		if (reported) return {host: reported, confirmed: true, privateOnly: false};
		if (privateHost) return {host: privateHost, confirmed: true, privateOnly: true};
	}
	return {host: usualDockerHost(context.fields.registry ?? '', context.connection), confirmed: false, privateOnly: false};
}

const AUTH_MISSING_DETAILS = /missing/i;

/** Advice for a 401, by the gateway's errorCode: 210 is a subscription or policy, 200 the key, signature or clock. */
function unauthorizedAdvice(outcome: Outcome, context: AdviceContext): string[] {
	if (outcome.errorCode === '210') {
		return [
			'NCP answered 210 Permission Denied: the key pair was accepted, but this account may not use the API. Check:',
			'1. Container Registry is subscribed for this account (NCP console › Services › Container Registry);',
			'2. a sub-account has a Container Registry policy (e.g. NCP_CONTAINER_REGISTRY_MANAGER) and API Gateway access (Sub Account › policies).',
		];
	}
	if (outcome.errorCode === '200' && AUTH_MISSING_DETAILS.test(outcome.details ?? '')) {
		return [
			'NCP says the authentication headers are missing: they did not reach it.',
			'Check that no proxy or gateway between you and NCP strips x-ncp-apigw-* headers, and that the endpoint is the site\'s own.',
		];
	}
	const lines = [
		outcome.errorCode === '200'
			? 'NCP answered 200 Authentication Failed: it rejected the key, the signature or the timestamp, and does not say which. Check:'
			: 'NCP answers 401 alike for a wrong key pair, a wrong signature and a wrong clock. Check:',
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
			const {host, confirmed, privateOnly} = dockerHost(context);
			const login = host ?? '<endpoint>';
			return [
				...(host ? [] : [`Find the registry's endpoint in the NCP console (Container Registry › ${context.fields.registry}).`]),
				...(host && !confirmed ? [`${host} is the usual pattern for this site, not confirmed by NCP: check it in the console if docker cannot reach it.`] : []),
				...(privateOnly ? ['The public endpoint is turned off: the private one works from inside the VPC.'] : []),
				`docker login ${login}   (user: your access key, password: your secret key)`,
				`docker push ${login}/<image>:<tag>`,
			];
		}
		if (outcome.status === 401) return unauthorizedAdvice(outcome, context);
		if (outcome.status === 409) {
			return [
				`The registry name "${context.fields.registry}" or the bucket is already used (a bucket can back only one registry).`,
				'Choose another name, or a bucket no registry uses.',
			];
		}
		if (outcome.status === 403) {
			// Registry names are unique across every NCP account, and a name held elsewhere is refused as 403.
			return [
				`NCP answers 403 on create for two causes: the name "${context.fields.registry}" is taken by another NCP account (names are unique across all accounts), or this account may not create registries.`,
				'Try another name first; if every name is refused, ask the account administrator for a Container Registry manager policy (Sub Account).',
			];
		}
		if (outcome.status === 404) {
			return ['Nothing answers at that path: check the site or --endpoint, and that the bucket exists.'];
		}
		return commonAdvice(outcome, context);
	},
	resourceName: answers => answers.registry ?? '',
	bucketToCreate: answers =>
		answers.createBucket === 'true' && (answers.storageType ?? 'objectStorage') === 'objectStorage' && answers.bucket ? answers.bucket : undefined,
	plural: 'registries',
	shownCredential: 'accessKey',
	credentialVariables: NCR_VARIABLES,
	help: {
		summary: 'create a NAVER Cloud Container Registry registry',
		notes: [
			`Credentials (never flags): ${describeVariables(NCR_VARIABLES)}; otherwise the profile (--profile, default "default").`,
			'Requests are signed with the NCP API Gateway signature v2.',
			'Without --site, --endpoint or a profile, the site is what NCLOUD_SITE (public|gov|fin) and NCLOUD_REGION (KR|SGN|JPN) name, as the NCP SDKs read them; else kr.',
		],
		examples: [
			'regwiz create ncr --registry team-a --bucket team-a-images',
			'regwiz create ncr --registry team-a --storage-type ncloudStorage --site sg --json',
			'NCLOUD_ACCESS_KEY=... NCLOUD_SECRET_KEY=... regwiz create ncr --registry team-a --bucket b1 --dry-run',
		],
	},
	curl: {
		kind: 'signed',
		expiresAt: request => ncpSignatureExpiry(request),
		validity: 'valid 5 minutes',
	},
	sandbox: {
		emulator: 'ncr',
		// The emulator's Object Storage is on the same origin (source/sandbox/object-storage-api.ts).
		connection: baseUrl => ({site: CUSTOM_SITE, endpoint: baseUrl, storageEndpoint: `${new URL(baseUrl).origin}/object-storage`}),
		demos: [{label: 'demo', credentials: {accessKey: 'ncp_iam_SANDBOXDEMOKEY0001', secretKey: 'sandbox-secret-key-not-a-real-secret-0001'}}],
		example: {registry: 'team-a', bucket: 'team-a-images'},
	},
	importsFrom: 'ncloud-configure',
	readBack,
	// Names are unique across all NCP accounts: a 403 may be a name someone else holds.
	renameOn: [403, 409],
	envConnection(env) {
		const found = siteFromEnvironment(env);
		if (!found || 'problem' in found) return found;
		return {connection: {site: found.site}, source: found.source};
	},
	dockerLogin({fields, credentials, connection, readBack}) {
		const host = dockerHost({fields, connection, readBack}).host ?? loopbackHost(connection);
		if (!host || !credentials.accessKey || !credentials.secretKey) return undefined;
		return {host, username: credentials.accessKey, secretKey: credentials.secretKey, imageBase: `${host}/my-image`};
	},
};
