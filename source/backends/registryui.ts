import * as z from 'zod/mini';
import {t} from '../i18n/index.js';
import {safeText} from '../text-safety.js';
import {commonAdvice} from './advice.js';
import {describeVariables} from './environment.js';
import {cleanExcerpt, isSuccessStatus, parseBody, statusPhrase, unexpectedBodyProblem} from './response.js';
import {baseUrlSchema, lazySchema, printableText, trimPasted, validateAnswers} from './validation.js';
import type {Answers, Backend, FieldSpec, Outcome, PlainRequest, ResourceField} from './types.js';

const PATH_PATTERN =
	/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

const repositorySchema = lazySchema(() =>
	z.string().check(
		z.maxLength(255, t('registryui.repository.invalid')),
		z.refine((value: string) => value === value.toLowerCase(), t('registryui.repository.lowercase')),
		z.regex(PATH_PATTERN, t('registryui.repository.invalid')),
	),
);

const connectionFields: FieldSpec[] = [
	{
		key: 'url',
		label: t('registryui.url.label'),
		flag: 'url',
		kind: 'text',
		rule: t('registryui.url.rule'),
		example: 'https://registry.example.com',
		help: t('registryui.url.help'),
		flagValue: 'BASE_URL',
		schema: baseUrlSchema,
		// A pasted /udr or /udr/v1api stays in the answer so regwiz can say it takes the site root (see connectionNote).
		normalize: value => trimPasted(value).replace(/\/+$/, ''),
	},
];

const credentialFields: FieldSpec[] = [
	{
		key: 'username',
		label: t('registryui.username.label'),
		kind: 'text',
		rule: t('registryui.username.rule'),
		example: 'admin',
		schema: lazySchema(() =>
			printableText(t('registryui.username.tooLong'), 128).check(z.refine((value: string) => !value.includes(':'), t('registryui.username.colon'))),
		),
		normalize: trimPasted,
	},
	{
		key: 'token',
		label: t('registryui.token.label'),
		kind: 'secret',
		rule: t('registryui.token.rule'),
		example: t('registryui.token.example'),
		help: t('registryui.token.help'),
		schema: lazySchema(() => printableText(t('registryui.token.tooLong'), 512)),
		normalize: trimPasted,
	},
];

const fields: FieldSpec[] = [
	{
		key: 'repository',
		label: t('registryui.repository.label'),
		flag: 'repository',
		kind: 'text',
		rule: t('registryui.repository.rule'),
		example: 'team-a/backend',
		schema: repositorySchema,
		normalize: value => value.trim(),
		flagValue: 'PATH',
	},
	{
		key: 'title',
		label: t('registryui.title.label'),
		flag: 'title',
		kind: 'text',
		rule: t('registryui.title.rule'),
		example: 'Team A backend images',
		optional: true,
		schema: lazySchema(() => printableText(t('registryui.title.tooLong'), 255)),
		flagValue: 'TEXT',
	},
	{
		key: 'isPublic',
		label: t('registryui.visibility.label'),
		booleanFlags: {public: 'true', private: 'false'},
		kind: 'choice',
		choices: [
			{value: 'false', label: t('registryui.visibility.private'), hint: t('registryui.visibility.privateHint')},
			{value: 'true', label: t('registryui.visibility.public'), hint: t('registryui.visibility.publicHint')},
		],
		rule: t('registryui.visibility.rule'),
		// The flag's word (--private), not a sentence.
		example: 'private',
		optional: true,
		schema: lazySchema(() => z.enum(['true', 'false'], {error: t('registryui.visibility.rule')})),
	},
];

/** RegistryUI's extended API root below the base URL; the sandbox answers at the same path. */
export const UDR = '/udr/v1api';

const REGISTRYUI_VARIABLES = {username: ['REGISTRYUI_USERNAME'], token: ['REGISTRYUI_TOKEN']} as const;

// A pasted API address (…/udr or …/udr/v1api) names the same site as its root.
const API_SUFFIX = /\/udr(?:\/v1api)?\/*$/i;

/** The site root a base URL names: trailing slashes and a pasted /udr or /udr/v1api removed. */
export function siteRoot(url: string): string {
	return url.replace(/\/+$/, '').replace(API_SUFFIX, '').replace(/\/+$/, '');
}

function basicRequest(method: 'GET' | 'POST', url: URL, credentials: Answers): PlainRequest {
	const basic = Buffer.from(`${credentials.username ?? ''}:${credentials.token ?? ''}`, 'utf8').toString('base64');
	return {
		method,
		url: url.toString(),
		headers: {accept: 'application/json', authorization: `Basic ${basic}`},
		body: method === 'POST' ? '' : undefined,
		redact: {authorization: 'hide'},
	};
}

const entrySchema = lazySchema(() =>
	z.object({
		fullPath: z.string(),
		name: z.optional(z.string()),
		title: z.nullish(z.string()),
		isPublic: z.nullish(z.boolean()),
		created: z.nullish(z.string()),
		updated: z.nullish(z.string()),
	}),
);

const answerSchema = lazySchema(() => z.object({error: z.nullable(z.string()), data: z.optional(z.unknown())}));

function resourceFields(data: unknown): ResourceField[] | undefined {
	const entry = entrySchema.safeParse(data);
	if (!entry.success) return undefined;
	const {fullPath, title, isPublic, created} = entry.data;
	const fieldList: ResourceField[] = [{label: t('registryui.entry.path'), value: safeText(fullPath)}];
	if (title) fieldList.push({label: t('registryui.entry.title'), value: safeText(title)});
	if (isPublic !== undefined && isPublic !== null) fieldList.push({label: t('registryui.entry.public'), value: isPublic ? t('registryui.entry.yes') : t('registryui.entry.no')});
	if (created) fieldList.push({label: t('registryui.entry.created'), value: safeText(created)});
	return fieldList;
}

function readResponse({status, body: text, truncated}: Parameters<Backend['readResponse']>[0]): Outcome {
	const parsed = parseBody(text);
	const base = {status, body: parsed.value, resource: []};
	const shaped = parsed.json ? answerSchema.safeParse(parsed.value) : undefined;
	if (shaped?.success && shaped.data.error !== null) {
		return {...base, ok: false, message: safeText(shaped.data.error)};
	}
	if (!isSuccessStatus(status)) {
		return {
			...base,
			ok: false,
			message: statusPhrase(status),
			details: text.trim() === '' ? undefined : truncated ? t('registryui.response.cut', {details: cleanExcerpt(text)}) : cleanExcerpt(text),
		};
	}
	if (!shaped?.success) {
		return {
			...base,
			ok: false,
			message: t('registryui.response.notTheAnswer', {status}),
			problem: unexpectedBodyProblem(text, parsed, truncated, '{"error": null, "data": {…}}'),
		};
	}
	const resource = resourceFields(shaped.data.data);
	return {
		...base,
		ok: true,
		// RegistryUI says nothing beyond "error": null; the entry's fields speak for it.
		message: '',
		resource: resource ?? [],
		problem: resource ? undefined : t('registryui.response.noEntry'),
	};
}

function registryHost(endpoint: string): string {
	return URL.canParse(endpoint) ? new URL(endpoint).host : endpoint;
}

export const registryui: Backend = {
	id: 'registryui',
	title: 'RegistryUI',
	description: t('registryui.description'),
	noun: t('registryui.noun'),
	connectionFields,
	credentialFields,
	fields,
	credentialNote: t('registryui.credentials.note'),
	credentialEnvHelp: t('registryui.credentials.envHelp', {variables: describeVariables(REGISTRYUI_VARIABLES)}),
	envCredentials(env) {
		if (!env.REGISTRYUI_USERNAME || !env.REGISTRYUI_TOKEN) return undefined;
		return {
			credentials: {username: trimPasted(env.REGISTRYUI_USERNAME), token: trimPasted(env.REGISTRYUI_TOKEN)},
			source: 'REGISTRYUI_TOKEN',
		};
	},
	endpoint: connection => siteRoot(connection.url ?? ''),
	describeEndpoint: connection => siteRoot(connection.url ?? ''),
	connectionNote(connection) {
		const given = (connection.url ?? '').trim();
		if (!API_SUFFIX.test(given.replace(/\/+$/, '') + '/')) return undefined;
		return t('registryui.connection.note', {given, root: siteRoot(given), api: UDR});
	},
	verifyLimit: t('registryui.verifyLimit'),
	publicCredential: credentials => credentials.username ?? '',
	buildRequest(rawFields, credentials, base) {
		const values = validateAnswers(fields, rawFields);
		const query = new URLSearchParams({repository: values.repository ?? ''});
		if (values.title) query.set('title', values.title);
		if (values.isPublic) query.set('isPublic', values.isPublic);
		const url = new URL(`${base.replace(/\/+$/, '')}${UDR}/project/create?${query.toString()}`);
		return basicRequest('POST', url, credentials);
	},
	buildVerifyRequest(credentials, base) {
		return basicRequest('GET', new URL(`${base.replace(/\/+$/, '')}${UDR}/repositories?take=1`), credentials);
	},
	countListed(body) {
		const parsed = answerSchema.safeParse(body);
		if (!parsed.success) return undefined;
		// A listing limited to one item says nothing about how many there are; only a total counts,
		// beside the entries or under data (RegistryUI does not document which).
		const total = z.object({total: z.number()});
		const counted = total.safeParse(body);
		if (counted.success) return counted.data.total;
		const nested = total.safeParse(parsed.data.data);
		return nested.success ? nested.data.total : undefined;
	},
	readResponse,
	advise(outcome, context) {
		const host = registryHost(context.endpoint);
		if (outcome.ok) {
			const path = outcome.resource.find(field => field.label === t('registryui.entry.path'))?.value ?? context.fields.repository;
			return [`docker login ${host}`, `docker push ${host}/${path}/<image>:<tag>`, t('registryui.advice.assign')];
		}
		if (outcome.status === 401) {
			return [t('registryui.advice.unauthorized')];
		}
		if (outcome.status === 403) {
			return [t('registryui.advice.forbidden')];
		}
		if (outcome.status === 409 || /exist|duplicate|already/i.test(outcome.message)) {
			return [t('registryui.advice.exists', {repository: String(context.fields.repository)})];
		}
		if (outcome.status >= 200 && outcome.status < 300 && !outcome.problem) {
			return [t('registryui.advice.refused')];
		}
		if (outcome.status === 503) {
			return [t('registryui.advice.maintenance')];
		}
		return commonAdvice(outcome, context);
	},
	resourceName: answers => answers.repository ?? '',
	plural: t('registryui.plural'),
	shownCredential: 'username',
	credentialVariables: REGISTRYUI_VARIABLES,
	help: {
		summary: t('registryui.help.summary'),
		notes: [t('registryui.help.credentials', {variables: describeVariables(REGISTRYUI_VARIABLES)})],
		examples: [
			'regwiz create registryui --url https://registry.example.com --repository team-a/backend --private',
			'regwiz create registryui --url https://registry.example.com --repository team-a/web --title "Web" --json',
		],
	},
	curl: {kind: 'basic', user: 'username', secret: 'token', variable: REGISTRYUI_VARIABLES.token[0], what: t('registryui.curl.what')},
	sandbox: {
		emulator: 'registryui',
		connection: baseUrl => ({url: baseUrl}),
		demos: [
			{label: t('registryui.sandbox.administrator'), credentials: {username: 'admin', token: 'sandbox-admin-token-0001'}},
			{name: 'sandbox-viewer', label: t('registryui.sandbox.refused'), credentials: {username: 'viewer', token: 'sandbox-viewer-token-0001'}},
		],
		example: {repository: 'team-a/backend'},
	},
	dockerLogin({fields, credentials, endpoint, outcome}) {
		if (!URL.canParse(endpoint) || !credentials.username || !credentials.token) return undefined;
		const host = registryHost(endpoint);
		const path = outcome.resource.find(field => field.label === t('registryui.entry.path'))?.value ?? fields.repository;
		return {host, username: credentials.username, secretKey: credentials.token, imageBase: `${host}/${path}`};
	},
};
