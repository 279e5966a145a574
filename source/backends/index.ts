import {ncr} from './ncr.js';
import {registryui} from './registryui.js';
import type {Backend} from './types.js';

/** Every backend regwiz knows; a new one is one file and one line here. */
export const BACKENDS: readonly Backend[] = [ncr, registryui];

export function findBackend(id: string): Backend | undefined {
	return BACKENDS.find(backend => backend.id === id);
}
