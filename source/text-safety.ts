// The one output-safety rule for text that did not come from regwiz itself: what a server answered
// (messages, codes, headers, Location), what a file holds (profiles, history, ~/.ncloud/configure) and
// what a person passed in (URLs, names). It sits at the bottom of the import graph so that every layer,
// the backends, the core, the command line and the wizard, shows such text the same way.
//
// The rule, after curl's and git's: a character that can act on a terminal is never written as itself.
// C0 controls (NUL, BEL, BS, TAB, LF, CR, ESC: OSC titles and hyperlinks, clear-screen, cursor moves),
// DEL, the C1 controls U+0080–U+009F (a lone U+009B is CSI on many terminals), the Unicode line and
// paragraph separators and the bidirectional overrides (which reorder what a line appears to say) are
// shown as visible `\uXXXX` escapes. Everything else, accents, CJK, emoji, stays as it is.

/** Every character the rule escapes; `g` for replacing, so callers use `.replace`, never `.test`. */
export const UNSAFE_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

// JSON.stringify escapes U+0000–U+001F itself; these it leaves raw.
const RAW_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

const escape = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Foreign text as it may reach a terminal: every unsafe character as a visible `\uXXXX` escape
 * ("\u001b]0;title\u0007" shows those very characters). Idempotent: its output has nothing left to escape.
 */
export function safeText(text: string): string {
	return text.replace(UNSAFE_CHARACTERS, escape);
}

/** True when the text holds a character `safeText` would escape. */
export const hasUnsafeCharacters = (text: string): boolean => text.search(UNSAFE_CHARACTERS) !== -1;

/**
 * JSON whose text holds no unsafe character raw, whatever the values hold: JSON.stringify escapes only
 * U+0000–U+001F, so DEL, C1, U+2028/2029 and the bidirectional controls are escaped here as `\uXXXX`.
 * Outside strings JSON has none of these characters, so the result parses back to the same value.
 */
export function safeJson(value: unknown): string {
	return (JSON.stringify(value) ?? 'null').replace(RAW_IN_JSON, escape);
}
