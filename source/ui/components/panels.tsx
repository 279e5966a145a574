import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import {displayRequest, resultHeadline, resultLines, type CreateResult} from '../../engine.js';
import type {PlainRequest} from '../../backends/types.js';
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
				<Text bold wrap="wrap">{`${shown.method} ${shown.url}`}</Text>
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

export function ResultPanel({result, noun}: {result: CreateResult; noun: string}) {
	const {tone, title} = resultHeadline(result, noun);
	const color = tone === 'success' ? 'green' : 'red';
	const lines = resultLines(result);
	return (
		<Box marginTop={1}>
			<Panel title={`${tone === 'success' ? '✓' : '✗'} ${title}`} color={color}>
				{lines.map(line => (
					<Row key={line.label} label={line.label} value={line.value} />
				))}
				{result.advice.length > 0 ? (
					<Box flexDirection="column" marginTop={1}>
						<Text bold>{result.ok ? 'Next:' : 'What to do:'}</Text>
						{result.advice.map(advice => (
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
