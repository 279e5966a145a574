import {Box, render, useApp} from 'ink';
import {useEffect, useState} from 'react';
import type {Io} from '../io.js';
import {t} from '../i18n/index.js';
import {buildCreateRequest} from '../core/plan.js';
import type {CreatePlan, CreateResult} from '../core/types.js';
import {LiveArea} from './components/layout.js';
import {ResultPanel, SendingStep} from './components/panels.js';

/** The wizard's last two screens, without questions: the progress line while sending, then the panel. */
function SendAndShow({plan, sending}: {plan: CreatePlan; sending: Promise<CreateResult>}) {
	const {exit} = useApp();
	const [result, setResult] = useState<CreateResult | undefined>(undefined);
	const [startedAt] = useState(Date.now());
	useEffect(() => {
		sending.then(setResult, () => exit());
	}, []);
	useEffect(() => {
		// Unmount once the panel is drawn: it stays on screen as the program's answer.
		if (result) setImmediate(() => exit());
	}, [result]);
	const path = new URL(buildCreateRequest(plan).url).pathname;
	return (
		<LiveArea>
			{result ? <ResultPanel result={result} noun={plan.backend.noun} /> : <SendingStep what={t('ui.sending.signed', {path})} startedAt={startedAt} />}
			<Box />
		</LiveArea>
	);
}

/** For `regwiz create … ` with every value given, in a terminal. No input is read: Ctrl-C stays a signal. */
export function terminalSendView(io: Io): (plan: CreatePlan, sending: Promise<CreateResult>) => Promise<void> {
	return async (plan, sending) => {
		const instance = render(<SendAndShow plan={plan} sending={sending} />, {stdout: io.stdout, stderr: io.stderr, patchConsole: false, exitOnCtrlC: false});
		await instance.waitUntilExit();
	};
}
