import {Box, Text} from 'ink';
import {fieldApplies, insecureHttpProblem} from '../../backends/validation.js';
import {fieldFault, suggestValue} from '../field-faults.js';
import type {Answers, Backend} from '../../backends/types.js';
import {maskSecret} from '../../mask.js';
import {t} from '../../i18n/index.js';
import {SelectQuestion} from '../components/select-question.js';
import {TextQuestion} from '../components/text-question.js';
import type {Group, Question} from '../state.js';

type FieldQuestion = Extract<Question, {kind: 'field'}>;

/** One field of any backend's schema: a list for choices, a text input (masked for secrets) otherwise. */
export function FieldStep({
	question,
	backend,
	answers,
	connection,
	defaultValue,
	kept,
	draft,
	allowInsecureHttp,
	onAnswer,
	onKeep,
	onAcceptInsecure,
	onLeave,
	extraCheck,
}: {
	question: FieldQuestion;
	backend: Backend;
	/** Answers of this question's group so far. */
	answers: Answers;
	connection: Answers;
	/** Offered when the field has no answer yet (last value used with the profile, or the field's default). */
	defaultValue?: string;
	/** A stored secret that Enter keeps while a profile is edited. */
	kept?: string;
	/** What was typed here and left with Esc: shown again exactly. */
	draft?: string;
	allowInsecureHttp: boolean;
	onAnswer: (group: Group, key: string, value: string) => void;
	onKeep: (key: string, value: string) => void;
	onAcceptInsecure: (endpoint: string) => void;
	onLeave?: (value: string) => void;
	/** A further check after the field's rule (e.g. a name the account already has). */
	extraCheck?: (value: string) => string | undefined;
}) {
	const {spec, group} = question;
	const normalize = (value: string) => (spec.normalize ? spec.normalize(value) : value);
	if (spec.kind === 'choice' && spec.choices) {
		return (
			<SelectQuestion
				key={question.id}
				prompt={spec.label}
				options={[
					...spec.choices.map(choice => ({value: choice.value, label: choice.label, hint: choice.hint})),
					// An optional choice may be left out, as the command line leaves it out: the server decides.
					...(spec.optional ? [{value: '', label: t('ui.field.serverDefault'), hint: t('ui.field.serverDecides')}] : []),
				]}
				initialValue={answers[spec.key] ?? defaultValue}
				onSelect={value => onAnswer(group, spec.key, value)}
			/>
		);
	}
	const initialValue = draft ?? (spec.kind === 'secret' ? (kept ? '' : answers[spec.key] ?? '') : answers[spec.key] ?? defaultValue ?? '');
	// Only a connection field decides where credentials go.
	const endpointWith = (value: string) => backend.endpoint({...connection, [spec.key]: normalize(value)});
	return (
		<Box flexDirection="column">
			{group === 'credentials' && backend.credentialNote && spec === backend.credentialFields.find(field => fieldApplies(field, answers)) ? (
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
				placeholder={kept ? t('ui.field.keeps', {masked: maskSecret(kept)}) : undefined}
				rule={spec.optional ? t('ui.field.skip', {rule: spec.rule}) : spec.rule}
				help={spec.help}
				validate={value => (kept && value === '' ? undefined : fieldFault(spec, value) ?? extraCheck?.(normalize(value)))}
				suggest={value => (kept && value === '' ? undefined : suggestValue(spec, value))}
				onLeave={onLeave}
				warn={group === 'connection' && !allowInsecureHttp ? value => insecureHttpProblem(endpointWith(value)) : undefined}
				onSubmit={(value, {acceptedWarning}) => {
					if (kept && value === '') {
						onKeep(spec.key, kept);
						return;
					}
					if (acceptedWarning) onAcceptInsecure(endpointWith(value));
					onAnswer(group, spec.key, normalize(value));
				}}
			/>
		</Box>
	);
}
