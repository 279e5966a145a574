import {Box, Text} from 'ink';
import type {FieldSpec} from '../../backends/types.js';
import {displayWidth} from '../../text-width.js';
import {shownAnswer} from '../review-lines.js';

export {shownAnswer};

export type AnsweredField = {label: string; value: string};

/** What this step has answered so far, above the current question (as huh shows a group). */
export function AnsweredFields({fields}: {fields: AnsweredField[]}) {
	if (fields.length === 0) return null;
	const labelWidth = Math.min(20, Math.max(...fields.map(field => displayWidth(field.label))) + 2);
	return (
		<Box flexDirection="column" marginTop={1}>
			{fields.map(field => (
				<Box key={field.label}>
					<Box width={labelWidth} flexShrink={0}>
						<Text dimColor wrap="truncate-end">
							{field.label}
						</Text>
					</Box>
					<Box flexShrink={1}>
						<Text wrap="wrap">
							<Text color="green">✓ </Text>
							{field.value}
						</Text>
					</Box>
				</Box>
			))}
		</Box>
	);
}
