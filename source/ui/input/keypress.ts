/**
 * The wizard's one input layer, first half: every chunk the terminal sends becomes a list of
 * keypresses, in order. Ink 6.8 hands a run of plain characters on as one string (five Backspaces
 * held down arrive as one "\x7f\x7f\x7f\x7f\x7f"), which its keypress parser then fails to name;
 * here each character of such a run is a key of its own. A bracketed paste stays one paste (the
 * wizard turns bracketed paste on), so a pasted line break never submits.
 */
export type Keypress = {
	/** 'char' for printable text; otherwise the key: return, escape, tab, backspace, delete, left, … */
	name: string;
	/** The printable text of a 'char' or a 'paste'. */
	text: string;
	ctrl: boolean;
	meta: boolean;
	shift: boolean;
};

const ESC = '\u001B';
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;

const key = (name: string, modifiers: Partial<Keypress> = {}): Keypress => ({name, text: '', ctrl: false, meta: false, shift: false, ...modifiers});

/** CSI and SS3 sequences by their final part (xterm, rxvt, the Linux console and tmux). */
const SEQUENCES: Record<string, string> = {
	'[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[H': 'home', '[F': 'end',
	OA: 'up', OB: 'down', OC: 'right', OD: 'left', OH: 'home', OF: 'end',
	'[1~': 'home', '[7~': 'home', '[4~': 'end', '[8~': 'end', '[3~': 'delete', '[2~': 'insert',
	'[5~': 'pageup', '[6~': 'pagedown', '[Z': 'tab',
};

/** xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4). */
function modifiersOf(parameter: number | undefined): Partial<Keypress> {
	if (!parameter || parameter < 2) return {};
	const bits = parameter - 1;
	return {shift: (bits & 1) !== 0, meta: (bits & 2) !== 0, ctrl: (bits & 4) !== 0};
}

function parseSequence(sequence: string): Keypress {
	// ESC followed by one character: Alt (meta) with that key.
	if (sequence.length === 2 && sequence[1] !== '[' && sequence[1] !== 'O') {
		const inner = parseCharacter(sequence[1]!);
		return {...inner, meta: true};
	}
	if (sequence.startsWith(`${ESC}${ESC}`)) return {...parseSequence(sequence.slice(1)), meta: true};
	const body = sequence.slice(1);
	const direct = SEQUENCES[body];
	if (direct) return key(direct, body === '[Z' ? {shift: true} : {});
	// ESC [ 1 ; 5 D (Ctrl-Left), ESC [ 3 ; 3 ~ (Alt-Delete).
	const modified = /^\[(\d+);(\d+)([A-Z~])$/.exec(body);
	if (modified) {
		const [, first, parameter, final] = modified;
		const name = final === '~' ? SEQUENCES[`[${first}~`] : SEQUENCES[`[${final}`];
		if (name) return key(name, modifiersOf(Number(parameter)));
	}
	return key('unknown', {text: ''});
}

function parseCharacter(character: string): Keypress {
	if (character === '\r' || character === '\n') return key('return');
	if (character === '\t') return key('tab');
	if (character === '\u007F' || character === '\b') return key('backspace');
	if (character === ESC) return key('escape');
	const code = character.codePointAt(0)!;
	if (code === 0) return key('space', {ctrl: true});
	if (code < 27) return key(String.fromCharCode(code + 96), {ctrl: true});
	if (code < 32) return key('unknown');
	if (code >= 0x80 && code < 0xa0) return key('unknown');
	return key('char', {text: character});
}

/** Turns Ink's input events (escape sequences whole, plain runs whole) into keypresses, pastes kept whole. */
export function createKeySplitter() {
	let pasting: string | undefined;
	return function split(event: string): Keypress[] {
		const keys: Keypress[] = [];
		let rest = event;
		while (rest.length > 0) {
			if (pasting !== undefined) {
				const end = rest.indexOf(PASTE_END);
				if (end === -1) {
					pasting += rest;
					return keys;
				}
				keys.push(key('paste', {text: pasting + rest.slice(0, end)}));
				pasting = undefined;
				rest = rest.slice(end + PASTE_END.length);
				continue;
			}
			const start = rest.indexOf(PASTE_START);
			const head = start === -1 ? rest : rest.slice(0, start);
			keys.push(...splitPlain(head));
			if (start === -1) break;
			pasting = '';
			rest = rest.slice(start + PASTE_START.length);
		}
		return keys;
	};
}

function splitPlain(text: string): Keypress[] {
	if (text === '') return [];
	if (text.startsWith(ESC) && text.length > 1) return [parseSequence(text)];
	return Array.from(text, parseCharacter);
}

/** A name for a keypress as the key table writes it: "ctrl+a", "meta+backspace", "left", "char". */
export function keyId(press: Keypress): string {
	const parts: string[] = [];
	if (press.ctrl) parts.push('ctrl');
	if (press.meta) parts.push('meta');
	if (press.shift && press.name !== 'char') parts.push('shift');
	parts.push(press.name === 'char' ? press.text : press.name);
	return parts.join('+');
}
