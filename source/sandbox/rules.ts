import {createHash, timingSafeEqual} from 'node:crypto';
import type {FieldSpec} from '../backends/types.js';

/** The backend's own field spec, so the emulator enforces exactly the naming rules the CLI checks. */
export function fieldSpec(fields: readonly FieldSpec[], key: string): FieldSpec {
	const spec = fields.find(candidate => candidate.key === key);
	if (!spec) throw new Error(`sandbox: the backend has no "${key}" field`);
	return spec;
}

/**
 * The rule's message for a value, or undefined when it passes. Unlike checkField this skips the
 * field's normalize step: a server receives the value as sent, and " team-a" is not "team-a".
 */
export function ruleProblem(spec: FieldSpec, value: string): string | undefined {
	if (value === '') return `is required (e.g. ${spec.example})`;
	const result = spec.schema.safeParse(value);
	return result.success ? undefined : (result.error.issues[0]?.message ?? spec.rule);
}

/** Equality in constant time whatever the lengths: compares digests, never the texts themselves. */
export function sameSecret(actual: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(actual), digest(expected));
}
