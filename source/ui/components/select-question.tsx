import {Box, Text, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import {useRef, useState} from 'react';

export type SelectOption = {value: string; label: string; hint?: string};

const VISIBLE = 8;

function Item({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	// The label carries "name\thint": the hint is shown dimmed beside the name.
	const [name, hint] = label.split('\t');
	return (
		<Box>
			<Text color={isSelected ? 'cyan' : undefined} wrap="truncate-end">
				{name}
				{hint ? <Text dimColor>{`  ${hint}`}</Text> : null}
			</Text>
		</Box>
	);
}

/**
 * A list question; Enter picks, arrows move. ink-select-input draws the list, but its own key
 * handling reads the index from its last render, so a quick Down-then-Enter could pick the item
 * above the one shown. Keys are handled here against a ref instead, and the list is redrawn at
 * the new index.
 */
export function SelectQuestion({
	prompt,
	options,
	initialValue,
	onSelect,
	onHighlight,
}: {
	prompt: string;
	options: SelectOption[];
	initialValue?: string;
	onSelect: (value: string) => void;
	onHighlight?: (value: string) => void;
}) {
	const start = Math.max(0, options.findIndex(option => option.value === initialValue));
	const [index, setIndex] = useState(start);
	const current = useRef(start);
	const callbacks = useRef({onSelect, onHighlight, options});
	callbacks.current = {onSelect, onHighlight, options};

	useInput((input, key) => {
		const {options: list} = callbacks.current;
		if (list.length === 0) return;
		const step = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : 0;
		if (step !== 0) {
			current.current = (current.current + step + list.length) % list.length;
			setIndex(current.current);
			callbacks.current.onHighlight?.(list[current.current]!.value);
		} else if (key.return) {
			callbacks.current.onSelect(list[current.current]!.value);
		}
	});

	const width = Math.max(...options.map(option => option.label.length)) + 2;
	const first = Math.min(Math.max(0, index - VISIBLE + 1), Math.max(0, options.length - VISIBLE));
	const items = options.slice(first, first + VISIBLE).map(option => ({
		key: option.value,
		value: option.value,
		label: option.hint ? `${option.label.padEnd(width)}\t${option.hint}` : option.label,
	}));
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>{prompt}</Text>
			<Box marginTop={1} flexDirection="column">
				{first > 0 ? <Text dimColor>  ↑ {first} more</Text> : null}
				<SelectInput key={`${first}:${index}`} items={items} initialIndex={index - first} isFocused={false} itemComponent={Item} />
				{first + VISIBLE < options.length ? <Text dimColor>  ↓ {options.length - first - VISIBLE} more</Text> : null}
			</Box>
		</Box>
	);
}
