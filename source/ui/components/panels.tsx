import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import {resultHeadline, resultLines, type CreateResult} from '../../engine.js';
import {resultAdvice, reviewRows, type ReviewFacts} from '../review-lines.js';
import type {CreateLoginFacts, LoginState} from '../../login/facts.js';
import {describeLogin, pushCommands} from '../../login/push-lines.js';
import {Panel, Row} from './layout.js';

/** Everything that will be sent, secrets masked. */
export function ReviewPanel({facts}: {facts: ReviewFacts}) {
	const {heading, rows} = reviewRows(facts);
	return (
		<Box flexDirection="column" marginTop={1}>
			<Panel>
				<Text bold wrap="wrap">{heading}</Text>
				{rows.map((row, index) => (
					<Row key={`${index}:${row.label}:${row.value}`} label={row.label} value={row.value} />
				))}
			</Panel>
			{facts.warning ? (
				<Text color="red" wrap="wrap">
					⚠ {facts.warning}
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
	const advice = resultAdvice(result, loginBelow);
	return (
		<Box marginTop={1}>
			<Panel title={`${tone === 'success' ? '✓' : '✗'} ${title}`} color={color}>
				{lines.map(line => (
					<Row key={line.label} label={line.label} value={line.value} />
				))}
				{advice.length > 0 ? (
					<Box flexDirection="column" marginTop={1}>
						<Text bold>{result.ok ? 'Next:' : 'What to do:'}</Text>
						{advice.map(advice => (
							<Box key={advice} marginLeft={2}>
								<Text wrap="wrap">{advice}</Text>
							</Box>
						))}
					</Box>
				) : null}
			</Panel>
		</Box>
	);
}

/** Commands to copy: each on its own line, at the left edge, outside any border. */
function Commands({lines}: {lines: string[]}) {
	return (
		<Box flexDirection="column">
			{lines.map(line => (
				<Text key={line}>{line}</Text>
			))}
		</Box>
	);
}

/** "Log in with docker now" under a success: the offer, the tool at work, or its own answer; then how to push. */
export function LoginPanel({facts, login, offered}: {facts: CreateLoginFacts; login?: LoginState; offered: boolean}) {
	if (login?.status === 'running') {
		return <SendingStep what={`Logging in to ${facts.login.host}…`} startedAt={login.startedAt} />;
	}
	if (login?.status !== 'done') {
		return (
			<Box flexDirection="column" marginTop={1}>
				<Text wrap="wrap">
					{offered ? `Log in with docker now: press l (${facts.login.host}). ` : ''}
					<Text dimColor>Then push (my-image is yours):</Text>
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
			<Text wrap="wrap">
				<Text color="yellow">That was the sandbox. For real: </Text>
				{first}
			</Text>
			{more.map(line => (
				<Box key={line} marginLeft={2}>
					<Text wrap="wrap">{line}</Text>
				</Box>
			))}
		</Box>
	);
}
