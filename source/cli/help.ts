import {BACKENDS, findBackend} from '../backends/index.js';
import {fieldApplies} from '../backends/validation.js';
import type {Backend, FieldSpec} from '../backends/types.js';
import {withDefaults} from '../draft.js';
import {curlCredentialsHelp} from './curl.js';
import {bucketsHelp, bucketsSummary} from './buckets-help.js';
import {t} from '../i18n/index.js';
import {displayWidth, padToWidth} from '../text-width.js';

// Everything said about one backend comes from its description (source/backends/<id>.ts): this file
// holds no backend's name, flag or variable.

const COLUMN = 26;
const WIDTH = 100;

/** "  --flag VALUE            text", the text wrapped under its column. */
function row(left: string, text: string, column = COLUMN): string {
	const words = text.split(' ');
	const lines: string[] = [];
	let line = displayWidth(left) >= column - 1 ? `${left} ` : padToWidth(left, column);
	let empty = true;
	for (const word of words) {
		if (!empty && displayWidth(line) + 1 + displayWidth(word) > WIDTH) {
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
		if (line !== '' && displayWidth(line) + 1 + displayWidth(word) > WIDTH) {
			lines.push(line);
			line = word;
		} else line = line === '' ? word : `${line} ${word}`;
	}
	lines.push(line);
	return lines.join('\n');
}

/** The flags every create takes, in the order the help lists them. */
function commonRows(backend?: Backend): Array<[string, string]> {
	return [
		['--profile NAME', t('cli.help.profile')],
		['--json', t('cli.help.json')],
		['--dry-run', t('cli.help.dryRun')],
		['--curl', backend ? t('cli.help.curlWith', {how: curlCredentialsHelp(backend)}) : t('cli.help.curl')],
		['--timeout SECONDS', t('cli.help.timeout')],
		['--proxy URL', t('cli.help.proxy')],
		['--yes, -y', t('cli.help.yes')],
		['--sandbox', t('cli.help.sandbox')],
		['--login', t('cli.help.login')],
		['--allow-insecure-http', t('cli.help.insecure')],
		['--no-color', t('cli.help.noColor')],
		['--accessible', t('cli.help.accessible')],
		['--lang en|ko', t('cli.help.lang')],
		['--help, -h', t('cli.help.help')],
	];
}

function commonFlags(backend?: Backend): string {
	const rows = commonRows(backend).map(([flag, text]) => row(`  ${flag}`, text));
	return `${t('cli.help.commonFlags')}\n${rows.join('\n')}`;
}

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
		if (displayWidth(line) + 1 + displayWidth(token) > WIDTH) {
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
	const parts = [spec.booleanFlags ? t('cli.help.booleanRule', {label: spec.label.toLowerCase(), rule: spec.rule}) : spec.rule];
	if (!spec.booleanFlags && spec.kind !== 'choice' && ![t('cli.help.exampleMarker'), '(e.g.'].some(marker => parts[0]!.includes(marker))) parts[0] += ` ${t('cli.help.example', {example: spec.example})}`;
	const defaultFlag = Object.entries(spec.booleanFlags ?? {}).find(([, value]) => value === spec.defaultValue)?.[0];
	if (defaultFlag) parts.push(t('cli.help.defaultFlag', {flag: defaultFlag}));
	else if (spec.defaultValue !== undefined) parts.push(t('cli.help.defaultValue', {value: spec.defaultValue}));
	else if (use.optional && !spec.rule.includes(t('cli.help.optional'))) parts.push(t('cli.help.optional'));
	return row(`  ${use.left}`, parts.join('; '));
}

/** `regwiz create <id> --help`, from the backend's description. */
export function createHelp(backend: Backend): string {
	const notes = backend.help.notes ?? [];
	return `${t('cli.help.createTitle', {id: backend.id, summary: backend.help.summary})}

${t('cli.help.usage')}
${usageLine(backend, t('cli.help.commonFlagsSuffix'))}

${flagUses(backend).map(flagHelp).join('\n')}
${notes.length > 0 ? `\n${notes.map(note => wrap(note)).join('\n')}\n` : ''}
${t('cli.help.asked')}

${commonFlags(backend)}

${t('cli.help.examples')}
${backend.help.examples.map(example => `  ${example}`).join('\n')}

${t('cli.help.exitCodes')}`;
}

function mainHelp(): string {
	const lefts = BACKENDS.map(backend => `  regwiz create ${backend.id} ...`);
	const column = Math.max(COLUMN, ...lefts.map(left => displayWidth(left) + 2));
	const at = (left: string, text: string) => row(left, text, column);
	const rows = BACKENDS.map((backend, index) => at(lefts[index]!, backend.help.summary));
	return `${t('cli.help.mainTitle')}
${t('cli.help.tryFirst')}

${t('cli.help.usage')}
${at('  regwiz', t('cli.help.mainWizard'))}
${at('  regwiz --sandbox', t('cli.help.mainSandbox'))}
${at('  regwiz --accessible', t('cli.help.mainAccessible'))}
${at('  regwiz --lang ko', t('cli.help.mainLang'))}
${rows.join('\n')}
${at('  regwiz buckets', bucketsSummary())}
${at('  regwiz sandbox', t('cli.help.mainSandboxCommand'))}
  regwiz profile list|show|remove|rename|import-ncloud
${at('  regwiz history', t('cli.help.mainHistory'))}
${at('  regwiz help [command]', t('cli.help.mainHelp'))}
  regwiz --version

${t('cli.help.examples')}
  regwiz
${BACKENDS.map(backend => `  ${backend.help.examples[0] ?? `regwiz create ${backend.id} --help`}`).join('\n')}

${t('cli.help.exitCodes')}`;
}

function createOverview(): string {
	const nouns = [...new Set(BACKENDS.map(backend => backend.noun))];
	return `${t('cli.help.createOverviewTitle', {nouns})}

${t('cli.help.usage')}
${BACKENDS.map(backend => usageLine(backend)).join('\n')}

${t('cli.help.seeEach')}
${BACKENDS.map(backend => `  regwiz help create ${backend.id}`).join('\n')}`;
}

/** The help of the commands that are not a create, by topic. */
function helpTopics(): Record<string, () => string> {
	return {
		sandbox: () => t('cli.help.sandboxHelp'),
		buckets: bucketsHelp,
		history: () => t('cli.help.historyHelp'),
	};
}

export function helpFor(topic: string[]): string | undefined {
	const key = topic.join(' ').trim();
	if (key === '') return mainHelp();
	if (key === 'create') return createOverview();
	const [command, id, ...rest] = topic;
	if (command === 'create' && id !== undefined && rest.length === 0) {
		const backend = findBackend(id);
		return backend ? createHelp(backend) : undefined;
	}
	const topics = helpTopics();
	return Object.hasOwn(topics, key) ? topics[key]!() : undefined;
}

