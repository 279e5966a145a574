import type {Answers, Backend} from '../backends/types.js';
import {t} from '../i18n/index.js';
import {relativeTime} from '../relative-time.js';
import type {ProfileStore} from '../store/profile-store.js';
import {safeText} from '../text-safety.js';
import type {CredentialMode} from './state.js';

// Step 2's choices as data, for both fronts (the Ink list and the plain numbered one): saved profiles,
// the environment's keys, an import, new credentials, and the sandbox when nothing is set up yet.

export type SelectOption = {value: string; label: string; hint?: string};

/** The choice that switches this run to the sandbox: it makes no credentials of its own. */
export const SANDBOX_CHOICE = 'sandbox';

export type CredentialChoiceMade = {mode: CredentialMode; credentials: Answers; connection: Answers; lastFields?: Answers; automatic?: boolean};

/** Step 2's choices and what choosing one means; shared by the wizard's screens and its plain-text prompts. */
export function credentialChoices({
	backend,
	store,
	env,
	importable,
	initialProfile,
	canTrySandbox = false,
}: {
	backend: Backend;
	store: ProfileStore;
	env: NodeJS.ProcessEnv;
	importable?: {credentials: Answers; source: string};
	initialProfile?: string;
	/** Whether this run may switch to the built-in emulator (offered when nothing is set up yet). */
	canTrySandbox?: boolean;
}) {
	const profiles = store.list().filter(profile => profile.backend === backend.id);
	const fromEnv = backend.envCredentials(env);
	// Names, endpoints and keys come from files and the environment: shown through the one text-safety rule.
	const options: SelectOption[] = profiles.map(profile => ({
		value: `profile:${profile.name}`,
		label: safeText(profile.name),
		hint: safeText(`${backend.publicCredential(profile.credentials)} · ${backend.describeEndpoint(profile.connection)} · ${profile.lastUsedAt ? t('ui.credentials.lastUsed', {when: relativeTime(profile.lastUsedAt)}) : t('ui.credentials.notUsed')}`),
	}));
	if (fromEnv) {
		options.push({value: 'env', label: t('ui.credentials.fromEnvironment', {source: fromEnv.source}), hint: safeText(backend.publicCredential(fromEnv.credentials))});
	}
	if (importable) {
		options.push({value: 'import', label: safeText(t('ui.credentials.import', {source: importable.source})), hint: safeText(backend.publicCredential(importable.credentials))});
	}
	options.push({value: 'new', label: t('ui.credentials.new')});
	const nothingSetUp = profiles.length === 0 && !fromEnv;
	if (nothingSetUp && canTrySandbox) options.push({value: SANDBOX_CHOICE, label: t('ui.credentials.trySandbox')});
	const initialValue = initialProfile ? `profile:${initialProfile}` : options[0]?.value;

	const choose = (value: string, edit = false): CredentialChoiceMade | undefined => {
		if (value.startsWith('profile:')) {
			const name = value.slice('profile:'.length);
			const profile = store.get(name);
			if (!profile) return undefined;
			return {
				mode: edit ? {kind: 'edit', name} : {kind: 'profile', name},
				credentials: profile.credentials,
				connection: profile.connection,
				lastFields: profile.lastFields,
			};
		}
		if (value === 'env' && fromEnv) {
			return {mode: {kind: 'env', source: fromEnv.source}, credentials: fromEnv.credentials, connection: {}};
		}
		if (value === 'import' && importable) {
			return {mode: {kind: 'import', source: importable.source}, credentials: importable.credentials, connection: {}};
		}
		return {mode: {kind: 'new'}, credentials: {}, connection: {}};
	};

	return {options, initialValue, choose, profiles, fromEnv, nothingSetUp};
}

/** The name offered for a new profile: "default", else the first free "profile-N". */
export function nextFreeProfileName(store: ProfileStore): string {
	const names = new Set(store.list().map(profile => profile.name));
	if (!names.has('default')) return 'default';
	for (let index = 2; ; index++) if (!names.has(`profile-${index}`)) return `profile-${index}`;
}
