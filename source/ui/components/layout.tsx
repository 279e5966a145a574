import {displayWidth} from '../../text-width.js';
import {Box, Text} from 'ink';
import {t} from '../../i18n/index.js';
import {safeText} from '../../text-safety.js';
import type {ReactNode} from 'react';

/** The widest the live area gets, so lines stay readable on a wide terminal. */
export const MAX_WIDTH = 100;

/**
 * The live area: as wide as the terminal less its last column (a line that reaches it wraps and breaks
 * Ink's redraw), at most MAX_WIDTH. The width is left to the layout (a fixed width that shrinks), not
 * computed in React, so that on SIGWINCH Ink's own reflow of the tree is already right.
 */
export function LiveArea({children}: {children: ReactNode}) {
	return (
		<Box width="100%" paddingRight={1}>
			<Box flexDirection="column" width={MAX_WIDTH} flexShrink={1} minWidth={29}>
				{children}
			</Box>
		</Box>
	);
}

/** Text that wraps word by word, so that a line never starts with the space it broke at (as Ink's own wrap does); "\n" starts a new line. */
export function Words({text, color, dimColor}: {text: string; color?: string; dimColor?: boolean}) {
	return (
		<Box flexDirection="column" flexShrink={1}>
			{text.split('\n').map((paragraph, row) => (
				// eslint-disable-next-line react/no-array-index-key
				<Box key={row} flexWrap="wrap">
					{paragraph.split(/ +/).map((word, index, words) => (
						// eslint-disable-next-line react/no-array-index-key
						<Text key={index} color={color} dimColor={dimColor} wrap="wrap">
							{index < words.length - 1 ? `${word} ` : word}
						</Text>
					))}
				</Box>
			))}
		</Box>
	);
}

/** "✗ message": a mark, then the message wrapping in a column of its own, aligned under its first line. */
export function Message({mark, color, text}: {mark: string; color?: string; text: string}) {
	return (
		<Box>
			<Box width={2} flexShrink={0}>
				<Text color={color}>{mark}</Text>
			</Box>
			<Words text={text} color={color} />
		</Box>
	);
}

export function Header({title, step, total, banner}: {title: string; step: number; total: number; banner?: string}) {
	const counter = t('ui.header.step', {step, total});
	return (
		<Box flexDirection="column" width="100%">
			<Box justifyContent="space-between">
				<Box flexShrink={1}>
					<Text bold wrap="wrap">
						{safeText(title)}
					</Text>
				</Box>
				<Box flexShrink={0} marginLeft={2}>
					<Text dimColor>{counter}</Text>
				</Box>
			</Box>
			{banner ? (
				<Text color="yellow" bold wrap="truncate-end">
					{banner}
				</Text>
			) : null}
		</Box>
	);
}

export function Footer({hints}: {hints: string[]}) {
	return (
		<Box marginTop={1}>
			<Text dimColor wrap="wrap">
				{hints.join(' · ')}
			</Text>
		</Box>
	);
}

/** A bordered panel; long values wrap inside it so the border never breaks. */
export function Panel({title, color, children}: {title?: string; color?: string; children: ReactNode}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={color} width="100%" paddingX={1}>
			{title ? (
				<Text bold color={color} wrap="wrap">
					{safeText(title)}
				</Text>
			) : null}
			{children}
		</Box>
	);
}

/** The label column for rows shown together: the widest label and a space, at least 14 columns, at most 20. */
export function labelColumn(rows: ReadonlyArray<{label: string}>): number {
	return Math.min(20, Math.max(14, ...rows.map(row => displayWidth(row.label) + 1)));
}

/** "Label   value" with the label column fixed and the value wrapping beside it; the value may be foreign text. */
export function Row({label, value, labelWidth = 14, color}: {label: string; value: string; labelWidth?: number; color?: string}) {
	return (
		<Box>
			<Box width={labelWidth} flexShrink={0}>
				<Text dimColor>{label}</Text>
			</Box>
			<Box flexShrink={1}>
				<Words color={color} text={safeText(value)} />
			</Box>
		</Box>
	);
}
