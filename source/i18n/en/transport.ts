/** What a request that got no usable answer is told (network, proxy, TLS, timeouts), and how a proxy is shown. */
export const transport = {
	'transport.proxy.refused': (values: {proxy: string; source: string; host: string; dns: boolean}) =>
		`The proxy ${values.proxy} (from ${values.source}) ${values.dns ? 'could not be found (DNS)' : 'refused the connection: nothing is listening there'}. Nothing was sent to ${values.host}.`,
	'transport.proxy.refusedHint': 'Check the proxy URL and that the proxy is running, or set NO_PROXY for this host to go direct.',
	'transport.proxy.auth': (values: {proxy: string; source: string; host: string; credentials: boolean}) =>
		`The proxy ${values.proxy} (from ${values.source}) asks for authentication (407)${values.credentials ? ' and refused the credentials given' : ''}. Nothing was sent to ${values.host}.`,
	'transport.proxy.authCheckHint': 'Check the user name and password in the proxy URL (http://USER:PASSWORD@host:port).',
	'transport.proxy.authGiveHint': 'Give its credentials in the proxy URL: http://USER:PASSWORD@host:port.',
	'transport.proxy.unreachable': (values: {proxy: string; source: string; host: string; status?: number}) =>
		`The proxy ${values.proxy} (from ${values.source}) could not reach ${values.host} (${values.status === undefined ? 'it closed the connection' : `it answered ${values.status}`}). Nothing was sent to ${values.host}.`,
	'transport.proxy.unreachableHint': 'Check the URL, and that this proxy may reach that host; set NO_PROXY for it to go direct.',
	'transport.proxy.settingHint': 'Correct the proxy setting, then retry.',
	'transport.proxy.bad': (values: {source: string; value: string; why: string}) =>
		`${values.source}: ${values.value} is not a proxy regwiz can use: ${values.why} (e.g. http://proxy.example:3128)`,
	'transport.proxy.notUrl': 'it is not a URL',
	'transport.proxy.scheme': (values: {scheme: string}) => `${values.scheme} proxies are not supported, only http:// and https://`,
	'transport.proxy.noHost': 'it names no host',
	'transport.proxy.path': 'a proxy URL has no path',
	'transport.proxy.fromProfile': 'the profile',
	'transport.proxy.direct': 'none (direct connection)',
	'transport.proxy.route': (values: {label: string; source: string; credentials: boolean}) =>
		`${values.label} (from ${values.source}${values.credentials ? ', with credentials' : ''})`,
	'transport.proxy.setting': (values: {label: string; credentials: boolean}) => `${values.label}${values.credentials ? ' (with credentials)' : ''}`,
	'transport.proxy.unusable': (values: {value: string}) => `${values.value} (not usable)`,
	'transport.cancelled': 'Cancelled before the server answered.',
	'transport.cancelledHint': 'Whether it was created is unknown: check before trying again.',
	'transport.timeout': (values: {host: string; proxy?: string; seconds: number}) =>
		`No answer from ${values.host}${values.proxy === undefined ? '' : ` through the proxy ${values.proxy}`} within ${values.seconds} ${values.seconds === 1 ? 'second' : 'seconds'}.`,
	'transport.timeoutHint': 'The service may be slow or unreachable: retry later, or give more time with --timeout SECONDS. It may have been created: check before retrying.',
	'transport.refused': (values: {host: string}) => `Connection refused by ${values.host}: nothing is listening there.`,
	'transport.refusedHint': 'Check the URL and port, and that the service is running.',
	'transport.dns': (values: {host: string}) => `The host name in ${values.host} could not be found (DNS).`,
	'transport.dnsHint': 'Check the spelling of the URL, your network and your DNS settings.',
	'transport.tls': (values: {host: string; why: string}) => `Could not verify ${values.host}: ${values.why}. Nothing was sent.`,
	'transport.tls.otherHost': 'its certificate is for another host name',
	'transport.tls.selfSigned': 'its certificate is self-signed',
	'transport.tls.expired': 'its certificate has expired',
	'transport.tls.untrusted': 'its certificate is signed by an authority this machine does not trust',
	'transport.tls.failed': (values: {code: string}) => `the secure connection failed (${values.code})`,
	'transport.tlsHint': 'Check the URL. For a private certificate authority, add it with NODE_EXTRA_CA_CERTS=/path/to/ca.pem; regwiz never skips verification.',
	'transport.interrupted': (values: {host: string; status?: number}) =>
		`The connection to ${values.host} closed before the answer was complete${values.status === undefined ? '' : ` (its status, ${values.status}, had arrived)`}.`,
	'transport.interruptedCreatedHint': 'The status says it was probably created: check that it exists before retrying.',
	'transport.interruptedHint': 'It may or may not have been created: check before retrying.',
	'transport.network': (values: {host: string; code?: string}) => `The request to ${values.host} failed (${values.code ?? 'network error'}).`,
	'transport.networkHint': 'Check your network and the URL, then retry.',
};
