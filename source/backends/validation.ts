import * as z from 'zod/mini';
import {t} from '../i18n/index.js';
import type {Answers, FieldSpec} from './types.js';

export type FieldError = {key: string; label: string; flag?: string; message: string; value: string};

/** Bad input, named field by field. Never carries a secret value. */
export class InputError extends Error {
	constructor(readonly errors: FieldError[]) {
		super(errors.map(error => `${error.label}: ${error.message}`).join('\n'));
		this.name = 'InputError';
	}
}

// C0 and C1 control characters and DEL: never legal in anything we send.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;

export const hasControlCharacters = (value: string): boolean => CONTROL.test(value);

// Half of a surrogate pair cannot be encoded as UTF-8: it would be sent as U+FFFD, not as typed.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isWellFormedText = (value: string): boolean => !LONE_SURROGATE.test(value);

/** Parses like a schema; `lazySchema` builds the schema behind it on first use. */
export type Parser<S extends z.ZodMiniType> = Pick<S, 'parse' | 'safeParse'>;

/** A schema built on its first use: a run parses few of the schemas regwiz describes, and building each costs start-up time. */
export function lazySchema<S extends z.ZodMiniType>(make: () => S): Parser<S> {
	let schema: S | undefined;
	const built = () => (schema ??= make());
	return {
		parse: ((data, params) => built().parse(data, params)) as S['parse'],
		safeParse: ((data, params) => built().safeParse(data, params)) as S['safeParse'],
	};
}

/** A single-line printable value; the rule is repeated so each schema reads on its own. */
export function printableText(rule: string, maxLength: number) {
	return z.string().check(
		z.maxLength(maxLength, t('backend.text.tooLong', {rule, max: maxLength})),
		z.refine(value => !hasControlCharacters(value), t('backend.text.controlCharacters')),
		z.refine(isWellFormedText, t('backend.text.brokenCharacter')),
	);
}

export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function baseUrlProblem(value: string): string | undefined {
	if (hasControlCharacters(value) || /\s/.test(value)) return t('backend.url.spaces');
	// A bare "?" or "#" leaves URL's search and hash empty, yet whatever regwiz appends would land after it.
	const marker = (['?', '#'] as const).find(character => value.includes(character));
	if (marker) return t('backend.url.marker', {marker, example: value.slice(0, value.indexOf(marker)) || 'https://registry.example.com'});
	if (!URL.canParse(value)) return t('backend.url.notUrl');
	const url = new URL(value);
	if (!/^https?:$/.test(url.protocol)) return t('backend.url.scheme');
	if (url.username !== '' || url.password !== '') return t('backend.url.userInfo');
	if (url.search !== '' || url.hash !== '') return t('backend.url.queryOrFragment');
	return undefined;
}

/** An http(s) base URL with no credentials, query or fragment. */
export const baseUrlSchema = lazySchema(() =>
	z.string().check(
		z.minLength(1, t('backend.url.required')),
		z.superRefine((value: string, context) => {
			const problem = baseUrlProblem(value);
			if (problem) context.addIssue({code: 'custom', message: problem});
		}),
	),
);

/** Plain http to a host other than this machine would send credentials in the clear. */
export function insecureHttpProblem(baseUrl: string): string | undefined {
	if (!URL.canParse(baseUrl)) return undefined;
	const url = new URL(baseUrl);
	if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return undefined;
	return t('backend.url.insecure', {origin: url.origin});
}

export function fieldApplies(spec: FieldSpec, answers: Answers): boolean {
	return spec.when ? spec.when(answers) : true;
}

/** Checks one field; returns the message to show under it, or undefined when it is fine. */
export function checkField(spec: FieldSpec, raw: string): string | undefined {
	const value = spec.normalize ? spec.normalize(raw) : raw;
	if (value === '') return spec.optional ? undefined : t('backend.field.required', {label: spec.label, example: spec.example});
	const result = spec.schema.safeParse(value);
	if (result.success) return undefined;
	return result.error.issues[0]?.message ?? spec.rule;
}

/** Validates every applicable field; returns the cleaned answers or throws InputError. */
export function validateAnswers(specs: readonly FieldSpec[], answers: Answers): Answers {
	const errors: FieldError[] = [];
	const values: Answers = {};
	for (const spec of specs) {
		if (!fieldApplies(spec, {...answers, ...values})) continue;
		const raw = answers[spec.key] ?? spec.defaultValue ?? '';
		const value = spec.normalize ? spec.normalize(raw) : raw;
		const message = checkField(spec, value);
		if (message) {
			errors.push({
				key: spec.key,
				label: spec.label,
				flag: spec.flag,
				message,
				value: spec.kind === 'secret' ? '' : value,
			});
		} else {
			values[spec.key] = value;
		}
	}
	if (errors.length > 0) throw new InputError(errors);
	return values;
}

/** Trims what a paste brings along: surrounding spaces, line breaks, bracketed-paste markers. */
export const trimPasted = (value: string): string =>
	value.replace(/\u001B?\[20[01]~/g, '').replace(/[\r\n]/g, '').trim();
