// The wizard against a server whose last word is a 1xx: the result panel says "Unexpected answer"
// (101) or "No answer" at the deadline (a 1xx and then silence); the spinner never outlives --timeout.
import net, {type AddressInfo} from 'node:net';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {findBackend} from '../../source/backends/index.js';
import {WizardApp} from '../../source/ui/app.js';
import {initialState} from '../../source/ui/state.js';
import {drive} from '../helpers/ink-driver.js';
import {engineServices} from '../helpers/wizard-services.js';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rawServer(raw: string): Promise<string> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.once('data', () => socket.write(raw));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	cleanups.push(
		() =>
			new Promise<void>(resolve => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	);
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ncr/api/v2`;
}

async function sendTo(endpoint: string, timeoutMs: number, onExit: (code: number) => void) {
	const backend = findBackend('ncr')!;
	const draft = {
		backend,
		connection: {site: 'custom', endpoint},
		fields: {registry: 'team-a', storageType: 'objectStorage', bucket: 'team-a-images'},
		credentials: {accessKey: 'ncp_iam_BPAMKR00001XX00002', secretKey: 'SECRET-canary-1xx-wizard-0123456789'},
		credentialSource: 'environment (test)',
		lastFields: {},
	};
	const ui = await drive(<WizardApp {...engineServices({timeoutMs})} initial={initialState({backend, draft, yes: true})} onExit={onExit} />);
	cleanups.push(() => ui.instance.unmount());
	return ui;
}

describe('a 1xx as the last answer, in the wizard', () => {
	it('101 Switching Protocols: the panel says "Unexpected answer"; quitting exits 1', async () => {
		const onExit = vi.fn();
		const ui = await sendTo(await rawServer('HTTP/1.1 101 Switching Protocols\r\n\r\n'), 5000, onExit);
		const screen = flat(await ui.waitFor('Unexpected answer', 5000));
		expect(screen).toContain('✗ Unexpected answer: 101 Switching Protocols');
		expect(screen).toContain('an informational (1xx) status is not a final answer');
		ui.instance.stdin.write('q');
		await vi.waitFor(() => expect(onExit).toHaveBeenCalledWith(1), {timeout: 1000, interval: 5});
	});

	it('a 1xx and then silence: "No answer" at the deadline, not a spinner forever', async () => {
		const onExit = vi.fn();
		const ui = await sendTo(await rawServer('HTTP/1.1 102 Processing\r\n\r\n'), 1000, onExit);
		const screen = flat(await ui.waitFor('No answer', 5000));
		expect(screen).toContain('within 1 second');
		ui.instance.stdin.write('q');
		await vi.waitFor(() => expect(onExit).toHaveBeenCalledWith(3), {timeout: 1000, interval: 5});
	});
});
