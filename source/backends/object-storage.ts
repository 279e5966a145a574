// NCP Object Storage (its S3 API) as data: where it answers for each site, the three requests regwiz sends
// (ListBuckets, HEAD bucket, CreateBucket) signed with AWS Signature V4, and how to read their small XML
// answers. Loaded only by `regwiz buckets`, `--create-bucket` and the wizard's bucket list.
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {t} from '../i18n/index.js';
import {sigV4Headers} from '../signing/sigv4.js';
import {safeText} from '../text-safety.js';
import {ncr} from './ncr.js';
import {cleanExcerpt, isSuccessStatus, statusPhrase} from './response.js';
import {checkField} from './validation.js';
import type {Answers, PlainRequest, ResponseInput} from './types.js';

/** Endpoints and SigV4 regions by NCR site (api-notes §4). Government and financial zones are not verified. */
export const OBJECT_STORAGE_SITES: Readonly<Record<string, {endpoint: string; region: string}>> = {
	kr: {endpoint: 'https://kr.object.ncloudstorage.com', region: 'kr-standard'},
	sg: {endpoint: 'https://sg.object.ncloudstorage.com', region: 'sg-standard'},
	jp: {endpoint: 'https://jp.object.ncpstorage.com', region: 'jp-standard'},
};

export const DEFAULT_STORAGE_REGION = 'kr-standard';

export type StorageTarget = {endpoint: string; region: string};

/** Where the account's buckets are, or why regwiz cannot tell (then --storage-endpoint is needed). */
export function storageTarget(connection: Answers): StorageTarget | {problem: string} {
	const site = connection.site || (connection.endpoint ? 'custom' : 'kr');
	const known = OBJECT_STORAGE_SITES[site];
	const given = (connection.storageEndpoint ?? '').replace(/\/+$/, '');
	if (given !== '') {
		// A custom endpoint signs for the site's region, or the one its host names (kr.object.… → kr-standard).
		const label = URL.canParse(given) ? /^([a-z]{2})\.object\./.exec(new URL(given).hostname)?.[1] : undefined;
		return {endpoint: given, region: known?.region ?? (label ? `${label}-standard` : DEFAULT_STORAGE_REGION)};
	}
	if (known) return {...known};
	if (site.startsWith('gov') || site.startsWith('fin')) {
		return {problem: t('ncr.storage.unverified', {site})};
	}
	return {problem: t('ncr.storage.customEndpoint')};
}

const bucketSpec = () => ncr.fields.find(spec => spec.key === 'bucket')!;

/** The bucket name rule's message, or undefined when the name is fine. */
export const bucketNameProblem = (name: string): string | undefined => checkField(bucketSpec(), name);

type Signing = {target: StorageTarget; credentials: Answers; now: number};

function signed(method: PlainRequest['method'], url: string, {target, credentials, now}: Signing): PlainRequest {
	const headers = sigV4Headers({method, url, region: target.region, accessKey: credentials.accessKey ?? '', secretKey: credentials.secretKey ?? '', now});
	// The Authorization value carries the access key and the signature: never shown.
	return {method, url, headers, redact: {authorization: 'hide'}};
}

const bucketUrl = (target: StorageTarget, bucket: string) => `${target.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(bucket)}`;

/** ListBuckets: `GET /`. */
export const listBucketsRequest = (signing: Signing): PlainRequest => signed('GET', `${signing.target.endpoint.replace(/\/+$/, '')}/`, signing);

/** HeadBucket: 200 yours, 404 free, 403 someone else's (or no permission). */
export const headBucketRequest = (bucket: string, signing: Signing): PlainRequest => signed('HEAD', bucketUrl(signing.target, bucket), signing);

/** CreateBucket: `PUT /{bucket}` with no body (the endpoint's own region). */
export const createBucketRequest = (bucket: string, signing: Signing): PlainRequest => signed('PUT', bucketUrl(signing.target, bucket), signing);

export type StorageRefusal = {status: number; code?: string; message: string; noAccess: boolean};

export type BucketEntry = {name: string; created?: string};

const parser = () =>
	new XMLParser({ignoreAttributes: true, parseTagValue: false, processEntities: true, htmlEntities: false, isArray: tagName => tagName === 'Bucket'});

/** The XML document as a tree, or undefined when it is not well-formed XML. */
function parseXml(text: string): Record<string, unknown> | undefined {
	if (text.trim() === '' || XMLValidator.validate(text) !== true) return undefined;
	const value = parser().parse(text) as unknown;
	return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/** An S3 error answer (`<Error><Code>…</Code><Message>…</Message></Error>`), or the status alone. */
export function readRefusal(response: ResponseInput): StorageRefusal {
	const tree = parseXml(response.body);
	const error = tree?.Error && typeof tree.Error === 'object' ? (tree.Error as Record<string, unknown>) : undefined;
	const code = text(error?.Code);
	const said = text(error?.Message);
	const message = said ? safeText(said) : response.body.trim() !== '' && !error ? cleanExcerpt(response.body) : statusPhrase(response.status);
	const noAccess = response.status === 401 || (response.status === 403 && code !== 'SignatureDoesNotMatch' && code !== 'RequestTimeTooSkewed');
	return {status: response.status, code: code === undefined ? undefined : safeText(code), message, noAccess};
}

/** The buckets of a ListBuckets answer, or the refusal. A 2xx that is not the S3 answer is a refusal too. */
export function readListBuckets(response: ResponseInput): {ok: true; buckets: BucketEntry[]} | {ok: false; refusal: StorageRefusal} {
	if (!isSuccessStatus(response.status)) return {ok: false, refusal: readRefusal(response)};
	const tree = parseXml(response.body);
	const result = tree?.ListAllMyBucketsResult;
	if (!result || typeof result !== 'object') {
		const excerpt = cleanExcerpt(response.body);
		const message = excerpt ? t('ncr.storage.notListBuckets', {excerpt}) : t('ncr.storage.notListBucketsEmpty');
		return {ok: false, refusal: {status: response.status, message, noAccess: false}};
	}
	const holder = (result as Record<string, unknown>).Buckets;
	const list = holder && typeof holder === 'object' ? (holder as Record<string, unknown>).Bucket : undefined;
	const buckets: BucketEntry[] = [];
	for (const item of Array.isArray(list) ? list : []) {
		const name = text((item as Record<string, unknown>)?.Name);
		if (name === undefined) continue;
		const created = text((item as Record<string, unknown>).CreationDate);
		buckets.push({name: safeText(name), ...(created ? {created: safeText(created)} : {})});
	}
	return {ok: true, buckets: buckets.sort((a, b) => a.name.localeCompare(b.name))};
}

export type HeadAnswer = 'yours' | 'free' | 'forbidden' | {refusal: StorageRefusal};

/** HEAD has no body: the status says it all. */
export function readHeadBucket(response: ResponseInput): HeadAnswer {
	if (isSuccessStatus(response.status)) return 'yours';
	if (response.status === 404) return 'free';
	if (response.status === 403) return 'forbidden';
	return {refusal: readRefusal(response)};
}

export type CreateAnswer = 'created' | 'yours' | 'taken' | {refusal: StorageRefusal};

export function readCreateBucket(response: ResponseInput): CreateAnswer {
	if (isSuccessStatus(response.status)) return 'created';
	const refusal = readRefusal(response);
	if (refusal.code === 'BucketAlreadyOwnedByYou') return 'yours';
	if (refusal.code === 'BucketAlreadyExists' || (response.status === 409 && refusal.code === undefined)) return 'taken';
	return {refusal};
}

/** One line for a refusal, with what to do when the key cannot use Object Storage. */
export function refusalLine(refusal: StorageRefusal, endpoint: string): string {
	const said = `${refusal.status}${refusal.code ? ` ${refusal.code}` : ''}: ${refusal.message}`;
	if (refusal.noAccess) {
		return t('ncr.storage.noAccess', {endpoint, said});
	}
	if (refusal.code === 'SignatureDoesNotMatch' || refusal.code === 'RequestTimeTooSkewed') {
		return t('ncr.storage.badSignature', {endpoint, said});
	}
	return t('ncr.storage.answered', {endpoint, said});
}
