import {UsageError} from './usage-error.js';
import type {Io} from './io.js';

export async function profileCommand(_io: Io, _argv: string[]): Promise<number> {
	throw new UsageError('regwiz profile is not available yet');
}
