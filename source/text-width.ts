// Columns on a terminal, not characters: Hangul and other wide letters take two. Every column, padding and
// cut in regwiz's own output goes through these, so that Korean lines up as English does.
import stringWidth from './build/string-width.js';

/** How many terminal columns `text` takes. */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

/** `text` followed by spaces up to `width` columns (unchanged when already as wide). */
export function padToWidth(text: string, width: number): string {
	const missing = width - stringWidth(text);
	return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** `text` cut to at most `width` columns, a wide letter never split; `ellipsis` (counted in) marks a cut. */
export function cutToWidth(text: string, width: number, ellipsis = '…'): string {
	if (stringWidth(text) <= width) return text;
	const room = width - stringWidth(ellipsis);
	let result = '';
	let used = 0;
	for (const character of text) {
		const columns = stringWidth(character);
		if (used + columns > room) break;
		result += character;
		used += columns;
	}
	return result + ellipsis;
}
