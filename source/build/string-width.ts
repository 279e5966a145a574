// A lighter stand-in for the `string-width` package (ink measures every string with it), put in its
// place at bundle time by .ci/build.mjs. It gives the same answers (test/build/string-width.test.ts compares
// them) but costs nothing at start-up: `string-width` builds an Intl.Segmenter (~16 ms here) on import and
// compiles an RGI_Emoji set regex (~50 ms) on the first non-ASCII string; this module needs neither
// unless a string really holds a multi-code-point cluster (combining marks, ZWJ emoji, flags, Hangul jamo…).
//
// How: a string whose code points cannot join a neighbour into one grapheme cluster is measured code
// point by code point (0 for invisible ones, 2 for emoji shown as pictures, else the East Asian Width).
// Anything else is cut into clusters with Intl.Segmenter (made on first need) and each cluster measured
// by the same rules as string-width 8.
import {eastAsianWidth} from 'get-east-asian-width';
import stripAnsi from 'strip-ansi';
import {graphemeSegmenter, joiner} from './grapheme-segmenter.js';

export type Options = {
	/** Count East Asian Ambiguous characters as one column (default) or two. */
	ambiguousIsNarrow?: boolean;
	/** Measure ANSI escape codes as text instead of removing them first. */
	countAnsiEscapeCodes?: boolean;
};

const printableAscii = /^[\u0020-\u007E]*$/;

// Code points that print nothing: default-ignorables, controls, format characters, nonspacing and
// enclosing marks, lone surrogates.
const invisible = /[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u;
// A single code point is an RGI emoji exactly when it has Emoji_Presentation and is not a regional
// indicator (checked against \p{RGI_Emoji} for every code point by the test).
const emojiPresentation = /\p{Emoji_Presentation}/u;
const regionalIndicator = /\p{Regional_Indicator}/u;
const emoji = /\p{Emoji}/u;
const extendedPictographic = /\p{Extended_Pictographic}/gu;
const spacingMark = /\p{Mc}/u;
const keycapBase = /^[\d#*]$/;

const narrowCache = new Map<number, number>();
const wideCache = new Map<number, number>();

/** The width of a code point that is a grapheme cluster by itself. */
function loneWidth(codePoint: number, ambiguousAsWide: boolean): number {
	const cache = ambiguousAsWide ? wideCache : narrowCache;
	let width = cache.get(codePoint);
	if (width === undefined) {
		const character = String.fromCodePoint(codePoint);
		if (invisible.test(character)) width = 0;
		else if (emojiPresentation.test(character) && !regionalIndicator.test(character)) width = 2;
		else width = eastAsianWidth(codePoint, {ambiguousAsWide});
		cache.set(codePoint, width);
	}
	return width;
}

let rgiEmoji: RegExp | undefined;

/** Whether a multi-code-point cluster is drawn as one double-width emoji. */
function isWideEmojiCluster(cluster: string, first: number): boolean {
	// Unqualified keycaps (digit + U+20E3) and ZWJ sequences of two or more pictographs count, RGI or not
	// (string-width looks for these two shapes only in clusters of at most 50 UTF-16 units).
	const short = cluster.length <= 50;
	if (short && cluster.length === 2 && cluster.charCodeAt(1) === 0x20e3 && keycapBase.test(cluster[0]!)) return true;
	if (short && cluster.includes('\u200D') && (cluster.match(extendedPictographic)?.length ?? 0) >= 2) return true;
	const firstCharacter = String.fromCodePoint(first);
	if (!emoji.test(firstCharacter)) return false;
	// A text-style emoji asking for picture style (U+FE0F) is RGI unless it is a keycap base, a regional
	// indicator or already a picture (checked for every emoji code point by the test).
	const firstLength = first > 0xffff ? 2 : 1;
	if (cluster.length === firstLength + 1 && cluster.charCodeAt(firstLength) === 0xfe0f) {
		return !emojiPresentation.test(firstCharacter) && !keycapBase.test(firstCharacter) && !regionalIndicator.test(firstCharacter);
	}
	// Flags, skin tones, keycaps, tag sequences, ZWJ sequences: the Unicode set itself, compiled on first need.
	rgiEmoji ??= new RegExp('^\\p{RGI_Emoji}$', 'v');
	return rgiEmoji.test(cluster);
}

const isLeadingJamo = (codePoint: number) => (codePoint >= 0x1100 && codePoint <= 0x115f) || (codePoint >= 0xa960 && codePoint <= 0xa97c);
const isVowelJamo = (codePoint: number) => (codePoint >= 0x1160 && codePoint <= 0x11a7) || (codePoint >= 0xd7b0 && codePoint <= 0xd7c6);
const isTrailingJamo = (codePoint: number) => (codePoint >= 0x11a8 && codePoint <= 0x11ff) || (codePoint >= 0xd7cb && codePoint <= 0xd7fb);
const isJamo = (codePoint: number) => isLeadingJamo(codePoint) || isVowelJamo(codePoint) || isTrailingJamo(codePoint);

/**
 * A cluster of conjoining Hangul jamo: each leading+vowel(+trailing) run is one two-column syllable,
 * other jamo add their own width. Undefined when the cluster does not start with a jamo.
 */
function jamoClusterWidth(visible: number[], ambiguousAsWide: boolean): number | undefined {
	if (visible.length === 0 || !isJamo(visible[0]!)) return undefined;
	let width = 0;
	for (let index = 0; index < visible.length; index++) {
		const codePoint = visible[index]!;
		if (!isJamo(codePoint)) {
			for (const rest of visible.slice(index)) width += eastAsianWidth(rest, {ambiguousAsWide});
			return width;
		}
		if (isLeadingJamo(codePoint) && isVowelJamo(visible[index + 1] ?? -1)) {
			width += 2;
			index += isTrailingJamo(visible[index + 2] ?? -1) ? 2 : 1;
		} else {
			width += eastAsianWidth(codePoint, {ambiguousAsWide});
		}
	}
	return width;
}

/** The width of one grapheme cluster. */
function clusterWidth(cluster: string, ambiguousAsWide: boolean): number {
	const codePoints: number[] = [];
	for (let index = 0; index < cluster.length; ) {
		const codePoint = cluster.codePointAt(index)!;
		codePoints.push(codePoint);
		index += codePoint > 0xffff ? 2 : 1;
	}
	if (codePoints.length === 1) return loneWidth(codePoints[0]!, ambiguousAsWide);
	// Leading invisible code points (Prepend format characters, stray marks) are skipped.
	const start = codePoints.findIndex(codePoint => !invisible.test(String.fromCodePoint(codePoint)));
	if (start === -1) return 0;
	if (isWideEmojiCluster(cluster, codePoints[0]!)) return 2;
	const fromBase = codePoints.slice(start);
	const jamo = jamoClusterWidth(
		fromBase.filter(codePoint => !invisible.test(String.fromCodePoint(codePoint))),
		ambiguousAsWide,
	);
	if (jamo !== undefined) return jamo;
	// The base's width, plus spacing marks and half/full-width forms (sound marks) that follow it.
	let width = eastAsianWidth(fromBase[0]!, {ambiguousAsWide});
	for (const codePoint of fromBase.slice(1)) {
		if ((codePoint >= 0xff00 && codePoint <= 0xffef) || spacingMark.test(String.fromCodePoint(codePoint))) {
			width += eastAsianWidth(codePoint, {ambiguousAsWide});
		}
	}
	return width;
}

/** The number of terminal columns a string takes. */
export default function stringWidth(input: string, options: Options = {}): number {
	if (typeof input !== 'string' || input.length === 0) return 0;
	const {ambiguousIsNarrow = true, countAnsiEscapeCodes = false} = options;
	let text = input;
	if (!countAnsiEscapeCodes && (text.includes('\u001B') || text.includes('\u009B'))) text = stripAnsi(text);
	if (text.length === 0) return 0;
	if (printableAscii.test(text)) return text.length;
	const ambiguousAsWide = !ambiguousIsNarrow;
	let width = 0;
	if (!joiner.test(text)) {
		for (let index = 0; index < text.length; ) {
			const codePoint = text.codePointAt(index)!;
			width += loneWidth(codePoint, ambiguousAsWide);
			index += codePoint > 0xffff ? 2 : 1;
		}
		return width;
	}
	for (const {segment} of graphemeSegmenter.segment(text)) width += clusterWidth(segment, ambiguousAsWide);
	return width;
}
