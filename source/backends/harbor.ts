import * as z from 'zod/mini';
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

const NAME_RULE = 'lowercase letters and digits, parts joined by one ".", "_" or "-"; 1–255 characters';
const NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

const projectSchema = lazySchema(() =>
	z.string().check(
		z.maxLength(255, `${NAME_RULE} (e.g. team-a)`),
		z.refine((value: string) => value === value.toLowerCase(), 'must be lowercase (e.g. team-a)'),
		z.regex(NAME_PATTERN, `${NAME_RULE} (e.g. team-a)`),
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
const SIZE_RULE = 'a size such as 10GiB, 500MB or 1TiB (KiB/MiB/GiB/TiB count 1024, KB/MB/GB/TB 1000), or -1 for unlimited';
const MAX_BYTES = Number.MAX_SAFE_INTEGER;

/** Bytes for a storage limit ("10GiB", "500 MB", "-1", "unlimited"), or a message with a corrected example. */
export function parseStorageLimit(raw: string): {bytes: number} | {problem: string} {
	const value = raw.trim();
	if (/^(-1|unlimited)$/i.test(value)) return {bytes: -1};
	const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(value);
	if (!match) return {problem: `${SIZE_RULE} (e.g. 10GiB)`};
	const amount = Number(match[1]);
	const unit = (match[2] ?? '').toLowerCase();
	const factor = unit === '' ? undefined : UNITS[unit];
	if (factor === undefined) {
		// "10G", "10gig", "10": say which unit was likely meant.
		const first = unit[0];
		const guess = first && 'kmgt'.includes(first) ? `${match[1]}${first.toUpperCase()}iB` : `${match[1]}GiB`;
		return {problem: `${unit === '' ? 'needs a unit' : `"${match[2]}" is not a unit`}: ${SIZE_RULE} (e.g. ${guess})`};
	}
	const bytes = Math.round(amount * factor);
	if (bytes < 1) return {problem: `must be at least 1 byte, or -1 for unlimited (e.g. 10GiB)`};
	if (bytes > MAX_BYTES) return {problem: `is larger than Harbor can store (e.g. 1024TiB)`};
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
		label: 'Base URL',
		flag: 'url',
		kind: 'text',
		rule: `the address of your ${TITLE}, https://`,
		example: 'https://harbor.example.com',
		help: `the address you open ${TITLE}'s web portal at, without ${HARBOR_API}`,
		flagValue: 'BASE_URL',
		schema: baseUrlSchema,
		// A pasted API address works too: the API root is added by regwiz.
		normalize: value => trimPasted(value).replace(/\/+$/, '').replace(/\/api\/v2\.0$/, ''),
	},
];

const credentialFields: FieldSpec[] = [
	{
		key: 'username',
		label: 'Username',
		kind: 'text',
		rule: `a ${TITLE} user, or a robot account (robot$name), without ":"`,
		example: 'admin',
		help: 'a robot account (robot$name or robot$project+name) works too, with its secret',
		schema: lazySchema(() => printableText('a user name without ":"', 255).check(z.refine((value: string) => !value.includes(':'), 'must not contain ":"'))),
		normalize: trimPasted,
	},
	{
		key: 'password',
		label: 'Password or secret',
		kind: 'secret',
		rule: "the user's password, a robot account's secret, or an OIDC user's CLI secret",
		example: 'the password or robot secret',
		help: `OIDC users: ${TITLE} › your user › User Profile › CLI secret`,
		schema: lazySchema(() => printableText('a password or secret', 1024)),
		normalize: trimPasted,
	},
];

const fields: FieldSpec[] = [
	{
		key: 'project',
		label: 'Project name',
		flag: 'project',
		kind: 'text',
		rule: NAME_RULE,
		example: 'team-a',
		help: 'images are pushed as <host>/<project>/<image>:<tag>',
		flagValue: 'NAME',
		schema: projectSchema,
		normalize: value => value.trim(),
	},
	{
		key: 'isPublic',
		label: 'Visibility',
		booleanFlags: {public: 'true', private: 'false'},
		kind: 'choice',
		choices: [
			{value: 'false', label: 'Private', hint: 'only members can pull (default)'},
			{value: 'true', label: 'Public', hint: 'anyone can pull; pushing still needs a member'},
		],
		rule: 'public or private',
		example: 'private',
		defaultValue: 'false',
		schema: lazySchema(() => z.enum(['true', 'false'], {error: 'public or private'})),
	},
	{
		key: 'storageLimit',
		label: 'Storage limit',
		flag: 'storage-limit',
		kind: 'text',
		rule: `${SIZE_RULE}; optional`,
		example: '10GiB',
		help: `empty: ${TITLE}'s default quota`,
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
				resource: location ? [{label: 'Location', value: safeText(location)}] : [],
			};
		}
		return {
			...base,
			ok: false,
			message: `${status} but not the answer ${TITLE} sends`,
			problem: unexpectedBodyProblem(text, parsed, truncated, `201 Created with a Location header`),
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
		problem: truncated ? 'the answer was cut: it was larger than regwiz reads' : undefined,
	};
}

function projectFields(body: unknown): ResourceField[] | undefined {
	const parsed = projectAnswerSchema.safeParse(body);
	if (!parsed.success) return undefined;
	const project = parsed.data;
	const out: ResourceField[] = [{label: 'Project', value: safeText(project.name)}];
	if (project.project_id !== undefined) out.push({label: 'Project id', value: String(project.project_id)});
	if (project.metadata?.public !== undefined) out.push({label: 'Public', value: project.metadata.public === 'true' ? 'yes' : 'no'});
	if (project.owner_name) out.push({label: 'Owner', value: safeText(project.owner_name)});
	if (project.creation_time) out.push({label: 'Created', value: safeText(project.creation_time)});
	return out;
}

const hostOf = (endpoint: string) => (URL.canParse(endpoint) ? new URL(endpoint).host : endpoint);

const variables = {username: [`${ENV_PREFIX}USERNAME`], password: [`${ENV_PREFIX}PASSWORD`]} as const;

export const harbor: Backend = {
	id: ID,
	title: TITLE,
	description: `a project on your ${TITLE} (user or robot account)`,
	noun: 'project',
	plural: 'projects',
	connectionFields,
	credentialFields,
	fields,
	credentialNote: `Sign in as a ${TITLE} user or a robot account (robot$…). Creating projects may be limited to administrators.`,
	credentialVariables: variables,
	credentialEnvHelp: `set ${describeVariables(variables)}, or save a profile by running regwiz in a terminal`,
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
				const problem = response ? `${response.status} ${statusPhrase(response.status)}` : (failure ?? 'no answer');
				return {confirmed: false, problem, resource: [{label: 'Details', value: `created, but it could not be read back (${problem})`}], facts: {confirmed: false}};
			}
			const facts = Object.fromEntries(read.map(field => [field.label.toLowerCase().replaceAll(' ', '_'), field.value]));
			return {confirmed: true, resource: read, facts: {...facts, confirmed: true}};
		},
	},
	advise(outcome, context) {
		const host = hostOf(context.endpoint);
		const project = context.fields.project ?? '';
		if (outcome.ok) {
			return [`docker login ${host}`, `docker push ${host}/${project}/<image>:<tag>`];
		}
		if (outcome.status === 401) {
			return [
				`Check the user name and password. A robot account signs in as robot$name (or robot$project+name) with its secret; an OIDC user with the CLI secret from ${TITLE} › User Profile.`,
			];
		}
		if (outcome.status === 403) {
			return [
				`The account may not create projects: project creation is limited to administrators in this ${TITLE} (Administration › Configuration › Project Creation). Ask an administrator, or use an account with that right.`,
			];
		}
		if (outcome.status === 409) return [`A project named "${project}" already exists: choose another name.`];
		if (outcome.status === 400) return [`${TITLE} refused the values: read its message above (project names: ${NAME_RULE}).`];
		return commonAdvice(outcome, context);
	},
	resourceName: answers => answers.project ?? '',
	help: {
		summary: `create a ${TITLE} project`,
		notes: [
			`Credentials (never flags): ${describeVariables(variables)} (a user and password, or a robot account robot$… and its secret); otherwise the profile (--profile).`,
		],
		examples: [
			`regwiz create ${ID} --url https://harbor.example.com --project team-a --private`,
			`regwiz create ${ID} --url https://harbor.example.com --project team-a --storage-limit 10GiB --json`,
		],
	},
	curl: {kind: 'basic', user: 'username', secret: 'password', variable: variables.password[0], what: 'password'},
	sandbox: {
		emulator: 'harbor',
		connection: baseUrl => ({url: baseUrl}),
		demos: [
			{label: 'administrator', credentials: {username: 'admin', password: 'sandbox-harbor-admin-0001'}},
			{
				name: `sandbox-${ID}-developer`,
				label: 'not an administrator: creating is refused',
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
