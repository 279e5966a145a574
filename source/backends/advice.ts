import {headerValue} from './response.js';
import {safeText} from '../text-safety.js';
import type {AdviceContext, Outcome} from './types.js';

function retryAfter(context: AdviceContext): string {
	const value = headerValue(context.headers, 'retry-after');
	if (!value) return 'in a minute';
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return `in ${Math.max(1, Math.round(seconds))} seconds`;
	const when = Date.parse(value);
	return Number.isNaN(when) ? 'in a minute' : `after ${new Date(when).toISOString()}`;
}

/** Advice that holds for any backend; each backend adds its own first. */
export function commonAdvice(outcome: Outcome, context: AdviceContext): string[] {
	if (outcome.status === 429) {
		return [`The service is throttling requests or a quota is reached: wait and retry ${retryAfter(context)}.`];
	}
	if (outcome.status >= 500) {
		return [
			'The service failed on its side: retry later.',
			outcome.traceId ? 'If it keeps failing, quote the trace id to support.' : 'If it keeps failing, contact the service.',
		];
	}
	if (outcome.status >= 200 && outcome.status < 300) {
		return ['The server answered, but not as this service does: check the endpoint URL, then check in the web console whether it was created.'];
	}
	if (outcome.status >= 300 && outcome.status < 400) {
		const raw = headerValue(context.headers, 'location');
		// Nothing from the server reaches the terminal as a control code.
		const location = raw === undefined ? undefined : safeText(raw);
		return [
			`The server redirects${location ? ` to ${location}` : ''}; regwiz never follows redirects with credentials.`,
			'If that address is right, use it as the endpoint.',
		];
	}
	if (outcome.status === 400) return ['The service refused the values: check them against its naming rules.'];
	return [];
}
