// A grapheme segmenter that answers as Intl.Segmenter does, without building one until a string needs it.
// Ink's tokenizers (@alcalzone/ansi-tokenize, slice-ansi) each make an Intl.Segmenter when loaded and cut
// every line of every frame with it: ~12 ms of ICU set-up before the first frame. .ci/build.mjs puts this
// one in their place (lever `lazy-segmenter`); test/build/grapheme-segmenter.test.ts compares the two.
//
// A string none of whose code points can join a neighbour (see `joiner`) is one cluster per code point;
// anything else goes to a real Intl.Segmenter, made on first need.

// Code points that can be part of a multi-code-point grapheme cluster other than as its first, lone
// character: extenders and marks (GB9, GB9a), ZWJ (GB11), regional indicators (GB12/13), Hangul jamo
// (GB6–8), Prepend characters (GB9b, the list Node's ICU uses), CR (GB3). Indic conjunct linkers
// (GB9c) are nonspacing marks, so Grapheme_Extend. When none is present, each code point is a cluster.
export const joiner =
	/[\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Mc}\p{Regional_Indicator}\u200D\u0E33\u0EB3\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\r\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u{110BD}\u{110CD}\u{111C2}\u{111C3}\u{113D1}\u{1193F}\u{11941}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]/u;

type Segment = {segment: string; index: number; input: string};
type Segments = Iterable<Segment> & {containing(index?: number): Segment | undefined};

let real: Intl.Segmenter | undefined;

/** One segment per code point: what Intl.Segmenter gives for a string without joining characters. */
function codePointSegments(input: string): Segments {
	const at = (index: number): Segment => {
		const codePoint = input.codePointAt(index)!;
		const high = input.charCodeAt(index);
		// The second half of a surrogate pair belongs to the segment that starts one unit earlier.
		if (high >= 0xdc00 && high <= 0xdfff && index > 0 && (input.codePointAt(index - 1) ?? 0) > 0xffff) return at(index - 1);
		return {segment: String.fromCodePoint(codePoint), index, input};
	};
	return {
		*[Symbol.iterator]() {
			for (let index = 0; index < input.length; ) {
				const segment = at(index);
				yield segment;
				index += segment.segment.length;
			}
		},
		containing(index = 0) {
			const position = Math.trunc(Number(index) || 0);
			return position >= 0 && position < input.length ? at(position) : undefined;
		},
	};
}

export const graphemeSegmenter = {
	segment(input: string): Segments {
		const text = String(input);
		if (!joiner.test(text)) return codePointSegments(text);
		real ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		return real.segment(text);
	},
};
