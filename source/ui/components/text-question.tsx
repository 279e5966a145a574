import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {useRef, useState} from 'react';

/** What a keystroke or paste may add to a one-line value: no line breaks, paste markers or control codes. */
export function sanitizeTyped(value: string): string {
	return value
		.replace(/\u001B?\[20[01]~/g, '')
		.replace(/[\r\n]+/g, '')
		.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
}

/**
 * ink-text-input computes each change from the value of its last render, so several inputs in one
 * tick (a paste split around its markers) would overwrite each other. Re-apply each edit to the latest value.
 */
export function applyEdit(rendered: string, next: string, latest: string): string {
	if (latest === rendered) return next;
	let prefix = 0;
	while (prefix < rendered.length && prefix < next.length && rendered[prefix] === next[prefix]) prefix++;
	let suffix = 0;
	while (
		suffix < rendered.length - prefix &&
		suffix < next.length - prefix &&
		rendered[rendered.length - 1 - suffix] === next[next.length - 1 - suffix]
	) {
		suffix++;
	}
	const removed = rendered.length - prefix - suffix;
	const inserted = next.slice(prefix, next.length - suffix);
	const cut = latest.length - suffix;
	return latest.slice(0, Math.max(0, cut - removed)) + inserted + latest.slice(cut);
}

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
	/** A risk the person may accept by pressing Enter a second time (plain http). */
	warn?: (value: string) => string | undefined;
	onSubmit: (value: string, options: {acceptedWarning: boolean}) => void;
};

export function TextQuestion({label, initialValue, secret, placeholder, rule, help, validate, warn, onSubmit}: TextQuestionProps) {
	const [value, setValue] = useState(initialValue);
	const latest = useRef(initialValue);
	// Bumped after a multi-part input so the inner input remounts with its cursor at the end.
	const [generation, setGeneration] = useState(0);
	const [submitted, setSubmitted] = useState(false);
	const [warnedFor, setWarnedFor] = useState<string | undefined>(undefined);
	const warning = problemFree(value) ? warn?.(value) : undefined;
	function problemFree(candidate: string) {
		return validate(candidate) === undefined;
	}
	// Validate while typing, but an empty field only complains once Enter was pressed.
	const problem = value === '' && !submitted ? undefined : validate(value);
	return (
		<Box flexDirection="column" marginTop={1}>
			<Box>
				<Box flexShrink={0} marginRight={1}>
					<Text bold>{label}</Text>
				</Box>
				<Text color="cyan">❯ </Text>
				<Box flexShrink={1}>
					<TextInput
						key={generation}
						value={value}
						mask={secret ? '●' : undefined}
						placeholder={placeholder}
						onChange={next => {
							const merged = latest.current === value ? next : applyEdit(value, next, latest.current);
							const clean = sanitizeTyped(merged);
							if (latest.current !== value || clean !== merged) setGeneration(count => count + 1);
							latest.current = clean;
							setValue(clean);
							setSubmitted(false);
						}}
						onSubmit={() => {
							// The latest value, not this render's: Enter may arrive in the same tick as the last keys.
							const typed = latest.current;
							setSubmitted(true);
							if (validate(typed) !== undefined) return;
							const risk = warn?.(typed);
							if (risk && warnedFor !== typed) {
								setWarnedFor(typed);
								return;
							}
							onSubmit(typed, {acceptedWarning: risk !== undefined});
						}}
					/>
				</Box>
			</Box>
			<Box flexDirection="column" marginLeft={2}>
				{problem ? (
					<Text color="red" wrap="wrap">
						✗ {problem}
					</Text>
				) : warning ? (
					<Text color="yellow" wrap="wrap">
						⚠ {warning}
						{warnedFor === value ? '. Press Enter again to accept the risk.' : '. Use https://, or press Enter twice to accept the risk.'}
					</Text>
				) : (
					<Text dimColor wrap="wrap">
						{rule}
					</Text>
				)}
				{help ? (
					<Text dimColor wrap="wrap">
						{help}
					</Text>
				) : null}
			</Box>
		</Box>
	);
}
