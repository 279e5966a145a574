import {BACKENDS} from '../backends/index.js';
import type {Backend} from '../backends/types.js';
import type {OpenedStore} from '../store/opened-store.js';
import {createMemoryStore, type Profile} from '../store/profile-store.js';
import {confineToEmulator} from './confine.js';
import {startEmulator, type Emulator} from './emulator.js';
import {t} from '../i18n/index.js';

/** The profile name of a backend's demo: `sandbox-<id>` for the first, the demo's own name for others. */
export function sandboxProfileName(backend: Backend, index: number): string {
	return (index === 0 ? undefined : backend.sandbox.demos[index]?.name) ?? (index === 0 ? `sandbox-${backend.id}` : `sandbox-${backend.id}-${index + 1}`);
}

/** Every backend's demo profiles, pointed at the emulator its description names. */
export function sandboxProfiles(emulator: Pick<Emulator, 'baseUrls'>, backends: readonly Backend[] = BACKENDS): Record<string, Profile> {
	const profiles: Record<string, Profile> = {};
	for (const backend of backends) {
		const baseUrl = emulator.baseUrls[backend.sandbox.emulator];
		if (baseUrl === undefined) continue;
		backend.sandbox.demos.forEach((demo, index) => {
			profiles[sandboxProfileName(backend, index)] = {
				backend: backend.id,
				credentials: {...demo.credentials},
				connection: backend.sandbox.connection(baseUrl),
			};
		});
	}
	return profiles;
}

/**
 * An emulator on a free loopback port and demo profiles held in memory: nothing of a sandbox run
 * touches the person's real profiles.
 */
export async function startSandboxSession(): Promise<OpenedStore> {
	const emulator = await startEmulator({port: 0, host: '127.0.0.1', demo: true});
	const store = createMemoryStore(sandboxProfiles(emulator));
	return {
		store,
		warnings: [],
		banner: t('sandbox.banner'),
		sandboxProfile: (backend: Backend) => sandboxProfileName(backend, 0),
		// Whatever site or credentials the person picks, nothing leaves for a real service.
		confine: (backend: Backend) => confineToEmulator(backend, emulator.origin),
		emulatorOrigin: emulator.origin,
		close: () => emulator.close(),
	};
}
