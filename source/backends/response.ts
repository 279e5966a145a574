import {t} from '../i18n/index.js';
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

/** How deep a server's JSON is kept: deeper arrays and objects are replaced by cutMark(). */
export const MAX_JSON_DEPTH = 32;
export const cutMark = (): string => t('backend.json.cut', {depth: MAX_JSON_DEPTH});

/**
 * Cuts a parsed value at MAX_JSON_DEPTH, without recursion: JSON.parse reads any depth, but everything
 * after it that walks the value (schemas, JSON.stringify, display) recurses and would overflow the stack
 * on a few kilobytes of brackets.
 */
function cutDeep(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	const stack: Array<{node: Record<string, unknown>; depth: number}> = [{node: value as Record<string, unknown>, depth: 1}];
	let mark: string | undefined;
	while (stack.length > 0) {
		const {node, depth} = stack.pop()!;
		for (const key of Object.keys(node)) {
			const child = node[key];
			if (child === null || typeof child !== 'object') continue;
			if (depth < MAX_JSON_DEPTH) stack.push({node: child as Record<string, unknown>, depth: depth + 1});
			// defineProperty: a key named "__proto__" stays a plain key, never a prototype.
			else Object.defineProperty(node, key, {value: (mark ??= cutMark()), enumerable: true, writable: true, configurable: true});
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

// regwiz's own words for the statuses it meets, in the language in use.
const STATUS_PHRASES: Record<number, () => string> = {
	100: () => t('backend.status.100'),
	101: () => t('backend.status.101'),
	102: () => t('backend.status.102'),
	103: () => t('backend.status.103'),
	200: () => t('backend.status.200'),
	201: () => t('backend.status.201'),
	204: () => t('backend.status.204'),
	301: () => t('backend.status.301'),
	302: () => t('backend.status.302'),
	303: () => t('backend.status.303'),
	307: () => t('backend.status.307'),
	308: () => t('backend.status.308'),
	400: () => t('backend.status.400'),
	401: () => t('backend.status.401'),
	403: () => t('backend.status.403'),
	404: () => t('backend.status.404'),
	409: () => t('backend.status.409'),
	413: () => t('backend.status.413'),
	407: () => t('backend.status.407'),
	429: () => t('backend.status.429'),
	500: () => t('backend.status.500'),
	502: () => t('backend.status.502'),
	503: () => t('backend.status.503'),
	504: () => t('backend.status.504'),
};

export const statusPhrase = (status: number): string => STATUS_PHRASES[status]?.() ?? `HTTP ${status}`;

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
	if (truncated) return t('backend.body.cut', {excerpt: cleanExcerpt(text, 60)});
	return parsed.json ? t('backend.body.unexpected', {expected, excerpt: cleanExcerpt(text, 120)}) : t('backend.body.notJson', {excerpt: cleanExcerpt(text)});
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
	if (seconds < 120) return t('backend.duration.seconds', {count: seconds});
	const minutes = Math.round(seconds / 60);
	if (minutes < 120) return t('backend.duration.minutes', {count: minutes});
	return t('backend.duration.hours', {count: Math.round(minutes / 60)});
}
