import type {IncomingHttpHeaders} from 'node:http';
import type {SandboxState} from './state.js';

/** A request once its body has been read; `url` is req.url untouched, as the NCP gateway signs it. */
export type SandboxRequest = {
	method: string;
	url: string;
	pathname: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: string;
};

/** An answer as plain data, so faults can decide how (and whether) it reaches the wire. */
export type Reply = {status: number; headers: Record<string, string>; body: string};

export type ApiContext = {
	state: SandboxState;
	clock: () => number;
	/** The state this API keeps for itself (EmulatedApi.createState), shared by every backend speaking to it. */
	own: unknown;
};

/** One emulated service: which requests are its, how a client reaches it, and how it answers. */
export type EmulatedApi = {
	/** What backends name in sandbox.emulator. */
	name: string;
	/** Whether a request path is this API's. */
	owns(pathname: string): boolean;
	/** The base URL a client is given, from the emulator's origin. */
	baseUrl(origin: string): string;
	handle(request: SandboxRequest, context: ApiContext): Reply;
	/** The answer to a body larger than the emulator reads. */
	tooLarge(): Reply;
	/** Headers stamped on every answer on its paths, faults included (trace and request ids). */
	stamp?(): Record<string, string>;
	/** Its own state, created with the emulator. */
	createState?(): unknown;
};

export const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
	return {status, headers: {'content-type': JSON_TYPE, ...headers}, body: status === 204 ? '' : JSON.stringify(value)};
}

export function parseRequestTarget(url: string): {pathname: string; query: URLSearchParams} {
	// Split by hand: new URL() would read "//host/path" as a host and normalise "..", hiding what was sent.
	const mark = url.indexOf('?');
	return mark === -1
		? {pathname: url, query: new URLSearchParams()}
		: {pathname: url.slice(0, mark), query: new URLSearchParams(url.slice(mark + 1))};
}

/** One value of a header; node joins repeated custom headers, but a few arrive as arrays. */
export function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** A path segment decoded, or undefined when its percent-escapes are malformed. */
export function decodeSegment(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}
