import {fieldApplies, insecureHttpProblem} from './backends/validation.js';
import type {Answers, Backend, FieldSpec} from './backends/types.js';
import type {CreatePlan} from './core/types.js';
import {t} from './i18n/index.js';
import {quoteValue} from './quote.js';
import type {Profile, ProfileStore} from './store/profile-store.js';

/** What is known before anyone is asked: from flags, the environment and a saved profile. */
export type Draft = {
	backend: Backend;
	connection: Answers;
	fields: Answers;
	credentials?: Answers;
	credentialSource?: string;
	profileName?: string;
	/** Values used last time with this profile, offered as defaults (never sent unasked). */
	lastFields: Answers;
};

export class DraftProblem extends Error {}

/**
 * Credentials: an explicit --profile wins; otherwise the environment; otherwise the profile named "default".
 * Connection flags override what a profile holds.
 */
export function resolveDraft(
	backend: Backend,
	given: {connection: Answers; fields: Answers; profile?: string},
	env: NodeJS.ProcessEnv,
	store: Pick<ProfileStore, 'get'> | undefined,
): Draft {
	const draft: Draft = {backend, connection: {...given.connection}, fields: {...given.fields}, lastFields: {}};
	const useProfile = (name: string, profile: Profile) => {
		draft.credentials = profile.credentials;
		draft.credentialSource = t('core.draft.fromProfile', {name});
		draft.profileName = name;
		// Flags win over what the profile holds; a custom endpoint flag replaces the profile's site.
		// An optional connection flag (--storage-endpoint) adds to the profile's connection instead.
		const replacing = Object.keys(given.connection).some(key => !backend.connectionFields.find(spec => spec.key === key)?.optional);
		draft.connection = replacing ? {...given.connection} : {...profile.connection, ...given.connection};
		draft.lastFields = profile.lastFields ?? {};
	};
	if (given.profile !== undefined) {
		const profile = store?.get(given.profile);
		if (!profile) throw new DraftProblem(t('core.draft.noProfile', {name: quoteValue(given.profile)}));
		if (profile.backend !== backend.id) {
			throw new DraftProblem(t('core.draft.otherBackend', {name: quoteValue(given.profile), holds: profile.backend, wanted: backend.id}));
		}
		useProfile(given.profile, profile);
		return draft;
	}
	const fromEnv = backend.envCredentials(env);
	if (fromEnv) {
		draft.credentials = fromEnv.credentials;
		draft.credentialSource = t('core.draft.fromEnvironment', {source: fromEnv.source});
		return withEnvConnection(draft, env);
	}
	const fallback = store?.get('default');
	if (fallback && fallback.backend === backend.id) useProfile('default', fallback);
	return draft;
}

/**
 * With credentials from the environment and no connection flag, the environment may choose the
 * connection too (NCR: NCLOUD_SITE, NCLOUD_REGION). The wizard offers the same value as the default answer.
 */
function withEnvConnection(draft: Draft, env: NodeJS.ProcessEnv): Draft {
	if (Object.keys(draft.connection).length > 0) return draft;
	const found = draft.backend.envConnection?.(env);
	if (!found) return draft;
	if ('problem' in found) throw new DraftProblem(found.problem);
	draft.connection = {...found.connection};
	return draft;
}

/** The answers with each unanswered field's default filled in. */
export function withDefaults(specs: readonly FieldSpec[], answers: Answers): Answers {
	const merged: Answers = {};
	for (const spec of specs) if (spec.defaultValue !== undefined) merged[spec.key] = spec.defaultValue;
	return Object.assign(merged, answers);
}

function missingIn(specs: readonly FieldSpec[], answers: Answers): FieldSpec[] {
	const merged = withDefaults(specs, answers);
	return specs.filter(spec => fieldApplies(spec, merged) && !spec.optional && !merged[spec.key]);
}

export const missingConnection = (draft: Draft): FieldSpec[] => missingIn(draft.backend.connectionFields, draft.connection);
export const missingFields = (draft: Draft): FieldSpec[] => missingIn(draft.backend.fields, draft.fields);

/** The flags a script would need to add, for the message when no terminal can ask. */
export function missingFlagNames(draft: Draft): string[] {
	const flags = [...missingConnection(draft), ...missingFields(draft)].map(spec => `--${spec.flag ?? spec.key}`);
	return flags;
}

/** Refuses to send credentials over plain http to another machine unless the person allowed it. */
export function checkTransportSecurity(draft: Pick<Draft, 'backend' | 'connection'>, allowInsecureHttp: boolean): string | undefined {
	if (allowInsecureHttp) return undefined;
	const problem = insecureHttpProblem(draft.backend.endpoint(draft.connection));
	return problem && t('core.draft.insecure', {problem});
}

/** A complete draft becomes a plan; the caller has checked that nothing is missing. */
export function planFromDraft(draft: Draft): CreatePlan {
	if (!draft.credentials || !draft.credentialSource) throw new DraftProblem(t('core.draft.noCredentials'));
	return {
		backend: draft.backend,
		fields: withDefaults(draft.backend.fields, draft.fields),
		credentials: draft.credentials,
		connection: withDefaults(draft.backend.connectionFields, draft.connection),
		credentialSource: draft.credentialSource,
		profileName: draft.profileName,
	};
}
