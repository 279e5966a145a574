// The bundle gives Ink's ANSI tokenizers source/build/grapheme-segmenter.ts instead of an Intl.Segmenter
// (see .ci/build.mjs, lever lazy-segmenter). These tests prove that it cuts strings exactly as
// Intl.Segmenter does: the segments, their indexes, and `containing` at every index.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {graphemeSegmenter, joiner} from '../../source/build/grapheme-segmenter.js';

const real = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const hex = (text: string) => [...text].map(character => character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ');

/** Everything a caller can read, from both, for one string. */
function cut(segments: Iterable<{segment: string; index: number}> & {containing(index?: number): {segment: string; index: number} | undefined}, text: string) {
	const listed = [...segments].map(({segment, index}) => [segment, index]);
	const containing = [-1, ...Array.from({length: text.length + 1}, (_, index) => index)].map(index => {
		const found = segments.containing(index);
		return found ? [found.segment, found.index] : undefined;
	});
	return {listed, containing};
}

function disagreements(strings: Iterable<string>): string[] {
	const found: string[] = [];
	for (const text of strings) {
		const expected = cut(real.segment(text), text);
		const actual = cut(graphemeSegmenter.segment(text), text);
		if (JSON.stringify(actual) !== JSON.stringify(expected)) found.push(`${JSON.stringify(text)} [${hex(text)}]`);
		if (found.length >= 20) break;
	}
	return found;
}

function* everyCodePointBeside(neighbour: string): Generator<string> {
	for (let codePoint = 0; codePoint <= 0x1ffff; codePoint++) {
		const character = String.fromCodePoint(codePoint);
		yield `${neighbour}${character}${neighbour}`;
	}
}

describe('grapheme segments, compared with Intl.Segmenter', () => {
	it('cuts every code point of the Basic and Supplementary Multilingual Planes between letters alike', () => {
		expect(disagreements(everyCodePointBeside('a'))).toEqual([]);
	});

	it('cuts lone and paired surrogates, CR LF, and the empty string alike', () => {
		expect(disagreements(['', '\uD800', 'a\uDC00b', '\uD83D\uDE00', 'x\uD83D\uDE00y', '\r\n', 'a\r\nb', '\n\r'])).toEqual([]);
	});

	it('cuts the lines Ink draws (box borders, colours, hints, CJK, emoji) alike', () => {
		expect(
			disagreements([
				'╭──────────╮',
				'\u001B[32m✓ Created\u001B[39m  registry team-a',
				'› Where should the registry live?  ↑/↓ move · Enter choose · Esc back',
				'레지스트리 日本語 ｶﾞ 👩‍💻 🇰🇷 1️⃣ é',
			]),
		).toEqual([]);
	});

	it('agrees on random strings, with and without joining characters', () => {
		const pieces = ['a', ' ', '日', '가', '\u1100', '\u1161', '\u11A8', '😀', '👩', '\u{1F1F0}', '\u{1F1F7}', '\u{1F3FD}', '\u200D', '\uFE0F', '\u0301', '\u0E33', '\r', '\n', '\u001B', '[', 'm', '\uD800'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 10}), parts => {
				expect(disagreements([parts.join('')])).toEqual([]);
			}),
			{numRuns: 2000},
		);
	});

	it('takes its fast path only for strings without joining characters', () => {
		expect(joiner.test('plain text ✓ 日本')).toBe(false);
		const fromIntl = (value: object) => Object.getPrototypeOf(value) === Object.getPrototypeOf(real.segment(''));
		expect(fromIntl(graphemeSegmenter.segment('plain'))).toBe(false);
		expect(joiner.test('e\u0301')).toBe(true);
		expect(fromIntl(graphemeSegmenter.segment('e\u0301'))).toBe(true);
	});
});
