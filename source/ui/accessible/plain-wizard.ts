import {InputError, insecureHttpProblem} from '../../backends/validation.js';
import type {Backend} from '../../backends/types.js';
import {EXIT} from '../../core/exit-codes.js';
import {buildCreateRequest} from '../../core/plan.js';
import {MAY_HAVE_BEEN_CREATED, mayHaveBeenCreated} from '../../core/result.js';
import type {CreateResult} from '../../core/types.js';
import {resultHeadline, resultLines, safeText} from '../../present.js';
import {loginFacts} from '../../login/facts.js';
import {describeLogin, pushCommands} from '../../login/push-lines.js';
import {maskSecret} from '../../mask.js';
import {profileNameProblem} from '../../store/profile-store.js';
import type {SandboxSwitch} from '../app.js';
import {fieldFault, suggestValue} from '../field-faults.js';
import {resultAdvice, reviewFacts, reviewParts} from '../review-lines.js';
import {credentialChoices, nextFreeProfileName, SANDBOX_CHOICE} from '../credential-options.js';
import {credentialsAtFault, renameKey, retryHelps} from '../result-options.js';
import {realServices, type Attempts} from '../services.js';
import {
	currentQuestion,
	initialState,
	isSkipped,
	planOf,
	questions,
	TOTAL_STEPS,
	unacceptedInsecureEndpoint,
	wizardReducer,
	planInputProblem,
	fieldId,
	type Action,
	type Question,
	type WizardState,
} from '../state.js';
import type {WizardOptions} from '../wizard-options.js';
import {LineReader} from './line-reader.js';

// The plain front: the same questions, reducer, requests and exit codes as the Ink wizard, asked one
// line at a time for screen readers and terminals that cannot move the cursor. Nothing is redrawn,
// nothing animates, no escape sequence is written: every answer is a line, every choice a number.

const BACK = /^(back|<)$/i;

/** Signals that end the wizard like a quit, with their exit codes (128 + the signal's number). */
const SIGNAL_EXITS = {SIGINT: EXIT.cancelled, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hangup, SIGQUIT: EXIT.quit} as const;

type Choice = {value: string; label: string; hint?: string};
/** What a question's line said: a value, "back", or the end (Ctrl-C, Ctrl-D). */
type Reply<T = string> = {kind: 'value'; value: T} | {kind: 'back'} | {kind: 'end'};

/** A hint written as a fragment ("becomes part of…"), read as a sentence. */
const sentence = (text: string) => {
	const trimmed = text.trim();
	return `${trimmed[0]?.toUpperCase() ?? ''}${trimmed.slice(1)}${/[.!?)]$/.test(trimmed) ? '' : '.'}`;
};

/** Runs the plain wizard to its end and resolves with the exit code, as `runWizard` does. */
export async function runPlainWizard(options: WizardOptions): Promise<number> {
	const {io} = options;
	const closers: Array<() => Promise<void>> = [];
	// Every create sent, until its result is recorded (realServices records it): waited for before the end.
	const attempts: Attempts = new Set();
	const services = realServices(options, attempts, close => closers.push(close));
	let state = initialState({backend: options.backend, draft: options.draft, yes: options.yes});
	const dispatch = (action: Action) => {
		state = wizardReducer(state, action);
	};
	// Every line goes through the one rule for text regwiz did not write (profile names, the service's words).
	const say = (text = '') => {
		for (const line of text.split('\n')) io.stdout.write(`${safeText(line)}\n`);
	};

	const cancel = new AbortController();
	// A signal ends the wizard as Ctrl-C does, with its own exit code (128 + the signal's number).
	let signalled: number | undefined;
	const handlers = Object.entries(SIGNAL_EXITS).map(([name, code]) => {
		const handler = () => {
			if (name !== 'SIGINT') signalled ??= code;
			cancel.abort();
		};
		process.on(name, handler);
		return () => process.off(name, handler);
	});
	const reader = new LineReader(io.stdin, io.stdout, cancel.signal);
	let sandbox: SandboxSwitch | undefined;
	let lastNotice: string | undefined;

	const inSandbox = () => services.sandbox === true || sandbox !== undefined;
	const store = () => sandbox?.store ?? services.store;
	const canGoBack = () => {
		const list = questions(state);
		const position = list.findIndex(item => item.id === state.current);
		return list.slice(0, position).some(item => !isSkipped(state, item) && item.id !== 'sending' && item.id !== 'result');
	};

	/** Asks for one line; "back" (or "<") goes back where there is somewhere to go. */
	async function ask(prompt: string, secret = false): Promise<Reply> {
		const line = secret ? await reader.secret(prompt) : await reader.line(prompt);
		if (line === undefined) return {kind: 'end'};
		const typed = line.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim();
		if (BACK.test(typed) && !secret) {
			if (canGoBack() || state.current === 'result') return {kind: 'back'};
			say('There is no earlier question.');
			return ask(prompt, secret);
		}
		return {kind: 'value', value: secret ? line.replace(/[\r\n]/g, '') : typed};
	}

	/** A numbered list; the answer is the number. Enter alone keeps the current choice when there is one. */
	async function choose(sentence: string, choices: Choice[], current?: string, extra?: (typed: string) => Reply | undefined): Promise<Reply> {
		say(sentence);
		choices.forEach((choice, index) => say(`  ${index + 1}. ${choice.label}${choice.hint ? `: ${choice.hint}` : ''}`));
		const kept = choices.findIndex(choice => choice.value === current);
		const range = choices.length === 1 ? 'Type 1' : `Type a number from 1 to ${choices.length}`;
		const prompt = `${range}${kept >= 0 ? `, or press Enter for ${kept + 1} (${choices[kept]!.label})` : ''}: `;
		for (;;) {
			const reply = await ask(prompt);
			if (reply.kind !== 'value') return reply;
			if (reply.value === '' && kept >= 0) return {kind: 'value', value: choices[kept]!.value};
			const special = extra?.(reply.value);
			if (special) return special;
			const number = /^\d+$/.test(reply.value) ? Number(reply.value) : Number.NaN;
			if (number >= 1 && number <= choices.length) return {kind: 'value', value: choices[number - 1]!.value};
			say(`Error: ${reply.value === '' ? 'nothing was typed' : `"${reply.value}" is not one of the numbers`}. ${range}.`);
		}
	}

	const stepLine = (question: Question) => `Step ${question.step} of ${TOTAL_STEPS}.`;

	async function askBackend(question: Question): Promise<Reply> {
		const reply = await choose(
			`${stepLine(question)} Where should the registry live?`,
			services.backends.map(item => ({value: item.id, label: item.title, hint: item.description})),
			state.backend?.id,
		);
		if (reply.kind === 'value') {
			const chosen = services.backends.find(item => item.id === reply.value);
			if (chosen) dispatch({type: 'chooseBackend', backend: chosen});
		}
		return reply;
	}

	async function askCredentials(question: Question, backend: Backend): Promise<Reply> {
		const env = inSandbox() ? {} : services.env;
		const importable = inSandbox() ? undefined : services.importable?.(backend);
		const offered = credentialChoices({backend, store: store(), env, importable, initialProfile: state.profileName, canTrySandbox: !inSandbox() && services.startSandbox !== undefined});
		if (offered.options.length === 1) {
			// A first run: nothing to choose from, new credentials are asked at once.
			const made = offered.choose(offered.options[0]!.value);
			if (made) dispatch({type: 'chooseCredentials', ...made, automatic: true});
			say(`No saved ${backend.title} profile yet: new credentials can be saved as one.`);
			return {kind: 'value', value: offered.options[0]!.value};
		}
		// Read out, a profile's name alone would not say what it is.
		const choices: Choice[] = offered.options.map(option => (option.value.startsWith('profile:') ? {...option, label: `Profile ${option.label}`, hint: option.hint?.replaceAll(' · ', ', ')} : option));
		if (offered.nothingSetUp) say(`No saved ${backend.title} profile yet: new credentials can be saved as one.`);
		const editable = choices.some(choice => choice.value.startsWith('profile:'));
		let edit = false;
		const reply = await choose(
			`${stepLine(question)} Which credentials?${editable ? ' To edit a saved profile, type e and its number (e.g. e1).' : ''}`,
			choices,
			state.profileName ? `profile:${state.profileName}` : undefined,
			typed => {
				const match = editable ? /^e\s*(\d+)$/i.exec(typed) : null;
				const picked = match ? choices[Number(match[1]) - 1] : undefined;
				if (!picked?.value.startsWith('profile:')) return undefined;
				edit = true;
				return {kind: 'value', value: picked.value};
			},
		);
		if (reply.kind !== 'value') return reply;
		if (reply.value === SANDBOX_CHOICE && services.startSandbox) {
			say('Starting the sandbox (a local emulator)…');
			try {
				sandbox = await services.startSandbox();
				say(sandbox.banner);
				const name = sandbox.sandboxProfile(backend);
				const profile = sandbox.store.get(name);
				if (profile) dispatch({type: 'chooseCredentials', mode: {kind: 'profile', name}, credentials: profile.credentials, connection: profile.connection});
			} catch (error) {
				dispatch({type: 'notice', message: `the sandbox could not start: ${(error as Error).message}`});
			}
			return reply;
		}
		const made = offered.choose(reply.value, edit);
		if (made) dispatch({type: 'chooseCredentials', ...made});
		return reply;
	}

	async function askField(question: Extract<Question, {kind: 'field'}>, backend: Backend): Promise<Reply> {
		const {spec, group} = question;
		const answers = state[group];
		const defaultValue = (group === 'fields' ? state.lastFields[spec.key] : undefined) ?? spec.defaultValue;
		const normalize = (value: string) => (spec.normalize ? spec.normalize(value) : value);
		if (spec.kind === 'choice' && spec.choices) {
			const reply = await choose(`${stepLine(question)} ${spec.label}?${spec.help ? ` ${sentence(spec.help)}` : ''}`, [...spec.choices], answers[spec.key] ?? defaultValue);
			if (reply.kind === 'value') dispatch({type: 'answer', group, key: spec.key, value: reply.value});
			return reply;
		}
		const secret = spec.kind === 'secret';
		const kept = group === 'credentials' && state.mode?.kind === 'edit' && secret ? state.keptSecrets[spec.key] ?? state.credentials[spec.key] : undefined;
		const current = secret ? (kept ? undefined : answers[spec.key]) : answers[spec.key] ?? defaultValue;
		if (group === 'credentials' && backend.credentialNote && spec === backend.credentialFields[0]) say(backend.credentialNote);
		const rule = spec.optional && !/optional/.test(spec.rule) ? `${spec.rule} (optional)` : spec.rule;
		const parts = [`${stepLine(question)} ${spec.label}: ${rule}.`];
		if (spec.help) parts.push(sentence(spec.help));
		if (secret) parts.push('It is not shown as you type.');
		if (kept) parts.push(`Press Enter to keep the stored secret (${maskSecret(kept)}).`);
		else if (current !== undefined && current !== '') parts.push(secret ? 'Press Enter to keep what you typed before.' : `Current value: ${current}. Press Enter to keep it.`);
		else if (spec.optional) parts.push('Press Enter to skip it.');
		say(parts.join(' '));
		const endpointWith = (value: string) => backend.endpoint({...state.connection, [spec.key]: normalize(value)});
		let warnedFor: string | undefined;
		for (;;) {
			const reply = await ask(`${spec.label}: `, secret);
			if (reply.kind !== 'value') return reply;
			if (kept && reply.value === '') {
				dispatch({type: 'keepSecret', key: spec.key, value: kept});
				return reply;
			}
			const value = reply.value === '' && current !== undefined ? current : reply.value;
			// The fault named in the value itself ("uppercase T … not allowed"), with a corrected value to type.
			const problem = fieldFault(spec, value);
			if (problem) {
				const suggestion = suggestValue(spec, value);
				say(`Error: ${problem.startsWith(spec.label) ? problem : `${spec.label}: ${problem}`}.${suggestion ? ` Try ${suggestion}.` : ' Try again.'}`);
				continue;
			}
			const risk = group === 'connection' && !options.allowInsecureHttp ? insecureHttpProblem(endpointWith(value)) : undefined;
			if (risk && warnedFor !== value) {
				warnedFor = value;
				say(`Warning: ${risk}. Use https://, or type the same value again to accept the risk.`);
				continue;
			}
			if (risk) dispatch({type: 'acceptInsecure', endpoint: endpointWith(value)});
			dispatch({type: 'answer', group, key: spec.key, value: normalize(value)});
			return {kind: 'value', value};
		}
	}

	async function askSave(question: Question, backend: Backend): Promise<Reply> {
		say('Checking the credentials with a request that changes nothing…');
		const controller = new AbortController();
		const stop = () => controller.abort();
		cancel.signal.addEventListener('abort', stop, {once: true});
		const verdict = await services.verify(backend, state.credentials, state.connection, controller.signal).catch((error: unknown) => ({ok: false, message: (error as Error).message}));
		cancel.signal.removeEventListener('abort', stop);
		if (cancel.signal.aborted) return {kind: 'end'};
		say(verdict.ok ? verdict.message : `Warning: ${verdict.message} (you may save them anyway: offline, or rights limited to creating)`);
		const persistent = store().persistent;
		const reply = await choose(`${stepLine(question)} Save as a profile?`, [
			{value: 'yes', label: 'Save as a profile', hint: persistent ? 'reused next time; the secret is never shown again' : 'kept for this run only'},
			{value: 'no', label: 'Use once without saving'},
		]);
		if (reply.kind === 'value') dispatch({type: 'chooseSave', save: reply.value === 'yes'});
		return reply;
	}

	async function askProfileName(question: Question, backend: Backend): Promise<Reply> {
		const profiles = store();
		const editing = state.mode?.kind === 'edit' ? state.mode.name : undefined;
		const proposed = state.profileName ?? editing ?? nextFreeProfileName(profiles);
		const where = profiles.persistent ? `saved in ${profiles.location} (owner-only file)` : 'kept in memory for this run only';
		say(`${stepLine(question)} Profile name: letters, digits, '.', '_' and '-' (e.g. staging); ${where}. Current value: ${proposed}. Press Enter to keep it.`);
		for (;;) {
			const reply = await ask('Profile name: ');
			if (reply.kind !== 'value') return reply;
			const name = reply.value === '' ? proposed : reply.value;
			const problem = profileNameProblem(name) ?? (name !== editing && profiles.get(name) ? `a profile named "${name}" already exists: choose another name (or edit it from the list)` : undefined);
			if (problem) {
				say(`Error: Profile name: ${problem}. Try again.`);
				continue;
			}
			try {
				if (editing && editing !== name) profiles.rename(editing, name);
				profiles.save(name, {...profiles.get(name), backend: backend.id, credentials: state.credentials, connection: state.connection});
			} catch (error) {
				say(`Error: Could not save the profile: ${(error as Error).message}`);
				continue;
			}
			say(`Saved as profile ${name}.`);
			dispatch({type: 'named', name});
			return reply;
		}
	}

	async function askReview(question: Question): Promise<Reply> {
		const facts = reviewFacts(state, options.allowInsecureHttp, 'type back');
		if (!facts) return {kind: 'end'};
		const {answers, requestLine, request} = reviewParts(facts);
		say(`${stepLine(question)} Review.`);
		for (const row of answers) say(`  ${row.label}: ${row.value}`);
		say(`This request will be sent: ${requestLine}`);
		let label = '';
		for (const row of request) {
			label = row.label || label;
			say(`  ${label}: ${row.value}`);
		}
		const blocked = unacceptedInsecureEndpoint(state, options.allowInsecureHttp) !== undefined || planInputProblem(state) !== undefined;
		if (facts.warning) say(`${blocked ? 'Error' : 'Warning'}: ${facts.warning}`);
		const prompt = blocked ? 'Nothing can be sent. Type back to change it: ' : 'Press Enter to send it, or type back to change a field: ';
		for (;;) {
			const reply = await ask(prompt);
			if (reply.kind !== 'value') return reply;
			if (!blocked && /^(|y|yes|send)$/i.test(reply.value)) {
				dispatch({type: 'confirm'});
				return reply;
			}
			say(blocked ? 'Error: nothing can be sent as it is.' : `Error: "${reply.value}" is neither Enter nor back.`);
		}
	}

	/** Signs and sends; resolves false when Ctrl-C came while the request was in flight. */
	async function send(backend: Backend): Promise<boolean> {
		const plan = planOf(state);
		if (!plan) return true;
		say(`Signing and sending POST ${new URL(buildCreateRequest(plan).url).pathname}…`);
		const controller = new AbortController();
		const stop = () => controller.abort();
		cancel.signal.addEventListener('abort', stop, {once: true});
		let result: CreateResult;
		try {
			result = await services.send(plan, controller.signal);
		} catch (error) {
			dispatch({type: 'cancelSending'});
			dispatch({type: 'notice', message: error instanceof InputError ? error.message : `unexpected error: ${(error as Error).message}`});
			return !cancel.signal.aborted;
		} finally {
			cancel.signal.removeEventListener('abort', stop);
		}
		if (controller.signal.aborted) {
			say(`Cancelled while sending ${backend.noun === 'registry' ? 'the registry' : `the ${backend.noun}`}. ${MAY_HAVE_BEEN_CREATED}`);
			return false;
		}
		// A profile that reached the server was used, even if refused; only a success changes what is offered next time.
		const saved = plan.profileName ? store().get(plan.profileName) : undefined;
		if (saved && plan.profileName && (result.ok || result.outcome)) {
			try {
				store().recordUse(plan.profileName, result.ok ? plan.fields : saved.lastFields ?? {});
			} catch {
				// Remembering defaults is a convenience; a failure must not hide the result.
			}
		}
		dispatch({type: 'sent', result});
		return true;
	}

	async function logIn() {
		const plan = planOf(state);
		const facts = plan && state.result ? loginFacts(plan, state.result) : undefined;
		if (!facts || !services.login) return;
		say(`Logging in to ${facts.login.host}…`);
		dispatch({type: 'loginStarted', at: Date.now()});
		const controller = new AbortController();
		const stop = () => controller.abort();
		cancel.signal.addEventListener('abort', stop, {once: true});
		const report = await services.login(facts.login, controller.signal).catch((error: unknown) => ({kind: 'failed' as const, tool: 'docker', host: facts.login.host, said: [`unexpected error: ${(error as Error).message}`], exitCode: null}));
		cancel.signal.removeEventListener('abort', stop);
		dispatch({type: 'loginDone', report});
		const shown = describeLogin(facts, report);
		say(`${shown.ok ? 'Done' : 'Error'}: ${shown.headline}`);
		for (const line of shown.said) say(`  ${line}`);
		for (const line of shown.byHand) say(line);
		say('Then push (my-image is yours):');
		for (const line of shown.push) say(line);
	}

	async function showResult(backend: Backend): Promise<Reply> {
		const result = state.result!;
		const plan = planOf(state);
		const facts = plan ? loginFacts(plan, result) : undefined;
		const loginBelow = facts !== undefined && services.login !== undefined;
		const {tone, title} = resultHeadline(result, backend.noun);
		say(`Result: ${tone === 'success' ? 'Done' : 'Failed'}. ${title}.`);
		for (const line of resultLines(result)) say(`  ${line.label}: ${line.value}`);
		const {advice, commands} = resultAdvice(result, loginBelow);
		if (advice.length > 0) {
			say(result.ok ? 'Next:' : 'What to do:');
			for (const line of advice) say(`  ${line}`);
		}
		// Commands stand on lines of their own, at the left edge, so they can be copied whole.
		if (commands.length > 0) {
			say(advice.length > 0 || !result.ok ? 'Commands:' : 'Next:');
			for (const {command, note} of commands) {
				say(command);
				if (note) say(`  ${note}`);
			}
		}
		if (facts && loginBelow && state.login === undefined) {
			if (services.autoLogin) await logIn();
			else {
				say('Then push (my-image is yours):');
				for (const line of pushCommands(facts.login)) say(line);
			}
		}
		if (result.ok && inSandbox() && services.forReal) {
			const [first, ...more] = services.forReal();
			say(`That was the sandbox. For real: ${first ?? ''}`);
			for (const line of more) say(`  ${line}`);
		}
		for (;;) {
			const canLogIn = loginBelow && (state.login === undefined || (state.login.status === 'done' && state.login.report.kind === 'failed'));
			const atFault = credentialsAtFault(state);
			const rename = renameKey(state);
			const renameLabel = backend.fields.find(spec => spec.key === rename)?.label.toLowerCase() ?? 'name';
			// Sent and not clearly answered: it may exist already, so the choice never just says "retry".
			const retryLabel = mayHaveBeenCreated(result) ? 'Send again (check first: it may have been created)' : 'Retry (signed afresh)';
			const choices: Choice[] = result.ok
				? [...(canLogIn ? [{value: 'login', label: `Log in with docker now (${facts!.login.host})`}] : []), {value: 'another', label: `Create another ${backend.noun}`}, {value: 'quit', label: 'Quit'}]
				: [
						...(retryHelps(result) ? [{value: 'retry', label: retryLabel}] : []),
						{value: 'change', label: atFault ? 'Change the credentials' : 'Change a field'},
						...(rename ? [{value: 'rename', label: `Change the ${renameLabel}`}] : []),
						{value: 'another', label: `Create another ${backend.noun}`},
						{value: 'quit', label: 'Quit'},
					];
			const reply = await choose('What next?', choices);
			if (reply.kind === 'end') return reply;
			const value = reply.kind === 'back' ? 'change' : reply.value;
			if (value === 'login') {
				await logIn();
				if (cancel.signal.aborted) return {kind: 'end'};
				continue;
			}
			if (value === 'quit') dispatch({type: 'quit', exitCode: result.exitCode});
			else if (value === 'another') dispatch({type: 'createAnother'});
			else if (value === 'retry') dispatch({type: 'retry'});
			else if (value === 'rename' && rename) dispatch({type: 'goTo', id: fieldId('fields', rename)});
			else if (atFault) dispatch({type: 'goTo', id: 'credentialChoice'});
			else dispatch({type: 'changeFields'});
			return {kind: 'value', value};
		}
	}

	let exitCode: number = EXIT.cancelled;
	try {
		say('regwiz, plain mode: each question is asked once, as a line.');
		say('Choices are numbered: type the number and press Enter. Press Enter alone to keep the current value. Type back (or <) to return to the previous question. Ctrl-C quits; nothing is sent before you confirm the review.');
		const banner = services.banner;
		if (banner) say(banner);
		for (const warning of services.warnings) say(`Warning: ${warning}`);
		for (;;) {
			if (state.exitCode !== undefined) {
				exitCode = state.exitCode;
				break;
			}
			if (state.notice && state.notice !== lastNotice) say(`Error: ${state.notice}`);
			lastNotice = state.notice;
			const question = currentQuestion(state);
			const backend = state.backend;
			let reply: Reply;
			if (question.id === 'backend' || !backend) reply = await askBackend(question);
			else if (question.id === 'credentialChoice') reply = await askCredentials(question, backend);
			else if ('spec' in question) reply = await askField(question, backend);
			else if (question.id === 'save') reply = await askSave(question, backend);
			else if (question.id === 'profileName') reply = await askProfileName(question, backend);
			else if (question.id === 'review') reply = await askReview(question);
			else if (question.id === 'sending') {
				if (!(await send(backend))) break;
				continue;
			} else if (state.result) reply = await showResult(backend);
			else reply = {kind: 'end'};
			if (reply.kind === 'end') {
				// Ctrl-C or the end of input: as the Ink wizard's Ctrl-C.
				// The terminal left the cursor after "^C" or the prompt: the message starts a line of its own.
				say(state.result ? '\nCancelled.' : '\nCancelled, nothing was sent.');
				break;
			}
			if (reply.kind === 'back' && question.id !== 'result') dispatch({type: 'back'});
		}
	} finally {
		reader.close();
		// A create cut short still has its result recorded before the process ends.
		const pending = (await Promise.allSettled([...attempts])).flatMap(settled => (settled.status === 'fulfilled' ? [settled.value] : []));
		for (const off of handlers) off();
		for (const close of closers) await close();
		for (const result of pending) {
			if (!result.failure || !mayHaveBeenCreated(result)) continue;
			try {
				io.stderr.write(`regwiz: cancelled while ${safeText(result.request.method)} ${safeText(result.request.url)} was being sent. ${MAY_HAVE_BEEN_CREATED}\n`);
			} catch {
				// The terminal may be gone (SIGHUP): the history still holds the attempt.
			}
		}
	}
	return signalled ?? exitCode;
}
