import {Box, Text} from 'ink';
import {useLayoutEffect} from 'react';
import {safeText} from '../../text-safety.js';
import type {Answers, Backend} from '../../backends/types.js';
import {relativeTime} from '../../relative-time.js';
import type {ProfileStore} from '../../store/profile-store.js';
import type {CredentialMode} from '../state.js';
import {SelectQuestion, type SelectOption} from '../components/select-question.js';

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
		hint: safeText(`${backend.publicCredential(profile.credentials)} · ${backend.describeEndpoint(profile.connection)} · ${profile.lastUsedAt ? `last used ${relativeTime(profile.lastUsedAt)}` : 'not used yet'}`),
	}));
	if (fromEnv) {
		options.push({value: 'env', label: `From environment (${fromEnv.source})`, hint: safeText(backend.publicCredential(fromEnv.credentials))});
	}
	if (importable) {
		options.push({value: 'import', label: safeText(`Import from ${importable.source}`), hint: safeText(backend.publicCredential(importable.credentials))});
	}
	options.push({value: 'new', label: 'New credentials…'});
	const nothingSetUp = profiles.length === 0 && !fromEnv;
	if (nothingSetUp && canTrySandbox) options.push({value: SANDBOX_CHOICE, label: 'Try it in the sandbox first (no account needed)'});
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

/** Step 2: a saved profile, the environment's keys, an import, or new credentials; `e` edits a profile. */
export function CredentialChoice({
	backend,
	store,
	env,
	importable,
	initialProfile,
	onChoose,
	onTrySandbox,
}: {
	backend: Backend;
	store: ProfileStore;
	env: NodeJS.ProcessEnv;
	importable?: {credentials: Answers; source: string};
	initialProfile?: string;
	onChoose: (choice: CredentialChoiceMade) => void;
	/** Offered when nothing is set up yet: switches this run to the built-in emulator. */
	onTrySandbox?: () => void;
}) {
	const {options, initialValue, choose: chosen, nothingSetUp} = credentialChoices({backend, store, env, importable, initialProfile, canTrySandbox: onTrySandbox !== undefined});
	const choose = (value: string, edit = false) => {
		if (value === SANDBOX_CHOICE && onTrySandbox) return onTrySandbox();
		const made = chosen(value, edit);
		if (made) onChoose(made);
	};
	// A first run has nothing to choose from: a list of one ("New credentials…") is not asked.
	useLayoutEffect(() => {
		if (options.length !== 1) return;
		const made = chosen(options[0]!.value);
		if (made) onChoose({...made, automatic: true});
	}, []);

	return (
		<Box flexDirection="column">
			<SelectQuestion
				prompt="Which credentials?"
				options={options}
				initialValue={initialValue}
				onSelect={value => choose(value)}
				onCommand={(command, value) => {
					if (command === 'editProfile' && value.startsWith('profile:')) choose(value, true);
					return true;
				}}
			/>
			{nothingSetUp ? (
				<Box marginTop={1}>
					<Text dimColor wrap="wrap">
						No saved {backend.title} profile yet: new credentials can be saved as one.
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
