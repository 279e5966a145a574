import {t} from '../i18n/index.js';
import {trimPasted} from './validation.js';
import type {CredentialSource} from './types.js';

/**
 * Credentials from the environment, by a backend's table of variables ({password: ['HARBOR_PASSWORD']}):
 * each credential from the first of its variables that is set; all of them or none.
 */
export function credentialsFromVariables(
	variables: Readonly<Record<string, readonly string[]>>,
	env: NodeJS.ProcessEnv,
): CredentialSource | undefined {
	const credentials: Record<string, string> = {};
	const used: string[] = [];
	for (const [key, names] of Object.entries(variables)) {
		const name = names.find(candidate => env[candidate]);
		if (!name) return undefined;
		credentials[key] = trimPasted(env[name] ?? '');
		used.push(name);
	}
	return {credentials, source: used.at(-1) ?? ''};
}

/** "HARBOR_USERNAME and HARBOR_PASSWORD", alternatives joined by "or". */
export function describeVariables(variables: Readonly<Record<string, readonly string[]>>): string {
	return t('backend.variables.list', {groups: Object.values(variables)});
}
