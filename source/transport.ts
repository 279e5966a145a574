// undici sends: one dispatcher per request (an Agent, or a ProxyAgent when a proxy is in use), closed
// once the answer is read, so that nothing keeps the process alive. This module is imported only when
// something is sent (core/create.ts): dry runs, help and the wizard's first frame never evaluate undici.
import {Agent, Pool, ProxyAgent, request, type Dispatcher} from 'undici';
import {t} from './i18n/index.js';
import type {PlainRequest, ResponseInput} from './backends/types.js';
import {proxyRoute, ProxyProblem, type NetworkSettings, type ProxyRoute} from './transport/proxy.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export type TransportFailure =
	| 'refused'
	| 'dns'
	| 'tls'
	| 'timeout'
	| 'cancelled'
	| 'interrupted'
	| 'network'
	| 'proxy-refused'
	| 'proxy-auth'
	| 'proxy-unreachable';

/** The request got no usable answer. The message names the host, never a header or credential. */
export class TransportError extends Error {
	constructor(
		readonly kind: TransportFailure,
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'TransportError';
	}
}

export type SendOptions = {
	/** Overall limit for the whole exchange, in milliseconds. */
	timeoutMs: number;
	/** Cancels the request (Ctrl-C, Esc). */
	signal?: AbortSignal;
	maxBodyBytes?: number;
	/** --proxy, the profile's proxy and the environment; without it, the request goes direct. */
	network?: NetworkSettings;
};



const TLS_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'ERR_SSL_WRONG_VERSION_NUMBER',
	'EPROTO',
]);

function errorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
		current = (current as {cause?: unknown}).cause;
	}
	return (error as {code?: string} | undefined)?.code;
}

/** The proxy's own failures: it refused us, wanted credentials, or could not reach the service. */
function describeProxyFailure(error: unknown, host: string, route: ProxyRoute, connecting: boolean): TransportError | undefined {
	const code = errorCode(error);
	const message = (error as {message?: unknown} | undefined)?.message;
	const text = typeof message === 'string' ? message : '';
	const proxy = route.label;
	if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return new TransportError(
			'proxy-refused',
			t('transport.proxy.refused', {proxy, source: route.source, host, dns: code !== 'ECONNREFUSED'}),
			t('transport.proxy.refusedHint'),
		);
	}
	// undici answers a CONNECT refused by the proxy with "Proxy response (407) !== 200 when HTTP Tunneling".
	const tunnel = /Proxy response \((\d{3})\)/.exec(text);
	const status = tunnel ? Number(tunnel[1]) : /Proxy Authentication Required \(407\)/.test(text) ? 407 : undefined;
	if (status === 407) {
		return new TransportError(
			'proxy-auth',
			t('transport.proxy.auth', {proxy, source: route.source, host, credentials: route.hasCredentials}),
			route.hasCredentials ? t('transport.proxy.authCheckHint') : t('transport.proxy.authGiveHint'),
		);
	}
	// A proxy that cannot reach the service answers the CONNECT with an error status, or just closes it.
	const closed = connecting && (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'UND_ERR_CLOSED');
	if (status !== undefined || closed) {
		return new TransportError(
			'proxy-unreachable',
			t('transport.proxy.unreachable', {proxy, source: route.source, host, status}),
			t('transport.proxy.unreachableHint'),
		);
	}
	return undefined;
}

function describeFailure(
	error: unknown,
	host: string,
	timeoutMs: number,
	cancelled: boolean,
	timedOut: boolean,
	status?: number,
	route?: ProxyRoute,
	connecting = false,
): TransportError {
	if (cancelled) return new TransportError('cancelled', t('transport.cancelled'), t('transport.cancelledHint'));
	if (error instanceof ProxyProblem) return new TransportError('network', error.message, t('transport.proxy.settingHint'));
	const code = errorCode(error);
	if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
		const seconds = timeoutMs >= 10_000 ? Math.round(timeoutMs / 1000) : Math.round(timeoutMs / 100) / 10;
		return new TransportError(
			'timeout',
			t('transport.timeout', {host, proxy: route?.label, seconds}),
			t('transport.timeoutHint'),
		);
	}
	const viaProxy = route && status === undefined ? describeProxyFailure(error, host, route, connecting) : undefined;
	if (viaProxy) return viaProxy;
	if (code === 'ECONNREFUSED') {
		return new TransportError('refused', t('transport.refused', {host}), t('transport.refusedHint'));
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
		return new TransportError('dns', t('transport.dns', {host}), t('transport.dnsHint'));
	}
	if (code && (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT'))) {
		const why = code === 'ERR_TLS_CERT_ALTNAME_INVALID'
			? t('transport.tls.otherHost')
			: code.includes('SELF_SIGNED')
				? t('transport.tls.selfSigned')
				: code === 'CERT_HAS_EXPIRED'
					? t('transport.tls.expired')
					: code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
						? t('transport.tls.untrusted')
						: t('transport.tls.failed', {code});
		return new TransportError('tls', t('transport.tls', {host, why}), t('transport.tlsHint'));
	}
	if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
		// The status line may have arrived before the body was cut: it tells whether the service acted.
		return new TransportError(
			'interrupted',
			t('transport.interrupted', {host, status}),
			status !== undefined && status >= 200 && status < 300 ? t('transport.interruptedCreatedHint') : t('transport.interruptedHint'),
		);
	}
	return new TransportError('network', t('transport.network', {host, code}), t('transport.networkHint'));
}

async function readBounded(body: AsyncIterable<Buffer> & {destroy?: () => void}, limit: number) {
	const chunks: Buffer[] = [];
	let size = 0;
	let truncated = false;
	for await (const chunk of body) {
		const room = limit - size;
		if (chunk.length > room) {
			chunks.push(chunk.subarray(0, room));
			size = limit;
			truncated = true;
			body.destroy?.();
			break;
		}
		chunks.push(chunk);
		size += chunk.length;
	}
	return {text: Buffer.concat(chunks).toString('utf8'), truncated};
}

function dispatcherFor(route: ProxyRoute | undefined, timeoutMs: number, onConnectionError: (error: Error) => void): Dispatcher {
	// Certificates are always verified, whatever NODE_TLS_REJECT_UNAUTHORIZED says: a private authority is
	// trusted through NODE_EXTRA_CA_CERTS (Node's default trust store), never by turning verification off.
	// The connection shares the one deadline; nothing is retried and no redirect is followed (undici's
	// request follows none unless asked).
	const tls = {rejectUnauthorized: true, timeout: timeoutMs};
	// undici reconnects when a connection (or a proxy's tunnel) closes before the request went out: the
	// pool that holds the connection reports the first failure, which ends the exchange.
	const factory = (origin: string | URL, options: object) => {
		const pool = new Pool(origin, {...options, connections: 1, pipelining: 0});
		pool.on('connectionError', (_origin, _targets, error) => onConnectionError(error));
		return pool;
	};
	if (!route) return new Agent({connect: tls, factory});
	// HTTPS goes through CONNECT, and so does plain http: one path, where a 407 is the proxy's and never
	// the service's. Credentials in the URL become Proxy-Authorization on the CONNECT, sent only to the proxy.
	return new ProxyAgent({uri: route.url.href, requestTls: tls, proxyTls: tls, connect: tls, factory});
}

/** Sends one request and reads at most maxBodyBytes of its answer. Never follows a redirect, never retries. */
export async function sendRequest(plain: PlainRequest, options: SendOptions): Promise<ResponseInput> {
	const url = new URL(plain.url);
	const host = url.origin;
	const timeout = AbortSignal.timeout(options.timeoutMs);
	const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
	let status: number | undefined;
	let route: ProxyRoute | undefined;
	let dispatcher: Dispatcher | undefined;
	let informational: number | undefined;
	let connectFailure: Error | undefined;
	try {
		route = options.network ? proxyRoute(url, options.network) : undefined;
		// A request still waiting for its connection does not see the abort signal: the deadline is raced
		// here, and the first failure to connect destroys the dispatcher. One attempt, one deadline.
		const current: Dispatcher = (dispatcher = dispatcherFor(route, options.timeoutMs, error => {
			connectFailure ??= error;
			void current.destroy(error).catch(() => undefined);
		}));
		const deadline = new Promise<never>((_resolve, reject) => {
			if (signal.aborted) reject(signal.reason);
			else signal.addEventListener('abort', () => reject(signal.reason), {once: true});
		});
		deadline.catch(() => undefined);
		const sent = request(url, {
			method: plain.method as Dispatcher.HttpMethod,
			headers: plain.headers,
			body: plain.body,
			signal,
			dispatcher: current,
			headersTimeout: options.timeoutMs,
			bodyTimeout: options.timeoutMs,
			onInfo: ({statusCode}) => {
				informational = statusCode;
			},
		});
		sent.catch(() => undefined);
		const response = await Promise.race([sent, deadline]);
		status = response.statusCode;
		const {text, truncated} = await Promise.race([readBounded(response.body, options.maxBodyBytes ?? MAX_BODY_BYTES), deadline]);
		return {status, headers: response.headers, body: text, truncated};
	} catch (error) {
		// A 1xx was the last thing the server said: an upgrade nobody asked for (undici then drops the
		// connection, "bad upgrade"), or an interim answer with no final one after it. The service may
		// have acted; this is an answer regwiz cannot use, not a network fault. Past the deadline it is one.
		const upgrade = (error as {message?: unknown} | undefined)?.message === 'bad upgrade';
		if (status === undefined && !timeout.aborted && !options.signal?.aborted && (upgrade || informational !== undefined)) {
			return {status: upgrade ? 101 : informational!, headers: {}, body: '', truncated: false};
		}
		throw describeFailure(connectFailure ?? error, host, options.timeoutMs, options.signal?.aborted === true, timeout.aborted, status, route, connectFailure !== undefined);
	} finally {
		void dispatcher?.destroy().catch(() => undefined);
	}
}
