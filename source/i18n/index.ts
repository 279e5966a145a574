// The one way regwiz speaks to a person: t(key, values) in the chosen language. The English catalogue is
// always loaded (it is also the fallback shape); the Korean one is built the first time it is chosen.
import type {Area, ValuesOf} from './catalogue.js';
import {en} from './en/index.js';
import {korean} from './ko/index.js';

export type Catalogue = Area<typeof en>;
export type MessageKey = keyof Catalogue;
export type Language = 'en' | 'ko';
export const LANGUAGES: readonly Language[] = ['en', 'ko'];

let chosen: Language | undefined;
let catalogue: Catalogue | undefined;

/** `ko`, `ko_KR.UTF-8`, `ko-KR` → ko; `en…`, `C`, `POSIX` → en; anything else → undefined. */
function languageOf(value: string): Language | undefined {
	const lower = value.trim().toLowerCase();
	if (/^ko([_\-.@]|$)/.test(lower)) return 'ko';
	if (/^en([_\-.@]|$)/.test(lower) || lower === 'c' || lower === 'posix' || lower.startsWith('c.')) return 'en';
	return undefined;
}

/** Where `--lang` sits in argv (before any `--`), with its value; the flag is global to every command. */
export function langFlag(argv: readonly string[]): {index: number; length: number; value: string | undefined} | undefined {
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--') return undefined;
		if (arg === '--lang') {
			const next = argv[index + 1];
			return {index, length: next === undefined ? 1 : 2, value: next};
		}
		if (arg.startsWith('--lang=')) return {index, length: 1, value: arg.slice('--lang='.length)};
	}
	return undefined;
}

export type LanguageChoice = {language: Language; problem?: undefined} | {language: Language; problem: string};

/**
 * The language to speak: `--lang`, then REGWIZ_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG, the first
 * one set, as POSIX orders them): Korean for ko*, English otherwise. A --lang or REGWIZ_LANG regwiz does
 * not speak is a problem to report (in English, the one language every reader of it shares).
 */
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): LanguageChoice {
	const flag = langFlag(argv);
	if (flag) {
		if (flag.value === undefined || flag.value.startsWith('-')) return {language: 'en', problem: en['common.lang.missing']};
		const language = languageOf(flag.value);
		return language ? {language} : {language: 'en', problem: en['common.lang.problem']({source: '--lang', value: JSON.stringify(flag.value)})};
	}
	const asked = env.REGWIZ_LANG?.trim();
	if (asked) {
		const language = languageOf(asked);
		if (!language) return {language: 'en', problem: en['common.lang.problem']({source: 'REGWIZ_LANG', value: JSON.stringify(asked)})};
		return {language};
	}
	const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(value => value !== undefined && value.trim() !== '');
	return {language: locale !== undefined && languageOf(locale) === 'ko' ? 'ko' : 'en'};
}

/** Speak `language` from now on (the command line calls it first thing; tests call it to switch). */
export function setLanguage(language: Language): void {
	// Static texts may already have chosen it lazily: the Korean catalogue is built once.
	if (language === chosen && catalogue !== undefined) return;
	chosen = language;
	catalogue = language === 'ko' ? korean() : en;
}

/** The language in use: the one set, else the one this process's command line and environment choose. */
export function language(): Language {
	if (chosen === undefined) setLanguage(chooseLanguage(process.argv.slice(2), process.env).language);
	return chosen!;
}

/** A message in the language in use, its values placed by the catalogue. */
export function t<K extends MessageKey>(key: K, ...values: ValuesOf<Catalogue[K]>): string {
	if (catalogue === undefined) language();
	const entry = catalogue![key] as string | ((values: unknown) => string);
	return typeof entry === 'function' ? entry(values[0]) : entry;
}
