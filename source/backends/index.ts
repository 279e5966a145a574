import {harbor} from './harbor.js';
import {ncr} from './ncr.js';
import {registryui} from './registryui.js';
import type {Backend} from './types.js';

/** Every backend regwiz knows; a new one is one file and one line here (README: "Adding a backend"). */
export const BACKENDS: readonly Backend[] = [ncr, registryui, harbor];

export function findBackend(id: string): Backend | undefined {
	return BACKENDS.find(backend => backend.id === id);
}
