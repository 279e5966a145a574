// A local HTTP server that records every request and answers as scripted. It checks credentials the
// way the real services do (NCP API Gateway signature v2, or RegistryUI Basic auth), so a test can
// assert both what the user saw and what reached the server. Listens on 127.0.0.1, port 0 only.
import {createHmac, timingSafeEqual} from 'node:crypto';
import http from 'node:http';
import type {AddressInfo} from 'node:net';

export type ScriptedAnswer = {
	/** Default 200. */
	status?: number;
	headers?: Record<string, string>;
	/** A string is sent as is; anything else as JSON (with a JSON content type unless one is given). */
	body?: unknown;
	/** Wait this long before answering. */
	delayMs?: number;
	/** Never answer: the connection stays open until the client gives up or the server closes. */
	hang?: boolean;
};

export type RecordedRequest = {
	method: string;
	/** Path and query exactly as received, e.g. "/ncr/api/v2/repositories/team-a?x=1". */
	url: string;
	path: string;
	/** The query string without "?", as received ('' when none). */
	query: string;
	/** As node gives them: names lowercased. */
	headers: http.IncomingHttpHeaders;
	body: string;
	/** Why the credentials were refused (the request then got a 401), or null when accepted or not checked. */
	authProblem: string | null;
};

export type ServerAuth =
	| {kind: 'ncp'; accessKey: string; secretKey: string}
	| {kind: 'basic'; username: string; token: string};

export type RecordingServerOptions = {
	/** Credentials to check on every request; without it nothing is checked. */
	auth?: ServerAuth;
	/** The server's clock, for the NCP timestamp check. */
	now?: () => number;
	/** The answer to requests nothing else was scripted for (default: 404 with a plain text body). */
	fallback?: ScriptedAnswer;
};

export type RecordingServer = {
	/** http://127.0.0.1:PORT, no trailing slash. */
	readonly url: string;
	readonly port: number;
	readonly requests: RecordedRequest[];
	/** Queues answers for the next requests, in order; they are used before `answerAll`'s. */
	answerNext(...answers: ScriptedAnswer[]): void;
	/** Answers every request that no queued answer covers. */
	answerAll(answer: ScriptedAnswer | ((request: RecordedRequest) => ScriptedAnswer)): void;
	/** Resolves once `count` requests have been recorded. */
	waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
	/** Ends open connections (hanging ones too) and stops listening. */
	close(): Promise<void>;
};

export const NCP_AUTH_FAILED = {
	error: {errorCode: '200', message: 'Authentication Failed', details: 'Invalid authentication information.'},
};
export const NCP_AUTH_MISSING = {
	error: {errorCode: '200', message: 'Authentication Failed', details: 'Authentication information are missing.'},
};
const FIVE_MINUTES = 5 * 60_000;

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function sameText(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

/** The gateway's check: three headers, a fresh timestamp, the key, and the HMAC over what was received. */
function ncpProblem(request: RecordedRequest, auth: {accessKey: string; secretKey: string}, now: number): string | null {
	const timestamp = single(request.headers['x-ncp-apigw-timestamp']);
	const accessKey = single(request.headers['x-ncp-iam-access-key']);
	const signature = single(request.headers['x-ncp-apigw-signature-v2']);
	if (!timestamp || !accessKey || !signature) return 'missing';
	if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > FIVE_MINUTES) return 'timestamp';
	if (!sameText(accessKey, auth.accessKey)) return 'access key';
	const expected = createHmac('sha256', auth.secretKey)
		.update(`${request.method} ${request.url}\n${timestamp}\n${accessKey}`, 'utf8')
		.digest('base64');
	return sameText(signature, expected) ? null : 'signature';
}

function basicProblem(request: RecordedRequest, auth: {username: string; token: string}): string | null {
	const header = single(request.headers.authorization);
	if (!header) return 'missing';
	const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
	if (!match?.[1]) return 'not Basic';
	return sameText(Buffer.from(match[1], 'base64').toString('utf8'), `${auth.username}:${auth.token}`) ? null : 'wrong user or token';
}

function authFailure(auth: ServerAuth, problem: string): ScriptedAnswer {
	if (auth.kind === 'ncp') {
		return {status: 401, headers: {'x-ncp-trace-id': 'trace-auth-401'}, body: problem === 'missing' ? NCP_AUTH_MISSING : NCP_AUTH_FAILED};
	}
	return {status: 401, headers: {'www-authenticate': 'Basic realm="RegistryUI"'}, body: {error: 'Unauthorized', data: null}};
}

export async function startRecordingServer(options: RecordingServerOptions = {}): Promise<RecordingServer> {
	const requests: RecordedRequest[] = [];
	const queue: ScriptedAnswer[] = [];
	let always: ScriptedAnswer | ((request: RecordedRequest) => ScriptedAnswer) | undefined;
	const timers = new Set<NodeJS.Timeout>();
	const waiters = new Set<() => void>();
	const clock = options.now ?? Date.now;

	const send = (response: http.ServerResponse, answer: ScriptedAnswer) => {
		if (answer.hang) return;
		const headers: Record<string, string> = {...answer.headers};
		let body = '';
		if (typeof answer.body === 'string') body = answer.body;
		else if (answer.body !== undefined) {
			body = JSON.stringify(answer.body);
			if (!Object.keys(headers).some(name => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
		}
		response.writeHead(answer.status ?? 200, headers);
		response.end(body);
	};

	const server = http.createServer((incoming, response) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const url = incoming.url ?? '/';
			const mark = url.indexOf('?');
			const recorded: RecordedRequest = {
				method: incoming.method ?? '',
				url,
				path: mark === -1 ? url : url.slice(0, mark),
				query: mark === -1 ? '' : url.slice(mark + 1),
				headers: incoming.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				authProblem: null,
			};
			const auth = options.auth;
			if (auth) {
				recorded.authProblem = auth.kind === 'ncp' ? ncpProblem(recorded, auth, clock()) : basicProblem(recorded, auth);
			}
			requests.push(recorded);
			for (const wake of waiters) wake();
			const answer: ScriptedAnswer =
				auth && recorded.authProblem !== null
					? authFailure(auth, recorded.authProblem)
					: (queue.shift() ??
						(typeof always === 'function' ? always(recorded) : always) ??
						options.fallback ?? {status: 404, headers: {'content-type': 'text/plain'}, body: 'no answer scripted'});
			if (answer.delayMs) {
				const timer = setTimeout(() => {
					timers.delete(timer);
					if (!response.destroyed) send(response, answer);
				}, answer.delayMs);
				timers.add(timer);
			} else send(response, answer);
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const {port} = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		answerNext: (...answers) => void queue.push(...answers),
		answerAll(answer) {
			always = answer;
		},
		waitForRequests(count, timeoutMs = 5000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (requests.length < count) return;
					cleanup();
					resolve(requests.slice());
				};
				const timer = setTimeout(() => {
					cleanup();
					reject(new Error(`expected ${count} request(s) within ${timeoutMs} ms, got ${requests.length}`));
				}, timeoutMs);
				const cleanup = () => {
					clearTimeout(timer);
					waiters.delete(check);
				};
				waiters.add(check);
				check();
			});
		},
		async close() {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			if (!server.listening) return;
			const closed = new Promise<void>(resolve => server.close(() => resolve()));
			server.closeAllConnections();
			await closed;
		},
	};
}

/** A port on 127.0.0.1 that was listening a moment ago and is closed now: connecting to it is refused. */
export async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
	const {port} = server.address() as AddressInfo;
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}
