import {describe, expect, it} from 'vitest';
import {ncr} from '../../source/backends/ncr.js';
import {registryui} from '../../source/backends/registryui.js';
import {chooseContainerTool, safeLines} from '../../source/login/container-login.js';
import {describeLogin, loginByHand, pushCommands} from '../../source/login/push-lines.js';
import {initialState, wizardReducer, type WizardState} from '../../source/ui/state.js';
import type {CreateResult} from '../../source/core/types.js';

const login = {host: 'team-a.kr.ncr.ntruss.com', username: 'ncp_iam_ACCESSKEY', secretKey: 'the-secret-key-0001', imageBase: 'team-a.kr.ncr.ntruss.com/my-image'};

describe('what the tool said, as shown', () => {
	it('shows control characters as visible escapes, never shows the secret, and keeps a few lines', () => {
		const lines = safeLines(`\u001B[31mdenied\u001B[0m for the-secret-key-0001\r\n\n${'x\n'.repeat(20)}`, 'the-secret-key-0001');
		expect(lines[0]).toBe('\\u001b[31mdenied\\u001b[0m for ****');
		expect(lines).toHaveLength(9);
		expect(lines.at(-1)).toBe('… (13 more lines)');
	});

	it('chooses REGWIZ_CONTAINER_CLI, else docker, else podman, from PATH only', () => {
		expect(chooseContainerTool({PATH: ''})).toEqual({name: 'docker'});
		expect(chooseContainerTool({PATH: '', REGWIZ_CONTAINER_CLI: 'nerdctl'})).toEqual({name: 'nerdctl', file: undefined});
		expect(chooseContainerTool({PATH: '/bin', REGWIZ_CONTAINER_CLI: '/bin/sh'})).toEqual({name: 'sh', file: '/bin/sh'});
	});
});

describe('the lines a person copies', () => {
	it('tag and push to the registry, one command a line', () => {
		expect(pushCommands(login)).toEqual([
			'docker tag my-image:latest team-a.kr.ncr.ntruss.com/my-image:latest',
			'docker push team-a.kr.ncr.ntruss.com/my-image:latest',
		]);
	});

	it('by hand: the password is asked by the tool; a masked access key is not written into the command', () => {
		expect(loginByHand(ncr, login)).toEqual(['docker login team-a.kr.ncr.ntruss.com --username <your access key>', '# it asks for the password: your secret key']);
		expect(loginByHand(registryui, {...login, host: 'registry.example.com', username: 'alice'})).toEqual([
			'docker login registry.example.com --username alice',
			'# it asks for the password: your user token',
		]);
	});

	it('a failure keeps the tool\'s words and says the registry is created all the same', () => {
		const shown = describeLogin({backend: ncr, login}, {kind: 'failed', tool: 'podman', host: login.host, said: ['Error: unauthorized'], exitCode: 125});
		expect(shown).toMatchObject({ok: false, headline: 'podman login failed (the registry is created all the same):', said: ['Error: unauthorized']});
		expect(shown.push[1]).toBe('podman push team-a.kr.ncr.ntruss.com/my-image:latest');
	});
});

describe('the login in the wizard state', () => {
	const created = {ok: true, exitCode: 0, backend: 'ncr', request: {method: 'POST', url: 'https://x'}, advice: [], error: null} as CreateResult;
	const atResult = (): WizardState => ({...initialState({backend: ncr, yes: false}), current: 'result', result: created});

	it('starts only on a success, ends once, and is forgotten by "create another" and a retry', () => {
		const running = wizardReducer(atResult(), {type: 'loginStarted', at: 5});
		expect(running.login).toEqual({status: 'running', startedAt: 5});
		const done = wizardReducer(running, {type: 'loginDone', report: {kind: 'missing', host: 'h', wanted: 'docker'}});
		expect(done.login).toMatchObject({status: 'done'});
		expect(wizardReducer(done, {type: 'loginDone', report: {kind: 'ok', tool: 'docker', host: 'h', said: []}})).toBe(done);
		expect(wizardReducer(done, {type: 'createAnother'}).login).toBeUndefined();
		const refused = {...atResult(), result: {...created, ok: false}};
		expect(wizardReducer(refused, {type: 'loginStarted', at: 1})).toBe(refused);
	});
});

describe('commands to copy', () => {
	it('a command wider than the terminal is cut at spaces with shell continuations, never mid-word', async () => {
		const {continuedLines} = await import('../../source/ui/components/panels.js');
		const command = 'docker tag my-image:latest 127.0.0.1:46547/team-a/backend:latest';
		expect(continuedLines(command, 80)).toEqual([command]);
		expect(continuedLines(command, 59)).toEqual(['docker tag my-image:latest \\', '  127.0.0.1:46547/team-a/backend:latest']);
		for (const width of [20, 30, 45]) {
			const lines = continuedLines(command, width);
			expect(lines.join(' ').replaceAll(' \\ ', ' ').replace(/\s+/g, ' ')).toBe(command);
			for (const line of lines.slice(0, -1)) expect(line.endsWith(' \\')).toBe(true);
		}
		expect(continuedLines('# the password is your secret key, typed when asked', 20)).toEqual(['# the password is your secret key, typed when asked']);
	});
});

