import {NCP_HEADER, signNcpRequest} from '../signing/ncp-signature.js';
import {headerText, type SandboxRequest} from './reply.js';
import {sameSecret} from './rules.js';

/** The gateway accepts a timestamp up to this far from its own clock, either way. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

export const AUTH_MISSING = 'Authentication information are missing.';
export const AUTH_INVALID = 'Invalid authentication information.';

// Signing with a throwaway secret when the key is unknown keeps the work the same, so timing
// does not reveal which access keys exist.
const UNKNOWN_KEY_SECRET = 'sandbox-unknown-access-key';

/**
 * Checks signature v2 as the NCP API gateway does. Returns the gateway's "details" text on failure,
 * undefined when the request is authentic.
 */
export function ncpAuthProblem(
	request: SandboxRequest,
	clock: () => number,
	secrets: ReadonlyMap<string, string>,
): string | undefined {
	const timestamp = headerText(request.headers, NCP_HEADER.timestamp);
	const accessKey = headerText(request.headers, NCP_HEADER.accessKey);
	const signature = headerText(request.headers, NCP_HEADER.signature);
	if (!timestamp || !accessKey || !signature) return AUTH_MISSING;

	const secret = secrets.get(accessKey);
	const expected = signNcpRequest({
		method: request.method,
		uri: request.url,
		timestamp,
		accessKey,
		secretKey: secret ?? UNKNOWN_KEY_SECRET,
	});
	const signed = sameSecret(signature, expected);
	// The real gateway does not say which check failed: a stale clock, a wrong key and a wrong
	// signature all read the same, and clients must cope with that.
	const fresh = /^\d{1,16}$/.test(timestamp) && Math.abs(clock() - Number(timestamp)) <= TIMESTAMP_TOLERANCE_MS;
	return secret !== undefined && signed && fresh ? undefined : AUTH_INVALID;
}
