import {headerValue} from './response.js';
import {t} from '../i18n/index.js';
import {safeText} from '../text-safety.js';
import type {AdviceContext, Outcome} from './types.js';

/** The throttling advice, with when to retry as the Retry-After header says (seconds or a date). */
function throttled(context: AdviceContext): string {
	const value = headerValue(context.headers, 'retry-after');
	if (!value) return t('backend.advice.throttledSoon');
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return t('backend.advice.throttledSeconds', {seconds: Math.max(1, Math.round(seconds))});
	const when = Date.parse(value);
	return Number.isNaN(when) ? t('backend.advice.throttledSoon') : t('backend.advice.throttledAfter', {when: new Date(when).toISOString()});
}

/** Advice that holds for any backend; each backend adds its own first. */
export function commonAdvice(outcome: Outcome, context: AdviceContext): string[] {
	if (outcome.status === 429) {
		return [throttled(context)];
	}
	if (outcome.status >= 500) {
		return [
			t('backend.advice.serviceFailed'),
			outcome.traceId ? t('backend.advice.quoteTraceId') : t('backend.advice.contactService'),
		];
	}
	if (outcome.status >= 200 && outcome.status < 300) {
		return [t('backend.advice.notThisService')];
	}
	if (outcome.status >= 300 && outcome.status < 400) {
		const raw = headerValue(context.headers, 'location');
		// Nothing from the server reaches the terminal as a control code.
		const location = raw === undefined ? undefined : safeText(raw);
		return [
			location ? t('backend.advice.redirectsTo', {location}) : t('backend.advice.redirects'),
			t('backend.advice.useRedirect'),
		];
	}
	if (outcome.status === 400) return [t('backend.advice.refusedValues')];
	return [];
}
