import {Box, Text} from 'ink';
import {useRef, useState} from 'react';
import {useKeys} from '../input/key-router.js';
import {editLine, insertText, lineAt, type Line} from '../input/line-editor.js';
import {commandFor} from '../keymap.js';
import {t} from '../../i18n/index.js';
import {Message, Words} from './layout.js';

export {sanitizeTyped} from '../input/line-editor.js';

// The cursor is drawn as reverse video, an attribute NO_COLOR allows (colour off must not hide it).
const INVERSE = '\u001B[7m';
const INVERSE_OFF = '\u001B[27m';

export type TextQuestionProps = {
	label: string;
	initialValue: string;
	secret?: boolean;
	/** Shown when the value is empty, e.g. a kept secret "****WXYZ (Enter keeps it)". */
	placeholder?: string;
	rule: string;
	help?: string;
	/** Returns the message for an invalid value, or undefined. Called as the person types. */
	validate: (value: string) => string | undefined;
	/** A corrected value for an invalid one, offered with Tab. */
	suggest?: (value: string) => string | undefined;
	/** A risk the person may accept by pressing Enter a second time (plain http). */
	warn?: (value: string) => string | undefined;
	onSubmit: (value: string, options: {acceptedWarning: boolean}) => void;
	/** Called with the value as typed when the person leaves with Esc, so nothing typed is lost. */
	onLeave?: (value: string) => void;
};

/** The value with the cursor cell in reverse video; secrets as one bullet per character. */
function drawLine(line: Line, secret: boolean, placeholder: string | undefined): string {
	const characters = Array.from(line.value).map(character => (secret ? '●' : character));
	if (characters.length === 0 && placeholder) {
		// The cursor sits on the placeholder's first character, as it will on the first one typed.
		const [first = ' ', ...rest] = Array.from(placeholder);
		return `${INVERSE}${first}${INVERSE_OFF}${rest.join('')}`;
	}
	const before = characters.slice(0, line.cursor).join('');
	const at = characters[line.cursor] ?? ' ';
	const after = characters.slice(line.cursor + 1).join('');
	return `${before}${INVERSE}${at}${INVERSE_OFF}${after}`;
}

/**
 * A one-line text or secret field of our own, edited as readline edits: ←/→, Home/End, Ctrl-A/E,
 * Delete, Backspace, Ctrl-U/K/W, Alt-Backspace, Alt-←/→ and Ctrl-←/→, paste. ink-text-input could not
 * be wrapped to do this: it keeps the cursor to itself (no Home, End or word moves can reach it),
 * reads the value from its last render (keys arriving together overwrite each other) and types
 * Ctrl-A, Ctrl-U and Ctrl-W as letters. Here the value lives in a ref that every key edits in turn.
 */
export function TextQuestion({label, initialValue, secret = false, placeholder, rule, help, validate, suggest, warn, onSubmit, onLeave}: TextQuestionProps) {
	const model = useRef({line: lineAt(initialValue), submitted: false, warnedFor: undefined as string | undefined});
	const [, redraw] = useState(0);
	const update = (change: Partial<typeof model.current>) => {
		model.current = {...model.current, ...change};
		redraw(count => count + 1);
	};
	const callbacks = {validate, suggest, warn, onSubmit, onLeave};

	useKeys(press => {
		const {line, warnedFor} = model.current;
		if (press.name === 'paste' || (press.name === 'char' && !press.ctrl && !press.meta)) {
			update({line: insertText(line, press.text), submitted: false});
			return true;
		}
		const command = commandFor('text', press);
		if (command === 'submit') {
			const typed = line.value;
			update({submitted: true});
			if (callbacks.validate(typed) !== undefined) return true;
			const risk = callbacks.warn?.(typed);
			if (risk && warnedFor !== typed) {
				update({warnedFor: typed});
				return true;
			}
			callbacks.onSubmit(typed, {acceptedWarning: risk !== undefined});
			return true;
		}
		if (command === 'acceptSuggestion') {
			const offered = callbacks.validate(line.value) === undefined ? undefined : callbacks.suggest?.(line.value);
			if (offered !== undefined) update({line: lineAt(offered), submitted: false});
			return true;
		}
		if (command === 'back' || command === 'quit') {
			if (command === 'back') callbacks.onLeave?.(line.value);
			return false;
		}
		if (command) {
			update({line: editLine(line, command)});
			return true;
		}
		// An unknown key types nothing (Ctrl-letters never become letters).
		return true;
	});

	const {line, submitted, warnedFor} = model.current;
	const value = line.value;
	// Validate while typing, but an empty field only complains once Enter was pressed.
	const problem = value === '' && !submitted ? undefined : validate(value);
	const warning = problem === undefined ? warn?.(value) : undefined;
	const offered = problem === undefined ? undefined : suggest?.(value);
	return (
		<Box flexDirection="column" marginTop={1}>
			<Box>
				<Box flexShrink={0} marginRight={1}>
					<Text bold>{label}</Text>
				</Box>
				<Text color="cyan">❯ </Text>
				<Box flexShrink={1}>
					<Text wrap="wrap" dimColor={value === '' && placeholder !== undefined}>
						{drawLine(line, secret, placeholder)}
					</Text>
				</Box>
			</Box>
			<Box flexDirection="column" marginLeft={2}>
				{problem ? (
					<Message mark="✗" color="red" text={offered === undefined ? problem : t('ui.field.try', {problem, offered})} />
				) : warning ? (
					<Message
						mark="⚠"
						color="yellow"
						text={warnedFor === value ? t('ui.field.warnAgain', {warning}) : t('ui.field.warn', {warning})}
					/>
				) : (
					<Words dimColor text={rule} />
				)}
				{help ? <Words dimColor text={help} /> : null}
			</Box>
		</Box>
	);
}
