import {randomBytes} from 'node:crypto';
import {ncr, NCR_SITES} from '../backends/ncr.js';
import {NCR_SECRETS, NCR_UNSUBSCRIBED_KEYS} from './credentials.js';
import {ncpAuthProblem} from './ncr-auth.js';
import {decodeSegment, headerText, jsonReply, type ApiContext, type EmulatedApi, type Reply, type SandboxRequest} from './reply.js';
import {fieldSpec, ruleProblem} from './rules.js';
import type {RegistryRecord, StorageType} from './state.js';

/** Every site's base path, as the backend states them; the emulator serves them all from one registry map. */
export const NCR_PREFIXES: readonly string[] = [...new Set(NCR_SITES.map(site => new URL(site.baseUrl).pathname.replace(/\/+$/, '')))];

export const NCR_DEFAULT_PREFIX = NCR_PREFIXES[0] ?? '/ncr/api/v2';

/** Stands in for `kr.ncr.ntruss.com` in end points, so nobody mistakes them for real hosts. */
export const SANDBOX_DOCKER_ZONE = 'sandbox.local';

/**
 * The public endpoint the emulator reports: its own loopback origin, which answers the registry login
 * check (GET /v2/), so that `docker login` in the sandbox reaches the sandbox and nothing else.
 */
function sandboxEndPoint(request: SandboxRequest, name: string): string {
	const host = headerText(request.headers, 'host') ?? '';
	return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(host) ? host : `${name}.${SANDBOX_DOCKER_ZONE}`;
}

/**
 * Names another NCP account already holds. Registry names are unique across all accounts, and NCP
 * refuses such a name with 403, the same answer as a missing right: clients must say both.
 */
export const NAMES_TAKEN_ELSEWHERE: ReadonlySet<string> = new Set(['registry', 'taken-elsewhere']);

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 1000;

const registrySpec = fieldSpec(ncr.fields, 'registry');
const storageTypeSpec = fieldSpec(ncr.fields, 'storageType');
const bucketSpec = fieldSpec(ncr.fields, 'bucket');

/**
 * Error bodies use the gateway's envelope. The gateway's own codes are kept for what the gateway
 * answers (200 auth, 300 not found, 430 too large); answers from behind it, whose codes NCP does not
 * document, use the HTTP status as errorCode, a short message naming the problem, and details naming
 * the value and the rule.
 */
export function ncrError(status: number, errorCode: string, message: string, details: string): Reply {
	return jsonReply(status, {error: {errorCode, message, details}});
}

export const ncrNotFound = (pathname: string): Reply =>
	ncrError(404, '300', 'Not Found Exception', `No API is registered at ${pathname}.`);

export const ncrTooLarge = (): Reply =>
	ncrError(413, '430', 'Request Entity Too Large', 'The request body exceeds the size the gateway accepts.');

export const isNcrPath = (pathname: string): boolean => pathname.startsWith('/ncr/');

type Route = {kind: 'list'} | {kind: 'registry'; name: string};

function route(pathname: string): Route | undefined {
	const prefix = NCR_PREFIXES.find(candidate => pathname.startsWith(`${candidate}/repositories`));
	if (!prefix) return undefined;
	const rest = pathname.slice(prefix.length + '/repositories'.length);
	if (rest === '') return {kind: 'list'};
	const segment = /^\/([^/]+)$/.exec(rest)?.[1];
	if (segment === undefined) return undefined;
	// A malformed escape cannot name any registry; let the name rule reject it with the raw text.
	return {kind: 'registry', name: decodeSegment(segment) ?? segment};
}

export function handleNcr(request: SandboxRequest, context: ApiContext): Reply {
	const target = route(request.pathname);
	const method = request.method;
	const known =
		target?.kind === 'list' ? method === 'GET' : target?.kind === 'registry' && ['GET', 'POST', 'DELETE'].includes(method);
	// The gateway matches the resource before it authenticates: unknown paths never reach the signature check.
	if (!target || !known) return ncrNotFound(request.pathname);

	const authProblem = ncpAuthProblem(request, context.clock, NCR_SECRETS);
	if (authProblem) return ncrError(401, '200', 'Authentication Failed', authProblem);
	// An authentic key whose account has not subscribed (or whose sub-account lacks a policy).
	if (NCR_UNSUBSCRIBED_KEYS.has(headerText(request.headers, 'x-ncp-iam-access-key') ?? '')) {
		return ncrError(401, '210', 'Permission Denied', 'A subscription to the API is required.');
	}
	// NCP documents Content-Type: application/json as required on every request, with a body or not.
	if (!/^application\/json\s*(;|$)/i.test(headerText(request.headers, 'content-type') ?? '')) {
		return ncrError(400, '100', 'Bad Request Exception', 'Content-Type: application/json is required on every request.');
	}

	if (target.kind === 'list') return listRegistries(request, context);
	if (method === 'POST') return createRegistry(target.name, request, context);
	const record = context.state.registries.get(target.name);
	if (!record) return ncrError(404, '404', 'Registry not found', `No registry named "${target.name}" exists.`);
	if (method === 'DELETE') {
		context.state.registries.delete(target.name);
		return jsonReply(204, undefined);
	}
	// GET /repositories/{registry} lists the registry's images; a sandbox registry never holds any.
	return jsonReply(200, {count: 0, next: null, previous: null, results: []});
}

function createRegistry(name: string, request: SandboxRequest, {state, clock}: ApiContext): Reply {
	const nameProblem = ruleProblem(registrySpec, name);
	if (nameProblem) return ncrError(400, '400', 'Invalid registry name', `Registry name "${name}": ${nameProblem}.`);

	let body: unknown;
	try {
		body = request.body.trim() === '' ? {} : JSON.parse(request.body);
	} catch {
		body = undefined;
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return ncrError(400, '400', 'Invalid request body', 'The body must be a JSON object, e.g. {"bucket":"team-a-images"}.');
	}
	const fields = body as Record<string, unknown>;

	const storageType = fields.storageType ?? 'objectStorage';
	if (typeof storageType !== 'string' || ruleProblem(storageTypeSpec, storageType)) {
		return ncrError(400, '400', 'Invalid storageType', 'storageType must be "objectStorage" or "ncloudStorage".');
	}

	let bucket: string | undefined;
	if (storageType === 'objectStorage') {
		if (fields.bucket === undefined || fields.bucket === null || fields.bucket === '') {
			return ncrError(400, '400', 'Bucket required', 'storageType "objectStorage" needs a "bucket": an Object Storage bucket name.');
		}
		const bucketProblem = typeof fields.bucket === 'string' ? ruleProblem(bucketSpec, fields.bucket) : 'must be a string';
		if (bucketProblem) {
			return ncrError(400, '400', 'Invalid bucket name', `Bucket ${JSON.stringify(fields.bucket)}: ${bucketProblem}.`);
		}
		bucket = fields.bucket as string;
	}

	if (NAMES_TAKEN_ELSEWHERE.has(name)) {
		return ncrError(403, '403', 'Forbidden', `You are not allowed to create registry "${name}".`);
	}
	if (state.registries.has(name)) {
		return ncrError(409, '409', 'Registry already exists', `A registry named "${name}" already exists.`);
	}
	const owner = bucket === undefined ? undefined : [...state.registries.values()].find(record => record.bucket === bucket);
	if (owner) {
		return ncrError(
			409,
			'409',
			'Bucket already in use',
			`Bucket "${bucket}" already backs registry "${owner.name}": a bucket can back only one registry.`,
		);
	}

	const record: RegistryRecord = {name, storageType: storageType as StorageType, created: new Date(clock()).toISOString()};
	if (bucket !== undefined) record.bucket = bucket;
	state.registries.set(name, record);
	return jsonReply(201, {returnCode: '201', returnMessage: 'Registry Creation is successful'});
}

/** A stable id per name, standing in for the one NCP puts in private endpoints. */
function privateId(name: string): string {
	let hash = 0;
	for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
	return `p${hash.toString(36).padStart(7, '0')}`;
}

/** A page parameter: absent gives the default; anything but a whole number above 0 is refused. */
function pageParameter(query: URLSearchParams, name: string, fallback: number): number | string {
	const raw = query.get(name);
	if (raw === null) return fallback;
	return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : `${name} must be a whole number greater than 0.`;
}

function listRegistries(request: SandboxRequest, {state}: ApiContext): Reply {
	const page = pageParameter(request.query, 'page', 1);
	const size = pageParameter(request.query, 'pagesize', DEFAULT_PAGE_SIZE);
	if (typeof page === 'string') return ncrError(400, '400', 'Invalid parameter', page);
	if (typeof size === 'string') return ncrError(400, '400', 'Invalid parameter', size);
	const pageSize = Math.min(size, MAX_PAGE_SIZE);

	const all = [...state.registries.values()];
	const start = (page - 1) * pageSize;
	const results = all.slice(start, start + pageSize).map(record => ({
		name: record.name,
		bucket: record.bucket ?? null,
		created: record.created,
		end_point: sandboxEndPoint(request, record.name),
		end_point_enabled: record.endPointEnabled ?? true,
		private_id: privateId(record.name),
		private_end_point: `${privateId(record.name)}.private.${SANDBOX_DOCKER_ZONE}`,
		public_reg_status: false,
		scan_on_push_enabled: false,
		status: 'Running',
	}));
	// NCP documents next and previous as page numbers, null at either end.
	return jsonReply(200, {
		count: all.length,
		next: start + pageSize < all.length ? page + 1 : null,
		previous: page > 1 ? page - 1 : null,
		results,
	});
}

export const ncrApi: EmulatedApi = {
	name: 'ncr',
	owns: isNcrPath,
	baseUrl: origin => `${origin}${NCR_DEFAULT_PREFIX}`,
	handle: handleNcr,
	tooLarge: ncrTooLarge,
	// The gateway stamps a trace id on everything it relays, errors and faults alike.
	stamp: () => ({'x-ncp-trace-id': randomBytes(16).toString('hex')}),
};
