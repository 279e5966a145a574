import {t} from '../i18n/index.js';
import {fieldApplies, InputError, insecureHttpProblem} from '../backends/validation.js';
import type {Answers, Backend, FieldSpec} from '../backends/types.js';
import {planFromDraft, withDefaults, type Draft} from '../draft.js';
import {checkPlanInput} from '../core/create.js';
import type {CreatePlan, CreateResult} from '../core/types.js';
import type {LoginReport, LoginState} from '../login/facts.js';

/** How the person chose credentials on step 2. */
export type CredentialMode =
	| {kind: 'profile'; name: string}
	| {kind: 'edit'; name: string}
	| {kind: 'env'; source: string}
	| {kind: 'import'; source: string}
	| {kind: 'new'};

export type Group = 'connection' | 'credentials' | 'fields';

/** One screen of the wizard, identified by a stable id so that going back survives changed answers. */
export type Question =
	| {id: 'backend'; step: 1}
	| {id: 'credentialChoice'; step: 2}
	| {id: string; step: 2 | 3; kind: 'field'; group: Group; spec: FieldSpec}
	| {id: 'save'; step: 2}
	| {id: 'profileName'; step: 2}
	| {id: 'review'; step: 4}
	| {id: 'sending'; step: 5}
	| {id: 'result'; step: 5};

export const TOTAL_STEPS = 5;

export type WizardState = {
	current: string;
	backend?: Backend;
	mode?: CredentialMode;
	/** Credentials in use (chosen, typed, or from the command line). */
	credentials: Answers;
	credentialSource?: string;
	profileName?: string;
	connection: Answers;
	fields: Answers;
	/** Defaults offered for fields: last values used with the profile, only those a create did not consume. */
	lastFields: Answers;
	/** What was typed in a field and not yet submitted (left with Esc), by question id: shown again on return. */
	drafts: Record<string, string>;
	/** Question ids whose answers came from flags: never asked. */
	locked: string[];
	/** Whether the credentials came from the command line (then step 2 is not asked). */
	credentialsLocked: boolean;
	/** Step 2's list held only "New credentials" (a first run): it was chosen without asking. */
	credentialChoiceSkipped?: boolean;
	backendLocked: boolean;
	skipReview: boolean;
	/** Answer to "Save as profile?". */
	save?: boolean;
	/** The stored secret kept when a profile is edited and the person just presses Enter. */
	keptSecrets: Answers;
	result?: CreateResult;
	/** "Log in with docker now" on the result: under way, or what the tool answered. */
	login?: LoginState;
	/** The endpoint the person accepted sending credentials to over plain http. */
	insecureAccepted?: string;
	/** An error to show at the top of the current screen (e.g. a refused save). */
	notice?: string;
	/** Set once: the process exit code the wizard ends with. */
	exitCode?: number;
};

export const fieldId = (group: Group, key: string) => `${group}.${key}`;

/**
 * Last time's values worth offering again: choices (site, storage type, visibility) and optional text
 * (a title). A required name or bucket was consumed by the create that used it: offering it again
 * only leads to "already exists".
 */
export function reusableFields(backend: Backend | undefined, last: Answers | undefined): Answers {
	if (!backend || !last) return {};
	const kept: Answers = {};
	for (const spec of backend.fields) {
		const value = last[spec.key];
		if (value !== undefined && (spec.kind === 'choice' || spec.optional)) kept[spec.key] = value;
	}
	return kept;
}

function fieldQuestions(group: Group, specs: readonly FieldSpec[], answers: Answers, step: 2 | 3): Question[] {
	const merged = withDefaults(specs, answers);
	return specs
		.filter(spec => !spec.flagOnly && fieldApplies(spec, merged))
		.map(spec => ({id: fieldId(group, spec.key), step, kind: 'field', group, spec}) as Question);
}

/** Every screen in order, for the answers so far. */
export function questions(state: WizardState): Question[] {
	const list: Question[] = [{id: 'backend', step: 1}];
	const {backend, mode} = state;
	if (!backend) return list;
	list.push({id: 'credentialChoice', step: 2});
	const kind = mode?.kind;
	if (kind === 'new' || kind === 'edit' || kind === 'env' || kind === 'import' || state.credentialsLocked) {
		list.push(...fieldQuestions('connection', backend.connectionFields, state.connection, 2));
	}
	if (kind === 'new' || kind === 'edit') {
		list.push(...fieldQuestions('credentials', backend.credentialFields, state.credentials, 2));
	}
	if (kind === 'new' || kind === 'edit' || kind === 'import') {
		list.push({id: 'save', step: 2});
		if (state.save) list.push({id: 'profileName', step: 2});
	}
	list.push(...fieldQuestions('fields', backend.fields, state.fields, 3));
	list.push({id: 'review', step: 4}, {id: 'sending', step: 5}, {id: 'result', step: 5});
	return list;
}

/** Questions a person is not asked: chosen on the command line, or skipped by --yes. */
export function isSkipped(state: WizardState, question: Question): boolean {
	if (question.id === 'backend') return state.backendLocked;
	if (question.id === 'credentialChoice') return state.credentialsLocked || state.credentialChoiceSkipped === true;
	if (question.id === 'review') return state.skipReview;
	if (question.id === 'sending' || question.id === 'result') return false;
	return state.locked.includes(question.id);
}

export function currentQuestion(state: WizardState): Question {
	const list = questions(state);
	return list.find(question => question.id === state.current) ?? list[0]!;
}

function move(state: WizardState, direction: 1 | -1): WizardState {
	const list = questions(state);
	let index = list.findIndex(question => question.id === state.current);
	for (index += direction; index >= 0 && index < list.length; index += direction) {
		const question = list[index]!;
		// "sending" is never a place to go back to.
		if (direction === -1 && (question.id === 'sending' || question.id === 'result')) continue;
		if (!isSkipped(state, question)) return {...state, current: question.id, notice: undefined};
	}
	return state;
}

export type Action =
	| {type: 'chooseBackend'; backend: Backend}
	| {type: 'chooseCredentials'; mode: CredentialMode; credentials: Answers; connection: Answers; lastFields?: Answers; automatic?: boolean}
	| {type: 'answer'; group: Group; key: string; value: string; also?: Answers}
	| {type: 'draft'; id: string; value: string}
	| {type: 'keepSecret'; key: string; value: string}
	| {type: 'chooseSave'; save: boolean}
	| {type: 'named'; name: string}
	| {type: 'confirm'}
	| {type: 'sent'; result: CreateResult}
	| {type: 'cancelSending'}
	| {type: 'loginStarted'; at: number}
	| {type: 'loginDone'; report: LoginReport}
	| {type: 'back'}
	| {type: 'goTo'; id: string}
	| {type: 'createAnother'}
	| {type: 'changeFields'}
	| {type: 'retry'}
	| {type: 'acceptInsecure'; endpoint: string}
	| {type: 'notice'; message: string}
	| {type: 'quit'; exitCode: number};

function dropDrafts(drafts: Record<string, string>, prefixes: string[]): Record<string, string> {
	return Object.fromEntries(Object.entries(drafts).filter(([id]) => !prefixes.some(prefix => id.startsWith(prefix))));
}

function sourceFor(mode: CredentialMode): {source: string; profileName?: string} {
	switch (mode.kind) {
		case 'profile':
		case 'edit':
			return {source: t('ui.source.profile', {name: mode.name}), profileName: mode.name};
		case 'env':
			return {source: t('ui.source.environment', {source: mode.source})};
		case 'import':
			return {source: mode.source};
		case 'new':
			return {source: t('ui.source.typed')};
	}
}

export function wizardReducer(state: WizardState, action: Action): WizardState {
	switch (action.type) {
		case 'chooseBackend': {
			const changed = state.backend?.id !== action.backend.id;
			const next: WizardState = changed
				? {...state, backend: action.backend, mode: undefined, credentials: {}, connection: {}, fields: {}, lastFields: {}, drafts: {}, profileName: undefined, save: undefined, credentialChoiceSkipped: false}
				: state;
			return move({...next, current: 'backend'}, 1);
		}
		case 'chooseCredentials': {
			const {source, profileName} = sourceFor(action.mode);
			// Choosing "New credentials" again after going back keeps what was typed the first time.
			const again = action.mode.kind === 'new' && state.mode?.kind === 'new';
			const next: WizardState = {
				...state,
				mode: action.mode,
				credentials: again ? state.credentials : action.credentials,
				connection: again ? state.connection : action.connection,
				drafts: again ? state.drafts : dropDrafts(state.drafts, ['connection.', 'credentials.']),
				credentialSource: again ? state.credentialSource : source,
				profileName: again ? state.profileName : profileName,
				lastFields: reusableFields(state.backend, action.lastFields),
				keptSecrets: {},
				credentialChoiceSkipped: action.automatic === true,
				save: action.mode.kind === 'edit' ? true : state.save,
				current: 'credentialChoice',
			};
			return move(next, 1);
		}
		case 'answer': {
			const id = fieldId(action.group, action.key);
			const {[id]: _answered, ...drafts} = state.drafts;
			// `also`: answers another question's choice sets with it (a new bucket sets createBucket).
			const next = {...state, drafts, [action.group]: {...state[action.group], [action.key]: action.value, ...action.also}};
			return move({...next, current: id}, 1);
		}
		case 'draft':
			return {...state, drafts: {...state.drafts, [action.id]: action.value}};
		case 'keepSecret':
			return move(
				{...state, drafts: dropDrafts(state.drafts, [fieldId('credentials', action.key)]), credentials: {...state.credentials, [action.key]: action.value}, keptSecrets: {...state.keptSecrets, [action.key]: action.value}, current: fieldId('credentials', action.key)},
				1,
			);
		case 'chooseSave':
			return move({...state, save: action.save, current: 'save', profileName: action.save ? state.profileName : undefined, credentialSource: action.save ? state.credentialSource : state.credentialSource}, 1);
		case 'named':
			return move({...state, profileName: action.name, credentialSource: t('ui.source.profile', {name: action.name}), current: 'profileName'}, 1);
		case 'confirm':
			return {...state, current: 'sending', result: undefined, notice: undefined};
		case 'sent':
			return {...state, current: 'result', result: action.result, login: undefined};
		case 'loginStarted':
			return state.current === 'result' && state.result?.ok ? {...state, login: {status: 'running', startedAt: action.at}} : state;
		case 'loginDone':
			return state.login?.status === 'running' ? {...state, login: {status: 'done', report: action.report}} : state;
		case 'cancelSending':
			return move({...state, current: 'sending'}, -1);
		case 'back':
			return move(state, -1);
		case 'goTo':
			return {...state, current: action.id, notice: undefined};
		case 'createAnother': {
			// What the last create consumed (its name, its bucket) is not offered again; flags stay as given.
			const given = Object.fromEntries(Object.entries(state.fields).filter(([key]) => state.locked.includes(fieldId('fields', key))));
			const fields = state.result?.ok ? {...reusableFields(state.backend, state.fields), ...given} : state.fields;
			const next = {...state, fields, drafts: dropDrafts(state.drafts, ['fields.'])};
			const first = questions(next).find(question => question.step === 3 && !isSkipped(next, question));
			return {...next, result: undefined, login: undefined, current: first?.id ?? 'review', notice: undefined};
		}
		case 'changeFields': {
			const first = questions(state).find(question => question.step === 3 && !isSkipped(state, question));
			return {...state, result: undefined, login: undefined, current: first?.id ?? 'review', notice: undefined};
		}
		case 'retry':
			return {...state, current: 'sending', result: undefined, login: undefined};
		case 'acceptInsecure':
			return {...state, insecureAccepted: action.endpoint};
		case 'notice':
			return {...state, notice: action.message};
		case 'quit':
			return {...state, exitCode: state.exitCode ?? action.exitCode};
	}
}

/** What would be sent now; undefined until a backend and credentials are chosen. */
export function planOf(state: WizardState): CreatePlan | undefined {
	if (!state.backend) return undefined;
	return planFromDraft({
		backend: state.backend,
		connection: state.connection,
		fields: state.fields,
		credentials: state.credentials,
		credentialSource: state.credentialSource ?? t('ui.source.typed'),
		profileName: state.save === false ? undefined : state.profileName,
		lastFields: state.lastFields,
	});
}

/** A chosen profile or the environment may hold values no field would accept: say so before sending. */
export function planInputProblem(state: WizardState): string | undefined {
	const plan = planOf(state);
	if (!plan) return undefined;
	try {
		checkPlanInput(plan);
		return undefined;
	} catch (error) {
		if (error instanceof InputError) return error.message;
		throw error;
	}
}

/** Plain http to another machine that the person has not accepted (nor allowed with the flag). */
export function unacceptedInsecureEndpoint(state: WizardState, allowInsecureHttp: boolean): string | undefined {
	if (!state.backend || allowInsecureHttp) return undefined;
	const endpoint = state.backend.endpoint(state.connection);
	const problem = insecureHttpProblem(endpoint);
	return problem && state.insecureAccepted !== endpoint ? problem : undefined;
}

/** The first state: what flags, environment and profile already answered is locked in. */
export function initialState(options: {backend?: Backend; draft?: Draft; yes: boolean}): WizardState {
	const {draft} = options;
	const backend = options.backend ?? draft?.backend;
	const locked = [
		...Object.keys(draft?.connection ?? {}).map(key => fieldId('connection', key)),
		...Object.keys(draft?.fields ?? {}).map(key => fieldId('fields', key)),
	];
	const credentialsLocked = draft?.credentials !== undefined;
	if (credentialsLocked && backend) {
		// Connection values with a default (the Korea site) count as given when credentials came from the command line.
		for (const spec of backend.connectionFields) {
			// A given value that stands for this one (a custom endpoint for the site) keeps it open.
			const implied = backend.connectionFields.some(other => draft?.connection[other.key] !== undefined && other.implies?.[spec.key] !== undefined);
			if (spec.defaultValue !== undefined && draft?.connection[spec.key] === undefined && !implied) {
				locked.push(fieldId('connection', spec.key));
			}
		}
	}
	const state: WizardState = {
		current: 'backend',
		backend,
		credentials: draft?.credentials ?? {},
		credentialSource: draft?.credentialSource,
		profileName: draft?.profileName,
		connection: {...draft?.connection},
		fields: {...draft?.fields},
		lastFields: reusableFields(backend, draft?.lastFields),
		drafts: {},
		locked,
		credentialsLocked,
		backendLocked: backend !== undefined,
		skipReview: options.yes,
		keptSecrets: {},
	};
	if (state.backendLocked) return move(state, 1);
	return state;
}
