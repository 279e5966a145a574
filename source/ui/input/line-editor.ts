import type {Command} from '../keymap.js';

/** A one-line value and the cursor in it, counted in characters (code points), as readline edits it. */
export type Line = {value: string; cursor: number};

export const lineAt = (value: string, cursor = Array.from(value).length): Line => ({value, cursor});

/** What a keystroke or paste may add to a one-line value: no line breaks, paste markers or control codes. */
export function sanitizeTyped(value: string): string {
	return value
		.replace(/\u001B?\[20[01]~/g, '')
		.replace(/[\r\n]+/g, '')
		.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
}

const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character);
const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);

/** Index of the start of the word before `cursor` (words: letters and digits, as Alt-b and Alt-Backspace see them). */
function wordStartBefore(characters: string[], cursor: number, inWord: (c: string | undefined) => boolean): number {
	let index = cursor;
	while (index > 0 && !inWord(characters[index - 1])) index--;
	while (index > 0 && inWord(characters[index - 1])) index--;
	return index;
}

function wordEndAfter(characters: string[], cursor: number): number {
	let index = cursor;
	while (index < characters.length && !isWordCharacter(characters[index])) index++;
	while (index < characters.length && isWordCharacter(characters[index])) index++;
	return index;
}

export function insertText(line: Line, text: string): Line {
	const clean = sanitizeTyped(text);
	if (clean === '') return line;
	const characters = Array.from(line.value);
	const added = Array.from(clean);
	characters.splice(line.cursor, 0, ...added);
	return {value: characters.join(''), cursor: line.cursor + added.length};
}

/** Applies an editing command; commands that do not edit leave the line as it is. */
export function editLine(line: Line, command: Command): Line {
	const characters = Array.from(line.value);
	const cursor = Math.min(Math.max(0, line.cursor), characters.length);
	const cut = (from: number, to: number, at: number): Line => {
		characters.splice(from, to - from);
		return {value: characters.join(''), cursor: at};
	};
	switch (command) {
		case 'left':
			return {...line, cursor: Math.max(0, cursor - 1)};
		case 'right':
			return {...line, cursor: Math.min(characters.length, cursor + 1)};
		case 'home':
			return {...line, cursor: 0};
		case 'end':
			return {...line, cursor: characters.length};
		case 'wordLeft':
			return {...line, cursor: wordStartBefore(characters, cursor, isWordCharacter)};
		case 'wordRight':
			return {...line, cursor: wordEndAfter(characters, cursor)};
		case 'deleteBack':
			return cursor === 0 ? line : cut(cursor - 1, cursor, cursor - 1);
		case 'deleteForward':
			return cursor >= characters.length ? line : cut(cursor, cursor + 1, cursor);
		case 'deleteToStart':
			return cut(0, cursor, 0);
		case 'deleteToEnd':
			return cut(cursor, characters.length, cursor);
		case 'deleteWordBack': {
			// Ctrl-W as in a shell: back to the previous whitespace.
			const start = wordStartBefore(characters, cursor, character => character !== undefined && !isSpace(character));
			return cut(start, cursor, start);
		}
		case 'deleteWordBackAlnum': {
			const start = wordStartBefore(characters, cursor, isWordCharacter);
			return cut(start, cursor, start);
		}
		default:
			return line;
	}
}
