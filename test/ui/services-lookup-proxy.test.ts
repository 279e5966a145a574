// The wizard's bucket lookups go through the proxy of the profile in use, as the create itself does:
// real services, a real proxy and the emulator on loopback.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {Server as ProxyServer} from 'proxy-chain';
import {ncr} from '../../source/backends/ncr.js';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from '../../source/sandbox/emulator.js';
import {createMemoryStore} from '../../source/store/profile-store.js';
import {realServices} from '../../source/ui/services.js';
import type {Io} from '../../source/io.js';

let emulator: Emulator | undefined;
let proxy: ProxyServer | undefined;
afterEach(async () => {
	await emulator?.close();
	await proxy?.close(true);
	emulator = proxy = undefined;
});

describe('the wizard\'s lookups', () => {
	it('go through the proxy of the profile in use', async () => {
		emulator = await startEmulator({demo: true});
		const seen: string[] = [];
		proxy = new ProxyServer({port: 0, host: '127.0.0.1', verbose: false, prepareRequestFunction: ({hostname, port}: {hostname: string; port: number}) => {
			seen.push(`${hostname}:${port}`);
			return {};
		}});
		await proxy.listen();
		const connection = {site: 'custom', endpoint: emulator.ncrBaseUrl, storageEndpoint: emulator.storageBaseUrl};
		const store = createMemoryStore({office: {backend: 'ncr', credentials: {...SANDBOX_CREDENTIALS.ncr}, connection, proxy: `http://127.0.0.1:${proxy.port}`}});
		const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-lookup-'));
		// An empty NO_PROXY: loopback is not exempt, so the proxy is really used.
		const io = {argv: [], env: {NO_PROXY: '', HOME: scratch, REGWIZ_CONFIG_DIR: scratch}} as unknown as Io;
		const services = realServices({store, warnings: [], close: async () => undefined, io, yes: false, timeoutMs: 5000, allowInsecureHttp: false, sandbox: false});
		const access = {backend: ncr, credentials: {...SANDBOX_CREDENTIALS.ncr}, connection};
		const direct = await services.lookup!.choices('ncr.buckets', access, new AbortController().signal);
		expect(direct.ok).toBe(true);
		expect(seen).toEqual([]);
		const proxied = await services.lookup!.choices('ncr.buckets', {...access, profileName: 'office'}, new AbortController().signal);
		expect(proxied.ok).toBe(true);
		expect(seen.length).toBeGreaterThan(0);
		expect(new Set(seen)).toEqual(new Set([new URL(emulator.origin).host]));
		fs.rmSync(scratch, {recursive: true, force: true});
	});
});
