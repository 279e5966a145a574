import {UNSAFE_CHARACTERS} from '../text-safety.js';
import type {ResponseInput} from './types.js';

export function headerValue(headers: ResponseInput['headers'], name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted || value === undefined) continue;
		return Array.isArray(value) ? value.join(', ') : value;
	}
	return undefined;
}

export type ParsedBody = {json: true; value: unknown} | {json: false; value: string};

/** How deep a server's JSON is kept: deeper arrays and objects are replaced by CUT_MARK. */
export const MAX_JSON_DEPTH = 32;
export const CUT_MARK = `(nested deeper than ${MAX_JSON_DEPTH} levels: not kept)`;

/**
 * Cuts a parsed value at MAX_JSON_DEPTH, without recursion: JSON.parse reads any depth, but everything
 * after it that walks the value (schemas, JSON.stringify, display) recurses and would overflow the stack
 * on a few kilobytes of brackets.
 */
function cutDeep(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	const stack: Array<{node: Record<string, unknown>; depth: number}> = [{node: value as Record<string, unknown>, depth: 1}];
	while (stack.length > 0) {
		const {node, depth} = stack.pop()!;
		for (const key of Object.keys(node)) {
			const child = node[key];
			if (child === null || typeof child !== 'object') continue;
			if (depth < MAX_JSON_DEPTH) stack.push({node: child as Record<string, unknown>, depth: depth + 1});
			// defineProperty: a key named "__proto__" stays a plain key, never a prototype.
			else Object.defineProperty(node, key, {value: CUT_MARK, enumerable: true, writable: true, configurable: true});
		}
	}
	return value;
}

export function parseBody(text: string): ParsedBody {
	if (text.trim() === '') return {json: false, value: text};
	let value: unknown;
	try {
		value = JSON.parse(text) as unknown;
	} catch {
		return {json: false, value: text};
	}
	return {json: true, value: cutDeep(value)};
}

const STATUS_PHRASES: Record<number, string> = {
	100: 'Continue',
	101: 'Switching Protocols',
	102: 'Processing',
	103: 'Early Hints',
	200: 'OK',
	201: 'Created',
	204: 'No Content',
	301: 'Moved Permanently',
	302: 'Found',
	303: 'See Other',
	307: 'Temporary Redirect',
	308: 'Permanent Redirect',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	413: 'Payload Too Large',
	407: 'Proxy Authentication Required',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

export const statusPhrase = (status: number): string => STATUS_PHRASES[status] ?? `HTTP ${status}`;

/** A short, readable excerpt of a body that is not JSON: tags and entities removed, spaces folded. */
export function cleanExcerpt(text: string, max = 200): string {
	const withoutMarkup = text
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		// Nothing from a server reaches the terminal as an escape sequence (text-safety's set, as spaces here).
		.replace(UNSAFE_CHARACTERS, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return withoutMarkup.length > max ? `${withoutMarkup.slice(0, max - 1)}…` : withoutMarkup;
}

/**
 * Why a 2xx body is not the service's answer: cut short (then it cannot be checked at all), not JSON,
 * or JSON of another shape than `expected`.
 */
export function unexpectedBodyProblem(text: string, parsed: ParsedBody, truncated: boolean | undefined, expected: string): string {
	if (truncated) return `the answer was cut: it was larger than regwiz reads, so it could not be checked (it began: ${cleanExcerpt(text, 60)})`;
	return parsed.json ? `expected ${expected}, got ${cleanExcerpt(text, 120)}` : `the answer is not JSON: ${cleanExcerpt(text)}`;
}

export const isSuccessStatus = (status: number): boolean => status >= 200 && status < 300;

/** How far a server's Date header is from the local clock, in milliseconds, when it can be read. */
export function clockSkew(headers: ResponseInput['headers'], now: number): number | undefined {
	const date = headerValue(headers, 'date');
	if (!date) return undefined;
	const serverTime = Date.parse(date);
	return Number.isNaN(serverTime) ? undefined : now - serverTime;
}

export function describeDuration(milliseconds: number): string {
	const seconds = Math.round(Math.abs(milliseconds) / 1000);
	if (seconds < 120) return `${seconds} seconds`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 120) return `${minutes} minutes`;
	return `${Math.round(minutes / 60)} hours`;
}
