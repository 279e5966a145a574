import * as z from 'zod/mini';
import {t} from '../i18n/index.js';
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
	{value: 'kr', label: t('ncr.site.kr'), baseUrl: 'https://ncr.apigw.ntruss.com/ncr/api/v2', dockerZone: 'kr.ncr.ntruss.com', zone: 'public', region: 'KR'},
	{value: 'sg', label: t('ncr.site.sg'), baseUrl: 'https://ncr.apigw.ntruss.com/ncr/sgn-api/v2', dockerZone: 'sg.ncr.ntruss.com', zone: 'public', region: 'SGN'},
	{value: 'jp', label: t('ncr.site.jp'), baseUrl: 'https://ncr.apigw.ntruss.com/ncr/jpn-api/v2', dockerZone: 'jp.ncr.ntruss.com', zone: 'public', region: 'JPN'},
	{value: 'gov-kr', label: t('ncr.site.govKr'), baseUrl: 'https://gov-ncr.apigw.gov-ntruss.com/ncr/kr/v2', dockerZone: 'ncr.gov-ntruss.com', zone: 'gov', region: 'KR'},
	// One public sample only shows this host; the read-back confirms or corrects it.
	{value: 'gov-krs', label: t('ncr.site.govKrs'), baseUrl: 'https://gov-ncr.apigw.gov-ntruss.com/ncr/krs/v2', dockerZone: 'krs.ncr.gov-ntruss.com', zone: 'gov', region: 'KRS'},
	{value: 'fin', label: t('ncr.site.fin'), baseUrl: 'https://ncr.apigw.fin-ntruss.com/ncr/api/v2', dockerZone: 'ncr.fin-ntruss.com', zone: 'fin', region: 'KR'},
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
		return {problem: t('ncr.env.badSite', {value: JSON.stringify(env.NCLOUD_SITE)})};
	}
	const inZone = NCR_SITES.filter(site => site.zone === (zone ?? 'public'));
	const site = region === undefined ? inZone[0] : inZone.find(candidate => candidate.region === region);
	if (!site) {
		const known = inZone.map(candidate => candidate.region).join(', ');
		return {problem: t('ncr.env.badRegion', {value: JSON.stringify(env.NCLOUD_REGION), zone: zone ?? 'public', known, example: inZone[0]?.region ?? 'KR'})};
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

/** The registry name rule NCP publishes (API v3; the service behind v2 is the same). */
export const REGISTRY_NAME_PATTERN = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

const registrySchema = lazySchema(() =>
	z.string().check(
		z.minLength(3, t('ncr.registry.tooShort')),
		z.maxLength(30, t('ncr.registry.tooLong')),
		z.refine((value: string) => /^[a-z]/.test(value), t('ncr.registry.firstLetter')),
		z.regex(REGISTRY_NAME_PATTERN, t('ncr.registry.pattern')),
	),
);

/** Why a bucket name breaks the Object Storage rule, or undefined when it keeps it. */
export function bucketNameProblem(value: string): string | undefined {
	if (value.length < 3 || value.length > 63) return t('ncr.bucket.length', {length: value.length});
	if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return t('ncr.bucket.ipShaped');
	const labels = value.split('.');
	if (labels.some(label => label === '')) return t('ncr.bucket.emptyLabel');
	if (labels.some(label => !/^[a-z0-9-]+$/.test(label))) return t('ncr.bucket.characters');
	if (labels.some(label => label.startsWith('-') || label.endsWith('-'))) return t('ncr.bucket.hyphenEdge');
	return undefined;
}

const bucketSchema = lazySchema(() =>
	z.string().check(
		z.superRefine((value: string, context) => {
			const problem = bucketNameProblem(value);
			if (problem) context.addIssue({code: 'custom', message: t('ncr.bucket.problem', {problem})});
		}),
	),
);

const accessKeySchema = lazySchema(() =>
	z.string().check(
		z.maxLength(128, t('ncr.accessKey.tooLong')),
		z.regex(/^[\x21-\x7E]+$/, t('ncr.accessKey.printable')),
	),
);

const secretKeySchema = lazySchema(() =>
	z.string().check(
		z.maxLength(256, t('ncr.secretKey.tooLong')),
		z.refine((value: string) => !hasControlCharacters(value), t('ncr.secretKey.control')),
		z.refine(isWellFormedText, t('ncr.secretKey.broken')),
	),
);

const storageTypes = [
	{value: 'objectStorage', label: 'Object Storage', hint: t('ncr.storageType.objectStorageHint')},
	{value: 'ncloudStorage', label: 'Ncloud Storage', hint: t('ncr.storageType.ncloudStorageHint')},
] as const;

const siteChoices = [
	...NCR_SITES.map(site => ({value: site.value, label: site.label, hint: site.baseUrl})),
	{value: CUSTOM_SITE, label: t('ncr.site.custom'), hint: t('ncr.site.customHint')},
];

const connectionFields: FieldSpec[] = [
	{
		key: 'site',
		label: t('ncr.site.label'),
		flag: 'site',
		kind: 'choice',
		choices: siteChoices,
		rule: t('ncr.site.rule', {sites: NCR_SITES.map(site => `${site.value} (${site.label})`).join(', ')}),
		example: 'kr',
		defaultValue: 'kr',
		schema: lazySchema(() =>
			z.enum([...NCR_SITES.map(site => site.value), CUSTOM_SITE], {
				error: t('ncr.site.error', {sites: NCR_SITES.map(site => site.value).join(', ')}),
			}),
		),
	},
	{
		key: 'endpoint',
		label: t('ncr.endpoint.label'),
		flag: 'endpoint',
		kind: 'text',
		rule: t('ncr.endpoint.rule'),
		example: 'http://127.0.0.1:8080/ncr/api/v2',
		schema: baseUrlSchema,
		normalize: value => trimPasted(value).replace(/\/+$/, ''),
		when: answers => answers.site === CUSTOM_SITE,
		flagValue: 'BASE_URL',
		implies: {site: CUSTOM_SITE},
	},
	{
		key: 'storageEndpoint',
		label: t('ncr.storageEndpoint.label'),
		flag: 'storage-endpoint',
		kind: 'text',
		rule: t('ncr.storageEndpoint.rule'),
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
		label: t('ncr.accessKey.label'),
		kind: 'text',
		rule: t('ncr.accessKey.rule'),
		example: 'ncp_iam_BPAMKR…',
		help: t('ncr.accessKey.help'),
		schema: accessKeySchema,
		normalize: trimPasted,
	},
	{
		key: 'secretKey',
		label: t('ncr.secretKey.label'),
		kind: 'secret',
		rule: t('ncr.secretKey.rule'),
		example: t('ncr.secretKey.example'),
		help: t('ncr.secretKey.help'),
		schema: secretKeySchema,
		normalize: trimPasted,
	},
];

const fields: FieldSpec[] = [
	{
		key: 'registry',
		label: t('ncr.registry.label'),
		flag: 'registry',
		kind: 'text',
		rule: t('ncr.registry.rule'),
		example: 'team-a',
		help: t('ncr.registry.help'),
		flagValue: 'NAME',
		schema: registrySchema,
		normalize: value => value.trim(),
		knownFrom: {
			source: 'ncr.registries',
			message: value => t('ncr.registry.known', {value}),
			note: t('ncr.registry.knownNote'),
		},
	},
	{
		key: 'storageType',
		label: t('ncr.storageType.label'),
		flag: 'storage-type',
		kind: 'choice',
		choices: storageTypes,
		rule: t('ncr.storageType.rule'),
		example: 'objectStorage',
		flagValue: 'TYPE',
		defaultValue: 'objectStorage',
		schema: lazySchema(() => z.enum(['objectStorage', 'ncloudStorage'], {error: t('ncr.storageType.error')})),
	},
	{
		key: 'bucket',
		label: t('ncr.bucket.label'),
		flag: 'bucket',
		kind: 'text',
		rule: t('ncr.bucket.rule'),
		example: 'team-a-images',
		help: t('ncr.bucket.help'),
		flagValue: 'BUCKET',
		schema: bucketSchema,
		normalize: value => value.trim(),
		choicesFrom: {
			source: 'ncr.buckets',
			loading: t('ncr.bucket.loading'),
			newLabel: t('ncr.bucket.newLabel'),
			newHint: t('ncr.bucket.newHint'),
			newPrompt: t('ncr.bucket.newPrompt'),
			newFlagKey: 'createBucket',
		},
		when: answers => (answers.storageType ?? 'objectStorage') === 'objectStorage',
	},
	{
		key: 'createBucket',
		label: t('ncr.createBucket.label'),
		booleanFlags: {'create-bucket': 'true'},
		kind: 'choice',
		choices: [
			{value: 'true', label: t('ncr.createBucket.yes'), hint: t('ncr.createBucket.yesHint')},
			{value: 'false', label: t('ncr.createBucket.no')},
		],
		rule: t('ncr.createBucket.rule'),
		example: '--create-bucket',
		optional: true,
		// Set by --create-bucket or by choosing "New bucket…" in the bucket list.
		flagOnly: true,
		schema: lazySchema(() => z.enum(['true', 'false'], {error: t('ncr.createBucket.error')})),
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
	const cut = truncated ? ` (${t('ncr.response.cut')})` : '';
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
			message: t('ncr.response.notNcr', {status}),
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
		problem: truncated ? t('ncr.response.cut') : undefined,
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
			: {ok: false, status: listed.status, message: t('ncr.list.notNcr', {status: listed.status})};
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
				label: t('ncr.readBack.endpointLabel'),
				value: host
					? site
						? t('ncr.readBack.usualForSite', {host, site: site.label, problem})
						: t('ncr.readBack.usual', {host, problem})
					: t('ncr.readBack.notConfirmed', {problem, registry: fields.registry ?? ''}),
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
		if (!response) return fallbackReadBack(fields, connection, failure === undefined ? t('ncr.readBack.noAnswer') : t('ncr.readBack.failed', {failure}));
		const listed = readListedPage(response);
		if (!listed.ok && listed.problem === 'refused') {
			return fallbackReadBack(fields, connection, t('ncr.readBack.refused', {status: response.status, phrase: statusPhrase(response.status)}));
		}
		if (!listed.ok) return fallbackReadBack(fields, connection, t('ncr.readBack.unreadable'));
		const entry = listed.results.find(candidate => candidate.name === fields.registry);
		if (!entry) return fallbackReadBack(fields, connection, t('ncr.readBack.notListed', {count: REGISTRY_PAGE_SIZE}));
		const publicHost = entry.end_point && HOST_PATTERN.test(entry.end_point) ? entry.end_point : undefined;
		const privateHost = entry.private_end_point && HOST_PATTERN.test(entry.private_end_point) ? entry.private_end_point : undefined;
		if (!publicHost && !privateHost) return fallbackReadBack(fields, connection, t('ncr.readBack.noEndpoint'));
		const enabled = entry.end_point_enabled ?? null;
		const resource = [];
		if (publicHost) {
			resource.push({label: t('ncr.readBack.endpointLabel'), value: enabled === false ? t('ncr.readBack.turnedOff', {host: publicHost}) : publicHost});
		}
		if (privateHost) resource.push({label: t('ncr.readBack.privateLabel'), value: t('ncr.readBack.privateHost', {host: privateHost})});
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
			t('ncr.advice.denied'),
			t('ncr.advice.deniedSubscription'),
			t('ncr.advice.deniedPolicy'),
		];
	}
	if (outcome.errorCode === '200' && AUTH_MISSING_DETAILS.test(outcome.details ?? '')) {
		return [
			t('ncr.advice.headersMissing'),
			t('ncr.advice.headersStripped'),
		];
	}
	const lines = [
		outcome.errorCode === '200'
			? t('ncr.advice.authFailed')
			: t('ncr.advice.unauthorized'),
		t('ncr.advice.checkKeys'),
		t('ncr.advice.checkSignature'),
		t('ncr.advice.checkClock'),
	];
	const skew = clockSkew(context.headers, context.now);
	if (skew !== undefined && Math.abs(skew) > 5 * 60_000) {
		const duration = describeDuration(skew);
		lines.unshift(skew > 0 ? t('ncr.advice.clockAhead', {duration}) : t('ncr.advice.clockBehind', {duration}));
	}
	return lines;
}

export const ncr: Backend = {
	id: 'ncr',
	title: 'NAVER Cloud Container Registry',
	description: t('ncr.description'),
	noun: t('ncr.noun'),
	connectionFields,
	credentialFields,
	fields,
	credentialEnvHelp: t('ncr.credentialEnvHelp'),
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
		return site ? site.label : t('ncr.describeEndpoint.custom', {url: endpoint(connection)});
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
				...(host ? [] : [t('ncr.advice.findEndpoint', {registry: context.fields.registry ?? ''})]),
				...(host && !confirmed ? [t('ncr.advice.usualHost', {host})] : []),
				...(privateOnly ? [t('ncr.advice.privateOnly')] : []),
				t('ncr.advice.login', {host: login}),
				`docker push ${login}/<image>:<tag>`,
			];
		}
		if (outcome.status === 401) return unauthorizedAdvice(outcome, context);
		if (outcome.status === 409) {
			return [
				t('ncr.advice.conflict', {registry: context.fields.registry ?? ''}),
				t('ncr.advice.conflictNext'),
			];
		}
		if (outcome.status === 403) {
			// Registry names are unique across every NCP account, and a name held elsewhere is refused as 403.
			return [
				t('ncr.advice.forbidden', {registry: context.fields.registry ?? ''}),
				t('ncr.advice.forbiddenNext'),
			];
		}
		if (outcome.status === 404) {
			return [t('ncr.advice.notFound')];
		}
		return commonAdvice(outcome, context);
	},
	resourceName: answers => answers.registry ?? '',
	bucketToCreate: answers =>
		answers.createBucket === 'true' && (answers.storageType ?? 'objectStorage') === 'objectStorage' && answers.bucket ? answers.bucket : undefined,
	plural: t('ncr.plural'),
	shownCredential: 'accessKey',
	credentialVariables: NCR_VARIABLES,
	help: {
		summary: t('ncr.help.summary'),
		notes: [
			t('ncr.help.credentials', {variables: describeVariables(NCR_VARIABLES)}),
			t('ncr.help.signature'),
			t('ncr.help.site'),
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
		validity: t('ncr.curl.validity'),
	},
	sandbox: {
		emulator: 'ncr',
		// The emulator's Object Storage is on the same origin (source/sandbox/object-storage-api.ts).
		connection: baseUrl => ({site: CUSTOM_SITE, endpoint: baseUrl, storageEndpoint: `${new URL(baseUrl).origin}/object-storage`}),
		demos: [{label: t('ncr.sandbox.demo'), credentials: {accessKey: 'ncp_iam_SANDBOXDEMOKEY0001', secretKey: 'sandbox-secret-key-not-a-real-secret-0001'}}],
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
