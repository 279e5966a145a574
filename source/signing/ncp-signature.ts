import {createHmac} from 'node:crypto';

export type NcpSignatureInput = {
	method: string;
	/** Path and query exactly as sent, without scheme and host. */
	uri: string;
	/** Milliseconds since the epoch, as a decimal string. */
	timestamp: string;
	accessKey: string;
	secretKey: string;
};

export const NCP_HEADER = {
	timestamp: 'x-ncp-apigw-timestamp',
	accessKey: 'x-ncp-iam-access-key',
	signature: 'x-ncp-apigw-signature-v2',
} as const;

/** NCP API Gateway signature v2: base64(HMAC-SHA256(secret, "METHOD URI\nTIMESTAMP\nACCESSKEY")). */
export function signNcpRequest(input: NcpSignatureInput): string {
	const message = `${input.method.toUpperCase()} ${input.uri}\n${input.timestamp}\n${input.accessKey}`;
	return createHmac('sha256', Buffer.from(input.secretKey, 'utf8'))
		.update(message, 'utf8')
		.digest('base64');
}

/** The three headers a signed request carries. One timestamp serves both the header and the signature. */
export function ncpSignatureHeaders(
	input: Omit<NcpSignatureInput, 'timestamp'> & {now: number},
): Record<string, string> {
	const timestamp = String(Math.trunc(input.now));
	return {
		[NCP_HEADER.timestamp]: timestamp,
		[NCP_HEADER.accessKey]: input.accessKey,
		[NCP_HEADER.signature]: signNcpRequest({...input, timestamp}),
	};
}
