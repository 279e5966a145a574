import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';

export type SelectOption = {value: string; label: string; hint?: string};

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

/** A list question; Enter picks, arrows move. Props in, choice out. */
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
	const width = Math.max(...options.map(option => option.label.length)) + 2;
	const items = options.map(option => ({
		key: option.value,
		value: option.value,
		label: option.hint ? `${option.label.padEnd(width)}\t${option.hint}` : option.label,
	}));
	const initialIndex = Math.max(0, options.findIndex(option => option.value === initialValue));
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>{prompt}</Text>
			<Box marginTop={1}>
				<SelectInput
					items={items}
					initialIndex={initialIndex}
					limit={8}
					itemComponent={Item}
					onSelect={item => onSelect(item.value)}
					onHighlight={item => onHighlight?.(item.value)}
				/>
			</Box>
		</Box>
	);
}
