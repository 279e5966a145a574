/** A mistake in how regwiz was called: exit 2, nothing sent, the message says what to do instead. */
export class UsageError extends Error {
	constructor(
		message: string,
		readonly missingFlags: string[] = [],
	) {
		super(message);
		this.name = 'UsageError';
	}
}

/** Quotes a value for a message so that control characters show as escapes, not as terminal codes. */
export const quoteValue = (value: string): string => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
