import {describe, expect, it} from 'vitest';
import {harbor, parseStorageLimit} from '../../source/backends/harbor.js';
import {checkField} from '../../source/backends/validation.js';
import {inputErrors, spec} from '../helpers/backend-fields.js';
import type {AdviceContext, Answers, Outcome} from '../../source/backends/types.js';

const BASE = 'https://harbor.example.com';
const CREDENTIALS = {username: 'robot$ci+push', password: 'pw-3f9a-secret'};

const build = (fields: Answers, base = BASE) => harbor.buildRequest(fields, CREDENTIALS, base);

const respond = (status: number, body: unknown, headers: Record<string, string> = {}): Outcome =>
	harbor.readResponse({status, headers, body: typeof body === 'string' ? body : JSON.stringify(body)});

function context(overrides: Partial<AdviceContext> = {}): AdviceContext {
	return {fields: {project: 'team-a'}, connection: {url: BASE}, endpoint: BASE, now: Date.now(), headers: {}, ...overrides};
}

describe('harbor.buildRequest', () => {
	it('POSTs ProjectReq JSON to /api/v2.0/projects with Basic auth, hidden in the review', () => {
		const request = build({project: 'team-a', isPublic: 'true', storageLimit: '10GiB'});
		expect(request).toEqual({
			method: 'POST',
			url: 'https://harbor.example.com/api/v2.0/projects',
			headers: {
				accept: 'application/json',
				authorization: `Basic ${Buffer.from('robot$ci+push:pw-3f9a-secret').toString('base64')}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({project_name: 'team-a', metadata: {public: 'true'}, storage_limit: 10 * 1024 ** 3}),
			redact: {authorization: 'hide'},
		});
	});

	it('is private by default and sends no storage_limit when none is given', () => {
		expect(JSON.parse(build({project: 'team-a'}).body ?? '')).toEqual({project_name: 'team-a', metadata: {public: 'false'}});
	});

	it('sends -1 for an unlimited quota', () => {
		expect(JSON.parse(build({project: 'team-a', storageLimit: 'unlimited'}).body ?? '').storage_limit).toBe(-1);
		expect(JSON.parse(build({project: 'team-a', storageLimit: '-1'}).body ?? '').storage_limit).toBe(-1);
	});

	it('accepts a base URL given with the API root or a trailing slash', () => {
		const url = spec(harbor.connectionFields, 'url');
		expect(url.normalize?.('https://harbor.example.com/api/v2.0/')).toBe(BASE);
		expect(build({project: 'team-a'}, `${BASE}/`).url).toBe(`${BASE}/api/v2.0/projects`);
	});

	it('refuses a bad name, naming the field, the rule and an example', () => {
		const errors = inputErrors(() => build({project: 'Team_A'}));
		expect(errors).toEqual([expect.objectContaining({key: 'project', flag: 'project', message: 'must be lowercase (e.g. team-a)'})]);
	});
});

describe('project names', () => {
	const project = spec(harbor.fields, 'project');
	it.each(['a', 'team-a', 'team.a_b-c', 'x1', 'a'.repeat(255)])('accepts %s', name => {
		expect(checkField(project, name)).toBeUndefined();
	});
	it.each(['-team', 'team-', 'team--a', 'team_.a', 'team a', 'team/a', 'a'.repeat(256), ''])('refuses %j', name => {
		expect(checkField(project, name)).toBeDefined();
	});
});

describe('storage limits', () => {
	it.each([
		['10GiB', 10 * 1024 ** 3],
		['10 GiB', 10 * 1024 ** 3],
		['500MB', 500 * 1000 ** 2],
		['1.5TiB', 1.5 * 1024 ** 4],
		['1024', undefined],
		['-1', -1],
		['Unlimited', -1],
	])('%s', (raw, bytes) => {
		const parsed = parseStorageLimit(raw);
		if (bytes === undefined) expect(parsed).toEqual({problem: expect.stringContaining('(e.g. 1024GiB)')});
		else expect(parsed).toEqual({bytes});
	});

	it('suggests a corrected value for a unit it does not know', () => {
		expect(parseStorageLimit('10G')).toEqual({problem: expect.stringMatching(/^"G" is not a unit: .*\(e\.g\. 10GiB\)$/)});
		expect(parseStorageLimit('500m')).toEqual({problem: expect.stringContaining('(e.g. 500MiB)')});
		expect(parseStorageLimit('ten gigs')).toEqual({problem: expect.stringContaining('(e.g. 10GiB)')});
		expect(parseStorageLimit('0MB')).toEqual({problem: expect.stringContaining('at least 1 byte')});
	});
});

describe('harbor.readResponse', () => {
	it('201 with a Location is a success that names it; the request id is kept', () => {
		const outcome = respond(201, '', {location: '/api/v2.0/projects/7', 'x-request-id': 'req-1'});
		expect(outcome).toMatchObject({ok: true, status: 201, traceId: 'req-1', resource: [{label: 'Location', value: '/api/v2.0/projects/7'}]});
	});

	it('a 200 is not the answer Harbor gives to a create', () => {
		expect(respond(200, '<html>portal</html>')).toMatchObject({ok: false, problem: expect.stringContaining('not JSON')});
	});

	it.each([
		[409, 'CONFLICT', 'The project named team-a already exists'],
		[401, 'UNAUTHORIZED', 'unauthorized'],
		[403, 'FORBIDDEN', 'Only system administrators can create projects'],
	])('%d: the message and code of its errors envelope, the X-Request-Id as the trace id', (status, code, message) => {
		const outcome = respond(status, {errors: [{code, message}]}, {'x-request-id': 'abc-123'});
		expect(outcome).toMatchObject({ok: false, status, errorCode: code, message, traceId: 'abc-123'});
	});

	it('an answer that is not its envelope keeps an excerpt, control characters removed', () => {
		expect(respond(502, 'Bad \u001B[31mgateway')).toMatchObject({ok: false, message: 'Bad Gateway', details: 'Bad [31mgateway'});
	});
});

describe('harbor.advise', () => {
	it('says docker login HOST and docker push HOST/PROJECT/IMAGE:TAG after a success', () => {
		expect(harbor.advise(respond(201, '', {location: '/api/v2.0/projects/1'}), context({endpoint: 'https://harbor.example.com:8443'}))).toEqual([
			'docker login harbor.example.com:8443',
			'docker push harbor.example.com:8443/team-a/<image>:<tag>',
		]);
	});

	it('explains 409, 401 and 403', () => {
		expect(harbor.advise(respond(409, {errors: [{code: 'CONFLICT', message: 'x'}]}), context()).join(' ')).toContain('"team-a" already exists');
		expect(harbor.advise(respond(401, ''), context()).join(' ')).toContain('robot$name');
		expect(harbor.advise(respond(403, ''), context()).join(' ')).toContain('limited to administrators');
	});
});

describe('harbor: verify, read-back, docker login', () => {
	it('the credential check lists one project and counts X-Total-Count', () => {
		const request = harbor.buildVerifyRequest(CREDENTIALS, BASE);
		expect(request).toMatchObject({method: 'GET', url: 'https://harbor.example.com/api/v2.0/projects?page_size=1'});
		expect(harbor.countListed([], {'X-Total-Count': '12'})).toBe(12);
		expect(harbor.countListed([{name: 'a'}], {})).toBeUndefined();
	});

	it('reads the created project back by name and shows its fields', () => {
		const request = harbor.readBack!.buildRequest({project: 'team-a'}, CREDENTIALS, BASE);
		expect(request).toMatchObject({method: 'GET', url: 'https://harbor.example.com/api/v2.0/projects/team-a', headers: {'x-is-resource-name': 'true'}});
		const context = {fields: {project: 'team-a'}, connection: {url: BASE}};
		const read = harbor.readBack!.read(
			{
				status: 200,
				headers: {},
				body: JSON.stringify({project_id: 7, name: 'team-a', owner_name: 'admin', creation_time: '2026-01-01T00:00:00Z', metadata: {public: 'false'}}),
			},
			context,
		);
		expect(read.confirmed).toBe(true);
		expect(read.resource).toEqual([
			{label: 'Project', value: 'team-a'},
			{label: 'Project id', value: '7'},
			{label: 'Public', value: 'no'},
			{label: 'Owner', value: 'admin'},
			{label: 'Created', value: '2026-01-01T00:00:00Z'},
		]);
		expect(harbor.readBack!.read({status: 404, headers: {}, body: ''}, context)).toMatchObject({
			confirmed: false,
			resource: [{label: 'Details', value: 'created, but it could not be read back (404 Not Found)'}],
		});
		expect(harbor.readBack!.read(undefined, {...context, failure: 'the connection was cut'}).resource[0]!.value).toBe('created, but it could not be read back (the connection was cut)');
	});

	it('credentials come from HARBOR_USERNAME and HARBOR_PASSWORD, both or none', () => {
		expect(harbor.envCredentials({HARBOR_USERNAME: ' admin ', HARBOR_PASSWORD: 'pw\n'})).toEqual({
			credentials: {username: 'admin', password: 'pw'},
			source: 'HARBOR_PASSWORD',
		});
		expect(harbor.envCredentials({HARBOR_USERNAME: 'admin'})).toBeUndefined();
	});

	it('docker login uses the registry host, the user and the password', () => {
		const connection = {url: 'https://harbor.example.com/'};
		expect(harbor.dockerLogin?.({fields: {project: 'team-a'}, credentials: CREDENTIALS, connection, endpoint: harbor.endpoint(connection), outcome: respond(201, '')})).toEqual({
			host: 'harbor.example.com',
			username: CREDENTIALS.username,
			secretKey: CREDENTIALS.password,
			imageBase: 'harbor.example.com/team-a/my-image',
		});
	});
});
