import {keyId, type Keypress} from './input/keypress.js';

/**
 * Every key the wizard knows, as one table (key → command). The screens act on the command a key
 * maps to, and the footer hints are drawn from the same rows, so what the footer says and what a
 * key does cannot disagree.
 */
export type Command =
	// anywhere
	| 'quit'
	| 'back'
	// lists
	| 'up'
	| 'down'
	| 'select'
	| 'editProfile'
	// text fields
	| 'submit'
	| 'acceptSuggestion'
	| 'left'
	| 'right'
	| 'wordLeft'
	| 'wordRight'
	| 'home'
	| 'end'
	| 'deleteBack'
	| 'deleteForward'
	| 'deleteToStart'
	| 'deleteToEnd'
	| 'deleteWordBack'
	| 'deleteWordBackAlnum'
	// review and result
	| 'send'
	| 'retry'
	| 'rename'
	| 'login'
	| 'another'
	| 'close';

export type Scope = 'global' | 'list' | 'text' | 'review' | 'result' | 'sending';

export type Binding = {
	scope: Scope;
	command: Command;
	/** Key ids as `keyId` writes them. */
	keys: string[];
	/** How the footer names the key(s). */
	label: string;
	/** What the footer says the key does (a screen may say it more precisely). */
	action: string;
};

export const KEY_TABLE: readonly Binding[] = [
	{scope: 'global', command: 'quit', keys: ['ctrl+c'], label: 'Ctrl-C', action: 'quit'},
	{scope: 'global', command: 'back', keys: ['escape'], label: 'Esc', action: 'back'},

	{scope: 'list', command: 'up', keys: ['up', 'k', 'ctrl+p'], label: '↑↓', action: 'choose'},
	{scope: 'list', command: 'down', keys: ['down', 'j', 'ctrl+n'], label: '↑↓', action: 'choose'},
	{scope: 'list', command: 'select', keys: ['return'], label: 'Enter', action: 'select'},
	{scope: 'list', command: 'editProfile', keys: ['e'], label: 'e', action: 'edit profile'},

	{scope: 'text', command: 'submit', keys: ['return'], label: 'Enter', action: 'next'},
	{scope: 'text', command: 'acceptSuggestion', keys: ['tab'], label: 'Tab', action: 'accept'},
	{scope: 'text', command: 'left', keys: ['left', 'ctrl+b'], label: '←', action: 'move left'},
	{scope: 'text', command: 'right', keys: ['right', 'ctrl+f'], label: '→', action: 'move right'},
	{scope: 'text', command: 'wordLeft', keys: ['meta+left', 'ctrl+left', 'meta+b'], label: 'Alt-←', action: 'word left'},
	{scope: 'text', command: 'wordRight', keys: ['meta+right', 'ctrl+right', 'meta+f'], label: 'Alt-→', action: 'word right'},
	{scope: 'text', command: 'home', keys: ['home', 'ctrl+a'], label: 'Home', action: 'start'},
	{scope: 'text', command: 'end', keys: ['end', 'ctrl+e'], label: 'End', action: 'end'},
	{scope: 'text', command: 'deleteBack', keys: ['backspace', 'ctrl+h', 'shift+backspace'], label: 'Backspace', action: 'delete back'},
	{scope: 'text', command: 'deleteForward', keys: ['delete', 'ctrl+d'], label: 'Delete', action: 'delete forward'},
	{scope: 'text', command: 'deleteToStart', keys: ['ctrl+u'], label: 'Ctrl-U', action: 'delete to start'},
	{scope: 'text', command: 'deleteToEnd', keys: ['ctrl+k'], label: 'Ctrl-K', action: 'delete to end'},
	{scope: 'text', command: 'deleteWordBack', keys: ['ctrl+w'], label: 'Ctrl-W', action: 'delete word'},
	{scope: 'text', command: 'deleteWordBackAlnum', keys: ['meta+backspace', 'ctrl+meta+h'], label: 'Alt-Backspace', action: 'delete word'},

	{scope: 'review', command: 'send', keys: ['return'], label: 'Enter', action: 'send'},
	{scope: 'sending', command: 'back', keys: ['escape'], label: 'Esc', action: 'cancel'},
	{scope: 'result', command: 'retry', keys: ['r'], label: 'r', action: 'retry'},
	{scope: 'result', command: 'rename', keys: ['c'], label: 'c', action: 'change the name'},
	{scope: 'result', command: 'login', keys: ['l'], label: 'l', action: 'log in with docker now'},
	{scope: 'result', command: 'another', keys: ['n'], label: 'n', action: 'create another'},
	{scope: 'result', command: 'close', keys: ['q'], label: 'q', action: 'quit'},
];

/** The command a key means on a screen of this scope (the screen's own rows first, then the global ones). */
export function commandFor(scope: Scope, press: Keypress): Command | undefined {
	const id = keyId(press);
	const own = KEY_TABLE.find(binding => binding.scope === scope && binding.keys.includes(id));
	if (own) return own.command;
	return KEY_TABLE.find(binding => binding.scope === 'global' && binding.keys.includes(id))?.command;
}

/** "Enter next": a footer hint for a command, named by the table; `action` words it for this screen. */
export function hint(scope: Scope, command: Command, action?: string): string {
	const binding = KEY_TABLE.find(row => row.scope === scope && row.command === command) ?? KEY_TABLE.find(row => row.scope === 'global' && row.command === command);
	if (!binding) throw new Error(`no key for ${scope}.${command}`);
	return `${binding.label} ${action ?? binding.action}`;
}
