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

export {quoteValue} from '../quote.js';
