import type {Answers, Backend} from '../../backends/types.js';
import {profileNameProblem, type ProfileStore} from '../../store/profile-store.js';
import {TextQuestion} from '../components/text-question.js';
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
			label="Profile name"
			initialValue={initialName ?? editing ?? nextFreeProfileName(store)}
			rule="letters, digits, '.', '_' and '-' (e.g. staging)"
			help={store.persistent ? `saved in ${store.location} (owner-only file)` : 'kept in memory for this run only'}
			validate={value => {
				const problem = profileNameProblem(value);
				if (problem) return problem;
				if (value !== editing && store.get(value)) return `a profile named "${value}" already exists: choose another name (or edit it from the list)`;
				return undefined;
			}}
			onSubmit={name => {
				try {
					if (editing && editing !== name) store.rename(editing, name);
					store.save(name, {...store.get(name), backend: backend.id, credentials, connection});
					onSaved(name);
				} catch (error) {
					onFailed(`Could not save the profile: ${(error as Error).message}`);
				}
			}}
		/>
	);
}
