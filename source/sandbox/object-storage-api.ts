// NCP Object Storage's S3 API as the sandbox answers it: ListBuckets, HEAD bucket and CreateBucket,
// path-style under /object-storage, every request checked for a valid AWS Signature V4 by the demo keys.
import {createHash} from 'node:crypto';
import aws4 from 'aws4';
import {bucketNameProblem, DEFAULT_STORAGE_REGION} from '../backends/object-storage.js';
import {parseSigV4Authorization, SIGV4_SERVICE} from '../signing/sigv4.js';
import {NCR_SECRETS, NO_STORAGE_KEYS} from './credentials.js';
import {decodeSegment, headerText, type ApiContext, type EmulatedApi, type Reply, type SandboxRequest} from './reply.js';
import {sameSecret} from './rules.js';
import type {SandboxState} from './state.js';

export const STORAGE_PREFIX = '/object-storage';

/** S3 accepts a request time up to 15 minutes from its own clock. */
export const SIGV4_TOLERANCE_MS = 15 * 60_000;

export const isStoragePath = (pathname: string): boolean => pathname === STORAGE_PREFIX || pathname.startsWith(`${STORAGE_PREFIX}/`);

const XML_TYPE = 'application/xml';
const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function xmlReply(status: number, body: string, headers: Record<string, string> = {}): Reply {
	return {status, headers: {'content-type': XML_TYPE, ...headers}, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`};
}

export function storageError(status: number, code: string, message: string, head = false): Reply {
	// A HEAD answer has no body: S3 says only the status.
	if (head) return {status, headers: {}, body: ''};
	return xmlReply(status, `<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message><RequestId>sandbox</RequestId></Error>`);
}

export const storageTooLarge = (): Reply => storageError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// Signing with a throwaway secret when the key is unknown keeps the work the same for every key.
const UNKNOWN_KEY_SECRET = 'sandbox-unknown-access-key';

/** The S3 error for a request whose signature does not hold, or undefined when it is authentic. */
export function sigV4Problem(request: SandboxRequest, clock: () => number, secrets: ReadonlyMap<string, string>): {status: number; code: string; message: string} | undefined {
	const authorization = headerText(request.headers, 'authorization');
	if (!authorization) return {status: 403, code: 'AccessDenied', message: 'Anonymous access is not allowed: sign the request with AWS Signature Version 4.'};
	const parts = parseSigV4Authorization(authorization);
	if (!parts) return {status: 400, code: 'AuthorizationHeaderMalformed', message: 'The authorization header is not AWS Signature Version 4.'};
	if (parts.region !== DEFAULT_STORAGE_REGION) {
		return {status: 400, code: 'AuthorizationHeaderMalformed', message: `The authorization header is malformed; the region '${parts.region}' is wrong; expecting '${DEFAULT_STORAGE_REGION}'.`};
	}
	const amzDate = headerText(request.headers, 'x-amz-date') ?? '';
	const contentHash = headerText(request.headers, 'x-amz-content-sha256');
	if (!/^\d{8}T\d{6}Z$/.test(amzDate) || parts.service !== SIGV4_SERVICE || !parts.signedHeaders.includes('host') || !parts.signedHeaders.includes('x-amz-date')) {
		return {status: 400, code: 'AuthorizationHeaderMalformed', message: 'The authorization header is malformed: host and x-amz-date must be signed, for service s3.'};
	}
	if (contentHash !== undefined && contentHash !== 'UNSIGNED-PAYLOAD' && contentHash !== sha256(request.body)) {
		return {status: 400, code: 'XAmzContentSHA256Mismatch', message: 'The provided x-amz-content-sha256 header does not match what was computed.'};
	}
	const secret = secrets.get(parts.accessKey);
	const signedHeaders: Record<string, string> = {};
	for (const name of parts.signedHeaders) signedHeaders[name] = headerText(request.headers, name) ?? '';
	// The second computation: aws4 over exactly what arrived (path as sent, the headers it names).
	const signer = new aws4.RequestSigner(
		{method: request.method, host: signedHeaders.host, path: request.url, service: parts.service, region: parts.region, headers: signedHeaders, body: request.body, doNotModifyHeaders: true},
		{accessKeyId: parts.accessKey, secretAccessKey: secret ?? UNKNOWN_KEY_SECRET},
	);
	// Headers are left as they arrived, so the request's own time is the one signed.
	signer.datetime = amzDate;
	const expectedSignature = signer.signature();
	const signed = sameSecret(parts.signature, expectedSignature) && parts.date === amzDate.slice(0, 8);
	if (secret === undefined) return {status: 403, code: 'InvalidAccessKeyId', message: 'The access key ID you provided does not exist in our records.'};
	if (!signed) return {status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.'};
	const time = Date.UTC(+amzDate.slice(0, 4), +amzDate.slice(4, 6) - 1, +amzDate.slice(6, 8), +amzDate.slice(9, 11), +amzDate.slice(11, 13), +amzDate.slice(13, 15));
	if (Math.abs(clock() - time) > SIGV4_TOLERANCE_MS) {
		return {status: 403, code: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.'};
	}
	return undefined;
}

function listBuckets(state: SandboxState): Reply {
	const own = [...state.buckets.values()].filter(bucket => bucket.owner === 'demo').sort((a, b) => a.name.localeCompare(b.name));
	const entries = own.map(bucket => `<Bucket><Name>${escapeXml(bucket.name)}</Name><CreationDate>${bucket.created}</CreationDate></Bucket>`).join('');
	return xmlReply(
		200,
		`<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>sandbox</ID><DisplayName>sandbox</DisplayName></Owner><Buckets>${entries}</Buckets></ListAllMyBucketsResult>`,
	);
}

export function handleStorage(request: SandboxRequest, {state, clock}: ApiContext): Reply {
	const head = request.method === 'HEAD';
	const problem = sigV4Problem(request, clock, NCR_SECRETS);
	if (problem) return storageError(problem.status, problem.code, problem.message, head);
	const accessKey = parseSigV4Authorization(headerText(request.headers, 'authorization') ?? '')?.accessKey ?? '';
	if (NO_STORAGE_KEYS.has(accessKey)) return storageError(403, 'AccessDenied', 'Access Denied', head);
	const rest = request.pathname.slice(STORAGE_PREFIX.length);
	if (rest === '' || rest === '/') {
		return request.method === 'GET' ? listBuckets(state) : storageError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', head);
	}
	const segment = /^\/([^/]+)\/?$/.exec(rest)?.[1];
	const name = segment === undefined ? undefined : decodeSegment(segment);
	if (name === undefined) return storageError(404, 'NoSuchKey', 'The sandbox keeps buckets, not objects.', head);
	const bucket = state.buckets.get(name);
	if (head) return {status: bucket === undefined ? 404 : bucket.owner === 'demo' ? 200 : 403, headers: {}, body: ''};
	if (request.method !== 'PUT') return storageError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
	const nameProblem = bucketNameProblem(name);
	if (nameProblem) return storageError(400, 'InvalidBucketName', `The specified bucket is not valid: ${nameProblem}.`);
	if (bucket?.owner === 'demo') return storageError(409, 'BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.');
	if (bucket) return storageError(409, 'BucketAlreadyExists', 'The requested bucket name is not available. Please select a different name and try again.');
	state.buckets.set(name, {name, created: new Date(clock()).toISOString(), owner: 'demo'});
	return {status: 200, headers: {location: `/${encodeURIComponent(name)}`}, body: ''};
}

/** The demo account of a sandbox run: two free buckets, one backing the registry "demo-app", one of someone else. */
export function seedDemo(state: SandboxState, now: number): void {
	const created = new Date(now - 86_400_000).toISOString();
	for (const name of ['demo-app-images', 'demo-images', 'demo-backups']) state.buckets.set(name, {name, created, owner: 'demo'});
	state.buckets.set('taken-bucket', {name: 'taken-bucket', created, owner: 'other'});
	if (!state.registries.has('demo-app')) state.registries.set('demo-app', {name: 'demo-app', bucket: 'demo-app-images', storageType: 'objectStorage', created});
}

/** NCR's Object Storage (S3 API, path-style, region kr-standard), on the emulator's origin under /object-storage. */
export const objectStorageApi: EmulatedApi = {
	name: 'object-storage',
	owns: isStoragePath,
	baseUrl: origin => `${origin}${STORAGE_PREFIX}`,
	handle: handleStorage,
	tooLarge: storageTooLarge,
};
