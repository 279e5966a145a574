import {Box, Text, useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {CreateResult} from '../../core/types.js';
import {t} from '../../i18n/index.js';
import {resultHeadline, resultLines, safeText} from '../../present.js';
import {displayWidth} from '../../text-width.js';
import {resultAdvice, reviewParts, type ReviewFacts} from '../review-lines.js';
import type {CreateLoginFacts, LoginState} from '../../login/facts.js';
import {describeLogin, pushCommands} from '../../login/push-lines.js';
import {labelColumn, Panel, Row, Words} from './layout.js';

/** Everything that will be sent, secrets masked. */
export function ReviewPanel({facts}: {facts: ReviewFacts}) {
	const {answers, requestLine, request} = reviewParts(facts);
	return (
		<Box flexDirection="column" marginTop={facts.compact ? 0 : 1}>
			<Panel>
				{answers.map(row => (
					<Row key={row.label} label={row.label} value={row.value} labelWidth={labelColumn([...answers, ...request])} />
				))}
				<Box marginTop={facts.compact ? 0 : 1}>
					<Text bold wrap="wrap">{requestLine}</Text>
				</Box>
				{request.map((row, index) => (
					<Row key={`${index}:${row.label}:${row.value}`} label={row.label} value={row.value} labelWidth={labelColumn([...answers, ...request])} />
				))}
			</Panel>
			{facts.warning ? (
				<Text color="red" wrap="wrap">
					⚠ {safeText(facts.warning)}
				</Text>
			) : null}
		</Box>
	);
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A spinner with what is happening and for how long, so a slow server is visibly slow. */
export function SendingStep({what, startedAt}: {what: string; startedAt: number}) {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), 100);
		return () => clearInterval(timer);
	}, []);
	const elapsed = Math.max(0, now - startedAt);
	return (
		<Box marginTop={1}>
			<Text color="cyan">{FRAMES[Math.floor(elapsed / 100) % FRAMES.length]} </Text>
			<Text wrap="wrap">
				{what}
				<Text dimColor>{`  ${Math.floor(elapsed / 1000)} s`}</Text>
			</Text>
		</Box>
	);
}

export function ResultPanel({result, noun, loginBelow = false}: {result: CreateResult; noun: string; loginBelow?: boolean}) {
	const {tone, title} = resultHeadline(result, noun);
	const color = tone === 'success' ? 'green' : 'red';
	const lines = resultLines(result);
	const {advice, commands} = resultAdvice(result, loginBelow);
	return (
		<Box marginTop={1} flexDirection="column">
			<Panel title={`${tone === 'success' ? '✓' : '✗'} ${title}`} color={color}>
				{lines.map(line => (
					<Row key={line.label} label={line.label} value={line.value} />
				))}
				{advice.length > 0 ? (
					<Box flexDirection="column" marginTop={1}>
						<Text bold>{result.ok ? t('ui.result.next') : t('ui.result.whatToDo')}</Text>
						{advice.map(item => (
							<Box key={item} marginLeft={2}>
								<Text wrap="wrap">{safeText(item)}</Text>
							</Box>
						))}
					</Box>
				) : null}
			</Panel>
			{commands.length > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold>{advice.length > 0 || !result.ok ? t('ui.result.commands') : t('ui.result.next')}</Text>
					{commands.map(({command, note}) => (
						<Box key={command} flexDirection="column">
							<Commands lines={[command]} />
							{note ? <Text dimColor wrap="wrap">{`  ${safeText(note)}`}</Text> : null}
						</Box>
					))}
				</Box>
			) : null}
		</Box>
	);
}

/** Commands to copy: each on its own line, at the left edge, outside any border. */
/**
 * A shell command cut to the width as the shell reads it: at spaces, each line but the last ending
 * in " \\" and the next indented, so that a mouse selection of the lines still runs as one command.
 * Only a single word longer than the width is broken by the layout.
 */
export function continuedLines(command: string, width: number): string[] {
	if (displayWidth(command) <= width || command.startsWith('#')) return [command];
	const lines: string[] = [];
	let line = '';
	for (const word of command.split(' ')) {
		const indent = lines.length === 0 ? '' : '  ';
		if (line !== '' && displayWidth(indent + line + ' ' + word + ' \\') > width) {
			lines.push(`${indent}${line} \\`);
			line = word;
		} else line = line === '' ? word : `${line} ${word}`;
	}
	lines.push(`${lines.length === 0 ? '' : '  '}${line}`);
	return lines;
}

/** Commands to copy: at the left edge, never wrapped by the layout, each cut as the shell reads it. */
function Commands({lines}: {lines: string[]}) {
	const {stdout} = useStdout();
	// Nothing may reach the last column: a line that wraps there breaks Ink's redraw.
	const width = Math.max(20, (stdout.columns || 80) - 1);
	return (
		<Box flexDirection="column">
			{lines.flatMap((line, index) =>
				continuedLines(safeText(line), width).map((part, partIndex) => (
					<Text key={`${index}:${partIndex}`} wrap="wrap">
						{part}
					</Text>
				)),
			)}
		</Box>
	);
}

/** "Log in with docker now" under a success: the offer, the tool at work, or its own answer; then how to push. */
export function LoginPanel({facts, login, offered}: {facts: CreateLoginFacts; login?: LoginState; offered: boolean}) {
	if (login?.status === 'running') {
		return <SendingStep what={t('ui.login.running', {host: facts.login.host})} startedAt={login.startedAt} />;
	}
	if (login?.status !== 'done') {
		return (
			<Box flexDirection="column" marginTop={1}>
				<Text wrap="wrap">
					{offered ? t('ui.login.offer', {host: facts.login.host}) : ''}
					<Text dimColor>{t('ui.login.thenPush')}</Text>
				</Text>
				<Commands lines={pushCommands(facts.login)} />
			</Box>
		);
	}
	const shown = describeLogin(facts, login.report);
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text color={shown.ok ? 'green' : 'red'} wrap="wrap">{`${shown.ok ? '✓' : '✗'} ${shown.headline}`}</Text>
			{shown.said.map((line, index) => (
				<Box key={`${index}:${line}`} marginLeft={2}>
					<Text wrap="wrap">{line}</Text>
				</Box>
			))}
			{shown.byHand.length > 0 ? <Commands lines={shown.byHand} /> : null}
			<Commands lines={shown.push} />
		</Box>
	);
}

/** After a sandbox create: nothing real was made, and how to make it for real. */
export function ForRealNote({lines}: {lines: string[]}) {
	const [first, ...more] = lines;
	return (
		<Box flexDirection="column" marginTop={1}>
			<Words text={t('ui.forReal.note', {first: first ?? ''})} />
			{more.map(line => (
				<Box key={line} marginLeft={2}>
					<Text wrap="wrap">{line}</Text>
				</Box>
			))}
		</Box>
	);
}
