import {parseArgs} from 'node:util';
import {checkField, fieldApplies} from '../backends/validation.js';
import type {Answers, Backend, FieldSpec} from '../backends/types.js';
import {parseProxyUrl, ProxyProblem} from '../transport/proxy.js';
import {quoteValue, UsageError} from './usage-error.js';
import {t} from '../i18n/index.js';

export type CommonOptions = {
	profile?: string;
	json: boolean;
	dryRun: boolean;
	curl: boolean;
	timeoutMs: number;
	yes: boolean;
	help: boolean;
	sandbox: boolean;
	/** After a successful create, log in to it with docker (or podman). */
	login: boolean;
	allowInsecureHttp: boolean;
	noColor: boolean;
	/** --accessible: the plain line-by-line wizard (also REGWIZ_ACCESSIBLE=1, INK_SCREEN_READER=true, TERM=dumb). */
	accessible: boolean;
	/** --proxy URL; an empty string means no proxy, whatever the environment says. */
	proxy?: string;
};

export type CreateArgs = {
	common: CommonOptions;
	/** Connection answers given as flags (site, endpoint, url). */
	connection: Answers;
	/** Request fields given as flags. */
	fields: Answers;
};

export const DEFAULT_TIMEOUT_SECONDS = 30;

export const COMMON_FLAGS = {
	profile: {type: 'string'},
	json: {type: 'boolean'},
	'dry-run': {type: 'boolean'},
	curl: {type: 'boolean'},
	timeout: {type: 'string'},
	yes: {type: 'boolean', short: 'y'},
	help: {type: 'boolean', short: 'h'},
	sandbox: {type: 'boolean'},
	login: {type: 'boolean'},
	'allow-insecure-http': {type: 'boolean'},
	'no-color': {type: 'boolean'},
	accessible: {type: 'boolean'},
	proxy: {type: 'string'},
} as const;

type FlagOption = {type: 'string' | 'boolean'; short?: string};

/** The flags a backend accepts, derived from its field specs. */
export function backendFlags(backend: Backend): Record<string, FlagOption> {
	const flags: Record<string, FlagOption> = {};
	for (const spec of [...backend.connectionFields, ...backend.fields]) {
		if (spec.flag) flags[spec.flag] = {type: 'string'};
		for (const name of Object.keys(spec.booleanFlags ?? {})) flags[name] = {type: 'boolean'};
	}
	return flags;
}

/** Edit distance with transpositions (Damerau–Levenshtein, optimal string alignment): `regsitry` is 1 from `registry`. */
function distance(a: string, b: string): number {
	const rows = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
			rows[i]![j] = best;
		}
	}
	return rows[a.length]![b.length]!;
}

/** The known word closest to a mistyped one, if it is close enough to be what was meant. */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
	let best: {word: string; score: number} | undefined;
	for (const word of known) {
		const score = distance(typed.toLowerCase(), word.toLowerCase());
		if (score <= Math.max(1, Math.min(2, Math.floor(word.length / 3))) && (!best || score < best.score)) best = {word, score};
	}
	return best?.word;
}

/** Turns node's parseArgs errors into sentences that name the flag; `examples` gives a right value per flag, `known` the flags to suggest. */
export function parseArgsProblem(error: unknown, command: string, examples: Record<string, string> = {}, known: readonly string[] = []): UsageError {
	const message = (error as Error).message;
	const code = (error as {code?: string}).code;
	const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'an argument';
	if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
		const meant = flag.startsWith('--') ? didYouMean(flag.slice(2).split('=')[0]!, known) : undefined;
		return new UsageError(t('cli.args.unknownFlag', {flag, command, meant}));
	}
	if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
		// "--registry --bucket x" is reported as an ambiguous argument: the value is missing there too.
		return /argument missing|argument is ambiguous/.test(message)
			? new UsageError(t('cli.args.needsValue', {flag, example: examples[flag.replace(/^-+/, '')] ?? 'VALUE', command}))
			: new UsageError(t('cli.args.noValue', {flag, command}));
	}
	if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
		const extra = /'([^']*)'/.exec(message)?.[1];
		return new UsageError(t('cli.args.unexpected', {value: quoteValue(extra ?? ''), command}));
	}
	return new UsageError(t('cli.args.other', {message, command}));
}

function flagError(spec: FieldSpec, flag: string, value: string, message: string): UsageError {
	return new UsageError(t('cli.args.invalid', {flag, value: quoteValue(value), label: spec.label.toLowerCase(), problem: message}));
}

export function parseTimeout(value: string | undefined): number {
	if (value === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
	const seconds = Number(value);
	if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds >= 0.1) || seconds > 3600) {
		throw new UsageError(t('cli.args.timeout', {value: quoteValue(value)}));
	}
	return Math.round(seconds * 1000);
}

/** --proxy is checked where it is given: a bad URL is a usage error before anything else happens. */
function checkProxyFlag(value: string | undefined): string | undefined {
	if (value === undefined || value.trim() === '') return value;
	try {
		parseProxyUrl(value, '--proxy');
	} catch (error) {
		if (error instanceof ProxyProblem) throw new UsageError(error.message);
		throw error;
	}
	return value;
}

export function commonOptions(values: Record<string, string | boolean | undefined>): CommonOptions {
	const profile = values.profile as string | undefined;
	return {
		profile,
		json: values.json === true,
		dryRun: values['dry-run'] === true,
		curl: values.curl === true,
		timeoutMs: parseTimeout(values.timeout as string | undefined),
		yes: values.yes === true,
		help: values.help === true,
		sandbox: values.sandbox === true,
		login: values.login === true,
		allowInsecureHttp: values['allow-insecure-http'] === true,
		noColor: values['no-color'] === true,
		accessible: values.accessible === true,
		proxy: checkProxyFlag(values.proxy as string | undefined),
	};
}

/** Parses `regwiz create <backend> …`; every given value is validated before anything else happens. */
export function parseCreateArgs(backend: Backend, argv: string[]): CreateArgs {
	const command = `regwiz create ${backend.id}`;
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({args: argv, options: {...COMMON_FLAGS, ...backendFlags(backend)}, strict: true, allowPositionals: false});
	} catch (error) {
		const examples: Record<string, string> = {profile: 'default', timeout: '60', proxy: 'http://proxy.example:3128'};
		for (const spec of [...backend.connectionFields, ...backend.fields]) if (spec.flag) examples[spec.flag] = spec.example;
		throw parseArgsProblem(error, command, examples, Object.keys({...COMMON_FLAGS, ...backendFlags(backend)}));
	}
	const values = parsed.values as Record<string, string | boolean | undefined>;
	const common = commonOptions(values);
	if (common.help) return {common, connection: {}, fields: {}};
	const take = (specs: readonly FieldSpec[]): Answers => {
		const answers: Answers = {};
		for (const spec of specs) {
			if (spec.flag && typeof values[spec.flag] === 'string') {
				const raw = values[spec.flag] as string;
				const value = spec.normalize ? spec.normalize(raw) : raw;
				const problem = checkField(spec, value);
				if (problem) throw flagError(spec, spec.flag, raw, problem);
				answers[spec.key] = value;
			}
			const chosen = Object.entries(spec.booleanFlags ?? {}).filter(([name]) => values[name] === true);
			if (chosen.length > 1) {
				throw new UsageError(t('cli.args.contradict', {flags: chosen.map(([name]) => `--${name}`)}));
			}
			if (chosen[0]) answers[spec.key] = chosen[0][1];
		}
		return answers;
	};
	const connection = take(backend.connectionFields);
	// A flag that stands for other answers (--endpoint for site "custom") contradicts a flag giving one of them.
	for (const spec of backend.connectionFields) {
		if (!spec.flag || connection[spec.key] === undefined) continue;
		for (const [key, value] of Object.entries(spec.implies ?? {})) {
			const other = backend.connectionFields.find(candidate => candidate.key === key);
			if (other?.flag && typeof values[other.flag] === 'string') {
				throw new UsageError(t('cli.args.contradictExample', {flag: spec.flag, other: other.flag, example: spec.example, otherExample: other.example}));
			}
			connection[key] = value;
		}
	}
	const fields = take(backend.fields);
	// A value given for a field that the other answers rule out would be dropped without a word: refuse it.
	const merged: Answers = {};
	for (const spec of backend.fields) if (spec.defaultValue !== undefined) merged[spec.key] = spec.defaultValue;
	Object.assign(merged, fields);
	for (const spec of backend.fields) {
		if (!spec.flag || fields[spec.key] === undefined || fieldApplies(spec, merged)) continue;
		const others = backend.fields
			.filter(other => other !== spec && other.flag && other.kind === 'choice' && fields[other.key] !== undefined)
			.map(other => `--${other.flag} ${fields[other.key]}`);
		throw new UsageError(t('cli.args.notUsed', {flag: spec.flag, others}));
	}
	return {common, connection, fields};
}
