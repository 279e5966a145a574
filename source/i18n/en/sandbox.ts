/** The sandbox's own words to the person: its banner, its command's output and its refusals. */
export const sandbox = {
	'sandbox.banner': 'SANDBOX: nothing is created on a real registry',
	'sandbox.urlProblem': (values: {host: string}) =>
		`in the sandbox every request goes to the local emulator: ${values.host} is not this machine; choose a site, or a loopback URL such as the one \`regwiz sandbox\` prints`,
	'sandbox.describeEndpoint': (values: {described: string; endpoint: string}) => `${values.described} (sandbox emulator ${values.endpoint})`,
	'sandbox.endpointLabel': 'Endpoint',
	'sandbox.command.section': (values: {title: string; id: string}) => `${values.title} (regwiz create ${values.id})`,
	'sandbox.command.baseUrl': (values: {url: string}) => `  base URL   ${values.url}`,
	'sandbox.command.try': (values: {env: string; command: string}) => `  try:       ${values.env} \\\n               ${values.command}`,
	'sandbox.command.banner': (values: {titles: string[]; sections: string; storageBaseUrl: string}) =>
		`regwiz sandbox: a local emulator of ${values.titles.join(', ')}. Nothing is created on a real registry.
Demo credentials: sandbox only, published on purpose, accepted nowhere else.

${values.sections}

Object Storage (NCR's buckets: regwiz buckets, --create-bucket)
  base URL   ${values.storageBaseUrl}  (S3 API, kr-standard)
  demo buckets; "taken-bucket" is another account's

Requests are logged below (method, path, status). Press Ctrl+C to stop.
`,
	'sandbox.command.exposed': (values: {host: string}) =>
		`Warning: listening on ${values.host}: the sandbox is reachable from other machines, and anyone who can reach it can use the published demo credentials.`,
	'sandbox.command.portInUse': (values: {port: number}) => `port ${values.port} is in use: choose another with --port, or --port 0 for a free one`,
	'sandbox.command.portNotAllowed': (values: {port: number}) => `not allowed to listen on port ${values.port}: choose a port above 1023`,
	'sandbox.command.cannotListen': (values: {host: string; port: number; hint: string}) =>
		`regwiz sandbox: cannot listen on ${values.host}:${values.port}: ${values.hint}`,
	'sandbox.command.stopped': 'regwiz sandbox: stopped.',
};
