// The bundle measures strings with source/build/string-width.ts instead of the `string-width` package
// (see .ci/build.mjs). These tests prove it gives the real package's answers: every code point alone,
// every emoji with its selectors, modifiers and keycap mark, CJK, Hangul, emoji sequences, ANSI-coloured
// text, and random mixes of all of them.
import fc from 'fast-check';
import realWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import stringWidth from '../../source/build/string-width.js';

const fromCodePoints = (codePoints: number[]) => String.fromCodePoint(...codePoints);
const hex = (text: string) => [...text].map(character => character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ');

/** Lists the strings the two disagree on, with code points, so a failure says what to look at. */
function disagreements(strings: Iterable<string>, options?: Parameters<typeof realWidth>[1]): string[] {
	const found: string[] = [];
	for (const text of strings) {
		const expected = realWidth(text, options);
		const actual = stringWidth(text, options);
		if (actual !== expected) found.push(`${JSON.stringify(text)} [${hex(text)}]: ${actual}, string-width says ${expected}`);
		if (found.length >= 20) break;
	}
	return found;
}

function* codePointRange(from: number, to: number, step = 1): Generator<string> {
	for (let codePoint = from; codePoint <= to; codePoint += step) yield String.fromCodePoint(codePoint);
}

const emojiCodePoints = [...codePointRange(0, 0x1ffff)].filter(character => /\p{Emoji}/u.test(character));

describe('string width, compared with the string-width package', () => {
	it('measures every code point of the Basic and Supplementary Multilingual Planes alike', () => {
		expect(disagreements(codePointRange(0, 0x1ffff))).toEqual([]);
		expect(disagreements(codePointRange(0, 0xffff), {ambiguousIsNarrow: false})).toEqual([]);
	});

	it('measures the other planes alike (ideographs, tags, variation selectors, private use), sampled', () => {
		expect(disagreements(codePointRange(0x20000, 0x3ffff, 7))).toEqual([]);
		expect(disagreements(codePointRange(0xe0000, 0xe01ff))).toEqual([]);
		expect(disagreements(codePointRange(0xf0000, 0x10ffff, 101))).toEqual([]);
	});

	it('measures each emoji with text/picture selectors, skin tones, the keycap mark and ZWJ alike', () => {
		const suffixes = ['\uFE0F', '\uFE0E', '\u{1F3FD}', '\uFE0F\u20E3', '\u20E3', '\u200D\u{1F525}', '\uFE0F\u200D\u2640\uFE0F'];
		expect(disagreements(emojiCodePoints.flatMap(character => suffixes.map(suffix => character + suffix)))).toEqual([]);
	});

	it('measures every pair of regional indicators (flags and non-flags) alike', () => {
		const letters = [...codePointRange(0x1f1e6, 0x1f1ff)];
		expect(disagreements(letters.flatMap(first => letters.map(second => first + second)))).toEqual([]);
		expect(disagreements(letters.map(letter => `${letter}x`))).toEqual([]);
	});

	it('measures CJK, kana, Hangul and full-width text', () => {
		const samples = [
			'日本語のテキスト',
			'中文字符串，带标点。',
			'한국어 레지스트리',
			'ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ ｰ',
			'ＡＢＣ１２３！',
			'\u1100\u1161\u11A8 \u1100\u1100\u1161 \u1161\u11A8 \uAC00\u11A8 \uA960\uD7B0\uD7CB',
			'混合 mixed テキスト 123',
			'「registry」は作成されました',
			'\u3099\u309A が ぱ',
		];
		expect(disagreements(samples)).toEqual([]);
		expect(disagreements(samples, {ambiguousIsNarrow: false})).toEqual([]);
		expect(stringWidth('日本語')).toBe(6);
	});

	it('measures emoji sequences: families, professions, flags, keycaps, tags, skin tones', () => {
		const samples = [
			'👨‍👩‍👧‍👦',
			'👩🏽‍💻 ships',
			'🏳️‍🌈🏴‍☠️',
			'🇰🇷🇯🇵🇺🇸',
			'1️⃣#️⃣*⃣',
			'🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
			'👍🏻👍🏿✌🏽☝️',
			'❤️❤︎❤',
			'⚠️ warning ⚠',
			'✓ created ✗ refused',
			'😀😃😄',
			'🧑‍🤝‍🧑',
			'a\u200Db\u200D😀',
		];
		expect(disagreements(samples)).toEqual([]);
		expect(stringWidth('👨‍👩‍👧‍👦')).toBe(2);
	});

	it('ignores ANSI colours, styles and hyperlinks, unless asked to count them', () => {
		const samples = [
			'\u001B[31mred\u001B[39m',
			'\u001B[1m\u001B[32m✓ Registry created\u001B[39m\u001B[22m',
			'\u001B[38;5;208m日本語\u001B[0m',
			'\u001B[38;2;255;0;0m👩🏽‍💻\u001B[0m text',
			'\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007',
			'\u009B31mC1 CSI\u009B0m',
			'\u001B[2K\u001B[1A\u001B[G',
			'before \u001B[4munderline\u001B[24m after ›',
		];
		expect(disagreements(samples)).toEqual([]);
		expect(disagreements(samples, {countAnsiEscapeCodes: true})).toEqual([]);
		expect(stringWidth('\u001B[31m日本\u001B[39m')).toBe(4);
	});

	it('measures the glyphs the wizard draws, combining marks and controls', () => {
		const samples = ['❯ › … · ↑↓ – ● → ⠋⠙⠹', 'e\u0301 n\u0303 a\u20DD', '\u0301 lone mark', 'tab\there', 'line\r\nbreak', '\u200B\u2060\uFEFF', 'क्षत्रिय กำ ລຳ', '\u0600\u0661', ''];
		expect(disagreements(samples)).toEqual([]);
	});

	it('agrees on random mixes of ASCII, CJK, Hangul jamo, emoji parts, marks and ANSI codes', () => {
		const pieces = [
			'a', 'Z', '7', ' ', '#', '-', '日', '語', 'ｶ', 'ﾞ', 'Ａ', '가', '\u1100', '\u1161', '\u11A8', '\uAC00',
			'😀', '👩', '💻', '🔥', '❤', '⚠', '✓', '☝', '\u{1F1F0}', '\u{1F1F7}', '\u{1F3FD}', '\u200D', '\uFE0F', '\uFE0E', '\u20E3',
			'\u0301', '\u20DD', '\u0E33', '\u0E01', '\u200B', '\t', '…', '›', '❯',
			'\u001B[31m', '\u001B[39m', '\u001B[1;4m', '\u001B]8;;http://x\u0007',
		];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 12}), parts => {
				const text = parts.join('');
				expect(stringWidth(text), `${JSON.stringify(text)} [${hex(text)}]`).toBe(realWidth(text));
			}),
			{numRuns: 3000},
		);
	});

	it('treats any string without joining characters as one cluster per code point (its fast path)', () => {
		const segmenter = new Intl.Segmenter();
		const joining = /[\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Mc}\p{Regional_Indicator}\u200D\u0E33\u0EB3\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\r]/u;
		fc.assert(
			fc.property(fc.array(fc.integer({min: 0x20, max: 0x1ffff}), {minLength: 2, maxLength: 8}), codePoints => {
				const text = fromCodePoints(codePoints.filter(codePoint => codePoint < 0xd800 || codePoint > 0xdfff));
				fc.pre(!joining.test(text) && ![...text].some(character => [...segmenter.segment(`${character}a`)].length === 1));
				expect([...segmenter.segment(text)].length).toBe([...text].length);
				expect(stringWidth(text)).toBe(realWidth(text));
			}),
			{numRuns: 3000},
		);
	});

	it('returns 0 for non-strings and the empty string, as string-width does', () => {
		expect(stringWidth('')).toBe(0);
		expect(stringWidth(undefined as unknown as string)).toBe(0);
	});
});
