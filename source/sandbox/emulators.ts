import {harborApi} from './harbor-api.js';
import {ncrApi} from './ncr-api.js';
import {registryUiApi} from './registryui-api.js';
import type {EmulatedApi} from './reply.js';

/**
 * Every API the emulator answers; a backend names the one it speaks to (sandbox.emulator). A new
 * emulator is one file (source/sandbox/<backend>-api.ts) and one line here. The last answers the
 * paths no other owns.
 */
export const EMULATED_APIS: readonly EmulatedApi[] = [ncrApi, harborApi, registryUiApi];
