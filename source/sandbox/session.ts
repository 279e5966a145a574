import type {Backend} from '../backends/types.js';
import type {OpenedStore} from '../cli/open-store.js';
import {createMemoryStore} from '../store/profile-store.js';
import {SANDBOX_CREDENTIALS, startEmulator} from './emulator.js';

export const SANDBOX_BANNER = 'SANDBOX: nothing is created on a real registry';

/**
 * An emulator on a free loopback port and demo profiles held in memory: nothing of a sandbox run
 * touches the person's real profiles.
 */
export async function startSandboxSession(): Promise<OpenedStore> {
	const emulator = await startEmulator({port: 0, host: '127.0.0.1', demo: true});
	const store = createMemoryStore({
		'sandbox-ncr': {
			backend: 'ncr',
			credentials: {...SANDBOX_CREDENTIALS.ncr},
			connection: {site: 'custom', endpoint: emulator.ncrBaseUrl, storageEndpoint: emulator.storageBaseUrl},
		},
		'sandbox-registryui': {
			backend: 'registryui',
			credentials: {...SANDBOX_CREDENTIALS.registryuiAdmin},
			connection: {url: emulator.registryuiBaseUrl},
		},
		'sandbox-viewer': {
			backend: 'registryui',
			credentials: {...SANDBOX_CREDENTIALS.registryuiUser},
			connection: {url: emulator.registryuiBaseUrl},
		},
	});
	return {
		store,
		warnings: [],
		banner: SANDBOX_BANNER,
		sandboxProfile: (backend: Backend) => `sandbox-${backend.id}`,
		close: () => emulator.close(),
	};
}
