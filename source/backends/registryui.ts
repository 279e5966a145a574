import * as z from 'zod/mini';
import {safeText} from '../text-safety.js';
import {commonAdvice} from './advice.js';
import {describeVariables} from './environment.js';
import {cleanExcerpt, isSuccessStatus, parseBody, statusPhrase, unexpectedBodyProblem} from './response.js';
import {baseUrlSchema, lazySchema, printableText, trimPasted, validateAnswers} from './validation.js';
import type {Answers, Backend, FieldSpec, Outcome, PlainRequest, ResourceField} from './types.js';

const PATH_RULE =
	'lowercase letters and digits, parts joined by ".", "_", "__" or "-", separated by "/"; at most 255 characters';
const PATH_PATTERN =
	/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

const repositorySchema = lazySchema(() =>
	z.string().check(
		z.maxLength(255, `${PATH_RULE} (e.g. team-a/backend)`),
		z.refine((value: string) => value === value.toLowerCase(), 'must be lowercase (e.g. team-a/backend)'),
		z.regex(PATH_PATTERN, `${PATH_RULE} (e.g. team-a/backend)`),
	),
);

const connectionFields: FieldSpec[] = [
	{
		key: 'url',
		label: 'Base URL',
		flag: 'url',
		kind: 'text',
		rule: 'the address of your RegistryUI, https://',
		example: 'https://registry.example.com',
		help: 'the address you open RegistryUI at, without /udr or /v2',
		flagValue: 'BASE_URL',
		schema: baseUrlSchema,
		// A pasted /udr or /udr/v1api stays in the answer so regwiz can say it takes the site root (see connectionNote).
		normalize: value => trimPasted(value).replace(/\/+$/, ''),
	},
];

const credentialFields: FieldSpec[] = [
	{
		key: 'username',
		label: 'Username',
		kind: 'text',
		rule: 'your RegistryUI user name, without ":"',
		example: 'admin',
		schema: lazySchema(() => printableText('a user name without ":"', 128).check(z.refine((value: string) => !value.includes(':'), 'must not contain ":"'))),
		normalize: trimPasted,
	},
	{
		key: 'token',
		label: 'User token',
		kind: 'secret',
		rule: 'a user token from RegistryUI, not the website password',
		example: 'the token from RegistryUI › your profile › tokens',
		help: 'RegistryUI › your user › Tokens; the website password does not work here',
		schema: lazySchema(() => printableText('a user token', 512)),
		normalize: trimPasted,
	},
];

const fields: FieldSpec[] = [
	{
		key: 'repository',
		label: 'Repository path',
		flag: 'repository',
		kind: 'text',
		rule: PATH_RULE,
		example: 'team-a/backend',
		schema: repositorySchema,
		normalize: value => value.trim(),
		flagValue: 'PATH',
	},
	{
		key: 'title',
		label: 'Title',
		flag: 'title',
		kind: 'text',
		rule: 'any text on one line; optional',
		example: 'Team A backend images',
		optional: true,
		schema: lazySchema(() => printableText('one line of text', 255)),
		flagValue: 'TEXT',
	},
	{
		key: 'isPublic',
		label: 'Visibility',
		booleanFlags: {public: 'true', private: 'false'},
		kind: 'choice',
		choices: [
			{value: 'false', label: 'Private', hint: 'only assigned users and groups can pull'},
			{value: 'true', label: 'Public', hint: 'anyone who reaches the registry can pull'},
		],
		rule: 'public or private',
		example: 'private',
		optional: true,
		schema: lazySchema(() => z.enum(['true', 'false'], {error: 'public or private'})),
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
	const fieldList: ResourceField[] = [{label: 'Path', value: safeText(fullPath)}];
	if (title) fieldList.push({label: 'Title', value: safeText(title)});
	if (isPublic !== undefined && isPublic !== null) fieldList.push({label: 'Public', value: isPublic ? 'yes' : 'no'});
	if (created) fieldList.push({label: 'Created', value: safeText(created)});
	return fieldList;
}

function readResponse({status, body: text, truncated}: Parameters<Backend['readResponse']>[0]): Outcome {
	const parsed = parseBody(text);
	const cut = truncated ? ' (the answer was cut: it was larger than regwiz reads)' : '';
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
			details: text.trim() === '' ? undefined : cleanExcerpt(text) + cut,
		};
	}
	if (!shaped?.success) {
		return {
			...base,
			ok: false,
			message: `${status} but not the answer RegistryUI sends`,
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
		problem: resource ? undefined : 'the answer has no repository entry (fullPath missing)',
	};
}

function registryHost(endpoint: string): string {
	return URL.canParse(endpoint) ? new URL(endpoint).host : endpoint;
}

export const registryui: Backend = {
	id: 'registryui',
	title: 'RegistryUI',
	description: 'a project on your self-hosted RegistryUI',
	noun: 'repository',
	connectionFields,
	credentialFields,
	fields,
	credentialNote: 'The account must be a RegistryUI administrator. Use a user token, not the website password.',
	credentialEnvHelp: 'set REGISTRYUI_USERNAME and REGISTRYUI_TOKEN, or save a profile by running regwiz in a terminal',
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
		return `Base URL ${given} taken as ${siteRoot(given)}: base URLs are the site root, and regwiz adds ${UDR} itself.`;
	},
	verifyLimit: 'creating needs a RegistryUI administrator, which a listing cannot tell',
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
			const path = outcome.resource.find(field => field.label === 'Path')?.value ?? context.fields.repository;
			return [
				`docker login ${host}`,
				`docker push ${host}/${path}/<image>:<tag>`,
				'Assign users and groups to it in the RegistryUI web UI: the API cannot.',
			];
		}
		if (outcome.status === 401) {
			return ['Check the username and the user token: the token is not the website password (RegistryUI › your user › Tokens).'];
		}
		if (outcome.status === 403) {
			return ['The account is not a RegistryUI administrator: only administrators can create repositories.'];
		}
		if (outcome.status === 409 || /exist|duplicate|already/i.test(outcome.message)) {
			return [`"${context.fields.repository}" already exists: choose another path.`];
		}
		if (outcome.status >= 200 && outcome.status < 300 && !outcome.problem) {
			return ['RegistryUI refused the request: read its message above and correct the value it names.'];
		}
		if (outcome.status === 503) {
			return ['The registry may be offline for maintenance or garbage collection: retry later.'];
		}
		return commonAdvice(outcome, context);
	},
	resourceName: answers => answers.repository ?? '',
	plural: 'repositories',
	shownCredential: 'username',
	credentialVariables: REGISTRYUI_VARIABLES,
	help: {
		summary: 'create a RegistryUI project/repository',
		notes: [
			`Credentials (never flags): ${describeVariables(REGISTRYUI_VARIABLES)} (a user token, not the website password; the user must be a RegistryUI administrator); otherwise the profile (--profile).`,
		],
		examples: [
			'regwiz create registryui --url https://registry.example.com --repository team-a/backend --private',
			'regwiz create registryui --url https://registry.example.com --repository team-a/web --title "Web" --json',
		],
	},
	curl: {kind: 'basic', user: 'username', secret: 'token', variable: REGISTRYUI_VARIABLES.token[0], what: 'user token'},
	sandbox: {
		emulator: 'registryui',
		connection: baseUrl => ({url: baseUrl}),
		demos: [
			{label: 'administrator', credentials: {username: 'admin', token: 'sandbox-admin-token-0001'}},
			{name: 'sandbox-viewer', label: 'not an administrator: creating is refused', credentials: {username: 'viewer', token: 'sandbox-viewer-token-0001'}},
		],
		example: {repository: 'team-a/backend'},
	},
	dockerLogin({fields, credentials, endpoint, outcome}) {
		if (!URL.canParse(endpoint) || !credentials.username || !credentials.token) return undefined;
		const host = registryHost(endpoint);
		const path = outcome.resource.find(field => field.label === 'Path')?.value ?? fields.repository;
		return {host, username: credentials.username, secretKey: credentials.token, imageBase: `${host}/${path}`};
	},
};
