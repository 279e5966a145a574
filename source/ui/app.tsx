import {Box, Text, useApp, useInput} from 'ink';
import {useEffect, useReducer, useRef, useState, type ReactNode} from 'react';
import {checkField, insecureHttpProblem} from '../backends/validation.js';
import type {Answers, Backend} from '../backends/types.js';
import {maskSecret} from '../mask.js';
import {buildCreateRequest, EXIT, type CreatePlan, type CreateResult, type VerifyResult} from '../engine.js';
import {profileNameProblem, type ProfileStore} from '../store/profile-store.js';
import {Footer, Header, useWidth} from './components/layout.js';
import {ResultPanel, ReviewPanel, SendingStep} from './components/panels.js';
import {SelectQuestion} from './components/select-question.js';
import {TextQuestion} from './components/text-question.js';
import {CredentialChoice} from './steps/credential-choice.js';
import {SaveStep} from './steps/save-step.js';
import {currentQuestion, questions, isSkipped, TOTAL_STEPS, wizardReducer, type WizardState} from './state.js';

export type WizardServices = {
	backends: readonly Backend[];
	store: ProfileStore;
	env: NodeJS.ProcessEnv;
	send: (plan: CreatePlan, signal: AbortSignal) => Promise<CreateResult>;
	verify: (backend: Backend, credentials: Answers, connection: Answers, signal: AbortSignal) => Promise<VerifyResult>;
	/** Credentials found in ~/.ncloud/configure, offered on step 2 for NCR. */
	importable?: (backend: Backend) => {credentials: Answers; source: string} | undefined;
	/** Called after every attempt that reached the network (history). */
	onAttempt?: (plan: CreatePlan, result: CreateResult) => void;
	allowInsecureHttp: boolean;
	banner?: string;
	warnings: string[];
};

export type WizardAppProps = WizardServices & {
	initial: WizardState;
	onExit: (code: number) => void;
};

export function planOf(state: WizardState): CreatePlan | undefined {
	if (!state.backend) return undefined;
	const withDefaults = (specs: Backend['fields'], answers: Answers) => {
		const merged: Answers = {};
		for (const spec of specs) if (spec.defaultValue !== undefined) merged[spec.key] = spec.defaultValue;
		return {...merged, ...answers};
	};
	return {
		backend: state.backend,
		fields: withDefaults(state.backend.fields, state.fields),
		credentials: state.credentials,
		connection: withDefaults(state.backend.connectionFields, state.connection),
		credentialSource: state.credentialSource ?? 'typed in',
		profileName: state.save === false ? undefined : state.profileName,
	};
}

function nextFreeProfileName(store: ProfileStore): string {
	const names = new Set(store.list().map(profile => profile.name));
	if (!names.has('default')) return 'default';
	for (let index = 2; ; index++) if (!names.has(`profile-${index}`)) return `profile-${index}`;
}

function titleFor(state: WizardState): string {
	if (!state.backend) return 'regwiz · create a container registry';
	const who = state.profileName ?? (state.credentialSource?.startsWith('environment') ? 'environment' : undefined);
	if (state.current === 'review') return 'regwiz · review';
	return ['regwiz', state.backend.title, who].filter(Boolean).join(' · ');
}

function hintsFor(state: WizardState, canGoBack: boolean, store: ProfileStore): string[] {
	const back = canGoBack ? ['Esc back'] : [];
	const quit = 'Ctrl-C quit';
	const question = currentQuestion(state);
	if (question.id === 'review') return ['Enter send', 'Esc change a field', quit];
	if (question.id === 'sending') return ['Esc cancel', quit];
	if (question.id === 'result') {
		if (state.result?.ok) return ['n create another', 'q quit'];
		const change = state.result?.outcome && [401, 403].includes(state.result.outcome.status) && !state.credentialsLocked ? 'Esc change credentials' : 'Esc change a field';
		return ['r retry', change, 'n create another', 'q quit'];
	}
	if (question.id === 'credentialChoice') {
		const editable = store.list().some(profile => profile.backend === state.backend?.id);
		return ['↑↓ choose', 'Enter select', ...(editable ? ['e edit profile'] : []), ...back, quit];
	}
	if (question.id === 'backend' || question.id === 'save' || ('spec' in question && question.spec.kind === 'choice')) {
		return ['↑↓ choose', 'Enter select', ...back, quit];
	}
	return ['Enter next', ...back, quit];
}

export function WizardApp(props: WizardAppProps) {
	const {store, backends, onExit} = props;
	const [state, dispatch] = useReducer(wizardReducer, props.initial);
	const stateRef = useRef(state);
	stateRef.current = state;
	const {exit} = useApp();
	// Nothing may reach the terminal's last column: a line that wraps there breaks Ink's redraw.
	const width = useWidth();
	const sending = useRef<AbortController | undefined>(undefined);
	const [sendStartedAt, setSendStartedAt] = useState(0);
	const [insecureAccepted, setInsecureAccepted] = useState<string | undefined>(undefined);
	const question = currentQuestion(state);
	const list = questions(state);
	const position = list.findIndex(item => item.id === question.id);
	const canGoBack = list.slice(0, position).some(item => !isSkipped(state, item) && item.id !== 'sending' && item.id !== 'result');

	// The one exit site of the tree: once an exit code is set, unmount and hand it over.
	useEffect(() => {
		if (state.exitCode === undefined) return;
		sending.current?.abort();
		onExit(state.exitCode);
		exit();
	}, [state.exitCode]);

	// Sign and send whenever the wizard enters "sending"; each attempt signs afresh.
	useEffect(() => {
		if (state.current !== 'sending') return;
		const plan = planOf(state);
		if (!plan) return;
		const controller = new AbortController();
		sending.current = controller;
		setSendStartedAt(Date.now());
		props.send(plan, controller.signal).then(
			result => {
				props.onAttempt?.(plan, result);
				// Cancelled by the person (Esc goes back, Ctrl-C quits) or by leaving the step: the answer is moot.
				if (controller.signal.aborted) return;
				if (result.ok && plan.profileName && store.get(plan.profileName)) {
					try {
						store.recordUse(plan.profileName, plan.fields);
					} catch {
						// Remembering defaults is a convenience; a failure must not hide the result.
					}
				}
				dispatch({type: 'sent', result});
			},
			(error: unknown) => dispatch({type: 'notice', message: `unexpected error: ${(error as Error).message}`}),
		);
		return () => controller.abort();
	}, [state.current, state.result]);

	// One input handler, always mounted: Esc, Ctrl-C and the keys of panels without inputs live here.
	useInput((input, key) => {
		const current = stateRef.current;
		if (key.ctrl && input === 'c') {
			dispatch({type: 'quit', exitCode: EXIT.cancelled});
			return;
		}
		const id = current.current;
		if (id === 'sending') {
			if (key.escape) {
				sending.current?.abort();
				dispatch({type: 'cancelSending'});
			}
			return;
		}
		if (id === 'result') {
			const result = current.result;
			if (input === 'q') dispatch({type: 'quit', exitCode: result?.exitCode ?? 0});
			else if (input === 'n') dispatch({type: 'createAnother'});
			else if (input === 'r' && result && !result.ok) dispatch({type: 'retry'});
			else if (key.escape) {
				const status = result?.outcome?.status;
				if ((status === 401 || status === 403) && !current.credentialsLocked) dispatch({type: 'goTo', id: 'credentialChoice'});
				else dispatch({type: 'back'});
			}
			return;
		}
		if (id === 'review') {
			if (key.return) {
				if (reviewBlocked(current)) return;
				dispatch({type: 'confirm'});
				return;
			}
		}
		if (key.escape) dispatch({type: 'back'});
	});

	const insecureFor = (current: WizardState): string | undefined => {
		if (!current.backend || props.allowInsecureHttp) return undefined;
		const endpoint = current.backend.endpoint({...current.connection});
		const problem = insecureHttpProblem(endpoint);
		return problem && insecureAccepted !== endpoint ? problem : undefined;
	};
	const reviewBlocked = (current: WizardState) => insecureFor(current) !== undefined;

	const backend = state.backend;
	let body: ReactNode = null;
	if (question.id === 'backend') {
		body = (
			<SelectQuestion
				prompt="Where should the registry live?"
				options={backends.map(item => ({value: item.id, label: item.title, hint: item.description}))}
				initialValue={state.backend?.id}
				onSelect={value => {
					const chosen = backends.find(item => item.id === value);
					if (chosen) dispatch({type: 'chooseBackend', backend: chosen});
				}}
			/>
		);
	} else if (question.id === 'credentialChoice' && backend) {
		body = (
			<CredentialChoice
				backend={backend}
				store={store}
				env={props.env}
				importable={props.importable?.(backend)}
				initialProfile={state.profileName}
				onChoose={choice => dispatch({type: 'chooseCredentials', ...choice})}
			/>
		);
	} else if ('spec' in question && backend) {
		const {spec, group} = question;
		const answers = state[group];
		const kept = group === 'credentials' && state.mode?.kind === 'edit' && spec.kind === 'secret' ? state.keptSecrets[spec.key] ?? state.credentials[spec.key] : undefined;
		if (spec.kind === 'choice' && spec.choices) {
			body = (
				<SelectQuestion
					key={question.id}
					prompt={spec.label}
					options={spec.choices.map(choice => ({value: choice.value, label: choice.label, hint: choice.hint}))}
					initialValue={answers[spec.key] ?? (group === 'fields' ? state.lastFields[spec.key] : undefined) ?? spec.defaultValue}
					onSelect={value => dispatch({type: 'answer', group, key: spec.key, value})}
				/>
			);
		} else {
			const initialValue = spec.kind === 'secret' ? (kept ? '' : answers[spec.key] ?? '') : answers[spec.key] ?? (group === 'fields' ? state.lastFields[spec.key] : undefined) ?? spec.defaultValue ?? '';
			body = (
				<Box flexDirection="column">
					{group === 'credentials' && backend.credentialNote && spec === backend.credentialFields[0] ? (
						<Box marginTop={1}>
							<Text color="yellow" wrap="wrap">
								{backend.credentialNote}
							</Text>
						</Box>
					) : null}
					<TextQuestion
						key={question.id}
						label={spec.label}
						initialValue={initialValue}
						secret={spec.kind === 'secret'}
						placeholder={kept ? `${maskSecret(kept)} (Enter keeps it)` : undefined}
						rule={spec.optional ? `${spec.rule} (Enter to skip)` : spec.rule}
						help={spec.help}
						validate={value => (kept && value === '' ? undefined : checkField(spec, value))}
						warn={
							group === 'connection' && !props.allowInsecureHttp
								? value => insecureHttpProblem(backend.endpoint({...state.connection, [spec.key]: spec.normalize ? spec.normalize(value) : value}))
								: undefined
						}
						onSubmit={(value, {acceptedWarning}) => {
							if (kept && value === '') {
								dispatch({type: 'keepSecret', key: spec.key, value: kept});
								return;
							}
							const normalized = spec.normalize ? spec.normalize(value) : value;
							if (acceptedWarning) setInsecureAccepted(backend.endpoint({...state.connection, [spec.key]: normalized}));
							dispatch({type: 'answer', group, key: spec.key, value: normalized});
						}}
					/>
				</Box>
			);
		}
	} else if (question.id === 'save' && backend) {
		body = (
			<SaveStep
				backend={backend}
				credentials={state.credentials}
				connection={state.connection}
				persistent={store.persistent}
				verify={props.verify}
				onChoose={save => dispatch({type: 'chooseSave', save})}
			/>
		);
	} else if (question.id === 'profileName') {
		const editing = state.mode?.kind === 'edit' ? state.mode.name : undefined;
		body = (
			<TextQuestion
				key="profileName"
				label="Profile name"
				initialValue={state.profileName ?? editing ?? nextFreeProfileName(store)}
				rule="letters, digits, '.', '_' and '-' (e.g. staging)"
				help={store.persistent ? `saved in ${store.location} (owner-only file)` : 'kept in memory for this run only'}
				validate={value => {
					const problem = profileNameProblem(value);
					if (problem) return problem;
					if (value !== editing && store.get(value)) return `a profile named "${value}" already exists: choose another name (or edit it from the list)`;
					return undefined;
				}}
				onSubmit={name => {
					if (!backend) return;
					try {
						if (editing && editing !== name) store.rename(editing, name);
						store.save(name, {...store.get(name), backend: backend.id, credentials: state.credentials, connection: state.connection});
						dispatch({type: 'named', name});
					} catch (error) {
						dispatch({type: 'notice', message: `Could not save the profile: ${(error as Error).message}`});
					}
				}}
			/>
		);
	} else if (question.id === 'review' && backend) {
		const plan = planOf(state)!;
		const request = buildCreateRequest(plan);
		const publicCredential = backend.publicCredential(state.credentials);
		const warning = insecureFor(state)
			? `${insecureFor(state)}. Go back (Esc) to change the endpoint, or start regwiz with --allow-insecure-http.`
			: insecureHttpProblem(backend.endpoint(plan.connection))
				? 'Plain http to another machine: credentials travel unencrypted (you allowed it).'
				: undefined;
		body = (
			<ReviewPanel
				facts={{
					backendTitle: backend.title,
					endpoint: backend.describeEndpoint(plan.connection),
					credentialLabel: backend.credentialFields[0]?.label ?? 'Credentials',
					credential: publicCredential,
					credentialSource: state.credentialSource ?? 'typed in',
					request,
					warning,
				}}
			/>
		);
	} else if (question.id === 'sending') {
		const plan = planOf(state);
		const url = plan ? new URL(buildCreateRequest(plan).url) : undefined;
		body = <SendingStep what={`Signing and sending POST ${url ? url.pathname : ''}…`} startedAt={sendStartedAt || Date.now()} />;
	} else if (question.id === 'result' && state.result && backend) {
		body = <ResultPanel result={state.result} noun={backend.noun} />;
	}

	return (
		<Box flexDirection="column" width={width}>
			<Header title={titleFor(state)} step={question.step} total={TOTAL_STEPS} banner={props.banner} />
			{props.warnings.map(warning => (
				<Text key={warning} color="yellow" wrap="wrap">
					⚠ {warning}
				</Text>
			))}
			{state.notice ? (
				<Text color="red" wrap="wrap">
					✗ {state.notice}
				</Text>
			) : null}
			{body}
			<Footer hints={hintsFor(state, canGoBack, store)} />
		</Box>
	);
}
