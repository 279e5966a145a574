import {Box, Text} from 'ink';
import {useLayoutEffect} from 'react';
import type {Answers, Backend} from '../../backends/types.js';
import type {ProfileStore} from '../../store/profile-store.js';
import {credentialChoices, SANDBOX_CHOICE, type CredentialChoiceMade} from '../credential-options.js';
import {SelectQuestion} from '../components/select-question.js';
import {t} from '../../i18n/index.js';

export {credentialChoices, SANDBOX_CHOICE, type CredentialChoiceMade};

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
				prompt={t('ui.credentials.question')}
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
						{t('ui.credentials.noProfile', {backend: backend.title})}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
