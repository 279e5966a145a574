import {t} from '../i18n/index.js';
import {checkField} from '../backends/validation.js';
import type {FieldSpec} from '../backends/types.js';

/**
 * Validation that names the fault, not only the rule: for `Team_A` in a lowercase-name field,
 * "uppercase T, A and the underscore are not allowed". Which characters a field accepts is read from
 * its own schema (each character tried inside a value the field accepts), so every backend's names
 * get this without describing their rules twice.
 */
const PROBE = 'a';

function accepts(spec: FieldSpec, value: string): boolean {
	const normalized = spec.normalize ? spec.normalize(value) : value;
	return spec.schema.safeParse(normalized).success;
}

/** Whether the field is a name made of a set of characters (a probe of plain letters passes). */
function isCharacterRule(spec: FieldSpec): boolean {
	return spec.kind === 'text' && accepts(spec, `${PROBE}${PROBE}${PROBE}`);
}

function characterAllowed(spec: FieldSpec, character: string): boolean {
	return accepts(spec, `${PROBE}${character}${PROBE}`);
}

/** A character as a person names it, in the language in use; others quoted as they are. */
function nameOf(character: string): string {
	switch (character) {
		case '_':
			return t('ui.fault.underscore');
		case ' ':
			return t('ui.fault.space');
		case '.':
			return t('ui.fault.dot');
		case '/':
			return t('ui.fault.slash');
		case ':':
			return t('ui.fault.colon');
		case '@':
			return t('ui.fault.at');
		case '-':
			return t('ui.fault.hyphen');
		default:
			return `"${character}"`;
	}
}

/** The characters of `value` the field does not accept, said as a person would. */
export function disallowedCharacters(spec: FieldSpec, value: string): string | undefined {
	if (!isCharacterRule(spec)) return undefined;
	const seen = new Set<string>();
	const uppercase: string[] = [];
	const others: string[] = [];
	for (const character of Array.from(value)) {
		if (seen.has(character) || characterAllowed(spec, character)) continue;
		seen.add(character);
		const lower = character.toLowerCase();
		if (lower !== character && characterAllowed(spec, lower)) uppercase.push(character);
		else others.push(character);
	}
	const parts = [...(uppercase.length > 0 ? [t('ui.fault.uppercase', {letters: uppercase.join(', ')})] : []), ...others.map(nameOf)];
	if (parts.length === 0) return undefined;
	const count = uppercase.length + others.length;
	return t('ui.fault.notAllowed', {parts, count});
}

/** The message for an invalid value (its fault first, then the rule), or undefined when it is valid. */
export function fieldFault(spec: FieldSpec, value: string): string | undefined {
	const message = checkField(spec, value);
	if (message === undefined || value === '') return message;
	const fault = disallowedCharacters(spec, value);
	return fault ? `${fault} (${spec.rule})` : message;
}

/** A corrected value for an invalid name: lowercase, other characters as hyphens, trimmed; only if it is valid. */
export function suggestValue(spec: FieldSpec, value: string): string | undefined {
	if (value === '' || checkField(spec, value) === undefined || !isCharacterRule(spec)) return undefined;
	const hyphen = characterAllowed(spec, '-') ? '-' : '';
	let fixed = Array.from(value.trim())
		.map(character => {
			if (characterAllowed(spec, character)) return character;
			const lower = character.toLowerCase();
			return characterAllowed(spec, lower) ? lower : hyphen;
		})
		.join('');
	if (hyphen) fixed = fixed.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
	return fixed !== '' && fixed !== value && checkField(spec, fixed) === undefined ? fixed : undefined;
}
