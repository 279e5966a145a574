import type {Io} from '../io.js';
import type {OpenedStore} from '../store/opened-store.js';
import {UsageError} from './usage-error.js';

/** The real profiles file, or, for --sandbox, a local emulator and demo profiles kept in memory only. */
export async function openStoreFor(io: Io, sandbox: boolean): Promise<OpenedStore> {
	if (sandbox) {
		const {startSandboxSession} = await import('../sandbox/session.js');
		return startSandboxSession();
	}
	const [{openProfileStore}, {StoreError}] = await Promise.all([import('../store/profile-store.js'), import('../store/safe-file.js')]);
	try {
		const {store, warnings} = openProfileStore(io.env);
		return {store, warnings, close: async () => undefined};
	} catch (error) {
		// A folder or file regwiz must not trust (a link, another user's, writable by others, a FIFO,
		// megabytes): exit 2 with the path and the fix, before anything is written.
		if (error instanceof StoreError && error.kind === 'refused') throw new UsageError(error.message);
		throw error;
	}
}
