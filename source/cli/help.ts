import {BACKENDS, findBackend} from '../backends/index.js';
import {fieldApplies} from '../backends/validation.js';
import type {Backend, FieldSpec} from '../backends/types.js';
import {withDefaults} from '../draft.js';
import {curlCredentialsHelp} from './curl.js';
import {BUCKETS_HELP, BUCKETS_SUMMARY} from './buckets-help.js';

// Everything said about one backend comes from its description (source/backends/<id>.ts): this file
// holds no backend's name, flag or variable.

const COLUMN = 26;
const WIDTH = 100;

/** "  --flag VALUE            text", the text wrapped under its column. */
function row(left: string, text: string, column = COLUMN): string {
	const words = text.split(' ');
	const lines: string[] = [];
	let line = left.length >= column - 1 ? `${left} ` : left.padEnd(column);
	let empty = true;
	for (const word of words) {
		if (!empty && line.length + 1 + word.length > WIDTH) {
			lines.push(line);
			line = ' '.repeat(column);
			empty = true;
		}
		line += empty ? word : ` ${word}`;
		empty = false;
	}
	lines.push(line);
	return lines.join('\n');
}

/** A paragraph wrapped at the help's width. */
function wrap(text: string): string {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line !== '' && line.length + 1 + word.length > WIDTH) {
			lines.push(line);
			line = word;
		} else line = line === '' ? word : `${line} ${word}`;
	}
	lines.push(line);
	return lines.join('\n');
}

const COMMON_ROWS: Array<[string, string]> = [
	['--profile NAME', 'use this saved profile\'s credentials and endpoint (default: "default")'],
	['--json', 'print exactly one JSON object on stdout'],
	['--dry-run', 'print the request that would be sent (secrets masked); send nothing'],
	['--curl', 'print an equivalent curl command instead of sending'],
	['--timeout SECONDS', 'give up waiting for an answer after this long (default 30)'],
	['--proxy URL', 'send through this proxy: http://[USER:PASSWORD@]host:port ("" for none); otherwise HTTPS_PROXY / HTTP_PROXY, except NO_PROXY hosts (default: loopback)'],
	['--yes, -y', 'in the wizard, skip the review and send'],
	['--sandbox', 'run against a built-in local emulator with demo credentials'],
	['--login', "after creating, log in to it: docker login HOST --password-stdin (podman where docker is absent; REGWIZ_CONTAINER_CLI chooses); the secret goes to the tool's stdin only"],
	['--allow-insecure-http', 'allow sending credentials over http:// to another machine'],
	['--no-color', 'no colours (also NO_COLOR=1)'],
	['--accessible', 'the wizard as plain lines: each question once, choices by number, nothing redrawn (also REGWIZ_ACCESSIBLE=1, INK_SCREEN_READER=true; automatic with TERM=dumb)'],
	['--help, -h', 'this help'],
];

function commonFlags(backend?: Backend): string {
	const rows = COMMON_ROWS.map(([flag, text]) =>
		row(`  ${flag}`, flag === '--curl' && backend ? `${text} (${curlCredentialsHelp(backend)})` : text),
	);
	return `Common flags:\n${rows.join('\n')}`;
}

const EXIT_CODES = `Exit codes: 0 created (or dry run printed) · 1 the service refused · 2 usage or validation error ·
            3 no answer (refused connection, DNS, TLS, timeout, proxy) · 70 internal error (a fault in regwiz) ·
            129 SIGHUP · 130 cancelled (Ctrl-C) · 131 SIGQUIT · 143 SIGTERM`;

/** Choice values another field's flag stands for (--endpoint stands for site "custom") are not offered. */
function impliedChoices(backend: Backend): Set<string> {
	const implied = new Set<string>();
	for (const spec of [...backend.connectionFields, ...backend.fields]) {
		for (const [key, value] of Object.entries(spec.implies ?? {})) implied.add(`${key}=${value}`);
	}
	return implied;
}

type FlagUse = {spec: FieldSpec; token: string; left: string; optional: boolean};

/** Each flag as it is written in a usage line, and whether it can be left out. */
export function flagUses(backend: Backend): FlagUse[] {
	const implied = impliedChoices(backend);
	const defaults = {
		...withDefaults(backend.connectionFields, {}),
		...withDefaults(backend.fields, {}),
	};
	const uses: FlagUse[] = [];
	for (const spec of [...backend.connectionFields, ...backend.fields]) {
		const optional = spec.optional === true || spec.defaultValue !== undefined || !fieldApplies(spec, defaults);
		if (spec.flag) {
			const choices = spec.choices?.map(choice => choice.value).filter(value => !implied.has(`${spec.key}=${value}`));
			const placeholder = spec.flagValue ?? spec.flag.toUpperCase().replaceAll('-', '_');
			const value = choices && choices.length > 0 ? choices.join('|') : placeholder;
			uses.push({spec, token: `--${spec.flag} ${value}`, left: `--${spec.flag} ${placeholder}`, optional});
		}
		const booleans = Object.keys(spec.booleanFlags ?? {}).map(name => `--${name}`);
		if (booleans.length > 0) uses.push({spec, token: booleans.join('|'), left: booleans.join(' | '), optional});
	}
	return uses;
}

/** `regwiz create <id> --a A --b B [--c C]`: the required flags first. */
export function usageLine(backend: Backend, suffix = ''): string {
	const uses = flagUses(backend);
	const tokens = [
		...uses.filter(use => !use.optional).map(use => use.token),
		...uses.filter(use => use.optional).map(use => `[${use.token}]`),
	];
	if (suffix) tokens.push(suffix);
	const head = `regwiz create ${backend.id}`;
	const lines: string[] = [];
	let line = `  ${head}`;
	for (const token of tokens) {
		if (line.length + 1 + token.length > WIDTH) {
			lines.push(line);
			line = ' '.repeat(head.length + 2);
		}
		line += ` ${token}`;
	}
	lines.push(line);
	return lines.join('\n');
}

/** What to type for the required flags only: `regwiz create ncr --registry NAME --bucket BUCKET`. */
export function shortUsage(backend: Backend): string {
	return [`regwiz create ${backend.id}`, ...flagUses(backend).filter(use => !use.optional).map(use => use.token)].join(' ');
}

function flagHelp(use: FlagUse): string {
	const {spec} = use;
	const parts = [spec.booleanFlags ? `${spec.label.toLowerCase()}: ${spec.rule}` : spec.rule];
	if (!spec.booleanFlags && spec.kind !== 'choice' && !parts[0]!.includes('(e.g.')) parts[0] += ` (e.g. ${spec.example})`;
	const defaultFlag = Object.entries(spec.booleanFlags ?? {}).find(([, value]) => value === spec.defaultValue)?.[0];
	if (defaultFlag) parts.push(`default --${defaultFlag}`);
	else if (spec.defaultValue !== undefined) parts.push(`default ${spec.defaultValue}`);
	else if (use.optional && !/optional/.test(spec.rule)) parts.push('optional');
	return row(`  ${use.left}`, parts.join('; '));
}

/** `regwiz create <id> --help`, from the backend's description. */
export function createHelp(backend: Backend): string {
	const notes = backend.help.notes ?? [];
	return `regwiz create ${backend.id}: ${backend.help.summary}

Usage:
${usageLine(backend, '[common flags]')}

${flagUses(backend).map(flagHelp).join('\n')}
${notes.length > 0 ? `\n${notes.map(note => wrap(note)).join('\n')}\n` : ''}
In a terminal, missing values are asked for.

${commonFlags(backend)}

Examples:
${backend.help.examples.map(example => `  ${example}`).join('\n')}

${EXIT_CODES}`;
}

function mainHelp(): string {
	const lefts = BACKENDS.map(backend => `  regwiz create ${backend.id} ...`);
	const column = Math.max(COLUMN, ...lefts.map(left => left.length + 2));
	const at = (left: string, text: string) => row(left, text, column);
	const rows = BACKENDS.map((backend, index) => at(lefts[index]!, backend.help.summary));
	return `regwiz: create container registries from the terminal
Try it with no account first: regwiz --sandbox (a local emulator, demo credentials, nothing saved)

Usage:
${at('  regwiz', 'the wizard: choose, sign in, fill, review, send')}
${at('  regwiz --sandbox', 'the wizard against a local emulator: no account needed')}
${at('  regwiz --accessible', 'the wizard as plain lines for screen readers: choices by number, nothing redrawn (also REGWIZ_ACCESSIBLE=1, INK_SCREEN_READER=true; automatic with TERM=dumb)')}
${rows.join('\n')}
${at('  regwiz buckets', BUCKETS_SUMMARY)}
${at('  regwiz sandbox', 'run the local emulator in the foreground')}
  regwiz profile list|show|remove|rename|import-ncloud
${at('  regwiz history', 'past create attempts')}
${at('  regwiz help [command]', 'help on a command')}
  regwiz --version

Examples:
  regwiz
${BACKENDS.map(backend => `  ${backend.help.examples[0] ?? `regwiz create ${backend.id} --help`}`).join('\n')}

${EXIT_CODES}`;
}

function createOverview(): string {
	const nouns = [...new Set(BACKENDS.map(backend => `a ${backend.noun}`))];
	const what = nouns.length > 1 ? `${nouns.slice(0, -1).join(', ')} or ${nouns.at(-1)}` : (nouns[0] ?? '');
	return `regwiz create: create ${what}

Usage:
${BACKENDS.map(backend => usageLine(backend)).join('\n')}

In a terminal, missing values are asked for. See:
${BACKENDS.map(backend => `  regwiz help create ${backend.id}`).join('\n')}`;
}

export const HELP: Record<string, string> = {
	sandbox: `regwiz sandbox: run the local emulator of every backend in the foreground

Usage:
  regwiz sandbox [--port N] [--host 127.0.0.1]

Prints its base URLs and the demo credentials; Ctrl-C stops it. It listens on 127.0.0.1 unless told otherwise.

Examples:
  regwiz sandbox --port 8080
  regwiz --sandbox              (the wizard with an emulator of its own)`,
};

Object.assign(HELP, {
	buckets: BUCKETS_HELP,
	history: `regwiz history: past create attempts, the newest last (as shell history lists them)

Usage:
  regwiz history [--limit N] [--json]

  --limit N               show the newest N attempts (default 20, at most 1000)
  --json                  print a JSON array of the entries on stdout, oldest first
  --no-color              no colours (also NO_COLOR=1)
  --help, -h              this help

Every create that got an answer, got none or was cancelled is kept in history.jsonl in the config
folder (the newest 1,000): time (UTC), backend, endpoint, profile, name, HTTP status, outcome
(created, refused, no-answer, cancelled) and the NCP trace id. Never a secret. Dry runs, --curl and
--sandbox runs are not recorded.

Examples:
  regwiz history
  regwiz history --limit 5
  regwiz history --json | jq '.[] | select(.outcome == "refused")'`,
});

export function helpFor(topic: string[]): string | undefined {
	const key = topic.join(' ').trim();
	if (key === '') return mainHelp();
	if (key === 'create') return createOverview();
	const [command, id, ...rest] = topic;
	if (command === 'create' && id !== undefined && rest.length === 0) {
		const backend = findBackend(id);
		return backend ? createHelp(backend) : undefined;
	}
	return Object.hasOwn(HELP, key) ? HELP[key] : undefined;
}

