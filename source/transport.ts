// Node's own HTTP client rather than undici: for one request per run it does the same (a deadline through
// an AbortSignal, certificates always verified, no redirect, no retry) with the parser built into Node,
// where undici brings its WebAssembly parser and ~300 KB of code: 6 MB of memory and a longer start on
// every create (README, "Performance").
import http from 'node:http';
import https from 'node:https';
import type {PlainRequest, ResponseInput} from './backends/types.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export type TransportFailure =
	| 'refused'
	| 'dns'
	| 'tls'
	| 'timeout'
	| 'cancelled'
	| 'interrupted'
	| 'network';

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
		if (typeof code === 'string') return code;
		current = (current as {cause?: unknown}).cause;
	}
	return undefined;
}

function describeFailure(error: unknown, host: string, timeoutMs: number, cancelled: boolean, timedOut: boolean, status?: number): TransportError {
	if (cancelled) return new TransportError('cancelled', 'Cancelled before the server answered.', 'Whether it was created is unknown: check before trying again.');
	const code = errorCode(error);
	if (timedOut) {
		const seconds = timeoutMs >= 10_000 ? Math.round(timeoutMs / 1000) : Math.round(timeoutMs / 100) / 10;
		return new TransportError(
			'timeout',
			`No answer from ${host} within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
			'The service may be slow or unreachable: retry later, or give more time with --timeout SECONDS. It may have been created: check before retrying.',
		);
	}
	if (code === 'ECONNREFUSED') {
		return new TransportError('refused', `Connection refused by ${host}: nothing is listening there.`, 'Check the URL and port, and that the service is running.');
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
		return new TransportError('dns', `The host name in ${host} could not be found (DNS).`, 'Check the spelling of the URL, your network and your DNS settings.');
	}
	if (code && (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT'))) {
		const why = code === 'ERR_TLS_CERT_ALTNAME_INVALID'
			? 'its certificate is for another host name'
			: code.includes('SELF_SIGNED')
				? 'its certificate is self-signed'
				: code === 'CERT_HAS_EXPIRED'
					? 'its certificate has expired'
					: code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
						? 'its certificate is signed by an authority this machine does not trust'
						: `the secure connection failed (${code})`;
		return new TransportError(
			'tls',
			`Could not verify ${host}: ${why}. Nothing was sent.`,
			'Check the URL. For a private certificate authority, add it with NODE_EXTRA_CA_CERTS=/path/to/ca.pem; regwiz never skips verification.',
		);
	}
	if (code === 'ECONNRESET' || code === 'EPIPE') {
		// The status line may have arrived before the body was cut: it tells whether the service acted.
		const arrived = status === undefined ? '' : ` (its status, ${status}, had arrived)`;
		return new TransportError(
			'interrupted',
			`The connection to ${host} closed before the answer was complete${arrived}.`,
			status !== undefined && status >= 200 && status < 300
				? 'The status says it was probably created: check that it exists before retrying.'
				: 'It may or may not have been created: check before retrying.',
		);
	}
	return new TransportError('network', `The request to ${host} failed (${code ?? 'network error'}).`, 'Check your network and the URL, then retry.');
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

/** Opens the exchange: resolves with the answer's head; the body is read by the caller. */
function exchange(url: URL, plain: PlainRequest, signal: AbortSignal): Promise<http.IncomingMessage> {
	return new Promise((resolve, reject) => {
		const client = url.protocol === 'https:' ? https : http;
		// Certificates are always verified, whatever NODE_TLS_REJECT_UNAUTHORIZED says: a private authority is
		// trusted through NODE_EXTRA_CA_CERTS, never by turning verification off. No agent: one request, one
		// connection, closed after the answer, so that nothing keeps the process alive.
		const request = client.request(url, {method: plain.method, headers: plain.headers, signal, agent: false, rejectUnauthorized: true}, resolve);
		request.on('error', reject);
		request.end(plain.body);
	});
}

/** Sends one request and reads at most maxBodyBytes of its answer. Never follows a redirect, never retries. */
export async function sendRequest(plain: PlainRequest, options: SendOptions): Promise<ResponseInput> {
	const url = new URL(plain.url);
	const host = url.origin;
	const timeout = AbortSignal.timeout(options.timeoutMs);
	const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
	let status: number | undefined;
	try {
		const response = await exchange(url, plain, signal);
		status = response.statusCode ?? 0;
		const {text, truncated} = await readBounded(response, options.maxBodyBytes ?? MAX_BODY_BYTES);
		return {status, headers: response.headers, body: text, truncated};
	} catch (error) {
		throw describeFailure(error, host, options.timeoutMs, options.signal?.aborted === true, timeout.aborted, status);
	}
}
