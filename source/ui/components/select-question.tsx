import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {useRef, useState} from 'react';
import {useKeys} from '../input/key-router.js';
import {commandFor, type Command} from '../keymap.js';
import {t} from '../../i18n/index.js';
import {displayWidth, padToWidth} from '../../text-width.js';

export type SelectOption = {value: string; label: string; hint?: string};

const VISIBLE = 8;

function Item({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	// The label carries "name\thint": the hint is shown dimmed beside the name, wrapping in its own
	// column on a narrow terminal rather than being cut.
	const [name, hint] = label.split('\t');
	return (
		<Box>
			<Box flexShrink={0}>
				<Text color={isSelected ? 'cyan' : undefined}>{name}</Text>
			</Box>
			{hint ? (
				<Box flexShrink={1} marginLeft={2}>
					<Text dimColor wrap="wrap">
						{hint}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}

/**
 * A list question; Enter picks, arrows move. ink-select-input draws the list, but its own key
 * handling reads the index from its last render, so a quick Down-then-Enter could pick the item
 * above the one shown. Keys are handled here against a ref instead, and the list is redrawn at
 * the new index. Keys come from the wizard's one input layer, so several arrows in one read all move.
 */
export function SelectQuestion({
	prompt,
	options,
	initialValue,
	onSelect,
	onHighlight,
	onCommand,
}: {
	prompt: string;
	options: SelectOption[];
	initialValue?: string;
	/** 'handover' when choosing puts another view of this screen in the list's place (its keys then go there). */
	onSelect: (value: string) => void | 'handover';
	onHighlight?: (value: string) => void;
	/** Another command of the list's keys (e.g. `e` edits a profile) for the highlighted value; true when used. */
	onCommand?: (command: Command, value: string) => boolean;
}) {
	const start = Math.max(0, options.findIndex(option => option.value === initialValue));
	const [index, setIndex] = useState(start);
	const current = useRef(start);
	const callbacks = useRef({onSelect, onHighlight, onCommand, options});
	callbacks.current = {onSelect, onHighlight, onCommand, options};

	useKeys(press => {
		const {options: list} = callbacks.current;
		const command = commandFor('list', press);
		if (list.length === 0 || command === undefined) return command !== 'back' && command !== 'quit';
		const step = command === 'up' ? -1 : command === 'down' ? 1 : 0;
		if (step !== 0) {
			current.current = (current.current + step + list.length) % list.length;
			setIndex(current.current);
			callbacks.current.onHighlight?.(list[current.current]!.value);
			return true;
		}
		if (command === 'select') {
			return callbacks.current.onSelect(list[current.current]!.value) === 'handover' ? 'handover' : true;
		}
		if (command === 'back' || command === 'quit') return false;
		return callbacks.current.onCommand?.(command, list[current.current]!.value) ?? true;
	});

	const width = Math.max(...options.map(option => displayWidth(option.label))) + 2;
	const first = Math.min(Math.max(0, index - VISIBLE + 1), Math.max(0, options.length - VISIBLE));
	const items = options.slice(first, first + VISIBLE).map(option => ({
		key: option.value,
		value: option.value,
		label: option.hint ? `${padToWidth(option.label, width - 2)}\t${option.hint}` : option.label,
	}));
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>{prompt}</Text>
			<Box marginTop={1} flexDirection="column">
				{first > 0 ? <Text dimColor>{`  ${t('ui.list.moreAbove', {count: first})}`}</Text> : null}
				<SelectInput key={`${first}:${index}`} items={items} initialIndex={index - first} isFocused={false} itemComponent={Item} />
				{first + VISIBLE < options.length ? <Text dimColor>{`  ${t('ui.list.moreBelow', {count: options.length - first - VISIBLE})}`}</Text> : null}
			</Box>
		</Box>
	);
}
