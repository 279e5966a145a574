import {registryui, UDR} from '../backends/registryui.js';
import {REGISTRYUI_USERS, type RegistryUiUser} from './credentials.js';
import {headerText, jsonReply, type ApiContext, type EmulatedApi, type Reply, type SandboxRequest} from './reply.js';
import {fieldSpec, ruleProblem, sameSecret} from './rules.js';
import type {RepositoryEntry} from './state.js';

export {UDR};

const DEFAULT_TAKE = 100;
const MAX_TAKE = 1000;

const repositorySpec = fieldSpec(registryui.fields, 'repository');
const titleSpec = fieldSpec(registryui.fields, 'title');

/** RegistryUI's envelope: `error` is null on success and a sentence otherwise. */
const answer = (status: number, error: string | null, data: unknown = null, headers?: Record<string, string>): Reply =>
	jsonReply(status, {error, data}, headers);

export const registryUiNotFound = (pathname: string): Reply => answer(404, `not found: ${pathname}`);

export const registryUiTooLarge = (): Reply => answer(413, 'request body too large');

type Endpoint = {method: string; run: (request: SandboxRequest, context: ApiContext, user: RegistryUiUser) => Reply; admin: boolean};

const ENDPOINTS: Record<string, Endpoint> = {
	[`${UDR}/project/create`]: {method: 'POST', admin: true, run: createProject},
	[`${UDR}/repositories`]: {method: 'GET', admin: false, run: listRepositories},
	[`${UDR}/folder`]: {method: 'DELETE', admin: true, run: deleteFolder},
};

/** The user behind a Basic header, or undefined when the header is missing, malformed or wrong. */
function authenticate(request: SandboxRequest): RegistryUiUser | undefined {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headerText(request.headers, 'authorization') ?? '');
	if (!match?.[1]) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	const user = REGISTRYUI_USERS.get(decoded.slice(0, colon));
	// Compare even for an unknown user so timing does not reveal which user names exist.
	const tokenMatches = sameSecret(decoded.slice(colon + 1), user?.token ?? '\u0000unknown user');
	return user && tokenMatches ? user : undefined;
}

export function handleRegistryUi(request: SandboxRequest, context: ApiContext): Reply {
	const endpoint = ENDPOINTS[request.pathname];
	if (!endpoint) return registryUiNotFound(request.pathname);
	if (request.method !== endpoint.method) {
		return answer(405, `method ${request.method} is not allowed here`, null, {allow: endpoint.method});
	}
	const user = authenticate(request);
	if (!user) {
		return answer(401, 'Unauthorized: invalid user name or token', null, {'www-authenticate': 'Basic realm="RegistryUI"'});
	}
	if (endpoint.admin && !user.admin) {
		return answer(
			403,
			request.pathname.endsWith('/create')
				? 'Forbidden: only administrators can create projects'
				: 'Forbidden: only administrators can delete folders',
		);
	}
	return endpoint.run(request, context, user);
}

function createProject(request: SandboxRequest, {state, clock}: ApiContext): Reply {
	const path = request.query.get('repository') ?? '';
	const pathProblem = ruleProblem(repositorySpec, path);
	if (pathProblem) return answer(400, `invalid repository "${path}": ${pathProblem}`);

	const visibility = request.query.get('isPublic');
	if (visibility !== null && visibility !== 'true' && visibility !== 'false') {
		return answer(400, `invalid isPublic "${visibility}": must be "true" or "false"`);
	}
	const title = request.query.get('title');
	const titleProblem = title ? ruleProblem(titleSpec, title) : undefined;
	if (titleProblem) return answer(400, `invalid title: ${titleProblem}`);

	// RegistryUI does not document the status of a duplicate; a 2xx with a non-null error is the
	// harder case for a client, so the sandbox answers that.
	if (state.repositories.has(path)) return answer(200, `repository ${path} already exists`);

	const segments = path.split('/');
	const entry: RepositoryEntry = {
		id: Math.max(0, ...[...state.repositories.values()].map(existing => existing.id)) + 1,
		fullPath: path,
		name: segments.at(-1) ?? path,
		title: title || null,
		description: {html: ''},
		isPublic: visibility === 'true',
		created: new Date(clock()).toISOString(),
		updated: null,
		tenantId: 1,
		level: segments.length - 1,
	};
	state.repositories.set(path, entry);
	return answer(200, null, entry);
}

/** A count parameter: absent gives the fallback; anything but a whole number ≥ minimum is refused. */
function countParameter(query: URLSearchParams, name: string, fallback: number, minimum: number): number | string {
	const raw = query.get(name);
	if (raw === null) return fallback;
	const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
	return value >= minimum ? value : `invalid ${name} "${raw}": must be a whole number of at least ${minimum}`;
}

function listRepositories(request: SandboxRequest, {state}: ApiContext): Reply {
	const skip = countParameter(request.query, 'skip', 0, 0);
	const take = countParameter(request.query, 'take', DEFAULT_TAKE, 1);
	if (typeof skip === 'string') return answer(400, skip);
	if (typeof take === 'string') return answer(400, take);
	const folder = request.query.get('folder')?.replace(/\/+$/, '');
	const startAfter = request.query.get('startAfter');

	const entries = [...state.repositories.values()]
		.filter(entry => !folder || entry.fullPath.startsWith(`${folder}/`))
		.sort((a, b) => (a.fullPath < b.fullPath ? -1 : a.fullPath > b.fullPath ? 1 : 0))
		.filter(entry => !startAfter || entry.fullPath > startAfter);
	const page = entries.slice(skip, skip + Math.min(take, MAX_TAKE));
	// A list answer carries total (all that match) and count (on this page) beside the entries.
	return jsonReply(200, {error: null, data: page, total: entries.length, count: page.length});
}

/** Removes the repository at `path` and everything below it: how a test run cleans up after itself. */
function deleteFolder(request: SandboxRequest, {state}: ApiContext): Reply {
	const path = (request.query.get('path') ?? '').replace(/\/+$/, '');
	const pathProblem = ruleProblem(repositorySpec, path);
	if (pathProblem) return answer(400, `invalid path "${path}": ${pathProblem}`);
	const doomed = [...state.repositories.keys()].filter(key => key === path || key.startsWith(`${path}/`));
	if (doomed.length === 0) return answer(404, `folder ${path} does not exist`);
	for (const key of doomed) state.repositories.delete(key);
	return answer(200, null, true);
}

export const registryUiApi: EmulatedApi = {
	name: 'registryui',
	owns: pathname => pathname.startsWith(`${UDR}/`),
	baseUrl: origin => origin,
	handle: handleRegistryUi,
	tooLarge: registryUiTooLarge,
};
