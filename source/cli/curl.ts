import type {Answers, Backend, PlainRequest} from '../backends/types.js';
import {NCP_HEADER} from '../signing/ncp-signature.js';
import {environmentProxy, type ProxyEnv, type ProxyRoute} from '../transport/proxy.js';

/** NCP's gateway refuses a timestamp more than this far from its clock. */
export const NCP_SIGNATURE_VALIDITY_MS = 5 * 60_000;

/** The variable the printed RegistryUI command reads the user token from. */
export const REGISTRYUI_TOKEN_VARIABLE = 'REGISTRYUI_TOKEN';

/** Quotes a value for a POSIX shell: inside single quotes nothing is special but the quote itself. */
export function shellQuote(value: string): string {
	return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `-u "<username>:$REGISTRYUI_TOKEN"`: the shell expands the token, so it is never written out. */
function basicUserArgument(username: string): string {
	const tail = `:$${REGISTRYUI_TOKEN_VARIABLE}"`;
	// Inside double quotes only $ ` \ " and ! are special; a name without them reads as written.
	if (/^[A-Za-z0-9_@%+=,./-]*$/.test(username)) return `"${username}${tail}`;
	return `${shellQuote(username)}"${tail}`;
}

/** When an NCP-signed request stops being accepted, from its own timestamp; undefined for unsigned requests. */
export function ncpSignatureExpiry(request: PlainRequest): Date | undefined {
	if (request.headers[NCP_HEADER.signature] === undefined) return undefined;
	const timestamp = Number(request.headers[NCP_HEADER.timestamp]);
	return Number.isFinite(timestamp) && timestamp > 0 ? new Date(timestamp + NCP_SIGNATURE_VALIDITY_MS) : undefined;
}

/** The values of secret fields (secret keys, tokens): none may appear in what is printed. */
function secretValues(backend: Backend, credentials: Answers): string[] {
	return backend.credentialFields
		.filter(spec => spec.kind === 'secret')
		.map(spec => credentials[spec.key] ?? '')
		.filter(value => value.length >= 6);
}

/**
 * A ready-to-run curl command equivalent to the request, preceded by `#` comment lines.
 * NCR: the signed headers as they are (valid 5 minutes), never the secret key.
 * Basic auth (RegistryUI): `-u "<username>:$REGISTRYUI_TOKEN"` instead of the Authorization header.
 * Throws rather than print a secret, should a backend ever put one where it would be printed.
 */
export function curlCommand(request: PlainRequest, backend: Backend, credentials: Answers, network?: {route?: ProxyRoute; env: ProxyEnv}): string {
	const comments: string[] = [];
	const args: string[] = [];
	// The proxy regwiz would use, without its credentials; a direct request stays direct even where
	// curl itself would take a proxy from the environment (regwiz reaches loopback directly by default).
	const proxy: string[] = [];
	if (network?.route) {
		proxy.push(`--proxy ${shellQuote(network.route.label)}`);
		if (network.route.hasCredentials) {
			comments.push(`# The proxy's credentials (from ${network.route.source}) are not written here: add --proxy-user USER:PASSWORD.`);
		}
	} else if (network && environmentProxy(new URL(request.url), network.env)) {
		proxy.push(`--noproxy ${shellQuote(new URL(request.url).hostname.replace(/^\[(.*)\]$/, '$1'))}`);
	}
	const body = request.body;
	const hasData = body !== undefined && body !== '';
	// curl infers GET, and POST from --data-raw; any other method is named.
	const method = request.method === 'GET' || (request.method === 'POST' && hasData) ? '' : `-X ${request.method} `;
	args.push(`${method}${shellQuote(request.url)}`, ...proxy);
	for (const [name, value] of Object.entries(request.headers)) {
		if (name.toLowerCase() === 'authorization' && /^basic /i.test(value) && credentials.username !== undefined) {
			args.push(`-u ${basicUserArgument(credentials.username)}`);
			comments.push(`# The user token is read from $${REGISTRYUI_TOKEN_VARIABLE}: export it first (it is not written here).`);
			continue;
		}
		args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
	}
	if (hasData) args.push(`--data-raw ${shellQuote(body)}`);
	// An empty POST still says so, as the request regwiz sends does.
	else if (body === '') args.push(`-H ${shellQuote('content-length: 0')}`);
	const expiry = ncpSignatureExpiry(request);
	if (expiry) {
		comments.unshift(
			`# Signed for ${backend.title}: valid 5 minutes, until ${expiry.toISOString()}; then print it again (regwiz create ${backend.id} ... --curl).`,
		);
	}
	const command = [...comments, `curl ${args.join(' \\\n  ')}`].join('\n');
	const proxyPassword = network?.route?.url.password ?? '';
	if (proxyPassword !== '' && command.includes(proxyPassword)) throw new Error('refusing to print a curl command that contains the proxy password');
	for (const secret of secretValues(backend, credentials)) {
		if (command.includes(secret)) throw new Error(`refusing to print a curl command that contains the ${backend.id} secret`);
	}
	return command;
}
