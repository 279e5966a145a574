import type {Answers, Backend, PlainRequest} from '../backends/types.js';
import {environmentProxy, type ProxyEnv, type ProxyRoute} from '../transport/proxy.js';
import {t} from '../i18n/index.js';

/** Quotes a value for a POSIX shell: inside single quotes nothing is special but the quote itself. */
export function shellQuote(value: string): string {
	return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `-u "<username>:$VARIABLE"`: the shell expands the secret, so it is never written out. */
function basicUserArgument(username: string, variable: string): string {
	const tail = `:$${variable}"`;
	// Inside double quotes only $ ` \ " and ! are special; a name without them reads as written.
	if (/^[A-Za-z0-9_@%+=,./-]*$/.test(username)) return `"${username}${tail}`;
	return `${shellQuote(username)}"${tail}`;
}

/** What `--curl` does with the credentials, in words for help: "signed, valid 5 minutes". */
export function curlCredentialsHelp(backend: Backend): string {
	const how = backend.curl;
	return how.kind === 'signed' ? t('cli.curl.signedHelp', {validity: how.validity}) : t('cli.curl.basicHelp', {what: how.what, variable: how.variable});
}

/** When the printed command stops being accepted (a signed request), or undefined. */
export function curlExpiry(request: PlainRequest, backend: Backend): Date | undefined {
	return backend.curl.kind === 'signed' ? backend.curl.expiresAt(request) : undefined;
}

/** The values of secret fields (secret keys, tokens, passwords): none may appear in what is printed. */
function secretValues(backend: Backend, credentials: Answers): string[] {
	return backend.credentialFields
		.filter(spec => spec.kind === 'secret')
		.map(spec => credentials[spec.key] ?? '')
		.filter(value => value.length >= 6);
}

/**
 * A ready-to-run curl command equivalent to the request, preceded by `#` comment lines. How the
 * credentials appear is the backend's `curl` description: signed headers as they are (with their
 * expiry), or Basic as `-u "<user>:$VARIABLE"` instead of the Authorization header.
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
			comments.push(t('cli.curl.proxyCredentials', {source: network.route.source}));
		}
	} else if (network && environmentProxy(new URL(request.url), network.env)) {
		proxy.push(`--noproxy ${shellQuote(new URL(request.url).hostname.replace(/^\[(.*)\]$/, '$1'))}`);
	}
	const body = request.body;
	const hasData = body !== undefined && body !== '';
	const how = backend.curl;
	// curl infers GET, and POST from --data-raw; any other method is named.
	const method = request.method === 'GET' || (request.method === 'POST' && hasData) ? '' : `-X ${request.method} `;
	args.push(`${method}${shellQuote(request.url)}`, ...proxy);
	for (const [name, value] of Object.entries(request.headers)) {
		if (how.kind === 'basic' && name.toLowerCase() === 'authorization' && /^basic /i.test(value)) {
			args.push(`-u ${basicUserArgument(credentials[how.user] ?? '', how.variable)}`);
			comments.push(t('cli.curl.basicComment', {what: how.what, variable: how.variable}));
			continue;
		}
		args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
	}
	if (hasData) args.push(`--data-raw ${shellQuote(body)}`);
	// An empty POST still says so, as the request regwiz sends does.
	else if (body === '') args.push(`-H ${shellQuote('content-length: 0')}`);
	const expiry = curlExpiry(request, backend);
	if (expiry && how.kind === 'signed') {
		comments.unshift(t('cli.curl.signedComment', {title: backend.title, validity: how.validity, until: expiry.toISOString(), id: backend.id}));
	}
	const command = [...comments, `curl ${args.join(' \\\n  ')}`].join('\n');
	const proxyPassword = network?.route?.url.password ?? '';
	if (proxyPassword !== '' && command.includes(proxyPassword)) throw new Error(t('cli.curl.refuseProxyPassword'));
	for (const secret of secretValues(backend, credentials)) {
		if (command.includes(secret)) throw new Error(t('cli.curl.refuseSecret', {id: backend.id}));
	}
	return command;
}
