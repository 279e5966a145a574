import type {Backend, CreateLoginFacts, DockerLogin, LoginReport} from './facts.js';
import {t} from '../i18n/index.js';

/** The local image the example lines start from; a person replaces it with their own. */
export const EXAMPLE_IMAGE = 'my-image:latest';

/** The exact lines that put a local image into the created registry, one command a line. */
export function pushCommands(login: Pick<DockerLogin, 'imageBase'>, tool = 'docker'): string[] {
	const target = `${login.imageBase}:latest`;
	return [`${tool} tag ${EXAMPLE_IMAGE} ${target}`, `${tool} push ${target}`];
}

/** The backend's words for its user name and secret ("Access key", "User token"), as its fields label them. */
function credentialNames(backend: Backend): {user: string; secret: string} {
	const user = backend.credentialFields.find(spec => spec.kind !== 'secret')?.label ?? t('login.byHand.userName');
	const secret = backend.credentialFields.find(spec => spec.kind === 'secret')?.label ?? t('login.byHand.password');
	return {user, secret};
}

/** How to log in without regwiz: the password is typed at the tool's prompt, never given in argv. */
export function loginByHand(backend: Backend, login: DockerLogin, tool = 'docker'): string[] {
	const names = credentialNames(backend);
	// A user name shown masked elsewhere (an access key) is not copied into a command line either.
	const shownUser = backend.publicCredential({[backend.credentialFields[0]?.key ?? '']: login.username}) === login.username ? login.username : t('login.byHand.yourUser', {user: names.user});
	return [`${tool} login ${login.host} --username ${shownUser}`, t('login.byHand.asks', {secret: names.secret})];
}

/** What a login attempt says, in lines, and whether it worked: shared by the wizard and the scripted output. */
export function describeLogin(facts: CreateLoginFacts, report: LoginReport): {ok: boolean; headline: string; said: string[]; byHand: string[]; push: string[]} {
	const {backend, login} = facts;
	if (report.kind === 'ok') {
		return {ok: true, headline: t('login.headline.ok', {host: report.host, tool: report.tool}), said: report.said, byHand: [], push: pushCommands(login, report.tool)};
	}
	if (report.kind === 'failed') {
		return {
			ok: false,
			headline: t('login.headline.failed', {tool: report.tool, noun: backend.noun}),
			said: report.said,
			byHand: loginByHand(backend, login, report.tool),
			push: pushCommands(login, report.tool),
		};
	}
	const headline = report.wanted === 'docker' ? t('login.headline.noTool') : t('login.headline.toolMissing', {wanted: report.wanted});
	return {ok: false, headline, said: [], byHand: loginByHand(backend, login), push: pushCommands(login)};
}
