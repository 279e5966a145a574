import {Box, Text} from 'ink';
import {t} from '../../i18n/index.js';
import {safeText} from '../../text-safety.js';
import {useEffect, useState} from 'react';
import type {Answers, Backend} from '../../backends/types.js';
import type {VerifyResult} from '../../core/types.js';
import {SelectQuestion} from '../components/select-question.js';

/** Checks new credentials with a request that changes nothing, then asks whether to keep them. */
export function SaveStep({
	backend,
	credentials,
	connection,
	persistent,
	verify,
	onChoose,
	onChange,
}: {
	backend: Backend;
	credentials: Answers;
	connection: Answers;
	persistent: boolean;
	verify: (backend: Backend, credentials: Answers, connection: Answers, signal: AbortSignal) => Promise<VerifyResult>;
	onChoose: (save: boolean) => void;
	/** Back to the credential questions: the first choice once the check has failed. */
	onChange?: () => void;
}) {
	const [verdict, setVerdict] = useState<VerifyResult | undefined>(undefined);
	useEffect(() => {
		const controller = new AbortController();
		verify(backend, credentials, connection, controller.signal).then(
			result => {
				if (!controller.signal.aborted) setVerdict(result);
			},
			(error: unknown) => {
				if (!controller.signal.aborted) setVerdict({ok: false, message: (error as Error).message});
			},
		);
		return () => controller.abort();
	}, []);
	const failed = verdict !== undefined && !verdict.ok && onChange !== undefined;
	return (
		<Box flexDirection="column">
			<Box marginTop={1}>
				{verdict === undefined ? (
					<Text dimColor>{t('ui.save.checking')}</Text>
				) : (
					<Text color={verdict.ok ? 'green' : 'yellow'} wrap="wrap">
						{verdict.ok ? '✓' : '⚠'} {safeText(verdict.message)}
						{verdict.ok ? '' : t('ui.save.anyway')}
					</Text>
				)}
			</Box>
			<SelectQuestion
				// A failed check changes the choices: start again at the first one.
				key={failed ? 'failed' : 'not-failed'}
				prompt={t('ui.save.question')}
				options={[
					...(failed ? [{value: 'change', label: t('ui.save.change'), hint: t('ui.save.changeHint')}] : []),
					persistent
						? {value: 'yes', label: t('ui.save.save'), hint: t('ui.save.saveHint')}
						: {value: 'yes', label: t('ui.save.keep'), hint: t('ui.save.keepHint')},
					{value: 'no', label: t('ui.save.once')},
				]}
				onSelect={value => (value === 'change' ? onChange?.() : onChoose(value === 'yes'))}
			/>
		</Box>
	);
}
