import {UsageError} from './usage-error.js';
import type {Io} from './io.js';

export async function historyCommand(_io: Io, _argv: string[]): Promise<number> {
	throw new UsageError('regwiz history is not available yet');
}
