import {Box, Text, useApp, useInput} from 'ink';
import {useEffect, useReducer, useRef, useState, type ReactNode} from 'react';
import {InputError} from '../backends/validation.js';
import type {Answers, Backend, DockerLogin} from '../backends/types.js';
import {buildCreateRequest, EXIT, type CreatePlan, type CreateResult, type VerifyResult} from '../engine.js';
import {loginFacts, type LoginReport} from '../login/facts.js';
import type {ProfileStore} from '../store/profile-store.js';
import {Footer, Header, useWidth} from './components/layout.js';
import {ForRealNote, LoginPanel, ResultPanel, ReviewPanel, SendingStep} from './components/panels.js';
import {SelectQuestion} from './components/select-question.js';
import {CredentialChoice} from './steps/credential-choice.js';
import {FieldStep} from './steps/field-step.js';
import {ProfileNameStep} from './steps/profile-name-step.js';
import {SaveStep} from './steps/save-step.js';
import {reviewFacts} from './review-lines.js';
import {currentQuestion, isSkipped, planInputProblem, planOf, questions, TOTAL_STEPS, unacceptedInsecureEndpoint, wizardReducer, type WizardState} from './state.js';

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
	/** This run is a sandbox run from its start (--sandbox). */
	sandbox?: boolean;
	/** Starts the built-in emulator for the rest of this run; offered when nothing is set up yet. */
	startSandbox?: () => Promise<SandboxSwitch>;
	/** After a sandbox create: how to do it for real. */
	forReal?: () => string[];
	/** Logs in to what was created with docker or podman; the secret goes to the tool's stdin only. */
	login?: (login: DockerLogin, signal: AbortSignal) => Promise<LoginReport>;
	/** --login: log in as soon as the create succeeded. */
	autoLogin?: boolean;
};

/** What a run needs to carry on in the sandbox: demo profiles in memory, the banner, which profile is whose. */
export type SandboxSwitch = {store: ProfileStore; banner: string; sandboxProfile: (backend: Backend) => string};

export type WizardAppProps = WizardServices & {
	initial: WizardState;
	onExit: (code: number) => void;
};

function titleFor(state: WizardState): string {
	if (!state.backend) return 'regwiz · create a container registry';
	const who = state.profileName ?? (state.credentialSource?.startsWith('environment') ? 'environment' : undefined);
	if (state.current === 'review') return 'regwiz · review';
	return ['regwiz', state.backend.title, who].filter(Boolean).join(' · ');
}

function hintsFor(state: WizardState, canGoBack: boolean, store: ProfileStore, reviewBlocked: boolean, canLogIn: boolean): string[] {
	const back = canGoBack ? ['Esc back'] : [];
	const quit = 'Ctrl-C quit';
	const question = currentQuestion(state);
	if (question.id === 'review') return [...(reviewBlocked ? [] : ['Enter send']), 'Esc change a field', quit];
	if (question.id === 'sending') return ['Esc cancel', quit];
	if (question.id === 'result') {
		if (state.result?.ok) return [...(canLogIn ? ['l log in with docker now'] : []), 'n create another', 'q quit'];
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
	const {backends, onExit} = props;
	const [state, dispatch] = useReducer(wizardReducer, props.initial);
	// Chosen on step 2 of a first run: from then on the run is a sandbox run, as with --sandbox.
	const [sandbox, setSandbox] = useState<SandboxSwitch | undefined>(undefined);
	const [startingSandbox, setStartingSandbox] = useState(false);
	const inSandbox = props.sandbox === true || sandbox !== undefined;
	const store = sandbox?.store ?? props.store;
	// In the sandbox, keys from the environment and ~/.ncloud/configure are not offered: real keys never go to it.
	const env = sandbox ? {} : props.env;
	const banner = sandbox?.banner ?? props.banner;
	const stateRef = useRef(state);
	stateRef.current = state;
	const {exit} = useApp();
	// Nothing may reach the terminal's last column: a line that wraps there breaks Ink's redraw.
	const width = useWidth();
	const sending = useRef<AbortController | undefined>(undefined);
	const loggingIn = useRef<AbortController | undefined>(undefined);
	const [sendStartedAt, setSendStartedAt] = useState(0);
	const question = currentQuestion(state);
	const list = questions(state);
	const position = list.findIndex(item => item.id === question.id);
	const canGoBack = list.slice(0, position).some(item => !isSkipped(state, item) && item.id !== 'sending' && item.id !== 'result');

	// The one exit site of the tree: once an exit code is set, unmount and hand it over.
	useEffect(() => {
		if (state.exitCode === undefined) return;
		sending.current?.abort();
		loggingIn.current?.abort();
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
				if (!inSandbox) props.onAttempt?.(plan, result);
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
			(error: unknown) => {
				// Nothing was sent (bad input is refused before signing): back to where it can be changed.
				dispatch({type: 'cancelSending'});
				dispatch({type: 'notice', message: error instanceof InputError ? error.message : `unexpected error: ${(error as Error).message}`});
			},
		);
		return () => controller.abort();
	}, [state.current, state.result]);

	const plan = state.current === 'result' ? planOf(state) : undefined;
	const facts = plan && state.result ? loginFacts(plan, state.result) : undefined;
	const canLogIn = facts !== undefined && props.login !== undefined && (state.login === undefined || (state.login.status === 'done' && state.login.report.kind === 'failed'));
	const startLogin = () => {
		if (!facts || !props.login) return;
		const controller = new AbortController();
		loggingIn.current = controller;
		dispatch({type: 'loginStarted', at: Date.now()});
		props.login(facts.login, controller.signal).then(
			report => dispatch({type: 'loginDone', report}),
			(error: unknown) => dispatch({type: 'loginDone', report: {kind: 'failed', tool: 'docker', host: facts.login.host, said: [`unexpected error: ${(error as Error).message}`], exitCode: null}}),
		);
	};
	const canLogInRef = useRef(canLogIn);
	canLogInRef.current = canLogIn;
	const startLoginRef = useRef(startLogin);
	startLoginRef.current = startLogin;
	// --login: as soon as the create succeeded.
	useEffect(() => {
		if (props.autoLogin && state.current === 'result' && state.result?.ok && state.login === undefined && canLogIn) startLogin();
	}, [state.current, state.result]);

	const trySandbox = () => {
		if (!props.startSandbox || !state.backend || startingSandbox) return;
		const chosen = state.backend;
		setStartingSandbox(true);
		props.startSandbox().then(
			session => {
				setSandbox(session);
				setStartingSandbox(false);
				const name = session.sandboxProfile(chosen);
				const profile = session.store.get(name);
				if (profile) dispatch({type: 'chooseCredentials', mode: {kind: 'profile', name}, credentials: profile.credentials, connection: profile.connection});
			},
			(error: unknown) => {
				setStartingSandbox(false);
				dispatch({type: 'notice', message: `the sandbox could not start: ${(error as Error).message}`});
			},
		);
	};

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
			else if (input === 'l' && result?.ok && canLogInRef.current) startLoginRef.current();
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
				if (unacceptedInsecureEndpoint(current, props.allowInsecureHttp) || planInputProblem(current)) return;
				dispatch({type: 'confirm'});
				return;
			}
		}
		if (key.escape) dispatch({type: 'back'});
	});

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
				env={env}
				importable={inSandbox ? undefined : props.importable?.(backend)}
				initialProfile={state.profileName}
				onChoose={choice => dispatch({type: 'chooseCredentials', ...choice})}
				onTrySandbox={inSandbox || !props.startSandbox ? undefined : trySandbox}
			/>
		);
		if (startingSandbox) body = <SendingStep what="Starting the sandbox (a local emulator)…" startedAt={Date.now()} />;
	} else if ('spec' in question && backend) {
		const {spec, group} = question;
		const editingSecret = group === 'credentials' && state.mode?.kind === 'edit' && spec.kind === 'secret';
		body = (
			<FieldStep
				question={question}
				backend={backend}
				answers={state[group]}
				connection={state.connection}
				defaultValue={(group === 'fields' ? state.lastFields[spec.key] : undefined) ?? spec.defaultValue}
				kept={editingSecret ? state.keptSecrets[spec.key] ?? state.credentials[spec.key] : undefined}
				allowInsecureHttp={props.allowInsecureHttp}
				onAnswer={(answerGroup, key, value) => dispatch({type: 'answer', group: answerGroup, key, value})}
				onKeep={(key, value) => dispatch({type: 'keepSecret', key, value})}
				onAcceptInsecure={endpoint => dispatch({type: 'acceptInsecure', endpoint})}
			/>
		);
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
	} else if (question.id === 'profileName' && backend) {
		body = (
			<ProfileNameStep
				store={store}
				backend={backend}
				credentials={state.credentials}
				connection={state.connection}
				initialName={state.profileName}
				editing={state.mode?.kind === 'edit' ? state.mode.name : undefined}
				onSaved={name => dispatch({type: 'named', name})}
				onFailed={message => dispatch({type: 'notice', message})}
			/>
		);
	} else if (question.id === 'review' && backend) {
		body = <ReviewPanel facts={reviewFacts(state, props.allowInsecureHttp)!} />;
	} else if (question.id === 'sending') {
		const plan = planOf(state);
		const url = plan ? new URL(buildCreateRequest(plan).url) : undefined;
		body = <SendingStep what={`Signing and sending POST ${url ? url.pathname : ''}…`} startedAt={sendStartedAt || Date.now()} />;
	} else if (question.id === 'result' && state.result && backend) {
		body = (
			<Box flexDirection="column">
				<ResultPanel result={state.result} noun={backend.noun} loginBelow={facts !== undefined && props.login !== undefined} />
				{facts && props.login ? <LoginPanel facts={facts} login={state.login} offered={canLogIn} /> : null}
				{state.result.ok && inSandbox && props.forReal ? <ForRealNote lines={props.forReal()} /> : null}
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={width}>
			<Header title={titleFor(state)} step={question.step} total={TOTAL_STEPS} banner={banner} />
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
			<Footer hints={hintsFor(state, canGoBack, store, question.id === 'review' && (unacceptedInsecureEndpoint(state, props.allowInsecureHttp) !== undefined || planInputProblem(state) !== undefined), canLogIn)} />
		</Box>
	);
}
