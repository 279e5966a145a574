/** `docker login` after a create: what the tool's attempt came to, and the lines to log in and push by hand. */
export const login = {
	'login.said.moreLines': (values: {count: number}) => `… (${values.count} more lines)`,
	'login.said.cancelled': 'cancelled',
	'login.said.unfinished': (values: {tool: string}) => `${values.tool} did not finish`,
	'login.said.exitCode': (values: {tool: string; code: number}) => `${values.tool} exited with code ${values.code}`,
	'login.byHand.userName': 'user name',
	'login.byHand.password': 'password',
	'login.byHand.yourUser': (values: {user: string}) => `<your ${values.user.toLowerCase()}>`,
	'login.byHand.asks': (values: {secret: string}) => `# it asks for the password: your ${values.secret.toLowerCase()}`,
	'login.headline.ok': (values: {host: string; tool: string}) => `Logged in to ${values.host} with ${values.tool}`,
	'login.headline.failed': (values: {tool: string; noun: string}) => `${values.tool} login failed (the ${values.noun} is created all the same):`,
	'login.headline.noTool': 'Neither docker nor podman was found on PATH: log in by hand:',
	'login.headline.toolMissing': (values: {wanted: string}) => `${values.wanted} (REGWIZ_CONTAINER_CLI) was not found: log in by hand:`,
};
