import {Box, Text} from 'ink';
import {safeText} from '../../text-safety.js';
import {useEffect, useState} from 'react';
import {displayRequest, resultHeadline, resultLines, type CreateResult} from '../../engine.js';
import type {PlainRequest} from '../../backends/types.js';
import type {CreateLoginFacts, LoginState} from '../../login/facts.js';
import {describeLogin, pushCommands} from '../../login/push-lines.js';
import {Panel, Row} from './layout.js';

export type ReviewFacts = {
	backendTitle: string;
	endpoint: string;
	credentialLabel: string;
	credential: string;
	credentialSource: string;
	request: PlainRequest;
	/** A warning to show in red (plain http to another machine). */
	warning?: string;
	/** What is done before this request (NCR: the bucket created first). */
	before?: string;
};

/** Everything that will be sent, secrets masked. */
export function ReviewPanel({facts}: {facts: ReviewFacts}) {
	const shown = displayRequest(facts.request);
	const url = new URL(shown.url);
	const query = [...url.searchParams.entries()];
	return (
		<Box flexDirection="column" marginTop={1}>
			<Panel>
				<Text bold wrap="wrap">{`${shown.method} ${safeText(shown.url)}`}</Text>
				<Row label="Backend" value={facts.backendTitle} />
				<Row label="Endpoint" value={facts.endpoint} />
				<Row label={facts.credentialLabel} value={`${facts.credential} (${facts.credentialSource})`} />
				{facts.before ? <Row label="First" value={facts.before} /> : null}
				{query.map(([name, value], index) => (
					<Row key={name} label={index === 0 ? 'Query' : ''} value={`${name} = ${value}`} />
				))}
				{shown.body === undefined ? null : <Row label="Body" value={shown.body} />}
				{shown.headers.map(([name, value]) => (
					<Row key={name} label="Header" value={`${name}: ${value}`} />
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

/** Advice lines that a login section below gives exactly (docker login/push with placeholders). */
const DOCKER_ADVICE = /^docker (login|push) /;

export function ResultPanel({result, noun, loginBelow = false}: {result: CreateResult; noun: string; loginBelow?: boolean}) {
	const {tone, title} = resultHeadline(result, noun);
	const color = tone === 'success' ? 'green' : 'red';
	const lines = resultLines(result);
	const advice = loginBelow ? result.advice.filter(line => !DOCKER_ADVICE.test(line)) : result.advice;
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
								<Text wrap="wrap">{safeText(advice)}</Text>
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
