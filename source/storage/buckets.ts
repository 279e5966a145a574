// The account's Object Storage buckets and NCR registries, fetched through the one transport: what
// `regwiz buckets`, `--create-bucket` and the wizard's bucket list need. Requests are built as data by
// source/backends/object-storage.ts and ncr.ts (the registry list); this module only sends them and decides.
import {MAX_REGISTRY_PAGES, ncr, readRegistryPage, registriesByBucket, registryListRequest, type ListedRegistry} from '../backends/ncr.js';
import {
	createBucketRequest,
	headBucketRequest,
	listBucketsRequest,
	readCreateBucket,
	readHeadBucket,
	readListBuckets,
	refusalLine,
	storageTarget,
	type StorageTarget,
} from '../backends/object-storage.js';
import type {Answers, PlainRequest, ResponseInput} from '../backends/types.js';
import {insecureHttpProblem, isLoopbackHost} from '../backends/validation.js';
import type {NetworkSettings} from '../transport/proxy.js';
import {EXIT} from '../core/exit-codes.js';
import {t} from '../i18n/index.js';

export type StorageOptions = {
	timeoutMs: number;
	signal?: AbortSignal;
	now?: () => number;
	/** Allow plain http to Object Storage on another machine (--allow-insecure-http). */
	allowInsecureHttp?: boolean;
	/** The proxy settings every other request of the run uses (--proxy, the profile's, the environment). */
	network?: NetworkSettings;
};

/** Where and as whom: the NCR credentials and connection answers (site, endpoint, storageEndpoint). */
export type StorageAccess = {
	credentials: Answers;
	connection: Answers;
	/** In the sandbox, the emulator's origin: every request goes there, whatever the site or endpoint says. */
	confineTo?: string;
};

/** A URL on another machine becomes the same path on the emulator (as source/sandbox/confine.ts does for backends). */
function confined(real: string, origin: string | undefined, path?: string): string {
	if (origin === undefined || !URL.canParse(real)) return real;
	const url = new URL(real);
	return isLoopbackHost(url.hostname) ? real : `${origin}${path ?? url.pathname.replace(/\/+$/, '')}`;
}

export type StorageFailure = {ok: false; message: string; exitCode: number; noAccess?: boolean; status?: number};

export type ListedBucket = {name: string; created?: string; registry?: string};

export type BucketListing =
	| {ok: true; target: StorageTarget; buckets: ListedBucket[]; registries?: ListedRegistry[]; registriesProblem?: string}
	| (StorageFailure & {target?: StorageTarget});

type Sent = {ok: true; response: ResponseInput} | StorageFailure;

async function send(request: PlainRequest, options: StorageOptions): Promise<Sent> {
	const {sendRequest, TransportError} = await import('../transport.js');
	try {
		return {ok: true, response: await sendRequest(request, {timeoutMs: options.timeoutMs, signal: options.signal, network: options.network})};
	} catch (error) {
		if (error instanceof TransportError) {
			return {ok: false, message: `${error.message} ${error.hint}`, exitCode: error.kind === 'cancelled' ? EXIT.cancelled : EXIT.noAnswer};
		}
		throw error;
	}
}

/** Where Object Storage is; never plain http to another machine unless allowed (the signature would travel in the clear). */
export function resolveTarget(connection: Answers, allowInsecureHttp = false, confineTo?: string): StorageTarget | StorageFailure {
	const found = storageTarget(connection);
	if ('problem' in found) return {ok: false, message: found.problem, exitCode: EXIT.usage};
	const target = {...found, endpoint: confined(found.endpoint, confineTo, '/object-storage')};
	const insecure = allowInsecureHttp ? undefined : insecureHttpProblem(target.endpoint);
	if (insecure) return {ok: false, message: t('ncr.storage.insecure', {problem: insecure}), exitCode: EXIT.usage};
	return target;
}

const signing = (access: StorageAccess, target: StorageTarget, options: StorageOptions) => ({
	target,
	credentials: access.credentials,
	now: (options.now ?? Date.now)(),
});

/** Every registry of the account, page after page, or why the list could not be read. */
export async function listRegistries(access: StorageAccess, options: StorageOptions): Promise<{ok: true; registries: ListedRegistry[]} | StorageFailure> {
	const base = confined(ncr.endpoint(access.connection), access.confineTo);
	const registries: ListedRegistry[] = [];
	for (let page = 1; page <= MAX_REGISTRY_PAGES; page++) {
		const sent = await send(registryListRequest(access.credentials, base, page, (options.now ?? Date.now)()), options);
		if (!sent.ok) return sent;
		const read = readRegistryPage(sent.response, page);
		if (!read.ok) return {ok: false, message: t('ncr.storage.registryList', {message: read.message}), exitCode: EXIT.refused, status: read.status};
		registries.push(...read.registries);
		if (read.next === undefined) break;
	}
	return {ok: true, registries};
}

/** The account's buckets, each with the registry it backs when NCR's list could be read. */
export async function listBuckets(access: StorageAccess, options: StorageOptions): Promise<BucketListing> {
	const target = resolveTarget(access.connection, options.allowInsecureHttp, access.confineTo);
	if ('ok' in target) return target;
	const [sent, listed] = await Promise.all([send(listBucketsRequest(signing(access, target, options)), options), listRegistries(access, options)]);
	if (!sent.ok) return {...sent, target};
	const read = readListBuckets(sent.response);
	if (!read.ok) {
		return {ok: false, target, message: refusalLine(read.refusal, target.endpoint), exitCode: EXIT.refused, noAccess: read.refusal.noAccess, status: read.refusal.status};
	}
	const backing = listed.ok ? registriesByBucket(listed.registries) : new Map<string, string>();
	const buckets = read.buckets.map(bucket => {
		const registry = backing.get(bucket.name);
		return registry === undefined ? bucket : {...bucket, registry};
	});
	return listed.ok
		? {ok: true, target, buckets, registries: listed.registries}
		: {ok: true, target, buckets, registriesProblem: t('ncr.storage.registriesUnknown', {message: listed.message})};
}

export type BucketState = {ok: true; state: 'yours' | 'free' | 'forbidden'} | StorageFailure;

/** HEAD /{bucket}: 'free' (404), 'yours' (200), 'forbidden' (403: another account's, or no permission). */
export async function bucketState(name: string, access: StorageAccess, options: StorageOptions): Promise<BucketState> {
	const target = resolveTarget(access.connection, options.allowInsecureHttp, access.confineTo);
	if ('ok' in target) return target;
	const sent = await send(headBucketRequest(name, signing(access, target, options)), options);
	if (!sent.ok) return sent;
	const answer = readHeadBucket(sent.response);
	if (typeof answer === 'string') return {ok: true, state: answer};
	return {ok: false, message: refusalLine(answer.refusal, target.endpoint), exitCode: EXIT.refused, noAccess: answer.refusal.noAccess, status: answer.refusal.status};
}

/** The requests `--create-bucket` sends before the registry: HEAD, then PUT when the bucket does not exist. */
export function ensureBucketRequests(name: string, access: StorageAccess, now: number): PlainRequest[] | StorageFailure {
	// Only shown (dry run): the caller has checked the endpoint's security.
	const target = resolveTarget(access.connection, true, access.confineTo);
	if ('ok' in target) return target;
	const signed = {target, credentials: access.credentials, now};
	return [headBucketRequest(name, signed), createBucketRequest(name, signed)];
}

export type EnsuredBucket = {
	ok: true;
	/** True when regwiz created it; false when it already was the account's. */
	created: boolean;
	requests: Array<{method: string; url: string; status: number}>;
};

/** Makes sure the bucket exists and is the account's: HEAD, then PUT when it is free. */
export async function ensureBucket(name: string, access: StorageAccess, options: StorageOptions): Promise<EnsuredBucket | (StorageFailure & {requests: EnsuredBucket['requests']})> {
	const target = resolveTarget(access.connection, options.allowInsecureHttp, access.confineTo);
	if ('ok' in target) return {...target, requests: []};
	const requests: EnsuredBucket['requests'] = [];
	const head = headBucketRequest(name, signing(access, target, options));
	const headSent = await send(head, options);
	if (!headSent.ok) return {...headSent, requests};
	requests.push({method: head.method, url: head.url, status: headSent.response.status});
	const state = readHeadBucket(headSent.response);
	if (state === 'yours') return {ok: true, created: false, requests};
	if (state === 'forbidden') {
		return {
			ok: false,
			message: t('ncr.storage.notYours', {name}),
			exitCode: EXIT.refused,
			status: 403,
			requests,
		};
	}
	if (state !== 'free') return {ok: false, message: refusalLine(state.refusal, target.endpoint), exitCode: EXIT.refused, noAccess: state.refusal.noAccess, status: state.refusal.status, requests};
	const put = createBucketRequest(name, signing(access, target, options));
	const putSent = await send(put, options);
	if (!putSent.ok) return {...putSent, requests};
	requests.push({method: put.method, url: put.url, status: putSent.response.status});
	const created = readCreateBucket(putSent.response);
	if (created === 'created') return {ok: true, created: true, requests};
	if (created === 'yours') return {ok: true, created: false, requests};
	if (created === 'taken') {
		return {ok: false, message: t('ncr.storage.taken', {name}), exitCode: EXIT.refused, status: putSent.response.status, requests};
	}
	return {ok: false, message: refusalLine(created.refusal, target.endpoint), exitCode: EXIT.refused, noAccess: created.refusal.noAccess, status: created.refusal.status, requests};
}
