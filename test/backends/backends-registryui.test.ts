import {describe, expect, it} from 'vitest';
import {registryui} from '../../source/backends/registryui.js';
import {checkField} from '../../source/backends/validation.js';
import {inputErrors, spec} from '../helpers/backend-fields.js';
import type {AdviceContext, Answers, Outcome} from '../../source/backends/types.js';

const BASE = 'https://registry.example.com';
const CREDENTIALS = {username: 'admin', token: 'tok-3f9a'};

const build = (fields: Answers, base = BASE, credentials: Answers = CREDENTIALS) => registryui.buildRequest(fields, credentials, base);

function decodeBasic(header: string | undefined): string {
	const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
	if (!match?.[1]) throw new Error(`not a Basic header: ${header}`);
	return Buffer.from(match[1], 'base64').toString('utf8');
}


const respond = (status: number, body: unknown): Outcome =>
	registryui.readResponse({status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body)});

function context(overrides: Partial<AdviceContext> = {}): AdviceContext {
	return {fields: {repository: 'team-a/backend'}, connection: {url: BASE}, endpoint: BASE, now: Date.now(), headers: {}, ...overrides};
}

const ENTRY = {
	id: 42,
	tenantId: 1,
	fullPath: 'team-a/backend',
	name: 'backend',
	title: 'Team A backend',
	isPublic: false,
	created: '2024-05-01T10:00:00Z',
	updated: null,
};

describe('registryui.buildRequest', () => {
	it('builds the exact request: repository only, empty body, Basic auth', () => {
		const request = build({repository: 'team-a/backend'});
		expect(request).toEqual({
			method: 'POST',
			url: 'https://registry.example.com/udr/v1api/project/create?repository=team-a%2Fbackend',
			headers: {accept: 'application/json', authorization: `Basic ${Buffer.from('admin:tok-3f9a').toString('base64')}`},
			body: '',
			redact: {authorization: 'hide'},
		});
		expect(decodeBasic(request.headers.authorization)).toBe('admin:tok-3f9a');
	});

	it('omits title and isPublic when they are not given or empty', () => {
		const url = new URL(build({repository: 'team-a/backend', title: '', isPublic: ''}).url);
		expect([...url.searchParams.keys()]).toEqual(['repository']);
	});

	it('encodes a title with spaces, non-ASCII and "&" as one value', () => {
		const title = 'Team A & B — 팀 images?=#';
		const request = build({repository: 'team-a/backend', title, isPublic: 'false'});
		expect(request.url).toBe(
			'https://registry.example.com/udr/v1api/project/create?repository=team-a%2Fbackend' +
				'&title=Team+A+%26+B+%E2%80%94+%ED%8C%80+images%3F%3D%23&isPublic=false',
		);
		const query = new URL(request.url).searchParams;
		expect(query.get('title')).toBe(title);
		expect(query.getAll('isPublic')).toEqual(['false']);
		expect([...query.keys()]).toEqual(['repository', 'title', 'isPublic']);
	});

	it('sends isPublic=true for a public repository', () => {
		expect(build({repository: 'team-a/web', isPublic: 'true'}).url).toBe(
			'https://registry.example.com/udr/v1api/project/create?repository=team-a%2Fweb&isPublic=true',
		);
	});

	it('keeps the base URL path and drops its trailing slash', () => {
		expect(build({repository: 'x'}, 'http://127.0.0.1:5000/registry/').url).toBe(
			'http://127.0.0.1:5000/registry/udr/v1api/project/create?repository=x',
		);
	});

	it('encodes a non-ASCII user name and token as UTF-8 in the Basic value', () => {
		const request = build({repository: 'x'}, BASE, {username: 'jörg', token: 'tök:en'});
		expect(decodeBasic(request.headers.authorization)).toBe('jörg:tök:en');
	});
});

describe('registryui validation', () => {
	const pathRule =
		'lowercase letters and digits, parts joined by ".", "_", "__" or "-", separated by "/"; at most 255 characters (e.g. team-a/backend)';

	it('names the repository field when it is missing, with an example', () => {
		const errors = inputErrors(() => build({}));
		expect(errors).toEqual([
			{key: 'repository', label: 'Repository path', flag: 'repository', value: '', message: 'Repository path is required (e.g. team-a/backend)'},
		]);
	});

	it('says an uppercase path must be lowercase', () => {
		const [error] = inputErrors(() => build({repository: 'Team-A/backend'}));
		expect(error).toMatchObject({key: 'repository', flag: 'repository', message: 'must be lowercase (e.g. team-a/backend)'});
	});

	it.each([['team-a//backend'], ['/team-a'], ['team-a/'], ['team a'], ['team-a/.hidden'], ['a___b'], [`${'a'.repeat(256)}`]])(
		'refuses the path %j with the rule and an example',
		path => {
			expect(checkField(spec(registryui.fields, 'repository'), path)).toBe(pathRule);
		},
	);

	it.each([['team-a/backend'], ['a__b/c.d/e---f'], ['x']])('accepts the path %j', path => {
		expect(checkField(spec(registryui.fields, 'repository'), path)).toBeUndefined();
	});

	it('refuses a title with a line break', () => {
		expect(checkField(spec(registryui.fields, 'title'), 'two\nlines')).toBe(
			'must not contain control characters (line breaks, tabs, escape codes)',
		);
	});

	it('refuses a base URL that is not one, or carries credentials', () => {
		const url = spec(registryui.connectionFields, 'url');
		expect(checkField(url, 'registry.example.com')).toBe('is not a URL (e.g. https://registry.example.com)');
		expect(checkField(url, 'https://admin:pw@registry.example.com')).toBe(
			'must not contain a user name or password; credentials are asked separately',
		);
		expect(checkField(url, '')).toBe('Base URL is required (e.g. https://registry.example.com)');
	});

	it('refuses a user name with ":" (it would split the Basic value)', () => {
		expect(checkField(spec(registryui.credentialFields, 'username'), 'ad:min')).toBe('must not contain ":"');
	});
});

describe('registryui.readResponse', () => {
	it('reads a success: the entry fields, not the internal ones', () => {
		const outcome = respond(200, {error: null, data: ENTRY});
		expect(outcome).toEqual({
			ok: true,
			status: 200,
			message: '',
			resource: [
				{label: 'Path', value: 'team-a/backend'},
				{label: 'Title', value: 'Team A backend'},
				{label: 'Public', value: 'no'},
				{label: 'Created', value: '2024-05-01T10:00:00Z'},
			],
			body: {error: null, data: ENTRY},
			problem: undefined,
		});
	});

	it('shows a public repository as public and leaves out what is missing', () => {
		const outcome = respond(201, {error: null, data: {fullPath: 'team-a/web', isPublic: true, title: null, created: null}});
		expect(outcome.ok).toBe(true);
		expect(outcome.resource).toEqual([
			{label: 'Path', value: 'team-a/web'},
			{label: 'Public', value: 'yes'},
		]);
	});

	it('does not take a 2xx with a non-null error for a success', () => {
		const outcome = respond(200, {error: 'Repository team-a/backend already exists', data: null});
		expect(outcome).toMatchObject({ok: false, status: 200, message: 'Repository team-a/backend already exists'});
	});

	it('reads 401 and 403 as refusals, with the service message when there is one', () => {
		expect(respond(401, '')).toMatchObject({ok: false, status: 401, message: 'Unauthorized', details: undefined});
		expect(respond(401, '<h1>401 Authorization Required</h1>')).toMatchObject({ok: false, message: 'Unauthorized', details: '401 Authorization Required'});
		expect(respond(403, {error: 'Only administrators can create projects', data: null})).toMatchObject({
			ok: false,
			status: 403,
			message: 'Only administrators can create projects',
		});
	});

	it('does not take a 2xx that is not JSON for a success', () => {
		const outcome = respond(200, '<html><title>RegistryUI</title><body>Sign in</body></html>');
		expect(outcome.ok).toBe(false);
		expect(outcome.message).toBe('200 but not the answer RegistryUI sends');
		expect(outcome.problem).toBe('the answer is not JSON: RegistryUI Sign in');
	});

	it('does not take a 2xx JSON without "error" for a success', () => {
		const outcome = respond(200, {fullPath: 'team-a/backend'});
		expect(outcome.ok).toBe(false);
		expect(outcome.problem).toBe('expected {"error": null, "data": {…}}, got {"fullPath":"team-a/backend"}');
	});

	it('keeps escape codes out of the error it shows', () => {
		expect(respond(200, {error: 'bad\u001B]0;title\u0007 name', data: null}).message).toBe('bad\\u001b]0;title\\u0007 name');
	});
});

describe('registryui.advise', () => {
	it('after a success: docker login, the push path, and users/groups in the web UI', () => {
		const lines = registryui.advise(respond(200, {error: null, data: ENTRY}), context());
		expect(lines).toEqual([
			'docker login registry.example.com',
			'docker push registry.example.com/team-a/backend/<image>:<tag>',
			'Assign users and groups to it in the RegistryUI web UI: the API cannot.',
		]);
	});

	it('on a 401: the token is not the website password', () => {
		expect(registryui.advise(respond(401, ''), context())).toEqual([
			'Check the username and the user token: the token is not the website password (RegistryUI › your user › Tokens).',
		]);
	});

	it('on a 403: only administrators can create repositories', () => {
		expect(registryui.advise(respond(403, {error: 'forbidden', data: null}), context())).toEqual([
			'The account is not a RegistryUI administrator: only administrators can create repositories.',
		]);
	});

	it('on a taken path (409, or an "already exists" message with a 2xx)', () => {
		const taken = ['"team-a/backend" already exists: choose another path.'];
		expect(registryui.advise(respond(409, ''), context())).toEqual(taken);
		expect(registryui.advise(respond(200, {error: 'Repository already exists', data: null}), context())).toEqual(taken);
	});

	it('on another refusal in a 2xx: read the message', () => {
		expect(registryui.advise(respond(200, {error: 'title too long', data: null}), context())).toEqual([
			'RegistryUI refused the request: read its message above and correct the value it names.',
		]);
	});

	it('on a 503: the registry may be offline', () => {
		expect(registryui.advise(respond(503, 'maintenance'), context())).toEqual([
			'The registry may be offline for maintenance or garbage collection: retry later.',
		]);
	});
});
