// TEST-ONLY certificates for the TLS failure tests: generated afresh with the openssl command when it
// is installed, else the committed ones under test/fixtures/tls-test-only (see its README). Plus an
// https server on 127.0.0.1 that counts the requests it gets, to prove nothing was sent.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {ROOT} from './paths.js';

export type TestCertificates = {
	/** A self-signed certificate for IP 127.0.0.1. */
	selfSigned: {key: string; cert: string};
	/** Signed by `caFile` for other-host.example: trusted, but for another host name. */
	otherHost: {key: string; cert: string};
	/** The authority to trust (NODE_EXTRA_CA_CERTS) for `otherHost` to pass the chain check. */
	caFile: string;
	/** 'openssl' or 'fixtures', for the test's own message. */
	origin: string;
	dispose: () => void;
};

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'tls-test-only');
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function hasOpenssl(): boolean {
	try {
		execFileSync('openssl', ['version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

function generate(dir: string): void {
	const openssl = (...args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']});
	openssl('req', '-x509', ...EC, '-keyout', 'self-signed.key', '-out', 'self-signed.crt', '-subj', '/CN=127.0.0.1 (regwiz TEST ONLY)', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '2');
	openssl('req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=regwiz TEST ONLY CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign', '-days', '2');
	openssl('req', '-new', ...EC, '-keyout', 'other-host.key', '-out', 'other-host.csr', '-subj', '/CN=other-host.example (regwiz TEST ONLY)');
	fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=DNS:other-host.example\n');
	openssl('x509', '-req', '-in', 'other-host.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', '1', '-out', 'other-host.crt', '-days', '2', '-extfile', 'ext.cnf');
}

export function testCertificates(): TestCertificates {
	let dir = FIXTURES;
	let origin = 'fixtures';
	let dispose = () => {};
	// REGWIZ_TEST_TLS_FIXTURES=1 uses the committed certificates even where openssl exists (to check them).
	if (process.env.REGWIZ_TEST_TLS_FIXTURES !== '1' && hasOpenssl()) {
		const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-tls-'));
		generate(scratch);
		dir = scratch;
		origin = 'openssl';
		dispose = () => fs.rmSync(scratch, {recursive: true, force: true});
	}
	const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
	return {
		selfSigned: {key: read('self-signed.key'), cert: read('self-signed.crt')},
		otherHost: {key: read('other-host.key'), cert: read('other-host.crt')},
		caFile: path.join(dir, 'ca.crt'),
		origin,
		dispose,
	};
}

export type TlsServer = {url: string; port: number; requests: () => number; handshakes: () => number; close: () => Promise<void>};

/** An https server on 127.0.0.1; counts requests (none may arrive when the certificate is refused). */
export async function startTlsServer(credentials: {key: string; cert: string}): Promise<TlsServer> {
	let requests = 0;
	let handshakes = 0;
	const server = https.createServer(credentials, (_request, response) => {
		requests++;
		response.writeHead(201, {'content-type': 'application/json'});
		response.end('{"returnCode":"201","returnMessage":"Registry Creation is successful"}');
	});
	server.on('secureConnection', () => handshakes++);
	// A client that refuses the certificate drops the connection mid-handshake: expected here.
	server.on('tlsClientError', () => undefined);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
	const {port} = server.address() as AddressInfo;
	return {
		url: `https://127.0.0.1:${port}`,
		port,
		requests: () => requests,
		handshakes: () => handshakes,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
