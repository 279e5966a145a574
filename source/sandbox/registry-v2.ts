import {timingSafeEqual} from 'node:crypto';
import {BACKENDS} from '../backends/index.js';
import {headerText, jsonReply, type Reply, type SandboxRequest} from './reply.js';

/** The registry API's base, which `docker login` checks: GET /v2/ must answer 200 once authorised. */
export const isRegistryV2Path = (pathname: string): boolean => pathname === '/v2/' || pathname === '/v2';

const VERSION = {'docker-distribution-api-version': 'registry/2.0'};

function same(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

/** Any backend's demo credentials: the credential it shows as the user name, another of the same demo as the password. */
function accepted(username: string, password: string): boolean {
	return BACKENDS.some(backend =>
		backend.sandbox.demos.some(({credentials}) => {
			const user = credentials[backend.shownCredential];
			if (user === undefined || !same(user, username)) return false;
			return Object.entries(credentials).some(([key, value]) => key !== backend.shownCredential && same(value, password));
		}),
	);
}

function challenge(message: string): Reply {
	return jsonReply(401, {errors: [{code: 'UNAUTHORIZED', message, detail: null}]}, {
		...VERSION,
		'www-authenticate': 'Basic realm="regwiz sandbox"',
	});
}

/** A registry's login check, as docker and podman make it: 401 with a challenge first, 200 for the demo credentials. */
export function handleRegistryV2(request: SandboxRequest): Reply {
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		return jsonReply(405, {errors: [{code: 'UNSUPPORTED', message: 'the sandbox answers only the login check here', detail: null}]}, VERSION);
	}
	const authorization = headerText(request.headers, 'authorization') ?? '';
	const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
	if (!match) return challenge('authentication required');
	const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1 || !accepted(decoded.slice(0, colon), decoded.slice(colon + 1))) return challenge('the user name or password is not the sandbox demo credentials');
	return jsonReply(200, {}, VERSION);
}
