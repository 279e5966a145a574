import {describe, expect, it} from 'vitest';
import {createKeySplitter, keyId} from '../../source/ui/input/keypress.js';
import {editLine, insertText, lineAt} from '../../source/ui/input/line-editor.js';
import {commandFor, KEY_TABLE} from '../../source/ui/keymap.js';
import {disallowedCharacters, suggestValue} from '../../source/ui/field-faults.js';
import {ncr} from '../../source/backends/ncr.js';

// Ink hands on a run of plain characters as one event and each escape sequence as one: the splitter
// must make one keypress of each key, in order.
const ids = (...events: string[]) => {
	const split = createKeySplitter();
	return events.flatMap(event => split(event)).map(keyId);
};

describe('the input layer splits reads into keys', () => {
	it('a held Backspace and typed text are one key per character', () => {
		expect(ids('\u007F\u007F\u007F')).toEqual(['backspace', 'backspace', 'backspace']);
		expect(ids('ab\r')).toEqual(['a', 'b', 'return']);
	});

	it('names control keys, modified arrows and Alt keys', () => {
		expect(ids('\u0001', '\u0015', '\u0017', '\u000B')).toEqual(['ctrl+a', 'ctrl+u', 'ctrl+w', 'ctrl+k']);
		expect(ids('\u001B[1;3D', '\u001B[1;5C', '\u001B[3~', '\u001B[H', '\u001BOF')).toEqual(['meta+left', 'ctrl+right', 'delete', 'home', 'end']);
		expect(ids('\u001B\u007F', '\u001Bb')).toEqual(['meta+backspace', 'meta+b']);
		expect(ids('\u001B')).toEqual(['escape']);
	});

	it('a bracketed paste is one paste, even across reads and with line breaks', () => {
		const split = createKeySplitter();
		expect(split('\u001B[200~')).toEqual([]);
		expect(split('abc\r\n')).toEqual([]);
		const [paste] = split('\u001B[201~');
		expect(paste).toMatchObject({name: 'paste', text: 'abc\r\n'});
	});
});

describe('the line editor', () => {
	const run = (start: string, cursor: number, ...commands: Parameters<typeof editLine>[1][]) =>
		commands.reduce((line, command) => editLine(line, command), {value: start, cursor});

	it('moves by character, word and line', () => {
		expect(run('one two-three', 13, 'wordLeft')).toEqual({value: 'one two-three', cursor: 8});
		expect(run('one two-three', 0, 'wordRight', 'wordRight')).toEqual({value: 'one two-three', cursor: 7});
		expect(run('abc', 1, 'home').cursor).toBe(0);
		expect(run('abc', 1, 'end').cursor).toBe(3);
	});

	it('deletes back, forward, to either end and by word', () => {
		expect(run('abc', 1, 'deleteForward')).toEqual({value: 'ac', cursor: 1});
		expect(run('abc', 1, 'deleteBack')).toEqual({value: 'bc', cursor: 0});
		expect(run('abcdef', 3, 'deleteToStart')).toEqual({value: 'def', cursor: 0});
		expect(run('abcdef', 3, 'deleteToEnd')).toEqual({value: 'abc', cursor: 3});
		expect(run('one two-three', 13, 'deleteWordBack')).toEqual({value: 'one ', cursor: 4});
		expect(run('one two-three', 13, 'deleteWordBackAlnum')).toEqual({value: 'one two-', cursor: 8});
	});

	it('counts characters, not UTF-16 units, and inserts a paste without line breaks', () => {
		expect(run('a😀b', 3, 'left', 'deleteBack')).toEqual({value: 'ab', cursor: 1});
		expect(insertText(lineAt('ab', 1), 'X\r\nY')).toEqual({value: 'aXYb', cursor: 3});
	});
});

describe('the key table', () => {
	it('maps every key once per screen', () => {
		for (const scope of new Set(KEY_TABLE.map(row => row.scope))) {
			const keys = KEY_TABLE.filter(row => row.scope === scope).flatMap(row => row.keys);
			expect(new Set(keys).size, scope).toBe(keys.length);
		}
	});

	it('Ctrl-letters are commands in a field, never text', () => {
		const split = createKeySplitter();
		expect(commandFor('text', split('\u0001')[0]!)).toBe('home');
		expect(commandFor('text', split('\u0003')[0]!)).toBe('quit');
		expect(commandFor('text', split('\u001B')[0]!)).toBe('back');
	});
});

describe('validation names the fault', () => {
	const registry = ncr.fields.find(spec => spec.key === 'registry')!;
	it('says which characters are wrong and offers a corrected value', () => {
		expect(disallowedCharacters(registry, 'Team_A')).toBe('uppercase T, A and the underscore are not allowed');
		expect(suggestValue(registry, 'Team_A')).toBe('team-a');
		expect(suggestValue(registry, '-team a-')).toBe('team-a');
		expect(suggestValue(registry, 'team-a')).toBeUndefined();
	});
});
