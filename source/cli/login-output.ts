import type {CreatePlan, CreateResult} from '../core/types.js';
import {containerLogin} from '../login/container-login.js';
import {loginFacts} from '../login/facts.js';
import {describeLogin} from '../login/push-lines.js';
import type {Paint} from './style.js';
import {t} from '../i18n/index.js';

export type ScriptedLogin = {json: Record<string, unknown>; text: (style: Paint) => string};

/** `--login` after a successful create: runs docker (or podman) login and says what came of it. */
export async function scriptedLogin(plan: CreatePlan, result: CreateResult, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<ScriptedLogin> {
	const facts = loginFacts(plan, result);
	if (!facts) {
		const message = t('cli.login.unknownHost', {noun: plan.backend.noun});
		return {json: {ok: false, error: message}, text: style => `\n${style.yellow(t('cli.login.failedLine', {message}))}\n`};
	}
	const report = await containerLogin(facts.login, {env, signal});
	const shown = describeLogin(facts, report);
	return {
		json: {
			ok: shown.ok,
			host: facts.login.host,
			tool: report.kind === 'missing' ? null : report.tool,
			said: shown.said,
			...(shown.ok ? {} : {error: shown.headline.replace(/:$/, ''), byHand: shown.byHand}),
			push: shown.push,
		},
		text: style => {
			const out = ['', t('cli.login.heading'), `  ${shown.ok ? style.green(`✓ ${shown.headline}`) : style.red(`✗ ${shown.headline}`)}`];
			for (const line of shown.said) out.push(`    ${line}`);
			for (const line of shown.byHand) out.push(`  ${line}`);
			out.push('', t('cli.login.push', {placeholder: 'my-image'}), ...shown.push);
			return `${out.join('\n')}\n`;
		},
	};
}
