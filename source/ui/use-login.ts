import {useEffect, useRef, type RefObject} from 'react';
import type {DockerLogin} from '../backends/types.js';
import {t} from '../i18n/index.js';
import {loginFacts, type CreateLoginFacts, type LoginReport} from '../login/facts.js';
import {planOf, type Action, type WizardState} from './state.js';

export type LoginOptions = {
	state: WizardState;
	/** Logs in to what was created with docker or podman; the secret goes to the tool's stdin only. */
	login?: (login: DockerLogin, signal: AbortSignal) => Promise<LoginReport>;
	/** --login: log in as soon as the create succeeded. */
	autoLogin?: boolean;
	dispatch: (action: Action) => void;
};

/** The docker login offered after a create: what it would log in to, whether it may start, and starting it. */
export function useLogin({state, login, autoLogin, dispatch}: LoginOptions): {
	facts: CreateLoginFacts | undefined;
	canLogIn: boolean;
	/** For key handlers, which see the latest render's values. */
	canLogInRef: RefObject<boolean>;
	startLoginRef: RefObject<() => void>;
	/** The login in flight, for leaving the wizard to abort. */
	loggingIn: RefObject<AbortController | undefined>;
} {
	const loggingIn = useRef<AbortController | undefined>(undefined);
	const plan = state.current === 'result' ? planOf(state) : undefined;
	const facts = plan && state.result ? loginFacts(plan, state.result) : undefined;
	const canLogIn = facts !== undefined && login !== undefined && (state.login === undefined || (state.login.status === 'done' && state.login.report.kind === 'failed'));
	const startLogin = () => {
		if (!facts || !login) return;
		const controller = new AbortController();
		loggingIn.current = controller;
		dispatch({type: 'loginStarted', at: Date.now()});
		login(facts.login, controller.signal).then(
			report => dispatch({type: 'loginDone', report}),
			(error: unknown) => dispatch({type: 'loginDone', report: {kind: 'failed', tool: 'docker', host: facts.login.host, said: [t('ui.error.unexpected', {message: (error as Error).message})], exitCode: null}}),
		);
	};
	const canLogInRef = useRef(canLogIn);
	canLogInRef.current = canLogIn;
	const startLoginRef = useRef(startLogin);
	startLoginRef.current = startLogin;
	// --login: as soon as the create succeeded.
	useEffect(() => {
		if (autoLogin && state.current === 'result' && state.result?.ok && state.login === undefined && canLogIn) startLogin();
	}, [state.current, state.result]);

	return {facts, canLogIn, canLogInRef, startLoginRef, loggingIn};
}
