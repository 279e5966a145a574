import type {Backend, CreateLoginFacts, DockerLogin, LoginReport} from './facts.js';

/** The local image the example lines start from; a person replaces it with their own. */
export const EXAMPLE_IMAGE = 'my-image:latest';

/** The exact lines that put a local image into the created registry, one command a line. */
export function pushCommands(login: Pick<DockerLogin, 'imageBase'>, tool = 'docker'): string[] {
	const target = `${login.imageBase}:latest`;
	return [`${tool} tag ${EXAMPLE_IMAGE} ${target}`, `${tool} push ${target}`];
}

/** The backend's words for its user name and secret ("access key", "user token"). */
function credentialNames(backend: Backend): {user: string; secret: string} {
	const user = backend.credentialFields.find(spec => spec.kind !== 'secret')?.label ?? 'user name';
	const secret = backend.credentialFields.find(spec => spec.kind === 'secret')?.label ?? 'password';
	return {user: user.toLowerCase(), secret: secret.toLowerCase()};
}

/** How to log in without regwiz: the password is typed at the tool's prompt, never given in argv. */
export function loginByHand(backend: Backend, login: DockerLogin, tool = 'docker'): string[] {
	const names = credentialNames(backend);
	// A user name shown masked elsewhere (an access key) is not copied into a command line either.
	const shownUser = backend.publicCredential({[backend.credentialFields[0]?.key ?? '']: login.username}) === login.username ? login.username : `<your ${names.user}>`;
	return [`${tool} login ${login.host} --username ${shownUser}`, `# it asks for the password: your ${names.secret}`];
}

/** What a login attempt says, in lines, and whether it worked: shared by the wizard and the scripted output. */
export function describeLogin(facts: CreateLoginFacts, report: LoginReport): {ok: boolean; headline: string; said: string[]; byHand: string[]; push: string[]} {
	const {backend, login} = facts;
	if (report.kind === 'ok') {
		return {ok: true, headline: `Logged in to ${report.host} with ${report.tool}`, said: report.said, byHand: [], push: pushCommands(login, report.tool)};
	}
	if (report.kind === 'failed') {
		return {
			ok: false,
			headline: `${report.tool} login failed (the ${backend.noun} is created all the same):`,
			said: report.said,
			byHand: loginByHand(backend, login, report.tool),
			push: pushCommands(login, report.tool),
		};
	}
	const absent = report.wanted === 'docker' ? 'Neither docker nor podman was found on PATH' : `${report.wanted} (REGWIZ_CONTAINER_CLI) was not found`;
	return {ok: false, headline: `${absent}: log in by hand:`, said: [], byHand: loginByHand(backend, login), push: pushCommands(login)};
}
