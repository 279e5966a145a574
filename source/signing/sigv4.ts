// AWS Signature Version 4, as NCP Object Storage's S3 API takes it, by the `aws4` library: no I/O, the
// time comes from the caller. Imported only by the Object Storage modules, which are loaded when used.
import aws4 from 'aws4';
import {t} from '../i18n/index.js';

export type SigV4Input = {
	method: string;
	url: string;
	region: string;
	accessKey: string;
	secretKey: string;
	now: number;
	body?: string;
	/** Headers to send and sign besides host, x-amz-date and x-amz-content-sha256. */
	headers?: Record<string, string>;
};

export const SIGV4_SERVICE = 's3';

/** "20261202T041230Z": the x-amz-date form of a time. */
export const amzDate = (now: number): string => new Date(now).toISOString().replace(/[:-]|\.\d{3}/g, '');

/** The headers of a signed request: host, x-amz-date, x-amz-content-sha256, authorization, and the given ones. */
export function sigV4Headers(input: SigV4Input): Record<string, string> {
	if (input.accessKey === '' || input.secretKey === '') {
		// aws4 would fall back to AWS_* variables from the environment: never sign with those.
		throw new Error(t('ncr.storage.signingNeedsKeys'));
	}
	const url = new URL(input.url);
	const headers: Record<string, string> = {...input.headers, host: url.host, 'x-amz-date': amzDate(input.now)};
	const signed = aws4.sign(
		{
			method: input.method,
			host: url.host,
			path: url.pathname + url.search,
			service: SIGV4_SERVICE,
			region: input.region,
			headers,
			body: input.body ?? '',
		},
		{accessKeyId: input.accessKey, secretAccessKey: input.secretKey},
	);
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(signed.headers ?? {})) {
		if (value !== undefined) out[name.toLowerCase()] = String(value);
	}
	return out;
}

/** The parts of an Authorization header; undefined when it is not SigV4's shape. */
export function parseSigV4Authorization(value: string): {accessKey: string; date: string; region: string; service: string; signedHeaders: string[]; signature: string} | undefined {
	const match = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(value);
	if (!match) return undefined;
	const [, accessKey, date, region, service, signedHeaders, signature] = match as unknown as string[];
	return {accessKey: accessKey!, date: date!, region: region!, service: service!, signedHeaders: signedHeaders!.split(';'), signature: signature!};
}
