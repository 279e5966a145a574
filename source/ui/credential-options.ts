import type {Answers, Backend} from '../backends/types.js';
import {relativeTime} from '../relative-time.js';
import type {ProfileStore} from '../store/profile-store.js';

// Step 2's choices as data, for both fronts: saved profiles, the environment's keys, an import, new
// credentials, and the sandbox when nothing is set up yet.

export type CredentialOption = {value: string; label: string; hint?: string};

/** Values: `profile:NAME`, `env`, `import`, `new`, `sandbox`. `separator` joins a profile's hint parts. */
export function credentialOptions(options: {
	backend: Backend;
	store: ProfileStore;
	env: NodeJS.ProcessEnv;
	importable?: {credentials: Answers; source: string};
	sandboxOffered: boolean;
	separator?: string;
}): {options: CredentialOption[]; nothingSetUp: boolean; fromEnv: ReturnType<Backend['envCredentials']>} {
	const {backend, store, env, importable, separator = ' · '} = options;
	const profiles = store.list().filter(profile => profile.backend === backend.id);
	const fromEnv = backend.envCredentials(env);
	const list: CredentialOption[] = profiles.map(profile => ({
		value: `profile:${profile.name}`,
		label: profile.name,
		hint: [backend.publicCredential(profile.credentials), backend.describeEndpoint(profile.connection), profile.lastUsedAt ? `last used ${relativeTime(profile.lastUsedAt)}` : 'not used yet'].join(separator),
	}));
	if (fromEnv) list.push({value: 'env', label: `From environment (${fromEnv.source})`, hint: backend.publicCredential(fromEnv.credentials)});
	if (importable) list.push({value: 'import', label: `Import from ${importable.source}`, hint: backend.publicCredential(importable.credentials)});
	list.push({value: 'new', label: 'New credentials…'});
	const nothingSetUp = profiles.length === 0 && !fromEnv;
	if (nothingSetUp && options.sandboxOffered) list.push({value: 'sandbox', label: 'Try it in the sandbox first (no account needed)'});
	return {options: list, nothingSetUp, fromEnv};
}

/** The name offered for a new profile: "default", else the first free "profile-N". */
export function nextFreeProfileName(store: ProfileStore): string {
	const names = new Set(store.list().map(profile => profile.name));
	if (!names.has('default')) return 'default';
	for (let index = 2; ; index++) if (!names.has(`profile-${index}`)) return `profile-${index}`;
}
