import {t} from '../i18n/index.js';
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
	/** What the footer says the key does (a screen may say it more precisely), in the language in use. */
	action: () => string;
};

export const KEY_TABLE: readonly Binding[] = [
	{scope: 'global', command: 'quit', keys: ['ctrl+c'], label: 'Ctrl-C', action: () => t('ui.key.quit')},
	{scope: 'global', command: 'back', keys: ['escape'], label: 'Esc', action: () => t('ui.key.back')},

	{scope: 'list', command: 'up', keys: ['up', 'k', 'ctrl+p'], label: '↑↓', action: () => t('ui.key.choose')},
	{scope: 'list', command: 'down', keys: ['down', 'j', 'ctrl+n'], label: '↑↓', action: () => t('ui.key.choose')},
	{scope: 'list', command: 'select', keys: ['return'], label: 'Enter', action: () => t('ui.key.select')},
	{scope: 'list', command: 'editProfile', keys: ['e'], label: 'e', action: () => t('ui.key.editProfile')},

	{scope: 'text', command: 'submit', keys: ['return'], label: 'Enter', action: () => t('ui.key.next')},
	{scope: 'text', command: 'acceptSuggestion', keys: ['tab'], label: 'Tab', action: () => t('ui.key.accept')},
	{scope: 'text', command: 'left', keys: ['left', 'ctrl+b'], label: '←', action: () => t('ui.key.moveLeft')},
	{scope: 'text', command: 'right', keys: ['right', 'ctrl+f'], label: '→', action: () => t('ui.key.moveRight')},
	{scope: 'text', command: 'wordLeft', keys: ['meta+left', 'ctrl+left', 'meta+b'], label: 'Alt-←', action: () => t('ui.key.wordLeft')},
	{scope: 'text', command: 'wordRight', keys: ['meta+right', 'ctrl+right', 'meta+f'], label: 'Alt-→', action: () => t('ui.key.wordRight')},
	{scope: 'text', command: 'home', keys: ['home', 'ctrl+a'], label: 'Home', action: () => t('ui.key.start')},
	{scope: 'text', command: 'end', keys: ['end', 'ctrl+e'], label: 'End', action: () => t('ui.key.end')},
	{scope: 'text', command: 'deleteBack', keys: ['backspace', 'ctrl+h', 'shift+backspace'], label: 'Backspace', action: () => t('ui.key.deleteBack')},
	{scope: 'text', command: 'deleteForward', keys: ['delete', 'ctrl+d'], label: 'Delete', action: () => t('ui.key.deleteForward')},
	{scope: 'text', command: 'deleteToStart', keys: ['ctrl+u'], label: 'Ctrl-U', action: () => t('ui.key.deleteToStart')},
	{scope: 'text', command: 'deleteToEnd', keys: ['ctrl+k'], label: 'Ctrl-K', action: () => t('ui.key.deleteToEnd')},
	{scope: 'text', command: 'deleteWordBack', keys: ['ctrl+w'], label: 'Ctrl-W', action: () => t('ui.key.deleteWord')},
	{scope: 'text', command: 'deleteWordBackAlnum', keys: ['meta+backspace', 'ctrl+meta+h'], label: 'Alt-Backspace', action: () => t('ui.key.deleteWord')},

	{scope: 'review', command: 'send', keys: ['return'], label: 'Enter', action: () => t('ui.key.send')},
	{scope: 'sending', command: 'back', keys: ['escape'], label: 'Esc', action: () => t('ui.key.cancel')},
	{scope: 'result', command: 'retry', keys: ['r'], label: 'r', action: () => t('ui.key.retry')},
	{scope: 'result', command: 'rename', keys: ['c'], label: 'c', action: () => t('ui.key.rename')},
	{scope: 'result', command: 'login', keys: ['l'], label: 'l', action: () => t('ui.key.login')},
	{scope: 'result', command: 'another', keys: ['n'], label: 'n', action: () => t('ui.key.another')},
	{scope: 'result', command: 'close', keys: ['q'], label: 'q', action: () => t('ui.key.quit')},
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
	return `${binding.label} ${action ?? binding.action()}`;
}
