import type {Answers, Backend} from '../../backends/types.js';
import {profileNameProblem, type ProfileStore} from '../../store/profile-store.js';
import {TextQuestion} from '../components/text-question.js';
import {t} from '../../i18n/index.js';
import {nextFreeProfileName} from '../credential-options.js';

/** Names the profile and saves it; an edited profile keeps (or changes) its name. */
export function ProfileNameStep({
	store,
	backend,
	credentials,
	connection,
	initialName,
	editing,
	onSaved,
	onFailed,
}: {
	store: ProfileStore;
	backend: Backend;
	credentials: Answers;
	connection: Answers;
	initialName?: string;
	/** The name of the profile being edited, if any. */
	editing?: string;
	onSaved: (name: string) => void;
	onFailed: (message: string) => void;
}) {
	return (
		<TextQuestion
			key="profileName"
			label={t('ui.profile.label')}
			initialValue={initialName ?? editing ?? nextFreeProfileName(store)}
			rule={t('ui.profile.rule')}
			help={store.persistent ? t('ui.profile.savedIn', {location: store.location}) : t('ui.profile.inMemory')}
			validate={value => {
				const problem = profileNameProblem(value);
				if (problem) return problem;
				if (value !== editing && store.get(value)) return t('ui.profile.exists', {name: value});
				return undefined;
			}}
			onSubmit={name => {
				try {
					if (editing && editing !== name) store.rename(editing, name);
					store.save(name, {...store.get(name), backend: backend.id, credentials, connection});
					onSaved(name);
				} catch (error) {
					onFailed(t('ui.profile.saveFailed', {message: (error as Error).message}));
				}
			}}
		/>
	);
}
