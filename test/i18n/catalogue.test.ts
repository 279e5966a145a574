import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {chooseLanguage, langFlag, setLanguage, t} from '../../source/i18n/index.js';
import {en} from '../../source/i18n/en/index.js';
import {korean} from '../../source/i18n/ko/index.js';
import {ROOT} from '../helpers/paths.js';

function sourceFiles(directory: string): string[] {
	return fs.readdirSync(directory, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(directory, entry.name);
		if (entry.isDirectory()) return /[\\/]i18n[\\/](en|ko)$/.test(full) ? [] : sourceFiles(full);
		return /\.(ts|tsx|cts)$/.test(entry.name) ? [full] : [];
	});
}

describe('the catalogues', () => {
	it('Korean gives exactly the keys English has', () => {
		expect(Object.keys(korean()).sort()).toEqual(Object.keys(en).sort());
	});

	it('every key is used by the program (as a literal, so that this check can see it)', () => {
		const text = [path.join(ROOT, 'cli.tsx'), ...sourceFiles(path.join(ROOT, 'source'))].map(file => fs.readFileSync(file, 'utf8')).join('\n');
		const unused = Object.keys(en).filter(key => !text.includes(`'${key}'`));
		expect(unused).toEqual([]);
	});

	it("each area's keys start with the area's name, so that two areas never give the same key", () => {
		for (const file of fs.readdirSync(path.join(ROOT, 'source/i18n/en'))) {
			if (file === 'index.ts') continue;
			const area = file.replace(/\.ts$/, '');
			const body = fs.readFileSync(path.join(ROOT, 'source/i18n/en', file), 'utf8');
			const keys = [...body.matchAll(/^\t'([^']+)':/gm)].map(match => match[1]!);
			for (const key of keys) expect(key.startsWith(`${area}.`), `${file}: ${key}`).toBe(true);
		}
	});

	it('every Korean sentence is Korean or names something that stays as it is (a flag, a command, a URL)', () => {
		const ko = korean();
		const english = en as Record<string, unknown>;
		const untranslated = Object.entries(korean() as Record<string, unknown>)
			.filter(([key, value]) => typeof value === 'string' && value === english[key] && !/[\uAC00-\uD7A3]/.test(value) && /[a-z]{4,} [a-z]{4,}/i.test(value))
			.map(([key]) => key);
		expect(untranslated).toEqual([]);
	});
});

describe('choosing the language', () => {
	it('takes --lang, then REGWIZ_LANG, then LC_ALL, LC_MESSAGES and LANG', () => {
		expect(chooseLanguage(['--lang', 'ko'], {REGWIZ_LANG: 'en'}).language).toBe('ko');
		expect(chooseLanguage(['create', '--lang=en'], {LANG: 'ko_KR.UTF-8'}).language).toBe('en');
		expect(chooseLanguage([], {REGWIZ_LANG: 'ko', LANG: 'en_US.UTF-8'}).language).toBe('ko');
		expect(chooseLanguage([], {LC_ALL: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8'}).language).toBe('ko');
		expect(chooseLanguage([], {LC_ALL: 'C', LC_MESSAGES: 'ko_KR.UTF-8'}).language).toBe('en');
		expect(chooseLanguage([], {LC_MESSAGES: 'ko_KR', LANG: 'en_US.UTF-8'}).language).toBe('ko');
		expect(chooseLanguage([], {LANG: 'ko_KR.eucKR'}).language).toBe('ko');
		expect(chooseLanguage([], {LANG: 'fr_FR.UTF-8'}).language).toBe('en');
		expect(chooseLanguage([], {}).language).toBe('en');
	});

	it('names a language it does not speak, with the values it does', () => {
		expect(chooseLanguage(['--lang', 'fr'], {}).problem).toBe('--lang "fr" is not a language regwiz speaks: use en or ko (e.g. --lang ko)');
		expect(chooseLanguage([], {REGWIZ_LANG: 'jp'}).problem).toBe('REGWIZ_LANG "jp" is not a language regwiz speaks: use en or ko (e.g. REGWIZ_LANG=ko)');
		expect(chooseLanguage(['--lang'], {}).problem).toBe('--lang needs a value: en or ko (e.g. --lang ko)');
	});

	it('finds --lang before a `--` only', () => {
		expect(langFlag(['create', 'ncr', '--lang', 'ko', '--json'])).toEqual({index: 2, length: 2, value: 'ko'});
		expect(langFlag(['--', '--lang', 'ko'])).toBeUndefined();
	});

	it('speaks the language set', () => {
		setLanguage('ko');
		expect(t('common.lang.missing')).toMatch(/값이 필요합니다/);
		setLanguage('en');
		expect(t('common.lang.missing')).toBe('--lang needs a value: en or ko (e.g. --lang ko)');
	});
});
