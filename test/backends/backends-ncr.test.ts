import {describe, expect, it} from 'vitest';
import {ncr, NCR_SITES} from '../../source/backends/ncr.js';
import {checkField, lazySchema} from '../../source/backends/validation.js';
import * as z from 'zod/mini';
import {inputErrors, spec} from '../helpers/backend-fields.js';
import {signNcpRequest} from '../../source/signing/ncp-signature.js';
import type {AdviceContext, Answers, Outcome, ResponseInput} from '../../source/backends/types.js';

const NOW = 1_700_000_000_000;
const CREDENTIALS = {accessKey: 'AKIDEXAMPLE0000', secretKey: 'SECRETEXAMPLE0000000000000000000000000000'};
const KOREA = 'https://ncr.apigw.ntruss.com/ncr/api/v2';
const RULE = '3–30 characters, a lowercase letter first, then lowercase letters, digits and hyphens, ending with a letter or digit (e.g. team-a)';

function build(fields: Answers, base = KOREA, credentials: Answers = CREDENTIALS) {
	return ncr.buildRequest(fields, credentials, base, {now: NOW});
}


const respond = (status: number, body: string, headers: ResponseInput['headers'] = {}): Outcome =>
	ncr.readResponse({status, headers, body});

function context(overrides: Partial<AdviceContext> = {}): AdviceContext {
	return {
		fields: {registry: 'team-a', bucket: 'team-a-images', storageType: 'objectStorage'},
		connection: {site: 'kr'},
		endpoint: KOREA,
		now: NOW,
		headers: {},
		...overrides,
	};
}

describe('ncr endpoints', () => {
	it('maps each site to its documented base URL', () => {
		expect(Object.fromEntries(NCR_SITES.map(site => [site.value, ncr.endpoint({site: site.value})]))).toEqual({
			kr: 'https://ncr.apigw.ntruss.com/ncr/api/v2',
			sg: 'https://ncr.apigw.ntruss.com/ncr/sgn-api/v2',
			jp: 'https://ncr.apigw.ntruss.com/ncr/jpn-api/v2',
			'gov-kr': 'https://gov-ncr.apigw.gov-ntruss.com/ncr/kr/v2',
			'gov-krs': 'https://gov-ncr.apigw.gov-ntruss.com/ncr/krs/v2',
			fin: 'https://ncr.apigw.fin-ntruss.com/ncr/api/v2',
		});
	});

	it('defaults to Korea and uses a custom endpoint without its trailing slash', () => {
		expect(ncr.endpoint({})).toBe(KOREA);
		expect(ncr.endpoint({site: 'custom', endpoint: 'http://127.0.0.1:8080/proxy/ncr/api/v2/'})).toBe('http://127.0.0.1:8080/proxy/ncr/api/v2');
	});
});

describe('ncr.buildRequest', () => {
	it('builds the exact signed create request for Korea', () => {
		const request = build({registry: 'team-a', bucket: 'team-a-images'});
		expect(request.method).toBe('POST');
		expect(request.url).toBe('https://ncr.apigw.ntruss.com/ncr/api/v2/repositories/team-a');
		expect(request.body).toBe('{"bucket":"team-a-images"}');
		expect(request.headers).toEqual({
			accept: 'application/json',
			'content-type': 'application/json',
			'x-ncp-apigw-timestamp': '1700000000000',
			'x-ncp-iam-access-key': 'AKIDEXAMPLE0000',
			'x-ncp-apigw-signature-v2': signNcpRequest({
				method: 'POST',
				uri: '/ncr/api/v2/repositories/team-a',
				timestamp: '1700000000000',
				...CREDENTIALS,
			}),
		});
		expect(request.redact).toEqual({'x-ncp-iam-access-key': 'mask', 'x-ncp-apigw-signature-v2': 'hide'});
	});

	it('matches the known-answer signature for "create registry (Korea)"', () => {
		const request = build({registry: 'my-registry', bucket: 'my-bucket'});
		expect(request.headers['x-ncp-apigw-signature-v2']).toBe('2B44ymzDRO3wBH+HnS9l1GbTkNpGXyQUvcU2jX7X8NI=');
	});

	it('signs the base URL path prefix of a custom endpoint, with one timestamp for header and signature', () => {
		const request = build({registry: 'team-a', bucket: 'team-a-images'}, 'http://127.0.0.1:8080/proxy/ncr/api/v2/');
		expect(request.url).toBe('http://127.0.0.1:8080/proxy/ncr/api/v2/repositories/team-a');
		const timestamp = request.headers['x-ncp-apigw-timestamp'];
		expect(timestamp).toBe(String(NOW));
		expect(request.headers['x-ncp-apigw-signature-v2']).toBe(
			signNcpRequest({method: 'POST', uri: '/proxy/ncr/api/v2/repositories/team-a', timestamp: timestamp ?? '', ...CREDENTIALS}),
		);
		// Signing without the prefix (a known pitfall) gives another value.
		expect(request.headers['x-ncp-apigw-signature-v2']).not.toBe(
			signNcpRequest({method: 'POST', uri: '/repositories/team-a', timestamp: String(NOW), ...CREDENTIALS}),
		);
	});

	it('signs again with each new timestamp', () => {
		const first = ncr.buildRequest({registry: 'team-a', bucket: 'team-a-images'}, CREDENTIALS, KOREA, {now: NOW});
		const later = ncr.buildRequest({registry: 'team-a', bucket: 'team-a-images'}, CREDENTIALS, KOREA, {now: NOW + 1});
		expect(later.headers['x-ncp-apigw-timestamp']).toBe('1700000000001');
		expect(later.headers['x-ncp-apigw-signature-v2']).not.toBe(first.headers['x-ncp-apigw-signature-v2']);
	});

	it('uses each site base URL in the URL and the signature', () => {
		const request = build({registry: 'team-a', bucket: 'team-a-images'}, ncr.endpoint({site: 'gov-krs'}));
		expect(request.url).toBe('https://gov-ncr.apigw.gov-ntruss.com/ncr/krs/v2/repositories/team-a');
		expect(request.headers['x-ncp-apigw-signature-v2']).toBe(
			signNcpRequest({method: 'POST', uri: '/ncr/krs/v2/repositories/team-a', timestamp: String(NOW), ...CREDENTIALS}),
		);
	});

	it('sends {"bucket"} only, without storageType, for objectStorage', () => {
		expect(build({registry: 'team-a', bucket: 'team-a-images', storageType: 'objectStorage'}).body).toBe('{"bucket":"team-a-images"}');
	});

	it('sends storageType and no bucket for ncloudStorage, even when a bucket was given', () => {
		expect(build({registry: 'team-a', storageType: 'ncloudStorage'}).body).toBe('{"storageType":"ncloudStorage"}');
		expect(build({registry: 'team-a', storageType: 'ncloudStorage', bucket: 'team-a-images'}).body).toBe('{"storageType":"ncloudStorage"}');
	});

	it('accepts the longest registry name and a new-style access key as is', () => {
		const name = `a${'b'.repeat(28)}c`;
		const credentials = {accessKey: 'ncp_iam_BPAMKR0000TEST9876', secretKey: 'shh'};
		const request = build({registry: name, bucket: 'a.b-c'}, KOREA, credentials);
		expect(request.url).toBe(`${KOREA}/repositories/${name}`);
		expect(request.headers['x-ncp-iam-access-key']).toBe('ncp_iam_BPAMKR0000TEST9876');
	});
});

describe('ncr validation', () => {
	it('names the registry field and gives an example', () => {
		const [error, ...others] = inputErrors(() => build({registry: 'Team_A', bucket: 'team-a-images'}));
		expect(others).toEqual([]);
		expect(error).toEqual({
			key: 'registry',
			label: 'Registry name',
			flag: 'registry',
			value: 'Team_A',
			message: 'must start with a lowercase letter; 3–30 characters, a lowercase letter first, then lowercase letters, digits and hyphens, ending with a letter or digit (e.g. team-a)',
		});
	});

	it.each([
		['-team', `must start with a lowercase letter; ${RULE}`],
		['1team', `must start with a lowercase letter; ${RULE}`],
		['team-', RULE],
		['team.a', RULE],
		['ab', `is too short; ${RULE}`],
		[`a${'b'.repeat(30)}`, `is too long; ${RULE}`],
	])('refuses the registry name %j', (name, message) => {
		expect(checkField(spec(ncr.fields, 'registry'), name)).toBe(message);
	});

	it.each([['abc'], ['a-1'], [`a${'b'.repeat(28)}c`], ['team--a']])('accepts the registry name %j', name => {
		expect(checkField(spec(ncr.fields, 'registry'), name)).toBeUndefined();
	});

	it('says a missing bucket is required, with an example', () => {
		const errors = inputErrors(() => build({registry: 'team-a'}));
		expect(errors.map(error => [error.key, error.flag, error.message])).toEqual([
			['bucket', 'bucket', 'Bucket is required (e.g. team-a-images)'],
		]);
	});

	it('refuses bad bucket names with the rule and an example', () => {
		const bucket = spec(ncr.fields, 'bucket');
		const rule = '3–63 characters, labels of lowercase letters, digits and hyphens joined by dots, no label empty or with a hyphen at its edge (e.g. team-a-images)';
		expect(checkField(bucket, 'ab')).toBe(`must be 3–63 characters (it has 2); ${rule}`);
		expect(checkField(bucket, 'x'.repeat(64))).toBe(`must be 3–63 characters (it has 64); ${rule}`);
		expect(checkField(bucket, 'Team-Images')).toBe(`may hold only lowercase letters, digits, hyphens and dots; ${rule}`);
		expect(checkField(bucket, 'images-')).toBe(`has a label starting or ending with a hyphen (next to a dot or at an end); ${rule}`);
		expect(checkField(bucket, 'team-.images')).toBe(`has a label starting or ending with a hyphen (next to a dot or at an end); ${rule}`);
		expect(checkField(bucket, 'team.-images')).toBe(`has a label starting or ending with a hyphen (next to a dot or at an end); ${rule}`);
		expect(checkField(bucket, 'team..images')).toBe(`has an empty label: no dot at either end and no two dots in a row; ${rule}`);
		expect(checkField(bucket, '.team')).toBe(`has an empty label: no dot at either end and no two dots in a row; ${rule}`);
		expect(checkField(bucket, '192.168.10.1')).toBe(`must be shaped like an IP address; ${rule}`.replace('must be', 'must not be'));
		expect(checkField(bucket, 'team-a-images')).toBeUndefined();
		expect(checkField(bucket, 'team.a-b.images')).toBeUndefined();
		expect(checkField(bucket, '1.2.3')).toBeUndefined();
	});

	it('refuses an unknown storage type, site or a bad endpoint with an example', () => {
		expect(checkField(spec(ncr.fields, 'storageType'), 'glacier')).toBe('objectStorage or ncloudStorage (e.g. objectStorage)');
		expect(checkField(spec(ncr.connectionFields, 'site'), 'us')).toBe('one of kr, sg, jp, gov-kr, gov-krs, fin (e.g. kr), or --endpoint URL');
		const endpoint = spec(ncr.connectionFields, 'endpoint');
		expect(checkField(endpoint, 'ftp://127.0.0.1/ncr/api/v2')).toBe('must start with https:// (or http:// for a local server)');
		expect(checkField(endpoint, 'ncr.example.com')).toBe('is not a URL (e.g. https://registry.example.com)');
		expect(checkField(endpoint, 'https://ncr.example.com/v2?x=1')).toBe('must not contain "?" (a query): give the base URL alone (e.g. https://ncr.example.com/v2)');
		expect(checkField(endpoint, 'https://user:pw@ncr.example.com')).toBe(
			'must not contain a user name or password; credentials are asked separately',
		);
		expect(checkField(endpoint, 'http://127.0.0.1:8080/ncr/api/v2/')).toBeUndefined();
	});

	it('never puts the secret key in a validation error', () => {
		const secret = spec(ncr.credentialFields, 'secretKey');
		expect(secret.kind).toBe('secret');
		expect(checkField(secret, 'top\u0007secret')).toBe('a secret key must not contain control characters');
	});
});

describe('ncr.readResponse', () => {
	it('reads the 201 success answer', () => {
		const outcome = respond(201, '{"returnCode":"201","returnMessage":"Registry Creation is successful"}', {'x-ncp-trace-id': 'tr-1'});
		expect(outcome).toEqual({
			ok: true,
			status: 201,
			message: 'Registry Creation is successful',
			traceId: 'tr-1',
			resource: [],
			body: {returnCode: '201', returnMessage: 'Registry Creation is successful'},
		});
	});

	it('reads a 409 with an error body, and the trace id', () => {
		const body = {error: {errorCode: '409', message: 'The registry name is already in use.', details: 'team-a'}};
		const outcome = respond(409, JSON.stringify(body), {'x-ncp-trace-id': 'abc-123'});
		expect(outcome).toMatchObject({
			ok: false,
			status: 409,
			message: 'The registry name is already in use.',
			details: 'team-a',
			errorCode: '409',
			traceId: 'abc-123',
			body,
		});
		expect(outcome.problem).toBeUndefined();
	});

	it('reads a 409 that carries returnMessage only', () => {
		expect(respond(409, '{"returnCode":"409","returnMessage":"Bucket already used by another registry"}')).toMatchObject({
			ok: false,
			message: 'Bucket already used by another registry',
			errorCode: '409',
		});
	});

	it('reads the gateway 401 body with a string errorCode', () => {
		const outcome = respond(
			401,
			'{"error":{"errorCode":"200","message":"Authentication Failed","details":"Invalid authentication information."}}',
		);
		expect(outcome).toMatchObject({ok: false, status: 401, message: 'Authentication Failed', details: 'Invalid authentication information.', errorCode: '200'});
	});

	it('reads the gateway 401 body with a numeric errorCode as text', () => {
		const outcome = respond(401, '{"error":{"errorCode":200,"message":"Authentication Failed","details":"Authentication information are missing."}}');
		expect(outcome.errorCode).toBe('200');
		expect(outcome.message).toBe('Authentication Failed');
		expect(outcome.details).toBe('Authentication information are missing.');
	});

	it('cleans a non-JSON 500 body to readable text', () => {
		const html = '<html><head><style>h1{color:red}</style></head><body><h1>Oops</h1>\n<p>upstream &amp; proxy&nbsp;failed\u001B[2J</p></body></html>';
		const outcome = respond(500, html, {'X-NCP-Trace-Id': 'trace-500'});
		expect(outcome).toMatchObject({ok: false, status: 500, message: 'Internal Server Error', details: 'Oops upstream & proxy failed [2J', traceId: 'trace-500'});
		expect(outcome.body).toBe(html);
	});

	it('does not take a 2xx that is not JSON for a success', () => {
		const outcome = respond(200, '<html><body>Welcome to nginx!</body></html>');
		expect(outcome.ok).toBe(false);
		expect(outcome.message).toBe('200 but not the answer NCR sends');
		expect(outcome.problem).toBe('the answer is not JSON: Welcome to nginx!');
	});

	it('does not take a 2xx JSON of another shape for a success', () => {
		const outcome = respond(200, '{"count":0,"results":[]}');
		expect(outcome.ok).toBe(false);
		expect(outcome.problem).toBe('expected {"returnCode", "returnMessage"}, got {"count":0,"results":[]}');
	});

	it('keeps escape codes a server sent out of the message', () => {
		const outcome = respond(400, '{"returnMessage":"bad \\u001B[31mname\\u001B[0m"}');
		expect(outcome.message).toBe('bad \\u001b[31mname\\u001b[0m');
	});

	it('says when an unreadable answer was cut short', () => {
		const outcome = ncr.readResponse({status: 502, headers: {}, body: 'Bad gateway', truncated: true});
		expect(outcome.details).toBe('Bad gateway (the answer was cut: it was larger than regwiz reads)');
		expect(outcome.problem).toBe('the answer was cut: it was larger than regwiz reads');
	});
});

describe('ncr.advise', () => {
	it('gives the docker login host after a success in Korea', () => {
		const lines = ncr.advise(respond(201, '{"returnCode":"201","returnMessage":"Registry Creation is successful"}'), context());
		expect(lines).toContain('docker login team-a.kr.ncr.ntruss.com   (user: your access key, password: your secret key)');
		expect(lines).toContain('docker push team-a.kr.ncr.ntruss.com/<image>:<tag>');
	});

	it("uses each site's own docker host, saying it is the usual pattern when nothing confirmed it", () => {
		const created = respond(201, '{"returnCode":"201","returnMessage":"ok"}');
		const hosts = Object.fromEntries(
			NCR_SITES.map(site => [site.value, ncr.advise(created, context({connection: {site: site.value}})).find(line => line.startsWith('docker login'))]),
		);
		expect(hosts).toEqual({
			kr: 'docker login team-a.kr.ncr.ntruss.com   (user: your access key, password: your secret key)',
			sg: 'docker login team-a.sg.ncr.ntruss.com   (user: your access key, password: your secret key)',
			jp: 'docker login team-a.jp.ncr.ntruss.com   (user: your access key, password: your secret key)',
			'gov-kr': 'docker login team-a.ncr.gov-ntruss.com   (user: your access key, password: your secret key)',
			'gov-krs': 'docker login team-a.krs.ncr.gov-ntruss.com   (user: your access key, password: your secret key)',
			fin: 'docker login team-a.ncr.fin-ntruss.com   (user: your access key, password: your secret key)',
		});
		const sg = ncr.advise(created, context({connection: {site: 'sg'}}));
		expect(sg[0]).toBe('team-a.sg.ncr.ntruss.com is the usual pattern for this site, not confirmed by NCP: check it in the console if docker cannot reach it.');
	});

	it('does not invent a docker host for a custom endpoint', () => {
		const lines = ncr.advise(respond(201, '{"returnCode":"201","returnMessage":"ok"}'), context({connection: {site: 'custom', endpoint: 'http://127.0.0.1:1/ncr/api/v2'}}));
		expect(lines.join('\n')).not.toContain('ntruss.com');
		expect(lines[0]).toContain('NCP console');
	});

	it('explains a 401 with errorCode 200 "invalid": keys that belong together, an active key, the clock', () => {
		const lines = ncr.advise(
			respond(401, JSON.stringify({error: {errorCode: '200', message: 'Authentication Failed', details: 'Invalid authentication information.'}})),
			context(),
		);
		expect(lines).toEqual([
			'NCP answered 200 Authentication Failed: it rejected the key, the signature or the timestamp, and does not say which. Check:',
			'1. the access key and secret key belong together (NCP console › Manage Auth Key), and the key is active;',
			"2. the signature: no proxy rewrites the request's path, and the endpoint's path prefix is the site's;",
			'3. your clock is right (NCP allows 5 minutes).',
		]);
	});

	it('says the headers did not arrive on a 401 with errorCode 200 "missing"', () => {
		const lines = ncr.advise(
			respond(401, JSON.stringify({error: {errorCode: '200', message: 'Authentication Failed', details: 'Authentication information are missing.'}})),
			context(),
		);
		expect(lines[0]).toBe('NCP says the authentication headers are missing: they did not reach it.');
		expect(lines.join('\n')).not.toMatch(/clock/i);
	});

	it('never blames the clock on a 401 with errorCode 210 Permission Denied, even with a skewed Date', () => {
		const serverDate = new Date(NOW - 10 * 60_000).toUTCString();
		const lines = ncr.advise(
			respond(401, JSON.stringify({error: {errorCode: '210', message: 'Permission Denied', details: 'A subscription to the API is required.'}})),
			context({headers: {date: serverDate}}),
		);
		expect(lines).toEqual([
			'NCP answered 210 Permission Denied: the key pair was accepted, but this account may not use the API. Check:',
			'1. Container Registry is subscribed for this account (NCP console › Services › Container Registry);',
			'2. a sub-account has a Container Registry policy (e.g. NCP_CONTAINER_REGISTRY_MANAGER) and API Gateway access (Sub Account › policies).',
		]);
	});

	it('puts a clock correction first when the server date is more than 5 minutes away', () => {
		const serverDate = new Date(NOW - 10 * 60_000).toUTCString();
		const lines = ncr.advise(respond(401, '{"error":{"errorCode":"200","message":"Authentication Failed"}}'), context({headers: {date: serverDate}}));
		expect(lines[0]).toBe("Your clock is 10 minutes ahead of the server's: correct it (e.g. enable NTP) and retry.");
		expect(lines).toHaveLength(5);
	});

	it('says the name or bucket is taken on a 409', () => {
		expect(ncr.advise(respond(409, '{"returnMessage":"conflict"}'), context())).toEqual([
			'The registry name "team-a" or the bucket is already used (a bucket can back only one registry).',
			'Choose another name, or a bucket no registry uses.',
		]);
	});

	it('names both causes of a 403 on create: a name held by another account, or a missing right', () => {
		expect(ncr.advise(respond(403, '{"error":{"errorCode":"403","message":"Forbidden"}}'), context())).toEqual([
			'NCP answers 403 on create for two causes: the name "team-a" is taken by another NCP account (names are unique across all accounts), or this account may not create registries.',
			'Try another name first; if every name is refused, ask the account administrator for a Container Registry manager policy (Sub Account).',
		]);
		expect(ncr.renameOn).toContain(403);
	});

	it('asks for the trace id on a 5xx that has one, and waits on a 429', () => {
		const failed = respond(503, '{"error":{"errorCode":"500","message":"Endpoint Error"}}', {'x-ncp-trace-id': 't'});
		expect(ncr.advise(failed, context())).toEqual(['The service failed on its side: retry later.', 'If it keeps failing, quote the trace id to support.']);
		const throttled = respond(429, '{"error":{"errorCode":"420","message":"Rate Limit Exceeded"}}');
		expect(ncr.advise(throttled, context({headers: {'retry-after': '30'}}))).toEqual([
			'The service is throttling requests or a quota is reached: wait and retry in 30 seconds.',
		]);
	});
});

describe('lazySchema', () => {
	it('builds its schema on the first parse, once, and parses as the schema does', () => {
		let built = 0;
		const schema = lazySchema(() => {
			built++;
			return z.string().check(z.maxLength(3, 'at most 3'));
		});
		expect(built).toBe(0);
		expect(schema.safeParse('abcd').error?.issues[0]?.message).toBe('at most 3');
		expect(schema.parse('abc')).toBe('abc');
		expect(() => schema.parse('abcde')).toThrow(/at most 3/);
		expect(built).toBe(1);
	});
});
