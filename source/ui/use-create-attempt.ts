import {useEffect, useRef, useState, type RefObject} from 'react';
import {InputError} from '../backends/validation.js';
import {t} from '../i18n/index.js';
import type {CreatePlan, CreateResult} from '../core/types.js';
import type {ProfileStore} from '../store/profile-store.js';
import {planOf, type Action, type WizardState} from './state.js';

export type CreateAttemptOptions = {
	state: WizardState;
	send: (plan: CreatePlan, signal: AbortSignal) => Promise<CreateResult>;
	/** Called after every attempt that reached the network (history); not in the sandbox. */
	onAttempt?: (plan: CreatePlan, result: CreateResult) => void;
	inSandbox: boolean;
	store: ProfileStore;
	dispatch: (action: Action) => void;
};

/**
 * The wizard's create attempt: on entering "sending" it signs and sends (the request is built in the
 * send, never during render), records the profile's use and dispatches "sent". Leaving the step aborts it.
 */
export function useCreateAttempt({state, send, onAttempt, inSandbox, store, dispatch}: CreateAttemptOptions): {
	/** The attempt in flight, for Esc and for leaving the wizard to abort. */
	sending: RefObject<AbortController | undefined>;
	/** When the attempt in flight started (0 before the first). */
	sendStartedAt: number;
} {
	const sending = useRef<AbortController | undefined>(undefined);
	const [sendStartedAt, setSendStartedAt] = useState(0);

	// Sign and send whenever the wizard enters "sending"; each attempt signs afresh.
	useEffect(() => {
		if (state.current !== 'sending') return;
		const plan = planOf(state);
		if (!plan) return;
		const controller = new AbortController();
		sending.current = controller;
		setSendStartedAt(Date.now());
		send(plan, controller.signal).then(
			result => {
				if (!inSandbox) onAttempt?.(plan, result);
				// Cancelled by the person (Esc goes back, Ctrl-C quits) or by leaving the step: the answer is moot.
				if (controller.signal.aborted) return;
				// A profile that reached the server was used, even if refused; only a success changes what is offered next time.
				const saved = plan.profileName ? store.get(plan.profileName) : undefined;
				if (saved && plan.profileName && (result.ok || result.outcome)) {
					try {
						store.recordUse(plan.profileName, result.ok ? plan.fields : saved.lastFields ?? {});
					} catch {
						// Remembering defaults is a convenience; a failure must not hide the result.
					}
				}
				dispatch({type: 'sent', result});
			},
			(error: unknown) => {
				// Nothing was sent (bad input is refused before signing): back to where it can be changed.
				dispatch({type: 'cancelSending'});
				dispatch({type: 'notice', message: error instanceof InputError ? error.message : t('ui.error.unexpected', {message: (error as Error).message})});
			},
		);
		return () => controller.abort();
	}, [state.current, state.result]);

	return {sending, sendStartedAt};
}
