import {randomUUID} from 'node:crypto';
import {harbor, HARBOR_API} from '../backends/harbor.js';
import {decodeSegment, headerText, jsonReply, type ApiContext, type EmulatedApi, type Reply, type SandboxRequest} from './reply.js';
import {fieldSpec, ruleProblem, sameSecret} from './rules.js';

/** One Harbor project, in the shape Harbor's GET /projects/{name} answers with. */
export type HarborProject = {
	project_id: number;
	name: string;
	owner_id: number;
	owner_name: string;
	creation_time: string;
	update_time: string;
	repo_count: number;
	metadata: {public: string};
	storage_limit: number;
};

type HarborUser = {id: number; password: string; admin: boolean};

/** What the Harbor emulator remembers, keyed by project name; tests may read and seed it. */
export type HarborState = {projects: Map<string, HarborProject>};

// The demo users are the backend's own (harbor.sandbox.demos): the first is an administrator, the
// others are not, and the sandbox's Harbor limits project creation to administrators, so they see a 403.
const USERS: ReadonlyMap<string, HarborUser> = new Map(
	harbor.sandbox.demos.map((demo, index) => [demo.credentials.username ?? '', {id: index + 1, password: demo.credentials.password ?? '', admin: index === 0}]),
);

const projectSpec = fieldSpec(harbor.fields, 'project');

/** Harbor's error envelope. */
const errors = (status: number, code: string, message: string, headers?: Record<string, string>): Reply =>
	jsonReply(status, {errors: [{code, message}]}, headers);

export const harborTooLarge = (): Reply => errors(413, 'PAYLOAD_TOO_LARGE', 'request body too large');

/** The user behind a Basic header; undefined for none; false for wrong credentials. */
function authenticate(request: SandboxRequest): {name: string; user: HarborUser} | undefined | false {
	const header = headerText(request.headers, 'authorization');
	if (header === undefined) return undefined;
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
	if (!match?.[1]) return false;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return false;
	const name = decoded.slice(0, colon);
	const user = USERS.get(name);
	// Compare even for an unknown user so timing does not reveal which user names exist.
	const matches = sameSecret(decoded.slice(colon + 1), user?.password ?? '\u0000unknown user');
	return user && matches ? {name, user} : false;
}

const unauthorized = () => errors(401, 'UNAUTHORIZED', 'unauthorized', {'www-authenticate': 'Basic realm="harbor"'});

function stateOf(context: ApiContext): HarborState {
	return context.own as HarborState;
}

export function handleHarbor(request: SandboxRequest, context: ApiContext): Reply {
	const rest = request.pathname.slice(HARBOR_API.length);
	const auth = authenticate(request);
	// Harbor answers 401 to wrong credentials everywhere; anonymous requests see only what is public.
	if (auth === false) return unauthorized();
	if (rest === '/projects') {
		if (request.method === 'GET') return auth ? listProjects(request, context) : unauthorized();
		if (request.method === 'HEAD') {
			const name = request.query.get('project_name') ?? '';
			return jsonReply(stateOf(context).projects.has(name) ? 200 : 404, undefined);
		}
		if (request.method === 'POST') {
			if (!auth) return unauthorized();
			if (!auth.user.admin) return errors(403, 'FORBIDDEN', 'Only system administrators can create projects');
			return createProject(request, context, auth);
		}
		return errors(405, 'METHOD_NOT_ALLOWED', `method ${request.method} is not allowed here`, {allow: 'GET, HEAD, POST'});
	}
	if (rest === '/users/current' && request.method === 'GET') {
		if (!auth) return unauthorized();
		return jsonReply(200, {user_id: auth.user.id, username: auth.name, sysadmin_flag: auth.user.admin});
	}
	const segment = /^\/projects\/([^/]+)$/.exec(rest)?.[1];
	if (segment !== undefined && (request.method === 'GET' || request.method === 'DELETE')) {
		if (!auth) return unauthorized();
		const key = decodeSegment(segment) ?? segment;
		const byName = headerText(request.headers, 'x-is-resource-name') === 'true' || !/^\d+$/.test(key);
		const projects = stateOf(context).projects;
		const project = byName ? projects.get(key) : [...projects.values()].find(candidate => String(candidate.project_id) === key);
		if (!project) return errors(404, 'NOT_FOUND', `project ${key} not found`);
		if (request.method === 'DELETE') {
			if (!auth.user.admin) return errors(403, 'FORBIDDEN', 'forbidden');
			projects.delete(project.name);
			return jsonReply(200, undefined);
		}
		return jsonReply(200, project);
	}
	return errors(404, 'NOT_FOUND', `no API at ${request.pathname}`);
}

function createProject(request: SandboxRequest, context: ApiContext, auth: {name: string; user: HarborUser}): Reply {
	let body: unknown;
	try {
		body = JSON.parse(request.body);
	} catch {
		return errors(400, 'BAD_REQUEST', 'invalid request body: not JSON');
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return errors(400, 'BAD_REQUEST', 'invalid request body: not an object');
	const fields = body as Record<string, unknown>;
	const name = typeof fields.project_name === 'string' ? fields.project_name : '';
	const problem = ruleProblem(projectSpec, name);
	if (problem) return errors(400, 'BAD_REQUEST', `project_name ${JSON.stringify(name)}: ${problem}`);
	const metadata = fields.metadata as {public?: unknown} | undefined;
	const visibility = metadata?.public ?? 'false';
	if (visibility !== 'true' && visibility !== 'false') return errors(400, 'BAD_REQUEST', 'metadata.public must be "true" or "false"');
	const limit = fields.storage_limit ?? -1;
	if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || (limit < 1 && limit !== -1)) {
		return errors(400, 'BAD_REQUEST', 'storage_limit must be a number of bytes, or -1 for unlimited');
	}
	const {projects} = stateOf(context);
	if (projects.has(name)) return errors(409, 'CONFLICT', `The project named ${name} already exists`);
	const now = new Date(context.clock()).toISOString();
	const project: HarborProject = {
		project_id: Math.max(0, ...[...projects.values()].map(existing => existing.project_id)) + 1,
		name,
		owner_id: auth.user.id,
		owner_name: auth.name,
		creation_time: now,
		update_time: now,
		repo_count: 0,
		metadata: {public: visibility},
		storage_limit: limit,
	};
	projects.set(name, project);
	const inLocation = headerText(request.headers, 'x-resource-name-in-location') === 'true';
	return {status: 201, headers: {location: `${HARBOR_API}/projects/${inLocation ? encodeURIComponent(name) : project.project_id}`}, body: ''};
}

function listProjects(request: SandboxRequest, context: ApiContext): Reply {
	const size = Number(request.query.get('page_size') ?? '10');
	const page = Number(request.query.get('page') ?? '1');
	if (!Number.isInteger(size) || size < 1 || size > 100 || !Number.isInteger(page) || page < 1) {
		return errors(400, 'BAD_REQUEST', 'page and page_size must be whole numbers (page_size at most 100)');
	}
	const all = [...stateOf(context).projects.values()];
	return jsonReply(200, all.slice((page - 1) * size, page * size), {'x-total-count': String(all.length)});
}

export const harborApi: EmulatedApi = {
	name: 'harbor',
	owns: pathname => pathname.startsWith(`${HARBOR_API}/`),
	baseUrl: origin => origin,
	handle: handleHarbor,
	tooLarge: harborTooLarge,
	// Harbor answers every request with an id to quote.
	stamp: () => ({'x-request-id': randomUUID()}),
	createState: (): HarborState => ({projects: new Map()}),
};
