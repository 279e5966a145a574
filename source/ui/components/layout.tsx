import {Box, Text, useStdout} from 'ink';
import {safeText} from '../../text-safety.js';
import type {ReactNode} from 'react';

/** Width of the live area: the terminal's, capped so lines stay readable. */
export function useWidth(): number {
	const {stdout} = useStdout();
	return Math.max(30, Math.min((stdout.columns || 80) - 1, 100));
}

export function Header({title, step, total, banner}: {title: string; step: number; total: number; banner?: string}) {
	const width = useWidth();
	const counter = `Step ${step} of ${total}`;
	return (
		<Box flexDirection="column" width={width}>
			<Box justifyContent="space-between">
				<Box flexShrink={1}>
					<Text bold wrap="truncate-end">
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
	const width = useWidth();
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={color} width={width} paddingX={1}>
			{title ? (
				<Text bold color={color} wrap="wrap">
					{safeText(title)}
				</Text>
			) : null}
			{children}
		</Box>
	);
}

/** "Label   value" with the label column fixed and the value wrapping beside it; the value may be foreign text. */
export function Row({label, value, labelWidth = 14, color}: {label: string; value: string; labelWidth?: number; color?: string}) {
	return (
		<Box>
			<Box width={labelWidth} flexShrink={0}>
				<Text dimColor>{label}</Text>
			</Box>
			<Box flexShrink={1}>
				<Text color={color} wrap="wrap">
					{safeText(value)}
				</Text>
			</Box>
		</Box>
	);
}
