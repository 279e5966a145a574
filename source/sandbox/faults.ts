import type {ServerResponse} from 'node:http';
import type {Reply} from './reply.js';

/** A canned answer that replaces the service's, as a proxy or an overloaded gateway would give. */
export type ResponseOverride = {
	status: number;
	/** Default: empty. */
	body?: string;
	/** Default: text/plain when there is a body. */
	contentType?: string;
	/** Extra headers, e.g. {'retry-after': '2'} with a 429. */
	headers?: Record<string, string>;
	/** How many of the next requests get this answer; then the override clears itself. Absent: all, until cleared. */
	times?: number;
};

/**
 * Switches that make the emulator misbehave, for reliability tests. Each is off by default, can be
 * flipped at any time through `emulator.faults`, and applies to every request on both APIs from then
 * on. A request that meets a fault is still recorded in `received`.
 *
 * Which faults reach the service matters to a client wondering whether a timed-out create happened:
 * `hang`, `redirectTo`, `override` and `hugeBodyBytes` answer in front of the service (nothing is
 * created); `dropMidBody` loses the answer after the service acted (the registry exists).
 * When several are on, the first in this order wins: delayMs (adds to any), hang, redirectTo,
 * override, hugeBodyBytes, dropMidBody.
 */
export type FaultSwitches = {
	/** Milliseconds to wait after reading the request, before anything else. 0: off. */
	delayMs: number;
	/** Read the request, then never answer; the socket stays open until the client gives up or the emulator closes. */
	hang: boolean;
	/** Send status, headers (with the full Content-Length) and half the body, then destroy the socket. An empty answer is cut before anything is sent. */
	dropMidBody: boolean;
	/** Answer the next requests with this instead; see ResponseOverride. */
	override: ResponseOverride | undefined;
	/** Answer 200 with a JSON-looking body of exactly this many bytes. 0: off. */
	hugeBodyBytes: number;
	/** Answer 307 with this Location. */
	redirectTo: string | undefined;
	/** Added to the emulator's clock: the signature's 5-minute window, created times and the Date header. */
	clockSkewMs: number;
};

export const createFaults = (): FaultSwitches => ({
	delayMs: 0,
	hang: false,
	dropMidBody: false,
	override: undefined,
	hugeBodyBytes: 0,
	redirectTo: undefined,
	clockSkewMs: 0,
});

export function resetFaults(faults: FaultSwitches): void {
	Object.assign(faults, createFaults());
}

/** The override for this request, counting it against `times`. */
export function takeOverride(faults: FaultSwitches): Reply | undefined {
	const override = faults.override;
	if (!override) return undefined;
	if (override.times !== undefined) {
		if (override.times <= 0) {
			faults.override = undefined;
			return undefined;
		}
		override.times -= 1;
		if (override.times === 0) faults.override = undefined;
	}
	const body = override.body ?? '';
	const headers: Record<string, string> = {...override.headers};
	if (override.contentType !== undefined || body !== '') headers['content-type'] = override.contentType ?? 'text/plain; charset=utf-8';
	return {status: override.status, headers, body};
}

export const redirectReply = (location: string): Reply => ({
	status: 307,
	headers: {location, 'content-type': 'text/plain; charset=utf-8'},
	body: `Temporary Redirect to ${location}`,
});

const CHUNK = 64 * 1024;

/** Streams `bytes` bytes shaped like {"padding":"xxx…"} (plain x's below 14 bytes), minding back-pressure. */
export async function sendHugeBody(res: ServerResponse, bytes: number, headers: Record<string, string>): Promise<void> {
	const head = '{"padding":"';
	const tail = '"}';
	const framed = bytes >= head.length + tail.length;
	res.writeHead(200, {...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes)});
	let left = bytes;
	const write = async (chunk: Buffer) => {
		left -= chunk.length;
		if (!res.write(chunk)) await drained(res);
	};
	if (framed) await write(Buffer.from(head));
	const filler = Buffer.alloc(CHUNK, 'x');
	while (left > (framed ? tail.length : 0) && !res.destroyed) {
		await write(filler.subarray(0, Math.min(CHUNK, left - (framed ? tail.length : 0))));
	}
	if (res.destroyed) return;
	res.end(framed ? tail : undefined);
}

function drained(res: ServerResponse): Promise<void> {
	return new Promise(resolve => {
		const done = () => {
			res.off('drain', done);
			res.off('close', done);
			resolve();
		};
		res.on('drain', done);
		res.on('close', done);
	});
}

/** Sends the head and half the body, then destroys the socket. Returns the status sent, 0 if nothing was. */
export function sendCutShort(res: ServerResponse, reply: Reply): number {
	const body = Buffer.from(reply.body, 'utf8');
	if (body.length === 0) {
		res.destroy();
		return 0;
	}
	res.writeHead(reply.status, {...reply.headers, 'content-length': String(body.length)});
	res.write(body.subarray(0, Math.max(1, Math.floor(body.length / 2))), () => res.destroy());
	return reply.status;
}
