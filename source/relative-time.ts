import {t} from './i18n/index.js';

/** "just now", "5 minutes ago", "2 days ago": how long ago an ISO time was. */
export function relativeTime(iso: string | undefined, now = Date.now()): string {
	if (!iso) return t('core.time.never');
	const then = Date.parse(iso);
	if (Number.isNaN(then)) return t('core.time.unknown');
	const seconds = Math.max(0, Math.round((now - then) / 1000));
	const units: Array<[number, 'year' | 'month' | 'day' | 'hour' | 'minute']> = [
		[60 * 60 * 24 * 365, 'year'],
		[60 * 60 * 24 * 30, 'month'],
		[60 * 60 * 24, 'day'],
		[60 * 60, 'hour'],
		[60, 'minute'],
	];
	for (const [size, unit] of units) {
		const count = Math.floor(seconds / size);
		if (count >= 1) return t('core.time.ago', {count, unit});
	}
	return t('core.time.justNow');
}
