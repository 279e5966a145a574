// Property: for any field values, buildRequest either refuses them with an InputError naming exactly the
// fields that break their rule, or builds a request that says exactly what was given: the URL path, the
// query and the body decode back to the values, and the NCR signature verifies over what is sent.
// The rules are restated here from docs (api-notes.md), independently of the schemas under test.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {ncr} from '../../source/backends/ncr.js';
import {registryui} from '../../source/backends/registryui.js';
import {InputError} from '../../source/backends/validation.js';
import {NCP_HEADER, signNcpRequest} from '../../source/signing/ncp-signature.js';

const NOW = 1_767_225_600_000;
const NCR_CREDENTIALS = {accessKey: 'ncp_iam_BPAMKR0000PROP0001', secretKey: 'SECRET-canary-property-0123456789'};
const UI_CREDENTIALS = {username: 'admin', token: 'TOKEN-canary-property-0123456789'};

// Pieces that break paths, queries, terminals and encodings, mixed with the characters names are made of.
const TRICKS = ['../', '..', '/', '%2F', '%2f', '%', '?', '#', '&', '=', '+', ' ', '\t', '\r', '\n', '\r\n', '\u0000', '\u001B', '\u001B[31m', '\u007F', '\u0085', '\u00A0', '\u2028', '\uFEFF', 'é', 'İ', 'ß', '한', '名', '😀', '\uD800', '\uDC00', 'A', 'Z'];
const NAME_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789', '-', '-', '.', '_', '__'];

/** Mostly name-like values with tricks mixed in, plus any Unicode, plus the over-long. */
const fieldValue = fc.oneof(
	{weight: 5, arbitrary: fc.string({unit: fc.constantFrom(...NAME_CHARS, ...TRICKS), maxLength: 24})},
	{weight: 3, arbitrary: fc.string({unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 24})},
	{weight: 2, arbitrary: fc.string({unit: 'binary', maxLength: 16})},
	{weight: 1, arbitrary: fc.string({unit: fc.constantFrom(...NAME_CHARS), minLength: 60, maxLength: 300})},
);
/** Values that fit `pattern` half of the time (some padded with what a paste brings), else anything. */
const nearly = (pattern: RegExp) =>
	fc.oneof(
		fc.stringMatching(pattern),
		fc.tuple(fc.constantFrom(' ', '\n', '\t'), fc.stringMatching(pattern)).map(([pad, value]) => `${pad}${value}${pad}`),
		fieldValue,
		fieldValue,
	);
const registryValue = nearly(/^[a-z][a-z0-9-]{1,28}[a-z0-9]$/);
const bucketValue = nearly(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/);
/** Repository paths: name-like parts joined by "/" and the separators, tricks included. */
const pathValue = fc.oneof(
	nearly(/^[a-z0-9]{1,6}([._-][a-z0-9]{1,6}){0,2}(\/[a-z0-9]{1,6}(__[a-z0-9]{1,4})?){0,3}$/),
	fc.array(fc.string({unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 8}), {minLength: 1, maxLength: 4}).map(parts => parts.join('/')),
);
const titleValue = fc.oneof(fc.constant(''), fc.string({unit: 'grapheme', maxLength: 40}), fieldValue, fc.string({unit: 'grapheme-ascii', minLength: 250, maxLength: 260}));

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

// The rules, from the notes: NCR registry and bucket names, the Docker repository grammar, a one-line title.
const registryOk = (value: string) => /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/.test(value);
// Dot-separated labels, none empty, none with a hyphen at an edge; 3–63 characters; not an IP address.
const labelOk = (label: string) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(label);
const bucketOk = (value: string) =>
	value.length >= 3 && value.length <= 63 && value.split('.').every(labelOk) && !/^\d{1,3}(\.\d{1,3}){3}$/.test(value);
const repositoryOk = (value: string) =>
	value.length <= 255 && /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(value);
/** Text that UTF-8 can carry as typed: encodeURIComponent refuses half of a surrogate pair. */
function encodable(value: string): boolean {
	try {
		encodeURIComponent(value);
		return true;
	} catch {
		return false;
	}
}
// Any one line of text that can travel as UTF-8: no control characters, no half of a surrogate pair.
const titleOk = (value: string) => value.length <= 255 && !CONTROL.test(value) && encodable(value);

function refusedLabels(run: () => unknown): string[] | undefined {
	try {
		run();
		return undefined;
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		for (const item of error.errors) {
			// Each refusal names its field, and prints safely: no control characters besides the line breaks between fields.
			expect(error.message).toContain(`${item.label}: ${item.message}`);
		}
		expect(CONTROL.test(error.message.replaceAll('\n', ''))).toBe(false);
		return error.errors.map(item => item.label).sort();
	}
}

describe('ncr.buildRequest', () => {
	const bases = ['https://ncr.apigw.ntruss.com/ncr/api/v2', 'https://gov-ncr.apigw.gov-ntruss.com/ncr/krs/v2', 'http://127.0.0.1:8080/proxy/ncr/api/v2/', 'https://gw.example.com'];

	it('refuses exactly the broken fields, or sends exactly the values, signed over what is sent', () => {
		const seen = {sent: 0, refused: 0};
		fc.assert(
			fc.property(
				registryValue,
				fc.option(fc.oneof(fc.constantFrom('objectStorage', 'ncloudStorage', '', 'ObjectStorage', 'objectStorage '), fieldValue), {nil: undefined}),
				bucketValue,
				fc.constantFrom(...bases),
				(registry, storageType, bucket, base) => {
					const fields: Record<string, string> = {registry, bucket};
					if (storageType !== undefined) fields.storageType = storageType;
					const chosenStorage = storageType ?? 'objectStorage';
					const expectedRefusals = [
						...(registryOk(registry.trim()) ? [] : ['Registry name']),
						...(chosenStorage === 'objectStorage' || chosenStorage === 'ncloudStorage' ? [] : ['Storage type']),
						...(chosenStorage === 'objectStorage' && !bucketOk(bucket.trim()) ? ['Bucket'] : []),
					].sort();

					let request: ReturnType<typeof ncr.buildRequest> | undefined;
					const refused = refusedLabels(() => (request = ncr.buildRequest(fields, NCR_CREDENTIALS, base, {now: NOW})));
					if (expectedRefusals.length > 0) {
						expect(refused).toEqual(expectedRefusals);
						seen.refused++;
						return;
					}
					expect(refused).toBeUndefined();
					seen.sent++;
					const url = new URL(request!.url);
					const basePath = new URL(base).pathname.replace(/\/+$/, '');
					// One path segment after the base path, which decodes back to the name.
					expect(url.origin).toBe(new URL(base).origin);
					const segment = url.pathname.slice(`${basePath}/repositories/`.length);
					expect(url.pathname).toBe(`${basePath}/repositories/${segment}`);
					expect(segment).not.toContain('/');
					expect(decodeURIComponent(segment)).toBe(registry.trim());
					expect(url.search).toBe('');
					expect(url.hash).toBe('');
					expect(JSON.parse(request!.body ?? '')).toEqual(chosenStorage === 'ncloudStorage' ? {storageType: 'ncloudStorage'} : {bucket: bucket.trim()});
					// The signature covers the path and query exactly as sent, with the header's own timestamp.
					const timestamp = request!.headers[NCP_HEADER.timestamp]!;
					expect(timestamp).toBe(String(NOW));
					expect(request!.headers[NCP_HEADER.signature]).toBe(
						signNcpRequest({method: 'POST', uri: url.pathname + url.search, timestamp, ...NCR_CREDENTIALS}),
					);
				},
			),
			{numRuns: 2500},
		);
		// Both sides of the property were exercised, not just one.
		expect(Math.min(seen.sent, seen.refused)).toBeGreaterThan(100);
	});
});

describe('registryui.buildRequest', () => {
	const bases = ['https://registry.example.com', 'https://registry.example.com/sub/path/', 'http://127.0.0.1:5000'];

	it('refuses exactly the broken fields, or sends a query that decodes back to the values', () => {
		const seen = {sent: 0, refused: 0};
		fc.assert(
			fc.property(
				pathValue,
				fc.option(titleValue, {nil: undefined}),
				fc.option(fc.constantFrom('', 'true', 'false', 'TRUE', 'yes', '1'), {nil: undefined}),
				fc.constantFrom(...bases),
				(repository, title, isPublic, base) => {
					const fields: Record<string, string> = {repository};
					if (title !== undefined) fields.title = title;
					if (isPublic !== undefined) fields.isPublic = isPublic;
					const expectedRefusals = [
						...(repositoryOk(repository.trim()) ? [] : ['Repository path']),
						...(title === undefined || title === '' || titleOk(title) ? [] : ['Title']),
						...(isPublic === undefined || ['', 'true', 'false'].includes(isPublic) ? [] : ['Visibility']),
					].sort();

					let request: ReturnType<typeof registryui.buildRequest> | undefined;
					const refused = refusedLabels(() => (request = registryui.buildRequest(fields, UI_CREDENTIALS, base, {now: NOW})));
					if (expectedRefusals.length > 0) {
						expect(refused).toEqual(expectedRefusals);
						seen.refused++;
						return;
					}
					expect(refused).toBeUndefined();
					seen.sent++;
					const url = new URL(request!.url);
					expect(url.origin + url.pathname).toBe(`${base.replace(/\/+$/, '')}/udr/v1api/project/create`);
					expect(url.hash).toBe('');
					const query = new URLSearchParams(url.search);
					const expected: Record<string, string> = {repository: repository.trim()};
					if (title) expected.title = title;
					if (isPublic) expected.isPublic = isPublic;
					expect(Object.fromEntries(query)).toEqual(expected);
					expect([...query.keys()]).toHaveLength(Object.keys(expected).length);
					expect(request!.body).toBe('');
					const basic = /^Basic (.+)$/.exec(request!.headers.authorization ?? '')?.[1] ?? '';
					expect(Buffer.from(basic, 'base64').toString('utf8')).toBe(`${UI_CREDENTIALS.username}:${UI_CREDENTIALS.token}`);
				},
			),
			{numRuns: 2500},
		);
		// Both sides of the property were exercised, not just one.
		expect(Math.min(seen.sent, seen.refused)).toBeGreaterThan(100);
	});

	it('a title with every tricky character that is legal goes out exactly as typed', () => {
		const title = 'Team A & B / 팀 #1 ?x=%2F+y 😀 ';
		const request = registryui.buildRequest({repository: 'team-a/backend', title}, UI_CREDENTIALS, 'https://registry.example.com');
		expect(new URL(request.url).searchParams.get('title')).toBe(title);
		expect(request.url).toBe(
			'https://registry.example.com/udr/v1api/project/create?repository=team-a%2Fbackend&title=Team+A+%26+B+%2F+%ED%8C%80+%231+%3Fx%3D%252F%2By+%F0%9F%98%80+',
		);
	});
});
