// Object Storage: SigV4 signatures (regwiz's aws4 against AWS's smithy signer), the emulator's check of
// them, the XML readers, and where each site's buckets are.
import {afterEach, describe, expect, it} from 'vitest';
import {
	createBucketRequest,
	headBucketRequest,
	listBucketsRequest,
	readCreateBucket,
	readHeadBucket,
	readListBuckets,
	storageTarget,
} from '../../source/backends/object-storage.js';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {sendRequest} from '../../source/transport.js';
import {smithySign} from '../helpers/smithy-sigv4.js';

const demo = SANDBOX_CREDENTIALS.ncr;
const credentials = {accessKey: demo.accessKey, secretKey: demo.secretKey};
const NOW = Date.UTC(2026, 11, 2, 4, 12, 30);

let emulator: Emulator | undefined;
afterEach(async () => {
	await emulator?.close();
	emulator = undefined;
});

async function start(now?: () => number) {
	emulator = await startEmulator({demo: true, now});
	return emulator;
}

const target = (endpoint: string) => ({endpoint, region: 'kr-standard'});
const send = (request: Parameters<typeof sendRequest>[0]) => sendRequest(request, {timeoutMs: 5000});

describe('SigV4 signatures', () => {
	it.each([
		['GET', 'https://kr.object.ncloudstorage.com/'],
		['HEAD', 'https://kr.object.ncloudstorage.com/team-a-images'],
		['PUT', 'http://127.0.0.1:8080/object-storage/team.a-images'],
	])('%s %s: aws4 (regwiz) and @smithy/signature-v4 sign alike', async (method, url) => {
		const build = method === 'GET' ? listBucketsRequest({target: target(new URL(url).origin + new URL(url).pathname.replace(/\/$/, '')), credentials, now: NOW}) : undefined;
		const bucket = url.slice(url.lastIndexOf('/') + 1);
		const base = url.slice(0, url.lastIndexOf('/'));
		const request =
			build ??
			(method === 'HEAD' ? headBucketRequest(bucket, {target: target(base), credentials, now: NOW}) : createBucketRequest(bucket, {target: target(base), credentials, now: NOW}));
		expect(request.url).toBe(url);
		const reference = await smithySign({method, url, accessKey: demo.accessKey, secretKey: demo.secretKey, region: 'kr-standard', now: NOW});
		expect(request.headers.authorization).toBe(reference.authorization);
		expect(request.headers['x-amz-date']).toBe('20261202T041230Z');
		expect(request.headers['x-amz-content-sha256']).toBe(reference['x-amz-content-sha256']);
		expect(request.redact).toEqual({authorization: 'hide'});
	});

	it('the emulator accepts a request signed by the second implementation, and refuses a wrong secret, an unknown key and a stale time', async () => {
		const target = await start();
		const url = `${target.storageBaseUrl}/`;
		const sign = (overrides: Partial<{accessKey: string; secretKey: string; now: number}> = {}) =>
			smithySign({method: 'GET', url, accessKey: demo.accessKey, secretKey: demo.secretKey, region: 'kr-standard', now: Date.now(), ...overrides});
		const ok = await fetch(url, {headers: await sign()});
		expect(ok.status).toBe(200);
		expect(await ok.text()).toContain('<Name>demo-images</Name>');

		const wrong = await fetch(url, {headers: await sign({secretKey: 'not-the-secret'})});
		expect(wrong.status).toBe(403);
		expect(await wrong.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
		const unknown = await fetch(url, {headers: await sign({accessKey: 'ncp_iam_NOBODY'})});
		expect(await unknown.text()).toContain('<Code>InvalidAccessKeyId</Code>');
		const stale = await fetch(url, {headers: await sign({now: Date.now() - 20 * 60_000})});
		expect(await stale.text()).toContain('<Code>RequestTimeTooSkewed</Code>');
		const anonymous = await fetch(url);
		expect(anonymous.status).toBe(403);
	});

	it('what regwiz sends reaches the emulator signed as the second implementation signs it', async () => {
		const target = await start();
		const now = Date.now();
		const response = await send(headBucketRequest('demo-images', {target: {endpoint: target.storageBaseUrl, region: 'kr-standard'}, credentials, now}));
		expect(response.status).toBe(200);
		const received = target.received.at(-1)!;
		expect(received.method).toBe('HEAD');
		expect(received.path).toBe('/object-storage/demo-images');
		const reference = await smithySign({method: 'HEAD', url: `${target.storageBaseUrl}/demo-images`, accessKey: demo.accessKey, secretKey: demo.secretKey, region: 'kr-standard', now});
		expect(received.headers.authorization).toBe(reference.authorization);
	});
});

describe('the emulator as Object Storage', () => {
	it('lists only the demo account\'s buckets, answers HEAD 200/403/404, and creates a free name once', async () => {
		const target = await start();
		const signing = {target: {endpoint: target.storageBaseUrl, region: 'kr-standard'}, credentials, now: Date.now()};
		const listed = readListBuckets(await send(listBucketsRequest(signing)));
		expect(listed).toEqual({ok: true, buckets: [{name: 'demo-app-images', created: expect.any(String)}, {name: 'demo-backups', created: expect.any(String)}, {name: 'demo-images', created: expect.any(String)}]});
		expect(readHeadBucket(await send(headBucketRequest('demo-images', signing)))).toBe('yours');
		expect(readHeadBucket(await send(headBucketRequest('taken-bucket', signing)))).toBe('forbidden');
		expect(readHeadBucket(await send(headBucketRequest('brand-new-bucket', signing)))).toBe('free');
		expect(readCreateBucket(await send(createBucketRequest('brand-new-bucket', signing)))).toBe('created');
		expect(target.state.buckets.get('brand-new-bucket')?.owner).toBe('demo');
		expect(readCreateBucket(await send(createBucketRequest('brand-new-bucket', signing)))).toBe('yours');
		expect(readCreateBucket(await send(createBucketRequest('taken-bucket', signing)))).toBe('taken');
		const invalid = readCreateBucket(await send(createBucketRequest('Bad_Name', signing)));
		expect(invalid).toMatchObject({refusal: {status: 400, code: 'InvalidBucketName'}});
	});

	it('refuses the key without an Object Storage permission with AccessDenied', async () => {
		const target = await start();
		const other = SANDBOX_CREDENTIALS.ncrWithoutStorage;
		const signing = {target: {endpoint: target.storageBaseUrl, region: 'kr-standard'}, credentials: {accessKey: other.accessKey, secretKey: other.secretKey}, now: Date.now()};
		expect(readListBuckets(await send(listBucketsRequest(signing)))).toEqual({ok: false, refusal: {status: 403, code: 'AccessDenied', message: 'Access Denied', noAccess: true}});
	});
});

describe('reading the XML answers', () => {
	const answer = (status: number, body: string) => ({status, headers: {}, body});

	it('reads one bucket, entities and names that look like numbers as text', () => {
		const body = '<?xml version="1.0"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Buckets><Bucket><Name>123</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>';
		expect(readListBuckets(answer(200, body))).toEqual({ok: true, buckets: [{name: '123', created: '2024-01-01T00:00:00.000Z'}]});
		expect(readListBuckets(answer(200, '<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>'))).toEqual({ok: true, buckets: []});
	});

	it('a 200 that is not the ListBuckets answer, or not XML, is not read as an empty list', () => {
		expect(readListBuckets(answer(200, '{"buckets": []}'))).toMatchObject({ok: false, refusal: {status: 200}});
		expect(readListBuckets(answer(200, '<ListAllMyBucketsResult><Buckets>'))).toMatchObject({ok: false});
		expect(readListBuckets(answer(200, '<Other><Buckets><Bucket><Name>x</Name></Bucket></Buckets></Other>'))).toMatchObject({ok: false});
	});

	it('an error answer gives its code and message, control characters shown as escapes', () => {
		const body = '<Error><Code>AccessDenied</Code><Message>Access\u001b[31m Denied</Message></Error>';
		expect(readListBuckets(answer(403, body))).toEqual({ok: false, refusal: {status: 403, code: 'AccessDenied', message: 'Access\\u001b[31m Denied', noAccess: true}});
	});
});

describe('where the buckets are', () => {
	it('follows the site, takes --storage-endpoint, and asks for it where the endpoint is not known', () => {
		expect(storageTarget({site: 'kr'})).toEqual({endpoint: 'https://kr.object.ncloudstorage.com', region: 'kr-standard'});
		expect(storageTarget({})).toEqual({endpoint: 'https://kr.object.ncloudstorage.com', region: 'kr-standard'});
		expect(storageTarget({site: 'sg'})).toEqual({endpoint: 'https://sg.object.ncloudstorage.com', region: 'sg-standard'});
		expect(storageTarget({site: 'jp'})).toEqual({endpoint: 'https://jp.object.ncpstorage.com', region: 'jp-standard'});
		expect(storageTarget({site: 'gov-kr'})).toEqual({problem: expect.stringContaining('--storage-endpoint')});
		expect(storageTarget({site: 'custom', endpoint: 'http://127.0.0.1:1/ncr/api/v2'})).toEqual({problem: expect.stringContaining('--storage-endpoint')});
		expect(storageTarget({site: 'custom', storageEndpoint: 'https://us.object.ncloudstorage.com/'})).toEqual({endpoint: 'https://us.object.ncloudstorage.com', region: 'us-standard'});
		expect(storageTarget({site: 'sg', storageEndpoint: 'http://proxy.local:9000'})).toEqual({endpoint: 'http://proxy.local:9000', region: 'sg-standard'});
	});
});
