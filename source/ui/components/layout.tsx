import {Box, Text, useStdout} from 'ink';
import {useEffect, useState, type ReactNode} from 'react';

/** The terminal's size, redrawn on every SIGWINCH (Ink reflows its layout but not our widths). */
export function useTerminalSize(): {columns: number; rows: number} {
	const {stdout} = useStdout();
	const read = () => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}

/** Width of the live area: the terminal's, capped so lines stay readable. */
export function useWidth(): number {
	const {columns} = useTerminalSize();
	return Math.max(30, Math.min(columns - 1, 100));
}

/** "✗ message": a mark, then the message wrapping in a column of its own, aligned under its first line. */
export function Message({mark, color, text}: {mark: string; color?: string; text: string}) {
	return (
		<Box>
			<Box width={2} flexShrink={0}>
				<Text color={color}>{mark}</Text>
			</Box>
			<Box flexShrink={1}>
				<Text color={color} wrap="wrap">
					{text}
				</Text>
			</Box>
		</Box>
	);
}

export function Header({title, step, total, banner}: {title: string; step: number; total: number; banner?: string}) {
	const width = useWidth();
	const counter = `Step ${step} of ${total}`;
	return (
		<Box flexDirection="column" width={width}>
			<Box justifyContent="space-between">
				<Box flexShrink={1}>
					<Text bold wrap="truncate-end">
						{title}
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
					{title}
				</Text>
			) : null}
			{children}
		</Box>
	);
}

/** "Label   value" with the label column fixed and the value wrapping beside it. */
export function Row({label, value, labelWidth = 14, color}: {label: string; value: string; labelWidth?: number; color?: string}) {
	return (
		<Box>
			<Box width={labelWidth} flexShrink={0}>
				<Text dimColor>{label}</Text>
			</Box>
			<Box flexShrink={1}>
				<Text color={color} wrap="wrap">
					{value}
				</Text>
			</Box>
		</Box>
	);
}
