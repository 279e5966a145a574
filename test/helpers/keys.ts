/** What a keyboard sends for the keys the wizard uses. */
export const KEYS = {
	enter: '\r',
	escape: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	ctrlC: '\u0003',
	backspace: '\u007F',
} as const;
