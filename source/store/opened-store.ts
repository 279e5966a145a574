import type {Backend} from '../backends/types.js';
import type {ProfileStore} from './profile-store.js';

/** The profiles store a command works on, with what it needs to know about the run (the sandbox or the real file). */
export type OpenedStore = {
	store: ProfileStore;
	warnings: string[];
	/** In the sandbox, the demo profile to use for a backend unless --profile names another. */
	sandboxProfile?: (backend: Backend) => string;
	/** Shown on every screen of a sandbox run (and on stderr by a scripted one). */
	banner?: string;
	/** In the sandbox, the backend as the run must use it: every request goes to the emulator. */
	confine?: (backend: Backend) => Backend;
	/** The sandbox emulator's origin: requests not made by a backend (Object Storage) are confined to it too. */
	emulatorOrigin?: string;
	close: () => Promise<void>;
};
