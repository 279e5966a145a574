import * as z from 'zod/mini';
import {t} from '../i18n/index.js';
import {safeText} from '../text-safety.js';
import {commonAdvice} from './advice.js';
import {credentialsFromVariables, describeVariables} from './environment.js';
import {cleanExcerpt, headerValue, isSuccessStatus, parseBody, statusPhrase, unexpectedBodyProblem} from './response.js';
import {baseUrlSchema, lazySchema, printableText, trimPasted, validateAnswers} from './validation.js';
import type {Answers, Backend, FieldSpec, Outcome, PlainRequest, ResourceField, ResponseInput} from './types.js';

// Who this backend is. A backend for another Harbor-compatible service can start as a copy of this
// file with these three lines changed and one line added to the list in index.ts.
const ID = 'harbor';
const TITLE = 'Harbor';
const ENV_PREFIX = 'HARBOR_';

/** Harbor's API root below the base URL; the sandbox answers at the same path. */
export const HARBOR_API = '/api/v2.0';

const NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

const projectSchema = lazySchema(() =>
	z.string().check(
		z.maxLength(255, t('harbor.project.invalid')),
		z.refine((value: string) => value === value.toLowerCase(), t('harbor.project.lowercase')),
		z.regex(NAME_PATTERN, t('harbor.project.invalid')),
	),
);

const UNITS: Record<string, number> = {
	b: 1,
	kb: 1000,
	mb: 1000 ** 2,
	gb: 1000 ** 3,
	tb: 1000 ** 4,
	kib: 1024,
	mib: 1024 ** 2,
	gib: 1024 ** 3,
	tib: 1024 ** 4,
};
const MAX_BYTES = Number.MAX_SAFE_INTEGER;

/** Bytes for a storage limit ("10GiB", "500 MB", "-1", "unlimited"), or a message with a corrected example. */
export function parseStorageLimit(raw: string): {bytes: number} | {problem: string} {
	const value = raw.trim();
	if (/^(-1|unlimited)$/i.test(value)) return {bytes: -1};
	const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(value);
	if (!match) return {problem: t('harbor.storageLimit.invalid')};
	const amount = Number(match[1]);
	const unit = (match[2] ?? '').toLowerCase();
	const factor = unit === '' ? undefined : UNITS[unit];
	if (factor === undefined) {
		// "10G", "10gig", "10": say which unit was likely meant.
		const first = unit[0];
		const example = first && 'kmgt'.includes(first) ? `${match[1]}${first.toUpperCase()}iB` : `${match[1]}GiB`;
		return {problem: unit === '' ? t('harbor.storageLimit.noUnit', {example}) : t('harbor.storageLimit.notUnit', {unit: match[2] ?? '', example})};
	}
	const bytes = Math.round(amount * factor);
	if (bytes < 1) return {problem: t('harbor.storageLimit.tooSmall')};
	if (bytes > MAX_BYTES) return {problem: t('harbor.storageLimit.tooLarge', {title: TITLE})};
	return {bytes};
}

const storageLimitSchema = lazySchema(() =>
	z.string().check(
		z.superRefine((value: string, context) => {
			const parsed = parseStorageLimit(value);
			if ('problem' in parsed) context.addIssue({code: 'custom', message: parsed.problem});
		}),
	),
);

const connectionFields: FieldSpec[] = [
	{
		key: 'url',
		label: t('harbor.url.label'),
		flag: 'url',
		kind: 'text',
		rule: t('harbor.url.rule', {title: TITLE}),
		example: 'https://harbor.example.com',
		help: t('harbor.url.help', {title: TITLE, api: HARBOR_API}),
		flagValue: 'BASE_URL',
		schema: baseUrlSchema,
		// A pasted API address works too: the API root is added by regwiz.
		normalize: value => trimPasted(value).replace(/\/+$/, '').replace(/\/api\/v2\.0$/, ''),
	},
];

const credentialFields: FieldSpec[] = [
	{
		key: 'username',
		label: t('harbor.username.label'),
		kind: 'text',
		rule: t('harbor.username.rule', {title: TITLE}),
		example: 'admin',
		help: t('harbor.username.help'),
		schema: lazySchema(() =>
			printableText(t('harbor.username.tooLong'), 255).check(z.refine((value: string) => !value.includes(':'), t('harbor.username.colon'))),
		),
		normalize: trimPasted,
	},
	{
		key: 'password',
		label: t('harbor.password.label'),
		kind: 'secret',
		rule: t('harbor.password.rule'),
		example: t('harbor.password.example'),
		help: t('harbor.password.help', {title: TITLE}),
		schema: lazySchema(() => printableText(t('harbor.password.tooLong'), 1024)),
		normalize: trimPasted,
	},
];

const fields: FieldSpec[] = [
	{
		key: 'project',
		label: t('harbor.project.label'),
		flag: 'project',
		kind: 'text',
		rule: t('harbor.project.rule'),
		example: 'team-a',
		help: t('harbor.project.help'),
		flagValue: 'NAME',
		schema: projectSchema,
		normalize: value => value.trim(),
	},
	{
		key: 'isPublic',
		label: t('harbor.visibility.label'),
		booleanFlags: {public: 'true', private: 'false'},
		kind: 'choice',
		choices: [
			{value: 'false', label: t('harbor.visibility.private'), hint: t('harbor.visibility.privateHint')},
			{value: 'true', label: t('harbor.visibility.public'), hint: t('harbor.visibility.publicHint')},
		],
		rule: t('harbor.visibility.rule'),
		// The flag's word (--private), not a sentence.
		example: 'private',
		defaultValue: 'false',
		schema: lazySchema(() => z.enum(['true', 'false'], {error: t('harbor.visibility.rule')})),
	},
	{
		key: 'storageLimit',
		label: t('harbor.storageLimit.label'),
		flag: 'storage-limit',
		kind: 'text',
		rule: t('harbor.storageLimit.rule'),
		example: '10GiB',
		help: t('harbor.storageLimit.help', {title: TITLE}),
		flagValue: 'SIZE',
		optional: true,
		schema: storageLimitSchema,
		normalize: value => value.trim(),
	},
];

const apiRoot = (base: string) => `${base.replace(/\/+$/, '')}${HARBOR_API}`;

function basicRequest(method: 'GET' | 'POST', url: string, credentials: Answers, body?: string, extra: Record<string, string> = {}): PlainRequest {
	const basic = Buffer.from(`${credentials.username ?? ''}:${credentials.password ?? ''}`, 'utf8').toString('base64');
	const headers: Record<string, string> = {accept: 'application/json', authorization: `Basic ${basic}`, ...extra};
	if (body !== undefined) headers['content-type'] = 'application/json';
	return {method, url, headers, body, redact: {authorization: 'hide'}};
}

const errorsSchema = lazySchema(() =>
	z.object({errors: z.array(z.object({code: z.optional(z.string()), message: z.optional(z.string())}))}),
);

const projectAnswerSchema = lazySchema(() =>
	z.object({
		project_id: z.optional(z.number()),
		name: z.string(),
		owner_name: z.optional(z.string()),
		creation_time: z.optional(z.string()),
		repo_count: z.optional(z.number()),
		metadata: z.optional(z.object({public: z.optional(z.string())})),
	}),
);

function readResponse({status, headers, body: text, truncated}: ResponseInput): Outcome {
	const traceId = headerValue(headers, 'x-request-id');
	const parsed = parseBody(text);
	const base = {status, traceId: traceId === undefined ? undefined : safeText(traceId), body: parsed.value, resource: [] as ResourceField[]};
	if (isSuccessStatus(status)) {
		if (status === 201) {
			const location = headerValue(headers, 'location');
			return {
				...base,
				ok: true,
				message: statusPhrase(status),
				resource: location ? [{label: t('harbor.response.location'), value: safeText(location)}] : [],
			};
		}
		return {
			...base,
			ok: false,
			message: t('harbor.response.notTheAnswer', {status, title: TITLE}),
			problem: unexpectedBodyProblem(text, parsed, truncated, t('harbor.response.expected')),
		};
	}
	const shaped = parsed.json ? errorsSchema.safeParse(parsed.value) : undefined;
	const first = shaped?.success ? shaped.data.errors[0] : undefined;
	if (first?.message !== undefined) {
		return {...base, ok: false, message: safeText(first.message), errorCode: first.code === undefined ? undefined : safeText(first.code)};
	}
	return {
		...base,
		ok: false,
		message: statusPhrase(status),
		details: text.trim() === '' ? undefined : cleanExcerpt(text),
		problem: truncated ? t('harbor.response.cut') : undefined,
	};
}

/** A line of the read-back: shown as `label` and `value`; `fact` and `factValue` name it in --json, in English always. */
type ProjectField = ResourceField & {fact: string; factValue: string};

function projectFields(body: unknown): ProjectField[] | undefined {
	const parsed = projectAnswerSchema.safeParse(body);
	if (!parsed.success) return undefined;
	const project = parsed.data;
	const field = (fact: string, label: string, value: string, factValue = value): ProjectField => ({fact, label, value, factValue});
	const out: ProjectField[] = [field('project', t('harbor.project.field'), safeText(project.name))];
	if (project.project_id !== undefined) out.push(field('project_id', t('harbor.project.id'), String(project.project_id)));
	if (project.metadata?.public !== undefined) {
		const isPublic = project.metadata.public === 'true';
		out.push(field('public', t('harbor.project.public'), isPublic ? t('harbor.project.yes') : t('harbor.project.no'), isPublic ? 'yes' : 'no'));
	}
	if (project.owner_name) out.push(field('owner', t('harbor.project.owner'), safeText(project.owner_name)));
	if (project.creation_time) out.push(field('created', t('harbor.project.created'), safeText(project.creation_time)));
	return out;
}

const hostOf = (endpoint: string) => (URL.canParse(endpoint) ? new URL(endpoint).host : endpoint);

const variables = {username: [`${ENV_PREFIX}USERNAME`], password: [`${ENV_PREFIX}PASSWORD`]} as const;

export const harbor: Backend = {
	id: ID,
	title: TITLE,
	description: t('harbor.description', {title: TITLE}),
	noun: t('harbor.noun'),
	plural: t('harbor.plural'),
	connectionFields,
	credentialFields,
	fields,
	credentialNote: t('harbor.credentials.note', {title: TITLE}),
	credentialVariables: variables,
	credentialEnvHelp: t('harbor.credentials.envHelp', {variables: describeVariables(variables)}),
	envCredentials: env => credentialsFromVariables(variables, env),
	endpoint: connection => (connection.url ?? '').replace(/\/+$/, ''),
	describeEndpoint: connection => (connection.url ?? '').replace(/\/+$/, ''),
	shownCredential: 'username',
	publicCredential: credentials => credentials.username ?? '',
	buildRequest(rawFields, credentials, base) {
		const values = validateAnswers(fields, rawFields);
		const body: {project_name: string; metadata?: {public: string}; storage_limit?: number} = {project_name: values.project ?? ''};
		if (values.isPublic) body.metadata = {public: values.isPublic};
		if (values.storageLimit) {
			const limit = parseStorageLimit(values.storageLimit);
			if ('bytes' in limit) body.storage_limit = limit.bytes;
		}
		return basicRequest('POST', `${apiRoot(base)}/projects`, credentials, JSON.stringify(body));
	},
	buildVerifyRequest(credentials, base) {
		return basicRequest('GET', `${apiRoot(base)}/projects?page_size=1`, credentials);
	},
	countListed(_body, headers) {
		const total = headers === undefined ? undefined : headerValue(headers, 'x-total-count');
		return total !== undefined && /^\d{1,12}$/.test(total.trim()) ? Number(total) : undefined;
	},
	readResponse,
	readBack: {
		buildRequest(answers, credentials, endpoint) {
			return basicRequest('GET', `${apiRoot(endpoint)}/projects/${encodeURIComponent(answers.project ?? '')}`, credentials, undefined, {'x-is-resource-name': 'true'});
		},
		read(response, {failure}) {
			const read = response && isSuccessStatus(response.status) ? projectFields(parseBody(response.body).value) : undefined;
			if (!read) {
				const problem = response ? `${response.status} ${statusPhrase(response.status)}` : (failure ?? t('harbor.readBack.noAnswer'));
				return {
					confirmed: false,
					problem,
					resource: [{label: t('harbor.readBack.details'), value: t('harbor.readBack.failed', {problem})}],
					facts: {confirmed: false},
				};
			}
			const facts = Object.fromEntries(read.map(field => [field.fact, field.factValue]));
			return {confirmed: true, resource: read.map(({label, value}) => ({label, value})), facts: {...facts, confirmed: true}};
		},
	},
	advise(outcome, context) {
		const host = hostOf(context.endpoint);
		const project = context.fields.project ?? '';
		if (outcome.ok) {
			return [`docker login ${host}`, `docker push ${host}/${project}/<image>:<tag>`];
		}
		if (outcome.status === 401) {
			return [t('harbor.advice.unauthorized', {title: TITLE})];
		}
		if (outcome.status === 403) {
			return [t('harbor.advice.forbidden', {title: TITLE})];
		}
		if (outcome.status === 409) return [t('harbor.advice.exists', {project})];
		if (outcome.status === 400) return [t('harbor.advice.refused', {title: TITLE})];
		return commonAdvice(outcome, context);
	},
	resourceName: answers => answers.project ?? '',
	help: {
		summary: t('harbor.help.summary', {title: TITLE}),
		notes: [t('harbor.help.credentials', {variables: describeVariables(variables)})],
		examples: [
			`regwiz create ${ID} --url https://harbor.example.com --project team-a --private`,
			`regwiz create ${ID} --url https://harbor.example.com --project team-a --storage-limit 10GiB --json`,
		],
	},
	curl: {kind: 'basic', user: 'username', secret: 'password', variable: variables.password[0], what: t('harbor.curl.what')},
	sandbox: {
		emulator: 'harbor',
		connection: baseUrl => ({url: baseUrl}),
		demos: [
			{label: t('harbor.sandbox.administrator'), credentials: {username: 'admin', password: 'sandbox-harbor-admin-0001'}},
			{
				name: `sandbox-${ID}-developer`,
				label: t('harbor.sandbox.refused'),
				credentials: {username: 'developer', password: 'sandbox-harbor-developer-0001'},
			},
		],
		example: {project: 'team-a'},
	},
	dockerLogin({fields, credentials, endpoint}) {
		if (!URL.canParse(endpoint) || !credentials.username || !credentials.password) return undefined;
		const host = hostOf(endpoint);
		return {host, username: credentials.username, secretKey: credentials.password, imageBase: `${host}/${fields.project}/my-image`};
	},
};
