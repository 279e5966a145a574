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

export function parseBody(text: string): ParsedBody {
	if (text.trim() === '') return {json: false, value: text};
	try {
		return {json: true, value: JSON.parse(text) as unknown};
	} catch {
		return {json: false, value: text};
	}
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
		// Nothing from a server reaches the terminal as an escape sequence.
		.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ')
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

/** Strips control characters from a value a server sent before it is shown. */
export const printable = (value: string): string => value.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');

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
