import {Box, Text} from 'ink';
import {useEffect, useState, type ComponentProps} from 'react';
import {checkField} from '../../backends/validation.js';
import {t} from '../../i18n/index.js';
import type {Answers, LoadedChoice, LookupAccess, LookupService} from '../../backends/types.js';
import {SelectQuestion} from '../components/select-question.js';
import {TextQuestion} from '../components/text-question.js';
import {FieldStep} from './field-step.js';

const NEW = '\u0000new';

type Props = ComponentProps<typeof FieldStep> & {
	lookup: LookupService;
	access: LookupAccess;
	/** Answers this field and, with it, the answers its choice implies (e.g. createBucket). */
	onAnswerWith: (value: string, also: Answers) => void;
};

type View =
	| {kind: 'loading'}
	| {kind: 'failed'; message: string}
	| {kind: 'list'; choices: LoadedChoice[]; notice?: string}
	| {kind: 'new'; choices: LoadedChoice[]; problem?: string; checking?: string};

/**
 * A field whose values come from the service (FieldSpec.choicesFrom / knownFrom), through the wizard's
 * lookup service: a list with "New…", or a text field that refuses values that already exist. When
 * the service cannot be asked, one line says why and the value is typed.
 */
export function LookupFieldStep(props: Props) {
	const {question, lookup, access, onAnswerWith} = props;
	const {spec} = question;
	const from = spec.choicesFrom;
	const [view, setView] = useState<View>(from ? {kind: 'loading'} : {kind: 'failed', message: ''});
	const [known, setKnown] = useState<ReadonlySet<string>>(new Set());

	useEffect(() => {
		const controller = new AbortController();
		if (from) {
			lookup.choices(from.source, access, controller.signal).then(
				loaded => {
					if (controller.signal.aborted) return;
					setView(loaded.ok ? {kind: 'list', choices: loaded.choices} : {kind: 'failed', message: loaded.message});
				},
				(error: unknown) => setView({kind: 'failed', message: (error as Error)?.message ?? String(error)}),
			);
		}
		if (spec.knownFrom) {
			lookup.known(spec.knownFrom.source, access, controller.signal).then(
				found => {
					if (!controller.signal.aborted && found.ok) setKnown(new Set(found.values));
				},
				() => undefined,
			);
		}
		return () => controller.abort();
	}, [question.id]);

	const extraCheck = spec.knownFrom ? (value: string) => (known.has(value) ? spec.knownFrom!.message(value) : undefined) : undefined;
	const typed = (note?: string) => (
		<Box flexDirection="column">
			{note ? (
				<Box marginTop={1}>
					<Text color="yellow" wrap="wrap">
						⚠ {note}
					</Text>
				</Box>
			) : null}
			<FieldStep
				{...props}
				question={spec.knownFrom ? {...question, spec: {...spec, help: [spec.help, spec.knownFrom.note].filter(Boolean).join('\n')}} : question}
				extraCheck={extraCheck}
			/>
		</Box>
	);

	if (!from) return typed();
	if (view.kind === 'loading') {
		return (
			<Box marginTop={1}>
				<Text dimColor>{from.loading}</Text>
			</Box>
		);
	}
	if (view.kind === 'failed') return typed(t('ui.field.typeInstead', {message: view.message, label: spec.label}));
	if (view.kind === 'new') {
		const taken = new Set(view.choices.map(choice => choice.value));
		return (
			<Box flexDirection="column">
				<TextQuestion
					key={`${question.id}:new`}
					label={from.newPrompt}
					initialValue=""
					rule={view.checking ?? view.problem ?? spec.rule}
					help={from.newHint}
					validate={value =>
						checkField(spec, value) ?? (taken.has(value.trim()) ? t('ui.field.alreadyYours', {name: value.trim()}) : undefined)
					}
					onSubmit={value => {
						const name = spec.normalize ? spec.normalize(value) : value;
						setView({...view, checking: t('ui.field.checkingFree', {name}), problem: undefined});
						lookup.checkNew(from.source, name, access, new AbortController().signal).then(
							problem => {
								if (problem) setView({...view, checking: undefined, problem: `✗ ${problem}`});
								else onAnswerWith(name, {[from.newFlagKey]: 'true'});
							},
							(error: unknown) => setView({...view, checking: undefined, problem: `✗ ${(error as Error)?.message ?? String(error)}`}),
						);
					}}
				/>
			</Box>
		);
	}
	const options = [
		...view.choices.map(choice => ({value: choice.value, label: choice.label, hint: choice.unavailable ? t('ui.field.notSelectable', {hint: choice.hint ?? ''}) : choice.hint})),
		{value: NEW, label: from.newLabel, hint: from.newHint},
	];
	const current = props.answers[spec.key];
	return (
		<Box flexDirection="column">
			<SelectQuestion
				key={question.id}
				prompt={spec.label}
				options={options}
				// The last answer, else the first that can be chosen (one backing a registry cannot).
				initialValue={current && view.choices.some(choice => choice.value === current) ? current : (view.choices.find(choice => !choice.unavailable)?.value ?? NEW)}
				onHighlight={() => setView({...view, notice: undefined})}
				onSelect={value => {
					if (value === NEW) {
						setView({kind: 'new', choices: view.choices});
						// The keys typed after Enter are the new bucket's name.
						return 'handover';
					}
					const choice = view.choices.find(item => item.value === value);
					if (choice?.unavailable) {
						setView({...view, notice: choice.unavailable});
						return;
					}
					onAnswerWith(value, {[from.newFlagKey]: ''});
				}}
			/>
			{view.notice ? (
				<Text color="red" wrap="wrap">
					✗ {view.notice}
				</Text>
			) : null}
		</Box>
	);
}
