// A second AWS Signature V4 implementation for the tests: AWS's own @smithy/signature-v4, with Node's
// crypto as its hash. regwiz signs with aws4; these tests check both agree, and that the emulator
// accepts what smithy signs.
import {createHash, createHmac, type Hash, type Hmac} from 'node:crypto';
import {SignatureV4} from '@smithy/signature-v4';

type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: Data): Buffer =>
	typeof data === 'string' ? Buffer.from(data, 'utf8') : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

class NodeSha256 {
	private hash: Hash | Hmac;
	constructor(private readonly secret?: Data) {
		this.hash = this.fresh();
	}
	private fresh() {
		return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
	}
	update(data: Data) {
		this.hash.update(bytes(data));
	}
	async digest(): Promise<Uint8Array> {
		return new Uint8Array(this.hash.digest());
	}
	reset() {
		this.hash = this.fresh();
	}
}

/** Signs like the AWS SDK's S3 client: path not escaped twice, x-amz-content-sha256 added. */
export async function smithySign(input: {method: string; url: string; accessKey: string; secretKey: string; region: string; now: number; body?: string}) {
	const url = new URL(input.url);
	const signer = new SignatureV4({
		credentials: {accessKeyId: input.accessKey, secretAccessKey: input.secretKey},
		region: input.region,
		service: 's3',
		sha256: NodeSha256,
		uriEscapePath: false,
		applyChecksum: true,
	});
	const signed = await signer.sign(
		{
			method: input.method,
			protocol: url.protocol,
			hostname: url.hostname,
			port: url.port ? Number(url.port) : undefined,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: {host: url.host},
			body: input.body ?? '',
		},
		{signingDate: new Date(input.now)},
	);
	return signed.headers as Record<string, string>;
}
