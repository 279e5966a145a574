import {Box, Text, useInput} from 'ink';
import {useRef} from 'react';
import type {Answers, Backend} from '../../backends/types.js';
import type {ProfileStore} from '../../store/profile-store.js';
import type {CredentialMode} from '../state.js';
import {credentialOptions} from '../credential-options.js';
import {SelectQuestion} from '../components/select-question.js';

export type CredentialChoiceMade = {mode: CredentialMode; credentials: Answers; connection: Answers; lastFields?: Answers};

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
	const {options, nothingSetUp, fromEnv} = credentialOptions({backend, store, env, importable, sandboxOffered: onTrySandbox !== undefined});
	const highlighted = useRef<string>('');
	const initialValue = initialProfile ? `profile:${initialProfile}` : options[0]?.value;
	highlighted.current ||= initialValue ?? '';

	const choose = (value: string, edit = false) => {
		if (value.startsWith('profile:')) {
			const name = value.slice('profile:'.length);
			const profile = store.get(name);
			if (!profile) return;
			onChoose({
				mode: edit ? {kind: 'edit', name} : {kind: 'profile', name},
				credentials: profile.credentials,
				connection: profile.connection,
				lastFields: profile.lastFields,
			});
		} else if (value === 'env' && fromEnv) {
			onChoose({mode: {kind: 'env', source: fromEnv.source}, credentials: fromEnv.credentials, connection: {}});
		} else if (value === 'sandbox' && onTrySandbox) {
			onTrySandbox();
		} else if (value === 'import' && importable) {
			onChoose({mode: {kind: 'import', source: importable.source}, credentials: importable.credentials, connection: {}});
		} else {
			onChoose({mode: {kind: 'new'}, credentials: {}, connection: {}});
		}
	};

	useInput(input => {
		if (input === 'e' && highlighted.current.startsWith('profile:')) choose(highlighted.current, true);
	});

	return (
		<Box flexDirection="column">
			<SelectQuestion
				prompt="Which credentials?"
				options={options}
				initialValue={initialValue}
				onHighlight={value => {
					highlighted.current = value;
				}}
				onSelect={value => choose(value)}
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
