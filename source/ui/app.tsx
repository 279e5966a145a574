import {Box, Text, useApp, useStdout} from 'ink';
import {useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import {t} from '../i18n/index.js';
import {safeText} from '../text-safety.js';
import {reviewFacts, sendingPath} from './review-lines.js';
import {useCreateAttempt} from './use-create-attempt.js';
import {useLogin} from './use-login.js';
import {credentialsAtFault, renameKey, retryHelps} from './result-options.js';
import type {Answers, Backend, DockerLogin, LookupService} from '../backends/types.js';
import {EXIT} from '../core/exit-codes.js';
import {MAY_HAVE_BEEN_CREATED, mayHaveBeenCreated} from '../core/result.js';
import type {CreatePlan, CreateResult, VerifyResult} from '../core/types.js';
import type {LoginReport} from '../login/facts.js';
import type {ProfileStore} from '../store/profile-store.js';
import {Footer, Header, LiveArea} from './components/layout.js';
import {ForRealNote, LoginPanel, ResultPanel, ReviewPanel, SendingStep} from './components/panels.js';
import {AnsweredFields, shownAnswer, type AnsweredField} from './components/answered.js';
import {SelectQuestion} from './components/select-question.js';
import {CredentialChoice} from './steps/credential-choice.js';
import {FieldStep} from './steps/field-step.js';
import {LookupFieldStep} from './steps/lookup-field-step.js';
import {ProfileNameStep} from './steps/profile-name-step.js';
import {SaveStep} from './steps/save-step.js';
import {KeyOwner, KeyRouter} from './input/key-router.js';
import type {Keypress} from './input/keypress.js';
import {commandFor, hint} from './keymap.js';
import {currentQuestion, fieldId, isSkipped, planInputProblem, questions, TOTAL_STEPS, unacceptedInsecureEndpoint, wizardReducer, type Action, type WizardState} from './state.js';

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
	/** Values fields choose from or are checked against (FieldSpec.choicesFrom, knownFrom). */
	lookup?: LookupService;
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
export type SandboxSwitch = {
	store: ProfileStore;
	banner: string;
	sandboxProfile: (backend: Backend) => string;
	/** The emulator's origin: where Object Storage's requests go from then on. */
	emulatorOrigin?: string;
};

export type WizardAppProps = WizardServices & {
	initial: WizardState;
	onExit: (code: number) => void;
};

/** Credentials the environment gave (chosen on step 2, or given on the command line, its source said in either language). */
function fromEnvironment(state: WizardState): boolean {
	const source = state.credentialSource ?? '';
	return state.mode?.kind === 'env' || source.startsWith('environment') || source.startsWith(t('ui.title.environment'));
}

/** The title says only what is chosen before the current screen: back on step 1 or 2, the later choices leave it. */
function titleFor(state: WizardState): string {
	if (!state.backend || state.current === 'backend') return t('ui.title.start');
	const chosen = state.current !== 'credentialChoice';
	const who = chosen ? state.profileName ?? (fromEnvironment(state) ? t('ui.title.environment') : undefined) : undefined;
	if (state.current === 'review') return t('ui.title.review', {backend: state.backend.title});
	return ['regwiz', state.backend.title, who].filter(Boolean).join(' · ');
}

/** A connection answer the environment suggests (NCR: the site NCLOUD_SITE and NCLOUD_REGION name). */
function environmentDefault(backend: Backend, env: NodeJS.ProcessEnv, key: string): string | undefined {
	const found = backend.envConnection?.(env);
	return found && 'connection' in found ? found.connection[key] : undefined;
}

/** The footer: each hint is named by the key table, so it says what the key really does. */
function hintsFor(state: WizardState, canGoBack: boolean, store: ProfileStore, reviewBlocked: boolean, canLogIn: boolean): string[] {
	const back = canGoBack ? [hint('global', 'back')] : [];
	const quit = hint('global', 'quit');
	const question = currentQuestion(state);
	if (question.id === 'review') return [...(reviewBlocked ? [] : [hint('review', 'send')]), hint('global', 'back', t('ui.key.changeField')), quit];
	if (question.id === 'sending') return [hint('sending', 'back'), quit];
	if (question.id === 'result') {
		if (state.result?.ok) return [...(canLogIn ? [hint('result', 'login')] : []), hint('result', 'another'), hint('result', 'close')];
		// Sent and not clearly answered: it may exist already, so the key never just says "retry".
		const retry = retryHelps(state.result) ? [hint('result', 'retry', state.result && mayHaveBeenCreated(state.result) ? t('ui.key.sendAgain') : undefined)] : [];
		const rename = renameKey(state) ? [hint('result', 'rename')] : [];
		return [...retry, hint('global', 'back', credentialsAtFault(state) ? t('ui.key.changeCredentials') : t('ui.key.changeField')), ...rename, hint('result', 'another'), hint('result', 'close')];
	}
	if (question.id === 'credentialChoice') {
		const editable = store.list().some(profile => profile.backend === state.backend?.id);
		return [hint('list', 'up'), hint('list', 'select'), ...(editable ? [hint('list', 'editProfile')] : []), ...back, quit];
	}
	if (question.id === 'backend' || question.id === 'save' || ('spec' in question && question.spec.kind === 'choice')) {
		return [hint('list', 'up'), hint('list', 'select'), ...back, quit];
	}
	return [hint('text', 'submit'), ...back, quit];
}

export function WizardApp(props: WizardAppProps) {
	const {backends, onExit} = props;
	// The one reducer, applied at once so that the next key (from the same read) sees its result.
	const [state, setState] = useState(props.initial);
	// Chosen on step 2 of a first run: from then on the run is a sandbox run, as with --sandbox.
	const [sandbox, setSandbox] = useState<SandboxSwitch | undefined>(undefined);
	const [startingSandbox, setStartingSandbox] = useState(false);
	const inSandbox = props.sandbox === true || sandbox !== undefined;
	const store = sandbox?.store ?? props.store;
	// In the sandbox, keys from the environment and ~/.ncloud/configure are not offered: real keys never go to it.
	const env = sandbox ? {} : props.env;
	const banner = sandbox?.banner ?? props.banner;
	const stateRef = useRef(state);
	const dispatch = useCallback((action: Action) => {
		stateRef.current = wizardReducer(stateRef.current, action);
		setState(stateRef.current);
	}, []);
	const [attempts, setAttempts] = useState(0);
	const {exit} = useApp();
	const {stdout} = useStdout();
	const question = currentQuestion(state);
	const list = questions(state);
	const position = list.findIndex(item => item.id === question.id);
	// What this step has answered so far, shown above the question being asked.
	const answered: AnsweredField[] =
		question.id === 'review' || question.id === 'sending' || question.id === 'result'
			? []
			: list.slice(0, Math.max(0, position)).flatMap(item => {
					if (!('spec' in item) || item.step !== question.step) return [];
					const value = state[item.group][item.spec.key];
					return value === undefined ? [] : [{label: item.spec.label, value: shownAnswer(item.spec, value)}];
				});
	const canGoBack = list.slice(0, position).some(item => !isSkipped(state, item) && item.id !== 'sending' && item.id !== 'result');

	// The one exit site of the tree: once an exit code is set, unmount and hand it over (aborting what the
	// create attempt and the login below have in flight).
	useEffect(() => {
		if (state.exitCode === undefined) return;
		sending.current?.abort();
		loggingIn.current?.abort();
		onExit(state.exitCode);
		exit();
	}, [state.exitCode]);

	// Sign and send on entering "sending" (the exit above aborts the attempt and the login in flight).
	const {sending, sendStartedAt} = useCreateAttempt({state, send: props.send, onAttempt: props.onAttempt, inSandbox, store, dispatch});
	// After a create: the docker login offered, started by a key or by --login.
	const {facts, canLogIn, canLogInRef, startLoginRef, loggingIn} = useLogin({state, login: props.login, autoLogin: props.autoLogin, dispatch});

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
				dispatch({type: 'notice', message: t('ui.sandbox.failed', {message: (error as Error).message})});
			},
		);
	};

	// The root of the one input layer: Ctrl-C anywhere, Esc where a screen does not use it, and the
	// keys of the panels that have no input of their own (review, sending, result).
	const rootKeys = (press: Keypress, isGlobal: boolean): boolean => {
		const current = stateRef.current;
		const id = current.current;
		if (isGlobal) {
			if (commandFor('global', press) === 'quit') {
				dispatch({type: 'quit', exitCode: EXIT.cancelled});
				return true;
			}
			return false;
		}
		if (id === 'sending') {
			if (commandFor('sending', press) === 'back') {
				sending.current?.abort();
				dispatch({type: 'cancelSending'});
				// The request may already have reached the service: say so before it can be sent again.
				dispatch({type: 'notice', message: t('ui.sending.cancelled', {more: MAY_HAVE_BEEN_CREATED})});
			}
			return true;
		}
		if (id === 'result') {
			const result = current.result;
			const command = commandFor('result', press);
			if (command === 'close') dispatch({type: 'quit', exitCode: result?.exitCode ?? 0});
			else if (command === 'login' && result?.ok && canLogInRef.current) startLoginRef.current();
			else if (command === 'rename' && renameKey(current)) dispatch({type: 'goTo', id: fieldId('fields', renameKey(current) ?? '')});
			else if (command === 'another') dispatch({type: 'createAnother'});
			else if (command === 'retry' && retryHelps(result)) {
				setAttempts(count => count + 1);
				dispatch({type: 'retry'});
			} else if (command === 'back') {
				if (credentialsAtFault(current)) dispatch({type: 'goTo', id: 'credentialChoice'});
				else dispatch({type: 'changeFields'});
			}
			return true;
		}
		if (id === 'review') {
			const command = commandFor('review', press);
			if (command === 'send') {
				if (unacceptedInsecureEndpoint(current, props.allowInsecureHttp) || planInputProblem(current)) return true;
				dispatch({type: 'confirm'});
				return true;
			}
		}
		if (commandFor('global', press) === 'back') dispatch({type: 'back'});
		return true;
	};
	// Screens with inputs of their own get their keys through the router; the root owns the rest.
	const ownerNow = () => {
		const id = stateRef.current.current;
		return id === 'review' || id === 'sending' || id === 'result' ? undefined : id;
	};

	const backend = state.backend;
	let body: ReactNode = null;
	if (question.id === 'backend') {
		body = (
			<SelectQuestion
				prompt={t('ui.backend.question')}
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
		if (startingSandbox) body = <SendingStep what={t('ui.sandbox.starting')} startedAt={Date.now()} />;
	} else if ('spec' in question && backend) {
		const {spec, group} = question;
		const editingSecret = group === 'credentials' && state.mode?.kind === 'edit' && spec.kind === 'secret';
		const Step = group === 'fields' && props.lookup && (spec.choicesFrom || spec.knownFrom) ? LookupFieldStep : FieldStep;
		body = (
			<Step
				lookup={props.lookup!}
				access={{backend, credentials: state.credentials, connection: state.connection, profileName: state.profileName}}
				onAnswerWith={(value, also) => dispatch({type: 'answer', group, key: spec.key, value, also})}
				question={question}
				backend={backend}
				answers={state[group]}
				connection={state.connection}
				defaultValue={(group === 'fields' ? state.lastFields[spec.key] : group === 'connection' ? environmentDefault(backend, props.env, spec.key) : undefined) ?? spec.defaultValue}
				draft={state.drafts[question.id]}
				onLeave={value => dispatch({type: 'draft', id: question.id, value})}
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
				onChange={backend.credentialFields[0] ? () => dispatch({type: 'goTo', id: fieldId('credentials', backend.credentialFields[0]?.key ?? '')}) : undefined}
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
		body = <ReviewPanel facts={{...reviewFacts(state, props.allowInsecureHttp)!, compact: (stdout.rows || 24) < 24}} />;
	} else if (question.id === 'sending') {
		const path = sendingPath(state);
		const what = backend?.curl.kind === 'signed' ? t('ui.sending.signed', {path}) : t('ui.sending.plain', {path});
		body = <SendingStep what={what} startedAt={sendStartedAt || Date.now()} />;
	} else if (question.id === 'result' && state.result && backend) {
		body = (
			<Box flexDirection="column">
				{attempts > 0 ? <Text dimColor>{t('ui.result.attempt', {attempt: attempts + 1})}</Text> : null}
				<ResultPanel result={state.result} noun={backend.noun} loginBelow={facts !== undefined && props.login !== undefined} />
				{facts && props.login ? <LoginPanel facts={facts} login={state.login} offered={canLogIn} /> : null}
				{state.result.ok && inSandbox && props.forReal ? <ForRealNote lines={props.forReal()} /> : null}
			</Box>
		);
	}

	return (
		<KeyRouter root={rootKeys} ownerNow={ownerNow}>
		<LiveArea>
			<Header title={titleFor(state)} step={question.step} total={TOTAL_STEPS} banner={banner} />
			{props.warnings.map(warning => (
				<Text key={warning} color="yellow" wrap="wrap">
					⚠ {safeText(warning)}
				</Text>
			))}
			{state.notice ? (
				<Text color="red" wrap="wrap">
					✗ {safeText(state.notice)}
				</Text>
			) : null}
			{state.exitCode === undefined ? (
				<>
					<AnsweredFields fields={answered} />
					<KeyOwner owner={question.id}>{body}</KeyOwner>
				</>
			) : question.id === 'result' ? (
				body
			) : (
				<Box marginTop={1}>
					<Text>{question.id === 'sending' ? t('ui.cancelled.sending') : t('ui.cancelled.nothing')}</Text>
				</Box>
			)}
			{state.exitCode !== undefined ? null : <Footer hints={hintsFor(state, canGoBack, store, question.id === 'review' && (unacceptedInsecureEndpoint(state, props.allowInsecureHttp) !== undefined || planInputProblem(state) !== undefined), canLogIn)} />}
		</LiveArea>
		</KeyRouter>
	);
}
