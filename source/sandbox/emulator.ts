import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {setTimeout as sleep} from 'node:timers/promises';
import {createFaults, redirectReply, resetFaults, sendCutShort, sendHugeBody, takeOverride, type FaultSwitches} from './faults.js';
import {EMULATED_APIS} from './emulators.js';
import {handleRegistryV2, isRegistryV2Path} from './registry-v2.js';
import {jsonReply, parseRequestTarget, type ApiContext, type EmulatedApi, type Reply, type SandboxRequest} from './reply.js';
import {createState, type SandboxState} from './state.js';

export {SANDBOX_CREDENTIALS} from './credentials.js';
export {NCR_PREFIXES} from './ncr-api.js';
export type {FaultSwitches, ResponseOverride} from './faults.js';
export type {RegistryRecord, RepositoryEntry, SandboxState} from './state.js';
export type {HarborProject, HarborState} from './harbor-api.js';

export type ReceivedRequest = {
	method: string;
	/** Path and query exactly as received (req.url). */
	path: string;
	/** As node parsed them, Authorization included: the record is for tests and never logged. */
	headers: Record<string, string | string[] | undefined>;
	body: string;
	/** The status answered (or begun, when cut short); 0 while pending and when nothing was answered. */
	status: number;
};

export type EmulatorOptions = {
	/** Default 0: a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** The emulator's clock before faults.clockSkewMs; default Date.now. */
	now?: () => number;
	/** One line per request: method, path, status. Never a header. */
	log?: (line: string) => void;
};

export type Emulator = {
	/** e.g. http://127.0.0.1:PORT/ncr/api/v2; the other sites' prefixes (NCR_PREFIXES) work on the same origin. */
	ncrBaseUrl: string;
	/** e.g. http://127.0.0.1:PORT */
	registryuiBaseUrl: string;
	/** Each emulated API's base URL by its name (EMULATED_APIS): what a backend's sandbox connection is given. */
	baseUrls: Readonly<Record<string, string>>;
	/** The state an emulated API keeps for itself (e.g. stateOf('harbor') is a HarborState). */
	stateOf: (api: string) => unknown;
	origin: string;
	/** Every request in arrival order, faulted ones included. */
	received: ReceivedRequest[];
	/** Live state, readable and writable by tests (see SandboxState). */
	state: SandboxState;
	/** Set at run time to misbehave (see FaultSwitches). */
	faults: FaultSwitches;
	/** The emulator's clock, skew included: what signatures are checked against. */
	clock: () => number;
	/** Turns every fault off. */
	resetFaults: () => void;
	/** Stops listening and destroys open connections, hung ones included. */
	close: () => Promise<void>;
};

// Big enough for any real request to either API; bounds memory when the sandbox is reachable by others.
const MAX_REQUEST_BODY = 1024 * 1024;

/** The API a path belongs to; the last one answers paths none owns. */
function apiFor(pathname: string): EmulatedApi {
	return EMULATED_APIS.find(api => api.owns(pathname)) ?? EMULATED_APIS.at(-1)!;
}

type Body = {text: string; tooLarge: boolean};

async function readBody(req: IncomingMessage): Promise<Body> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		// Keep draining past the limit so the answer can still be written on a healthy connection.
		if (size <= MAX_REQUEST_BODY) chunks.push(chunk);
	}
	return {text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_REQUEST_BODY};
}

function write(res: ServerResponse, reply: Reply): void {
	const body = Buffer.from(reply.body, 'utf8');
	res.writeHead(reply.status, {...reply.headers, 'content-length': String(body.length)});
	res.end(body);
}

function urlHost({address, family}: AddressInfo): string {
	// A wildcard listener is reachable on loopback; print an address a browser or curl can use.
	if (address === '0.0.0.0' || address === '::') return '127.0.0.1';
	return family === 'IPv6' ? `[${address}]` : address;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const state = createState();
	const faults = createFaults();
	const received: ReceivedRequest[] = [];
	const now = options.now ?? Date.now;
	const clock = () => now() + faults.clockSkewMs;
	const apiStates = new Map(EMULATED_APIS.map(api => [api.name, api.createState?.()]));
	const closing = new AbortController();
	const log = options.log ?? (() => {});

	function serviceReply(request: SandboxRequest, tooLarge: boolean): Reply {
		// What `docker login` checks (the registry API every backend's host serves), against the demo credentials.
		if (!tooLarge && isRegistryV2Path(request.pathname)) return handleRegistryV2(request);
		const api = apiFor(request.pathname);
		if (tooLarge) return api.tooLarge();
		const context: ApiContext = {state, clock, own: apiStates.get(api.name)};
		return api.handle(request, context);
	}

	/** Answers one request, faults first; returns a note for the log line. */
	async function respond(req: IncomingMessage, res: ServerResponse, record: ReceivedRequest, body: Body): Promise<string> {
		const {pathname, query} = parseRequestTarget(record.path);
		const request: SandboxRequest = {method: record.method, url: record.path, pathname, query, headers: req.headers, body: body.text};

		if (faults.delayMs > 0) await sleep(faults.delayMs, undefined, {signal: closing.signal});
		if (faults.hang) return ' (fault: hang)';

		// Stamped after any delay, so Date tells the time of the answer.
		const stamp: Record<string, string> = {date: new Date(clock()).toUTCString()};
		// Ids a service stamps on everything (NCP's trace id, Harbor's request id), errors and faults alike.
		Object.assign(stamp, apiFor(pathname).stamp?.());
		const send = (reply: Reply, note = '') => {
			record.status = reply.status;
			write(res, {...reply, headers: {...stamp, ...reply.headers}});
			return note;
		};

		if (faults.redirectTo !== undefined) return send(redirectReply(faults.redirectTo), ' (fault: redirectTo)');
		const override = takeOverride(faults);
		if (override) return send(override, ' (fault: override)');
		if (faults.hugeBodyBytes > 0) {
			record.status = 200;
			await sendHugeBody(res, faults.hugeBodyBytes, stamp);
			return ` (fault: hugeBodyBytes ${faults.hugeBodyBytes})`;
		}
		const reply = serviceReply(request, body.tooLarge);
		if (faults.dropMidBody) {
			record.status = sendCutShort(res, {...reply, headers: {...stamp, ...reply.headers}});
			return ' (fault: dropMidBody)';
		}
		return send(reply);
	}

	async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const record: ReceivedRequest = {
			method: req.method ?? '',
			path: req.url ?? '',
			headers: {...req.headers},
			body: '',
			status: 0,
		};
		received.push(record);
		let note: string;
		try {
			const body = await readBody(req);
			record.body = body.text;
			note = await respond(req, res, record, body);
		} catch (error) {
			if (closing.signal.aborted) note = ' (emulator closed)';
			else if (req.destroyed && !res.headersSent) note = ' (client went away)';
			else if (res.headersSent) {
				res.destroy();
				note = ' (sandbox error while answering)';
			} else {
				record.status = 500;
				write(res, jsonReply(500, {error: 'sandbox internal error', data: null}));
				note = ` (sandbox error: ${error instanceof Error ? error.message : String(error)})`;
			}
		}
		log(`${record.method} ${record.path} ${record.status === 0 ? 'no answer' : record.status}${note}`);
	}

	const server = createServer((req, res) => {
		void serve(req, res);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});

	const origin = `http://${urlHost(server.address() as AddressInfo)}:${(server.address() as AddressInfo).port}`;
	let closed: Promise<void> | undefined;
	const baseUrls = Object.fromEntries(EMULATED_APIS.map(api => [api.name, api.baseUrl(origin)]));
	return {
		ncrBaseUrl: baseUrls.ncr ?? origin,
		registryuiBaseUrl: baseUrls.registryui ?? origin,
		baseUrls,
		stateOf: name => apiStates.get(name),
		origin,
		received,
		state,
		faults,
		clock,
		resetFaults: () => resetFaults(faults),
		close() {
			closed ??= new Promise<void>(resolve => {
				closing.abort();
				server.close(() => resolve());
				// Keep-alive and hung sockets would otherwise hold close() open indefinitely.
				server.closeAllConnections();
			});
			return closed;
		},
	};
}
