// A loopback server that answers with bytes exactly as scripted: header values with ESC, BEL or C1 bytes
// (which Node's own server refuses to send) reach regwiz as a hostile server would send them.
import net from 'node:net';

export type RawAnswer = {status: number; reason?: string; headers?: Array<[string, string]>; body?: string};

export type RawServer = {url: string; requests: Array<{method: string; path: string}>; answer: (answer: RawAnswer) => void; close: () => Promise<void>};

export async function startRawServer(): Promise<RawServer> {
	let scripted: RawAnswer = {status: 404, body: 'nothing scripted'};
	const requests: RawServer['requests'] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		let received = Buffer.alloc(0);
		socket.on('data', chunk => {
			received = Buffer.concat([received, chunk]);
			const end = received.indexOf('\r\n\r\n');
			if (end < 0) return;
			const head = received.subarray(0, end).toString('latin1');
			const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
			if (received.length < end + 4 + length) return;
			const [method = '', path = ''] = head.split(' ');
			requests.push({method, path});
			const body = Buffer.from(scripted.body ?? '', 'utf8');
			// Header values are written as latin1: a character U+0080–U+00FF becomes that very byte.
			const lines = [`HTTP/1.1 ${scripted.status} ${scripted.reason ?? 'Whatever'}`, ...(scripted.headers ?? []).map(([name, value]) => `${name}: ${value}`), `content-length: ${body.length}`, 'connection: close'];
			socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]));
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	const timer = setTimeout(() => server.close(), 120_000);
	timer.unref();
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		answer: answer => {
			scripted = answer;
		},
		close: () =>
			new Promise<void>(resolve => {
				clearTimeout(timer);
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
