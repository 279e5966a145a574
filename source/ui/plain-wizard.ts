import {createInterface, type Interface} from 'node:readline';
import {Writable} from 'node:stream';
import {insecureHttpProblem} from '../backends/validation.js';
import {buildCreateRequest, displayRequest, EXIT, resultHeadline, resultLines} from '../engine.js';
import {maskSecret} from '../mask.js';
import {shownAnswer} from './components/answered.js';
import {fieldFault, suggestValue} from './field-faults.js';
import type {WizardServices} from './app.js';
import {credentialChoices} from './steps/credential-choice.js';
import {currentQuestion, planInputProblem, planOf, questions, unacceptedInsecureEndpoint, wizardReducer, type Action, type WizardState} from './state.js';

/**
 * The wizard for a terminal that cannot redraw (TERM=dumb: Emacs shell buffers, some serial consoles):
 * the same questions from the same reducer, asked one line at a time, with no cursor movement or
 * colour. A list is numbered; Enter keeps what is offered; "<" goes back; Ctrl-D or Ctrl-C cancels.
 */
export async function runPlainWizard(services: WizardServices, initial: WizardState, io: {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream}): Promise<number> {
	let muted = false;
	// Echo goes through here so that a secret's characters are not shown.
	const echo = new Writable({
		write(chunk, _encoding, done) {
			if (!muted) io.stdout.write(chunk);
			done();
		},
	});
	const lines: Interface = createInterface({input: io.stdin, output: echo, terminal: io.stdin.isTTY === true});
	const print = (text = '') => io.stdout.write(`${text}\n`);
	let closed = false;
	const waiting: Array<(line: string | undefined) => void> = [];
	const buffered: string[] = [];
	lines.on('line', line => {
		const next = waiting.shift();
		if (next) next(line);
		else buffered.push(line);
	});
	lines.on('close', () => {
		closed = true;
		for (const next of waiting.splice(0)) next(undefined);
	});
	lines.on('SIGINT', () => lines.close());
	const ask = (prompt: string, secret = false): Promise<string | undefined> => {
		io.stdout.write(prompt);
		if (buffered.length > 0) return Promise.resolve(buffered.shift());
		if (closed) return Promise.resolve(undefined);
		muted = secret;
		return new Promise(resolve =>
			waiting.push(line => {
				if (muted) io.stdout.write('\n');
				muted = false;
				resolve(line);
			}),
		);
	};

	let state = initial;
	const dispatch = (action: Action) => {
		state = wizardReducer(state, action);
	};
	const choose = async (prompt: string, options: Array<{value: string; label: string; hint?: string}>, initialValue?: string): Promise<string | undefined | '<'> => {
		print();
		print(prompt);
		options.forEach((option, index) => print(`  ${index + 1}) ${option.label}${option.hint ? `  ${option.hint}` : ''}`));
		const offered = Math.max(0, options.findIndex(option => option.value === initialValue));
		for (;;) {
			const answer = await ask(`Choose 1-${options.length} [${offered + 1}]: `);
			if (answer === undefined) return undefined;
			if (answer.trim() === '<') return '<';
			if (answer.trim() === '') return options[offered]!.value;
			const picked = options[Number(answer.trim()) - 1];
			if (picked) return picked.value;
			print(`  ✗ a number from 1 to ${options.length}`);
		}
	};

	print(services.banner ?? '');
	for (const warning of services.warnings) print(`! ${warning}`);
	print('regwiz · create a container registry (one line at a time: Enter keeps what is in [brackets], "<" goes back)');
	for (;;) {
		const question = currentQuestion(state);
		const {backend} = state;
		if (state.notice) {
			print(`✗ ${state.notice}`);
			dispatch({type: 'notice', message: ''});
		}
		let answer: string | undefined | '<';
		if (question.id === 'backend') {
			answer = await choose('Where should the registry live?', services.backends.map(item => ({value: item.id, label: item.title, hint: item.description})), state.backend?.id);
			const chosen = services.backends.find(item => item.id === answer);
			if (chosen) dispatch({type: 'chooseBackend', backend: chosen});
		} else if (question.id === 'credentialChoice' && backend) {
			const choices = credentialChoices({backend, store: services.store, env: services.env, importable: services.importable?.(backend), initialProfile: state.profileName});
			if (choices.options.length === 1) {
				// A first run: nothing to choose from, new credentials are asked at once.
				dispatch({type: 'chooseCredentials', ...choices.choose(choices.options[0]!.value)!, automatic: true});
				continue;
			}
			answer = await choose('Which credentials?', choices.options, choices.initialValue);
			const made = answer && answer !== '<' ? choices.choose(answer) : undefined;
			if (made) dispatch({type: 'chooseCredentials', ...made});
		} else if ('spec' in question && backend) {
			const {spec, group} = question;
			if (spec.kind === 'choice' && spec.choices) {
				answer = await choose(spec.label, spec.choices.map(choice => ({...choice})), state[group][spec.key] ?? (group === 'fields' ? state.lastFields[spec.key] : undefined) ?? spec.defaultValue);
				if (answer && answer !== '<') dispatch({type: 'answer', group, key: spec.key, value: answer});
			} else {
				const offered = spec.kind === 'secret' ? undefined : state[group][spec.key] ?? (group === 'fields' ? state.lastFields[spec.key] : undefined) ?? spec.defaultValue;
				const kept = state.mode?.kind === 'edit' && spec.kind === 'secret' ? state.credentials[spec.key] : undefined;
				print();
				print(`${spec.label}: ${spec.rule}${spec.optional ? ' (Enter to skip)' : ''}`);
				if (spec.help) print(`  ${spec.help}`);
				const shown = kept ? ` [${maskSecret(kept)}, Enter keeps it]` : offered ? ` [${offered}]` : '';
				answer = await ask(`${spec.label}${shown}${spec.kind === 'secret' ? ' (not shown)' : ''}: `, spec.kind === 'secret');
				if (answer !== undefined && answer !== '<') {
					const value = answer === '' ? offered ?? '' : answer;
					if (kept && answer === '') {
						dispatch({type: 'keepSecret', key: spec.key, value: kept});
					} else {
						const fault = fieldFault(spec, value);
						const normalized = spec.normalize ? spec.normalize(value) : value;
						const risky = group === 'connection' && !services.allowInsecureHttp ? insecureHttpProblem(backend.endpoint({...state.connection, [spec.key]: normalized})) : undefined;
						if (fault) {
							const suggestion = suggestValue(spec, value);
							print(`  ✗ ${fault}${suggestion ? `: try ${suggestion}` : ''}`);
						} else if (risky) {
							const sure = await ask(`  ⚠ ${risky}. Send credentials there anyway? [y/N]: `);
							if (sure?.trim().toLowerCase() === 'y') {
								dispatch({type: 'acceptInsecure', endpoint: backend.endpoint({...state.connection, [spec.key]: normalized})});
								dispatch({type: 'answer', group, key: spec.key, value: normalized});
							}
						} else {
							dispatch({type: 'answer', group, key: spec.key, value: normalized});
						}
					}
				}
			}
		} else if (question.id === 'save' && backend) {
			const verdict = await services.verify(backend, state.credentials, state.connection, new AbortController().signal).catch((error: unknown) => ({ok: false, message: (error as Error).message}));
			print();
			print(`${verdict.ok ? '✓' : '!'} ${verdict.message}`);
			answer = await choose('Save as a profile?', [
				{value: 'yes', label: 'Save as a profile'},
				{value: 'no', label: 'Use once without saving'},
			]);
			if (answer === 'yes' || answer === 'no') dispatch({type: 'chooseSave', save: answer === 'yes'});
		} else if (question.id === 'profileName' && backend) {
			const name = state.profileName ?? 'default';
			answer = await ask(`Profile name [${name}]: `);
			if (answer !== undefined && answer !== '<') {
				const chosen = answer.trim() || name;
				try {
					services.store.save(chosen, {...services.store.get(chosen), backend: backend.id, credentials: state.credentials, connection: state.connection});
					dispatch({type: 'named', name: chosen});
				} catch (error) {
					print(`  ✗ Could not save the profile: ${(error as Error).message}`);
				}
			}
		} else if (question.id === 'review' && backend) {
			const plan = planOf(state)!;
			const shown = displayRequest(buildCreateRequest(plan));
			print();
			print('Review:');
			print(`  Endpoint  ${backend.describeEndpoint(plan.connection)}`);
			print(`  Credentials  ${backend.publicCredential(plan.credentials)} (${plan.credentialSource})`);
			for (const item of questions(state)) {
				if ('spec' in item && item.group === 'fields' && plan.fields[item.spec.key] !== undefined) print(`  ${item.spec.label}  ${shownAnswer(item.spec, plan.fields[item.spec.key]!)}`);
			}
			print(`  ${shown.method} ${shown.url}`);
			if (shown.body !== undefined) print(`  Body  ${shown.body}`);
			const problem = planInputProblem(state) ?? unacceptedInsecureEndpoint(state, services.allowInsecureHttp);
			if (problem) {
				print(`✗ ${problem}. Nothing can be sent.`);
				answer = await ask('Enter goes back: ');
				dispatch({type: 'back'});
				if (answer === undefined) break;
				continue;
			}
			answer = await ask('Send it? [Y/n, < goes back]: ');
			if (answer !== undefined && answer !== '<') {
				if (answer.trim().toLowerCase().startsWith('n')) answer = undefined;
				else dispatch({type: 'confirm'});
			}
		} else if (question.id === 'sending') {
			const plan = planOf(state)!;
			print('Signing and sending…');
			const controller = new AbortController();
			try {
				const result = await services.send(plan, controller.signal);
				services.onAttempt?.(plan, result);
				if (result.ok && plan.profileName && services.store.get(plan.profileName)) {
					try {
						services.store.recordUse(plan.profileName, plan.fields);
					} catch {
						// Remembering defaults is a convenience.
					}
				}
				dispatch({type: 'sent', result});
			} catch (error) {
				dispatch({type: 'cancelSending'});
				dispatch({type: 'notice', message: (error as Error).message});
			}
			continue;
		} else if (question.id === 'result' && state.result && backend) {
			const {result} = state;
			const {tone, title} = resultHeadline(result, backend.noun);
			print();
			print(`${tone === 'success' ? '✓' : '✗'} ${title}`);
			for (const line of resultLines(result)) print(`  ${line.label}  ${line.value}`);
			if (result.advice.length > 0) print(result.ok ? 'Next:' : 'What to do:');
			for (const advice of result.advice) print(advice);
			lines.close();
			return result.exitCode;
		}
		if (answer === undefined) break;
		if (answer === '<') dispatch({type: 'back'});
	}
	lines.close();
	print('Cancelled: nothing was sent.');
	return EXIT.cancelled;
}
