import {InputError, insecureHttpProblem} from '../../backends/validation.js';
import type {Backend} from '../../backends/types.js';
import {EXIT} from '../../core/exit-codes.js';
import {t} from '../../i18n/index.js';
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
/** "back", "<", or the word for it in the language in use. */
const isBack = (typed: string) => BACK.test(typed) || typed === t('plain.backWord');

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
		if (isBack(typed) && !secret) {
			if (canGoBack() || state.current === 'result') return {kind: 'back'};
			say(t('plain.noEarlier'));
			return ask(prompt, secret);
		}
		return {kind: 'value', value: secret ? line.replace(/[\r\n]/g, '') : typed};
	}

	/** A numbered list; the answer is the number. Enter alone keeps the current choice when there is one. */
	async function choose(sentence: string, choices: Choice[], current?: string, extra?: (typed: string) => Reply | undefined): Promise<Reply> {
		say(sentence);
		choices.forEach((choice, index) => say(`  ${index + 1}. ${choice.label}${choice.hint ? `: ${choice.hint}` : ''}`));
		const kept = choices.findIndex(choice => choice.value === current);
		const range = choices.length === 1 ? t('plain.choose.one') : t('plain.choose.range', {count: choices.length});
		const prompt = kept >= 0 ? t('plain.choose.promptKeep', {range, number: kept + 1, label: choices[kept]!.label}) : t('plain.choose.prompt', {range});
		for (;;) {
			const reply = await ask(prompt);
			if (reply.kind !== 'value') return reply;
			if (reply.value === '' && kept >= 0) return {kind: 'value', value: choices[kept]!.value};
			const special = extra?.(reply.value);
			if (special) return special;
			const number = /^\d+$/.test(reply.value) ? Number(reply.value) : Number.NaN;
			if (number >= 1 && number <= choices.length) return {kind: 'value', value: choices[number - 1]!.value};
			say(reply.value === '' ? t('plain.choose.nothing', {range}) : t('plain.choose.notNumber', {typed: reply.value, range}));
		}
	}

	const stepLine = (question: Question) => t('plain.step', {step: question.step, total: TOTAL_STEPS});

	async function askBackend(question: Question): Promise<Reply> {
		const reply = await choose(
			`${stepLine(question)} ${t('ui.backend.question')}`,
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
			say(t('ui.credentials.noProfile', {backend: backend.title}));
			return {kind: 'value', value: offered.options[0]!.value};
		}
		// Read out, a profile's name alone would not say what it is.
		const choices: Choice[] = offered.options.map(option => (option.value.startsWith('profile:') ? {...option, label: t('plain.credentials.profile', {name: option.label}), hint: option.hint?.replaceAll(' · ', ', ')} : option));
		if (offered.nothingSetUp) say(t('ui.credentials.noProfile', {backend: backend.title}));
		const editable = choices.some(choice => choice.value.startsWith('profile:'));
		let edit = false;
		const reply = await choose(
			`${stepLine(question)} ${t('ui.credentials.question')}${editable ? t('plain.credentials.edit') : ''}`,
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
			say(t('ui.sandbox.starting'));
			try {
				sandbox = await services.startSandbox();
				say(sandbox.banner);
				const name = sandbox.sandboxProfile(backend);
				const profile = sandbox.store.get(name);
				if (profile) dispatch({type: 'chooseCredentials', mode: {kind: 'profile', name}, credentials: profile.credentials, connection: profile.connection});
			} catch (error) {
				dispatch({type: 'notice', message: t('ui.sandbox.failed', {message: (error as Error).message})});
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
			const reply = await choose(`${stepLine(question)} ${t('plain.field.choose', {label: spec.label})}${spec.help ? ` ${sentence(spec.help)}` : ''}`, [...spec.choices], answers[spec.key] ?? defaultValue);
			if (reply.kind === 'value') dispatch({type: 'answer', group, key: spec.key, value: reply.value});
			return reply;
		}
		const secret = spec.kind === 'secret';
		const kept = group === 'credentials' && state.mode?.kind === 'edit' && secret ? state.keptSecrets[spec.key] ?? state.credentials[spec.key] : undefined;
		const current = secret ? (kept ? undefined : answers[spec.key]) : answers[spec.key] ?? defaultValue;
		if (group === 'credentials' && backend.credentialNote && spec === backend.credentialFields[0]) say(backend.credentialNote);
		// A rule that already says it is optional ("optional", or 선택 written as escapes: regexes stay ASCII in the bundle) is not told so twice.
		const rule = spec.optional && !/optional|\uC120\uD0DD/.test(spec.rule) ? t('plain.field.optional', {rule: spec.rule}) : spec.rule;
		const parts = [t('plain.field.intro', {step: stepLine(question), label: spec.label, rule})];
		if (spec.help) parts.push(sentence(spec.help));
		if (secret) parts.push(t('plain.field.hidden'));
		if (kept) parts.push(t('plain.field.keepSecret', {masked: maskSecret(kept)}));
		else if (current !== undefined && current !== '') parts.push(secret ? t('plain.field.keepTyped') : t('plain.field.current', {value: current}));
		else if (spec.optional) parts.push(t('plain.field.skip'));
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
				say(t('plain.field.fault', {problem: problem.startsWith(spec.label) ? problem : `${spec.label}: ${problem}`, suggestion}));
				continue;
			}
			const risk = group === 'connection' && !options.allowInsecureHttp ? insecureHttpProblem(endpointWith(value)) : undefined;
			if (risk && warnedFor !== value) {
				warnedFor = value;
				say(t('plain.field.risk', {risk}));
				continue;
			}
			if (risk) dispatch({type: 'acceptInsecure', endpoint: endpointWith(value)});
			dispatch({type: 'answer', group, key: spec.key, value: normalize(value)});
			return {kind: 'value', value};
		}
	}

	async function askSave(question: Question, backend: Backend): Promise<Reply> {
		say(t('ui.save.checking'));
		const controller = new AbortController();
		const stop = () => controller.abort();
		cancel.signal.addEventListener('abort', stop, {once: true});
		const verdict = await services.verify(backend, state.credentials, state.connection, controller.signal).catch((error: unknown) => ({ok: false, message: (error as Error).message}));
		cancel.signal.removeEventListener('abort', stop);
		if (cancel.signal.aborted) return {kind: 'end'};
		say(verdict.ok ? verdict.message : t('plain.warning', {message: `${verdict.message}${t('ui.save.anyway')}`}));
		const persistent = store().persistent;
		const reply = await choose(`${stepLine(question)} ${t('ui.save.question')}`, [
			{value: 'yes', label: t('ui.save.save'), hint: persistent ? t('ui.save.saveHint') : t('plain.save.keptHint')},
			{value: 'no', label: t('ui.save.once')},
		]);
		if (reply.kind === 'value') dispatch({type: 'chooseSave', save: reply.value === 'yes'});
		return reply;
	}

	async function askProfileName(question: Question, backend: Backend): Promise<Reply> {
		const profiles = store();
		const editing = state.mode?.kind === 'edit' ? state.mode.name : undefined;
		const proposed = state.profileName ?? editing ?? nextFreeProfileName(profiles);
		const where = profiles.persistent ? t('ui.profile.savedIn', {location: profiles.location}) : t('ui.profile.inMemory');
		const label = t('ui.profile.label');
		say(t('plain.profile.intro', {step: stepLine(question), label, rule: t('ui.profile.rule'), where, current: proposed}));
		for (;;) {
			const reply = await ask(`${label}: `);
			if (reply.kind !== 'value') return reply;
			const name = reply.value === '' ? proposed : reply.value;
			const problem = profileNameProblem(name) ?? (name !== editing && profiles.get(name) ? t('ui.profile.exists', {name}) : undefined);
			if (problem) {
				say(t('plain.profile.error', {label, problem}));
				continue;
			}
			try {
				if (editing && editing !== name) profiles.rename(editing, name);
				profiles.save(name, {...profiles.get(name), backend: backend.id, credentials: state.credentials, connection: state.connection});
			} catch (error) {
				say(t('plain.error', {message: t('ui.profile.saveFailed', {message: (error as Error).message})}));
				continue;
			}
			say(t('plain.profile.saved', {name}));
			dispatch({type: 'named', name});
			return reply;
		}
	}

	async function askReview(question: Question): Promise<Reply> {
		const facts = reviewFacts(state, options.allowInsecureHttp, t('plain.review.goBack'));
		if (!facts) return {kind: 'end'};
		const {answers, requestLine, request} = reviewParts(facts);
		say(t('plain.review.title', {step: stepLine(question)}));
		for (const row of answers) say(`  ${row.label}: ${row.value}`);
		say(t('plain.review.request', {request: requestLine}));
		let label = '';
		for (const row of request) {
			label = row.label || label;
			say(`  ${label}: ${row.value}`);
		}
		const blocked = unacceptedInsecureEndpoint(state, options.allowInsecureHttp) !== undefined || planInputProblem(state) !== undefined;
		if (facts.warning) say(blocked ? t('plain.error', {message: facts.warning}) : t('plain.warning', {message: facts.warning}));
		const prompt = blocked ? t('plain.review.blockedPrompt') : t('plain.review.prompt');
		for (;;) {
			const reply = await ask(prompt);
			if (reply.kind !== 'value') return reply;
			if (!blocked && /^(|y|yes|send)$/i.test(reply.value)) {
				dispatch({type: 'confirm'});
				return reply;
			}
			say(blocked ? t('plain.review.blocked') : t('plain.review.neither', {typed: reply.value}));
		}
	}

	/** Signs and sends; resolves false when Ctrl-C came while the request was in flight. */
	async function send(backend: Backend): Promise<boolean> {
		const plan = planOf(state);
		if (!plan) return true;
		say(t('ui.sending.signed', {path: new URL(buildCreateRequest(plan).url).pathname}));
		const controller = new AbortController();
		const stop = () => controller.abort();
		cancel.signal.addEventListener('abort', stop, {once: true});
		let result: CreateResult;
		try {
			result = await services.send(plan, controller.signal);
		} catch (error) {
			dispatch({type: 'cancelSending'});
			dispatch({type: 'notice', message: error instanceof InputError ? error.message : t('ui.error.unexpected', {message: (error as Error).message})});
			return !cancel.signal.aborted;
		} finally {
			cancel.signal.removeEventListener('abort', stop);
		}
		if (controller.signal.aborted) {
			say(t('plain.sending.cancelled', {noun: backend.noun, more: MAY_HAVE_BEEN_CREATED}));
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
		say(t('ui.login.running', {host: facts.login.host}));
		dispatch({type: 'loginStarted', at: Date.now()});
		const controller = new AbortController();
		const stop = () => controller.abort();
		cancel.signal.addEventListener('abort', stop, {once: true});
		const report = await services.login(facts.login, controller.signal).catch((error: unknown) => ({kind: 'failed' as const, tool: 'docker', host: facts.login.host, said: [t('ui.error.unexpected', {message: (error as Error).message})], exitCode: null}));
		cancel.signal.removeEventListener('abort', stop);
		dispatch({type: 'loginDone', report});
		const shown = describeLogin(facts, report);
		say(shown.ok ? t('plain.done', {message: shown.headline}) : t('plain.error', {message: shown.headline}));
		for (const line of shown.said) say(`  ${line}`);
		for (const line of shown.byHand) say(line);
		say(t('ui.login.thenPush'));
		for (const line of shown.push) say(line);
	}

	async function showResult(backend: Backend): Promise<Reply> {
		const result = state.result!;
		const plan = planOf(state);
		const facts = plan ? loginFacts(plan, result) : undefined;
		const loginBelow = facts !== undefined && services.login !== undefined;
		const {tone, title} = resultHeadline(result, backend.noun);
		say(tone === 'success' ? t('plain.result.done', {title}) : t('plain.result.failed', {title}));
		for (const line of resultLines(result)) say(`  ${line.label}: ${line.value}`);
		const {advice, commands} = resultAdvice(result, loginBelow);
		if (advice.length > 0) {
			say(result.ok ? t('ui.result.next') : t('ui.result.whatToDo'));
			for (const line of advice) say(`  ${line}`);
		}
		// Commands stand on lines of their own, at the left edge, so they can be copied whole.
		if (commands.length > 0) {
			say(advice.length > 0 || !result.ok ? t('ui.result.commands') : t('ui.result.next'));
			for (const {command, note} of commands) {
				say(command);
				if (note) say(`  ${note}`);
			}
		}
		if (facts && loginBelow && state.login === undefined) {
			if (services.autoLogin) await logIn();
			else {
				say(t('ui.login.thenPush'));
				for (const line of pushCommands(facts.login)) say(line);
			}
		}
		if (result.ok && inSandbox() && services.forReal) {
			const [first, ...more] = services.forReal();
			say(t('ui.forReal.note', {first: first ?? ''}));
			for (const line of more) say(`  ${line}`);
		}
		for (;;) {
			const canLogIn = loginBelow && (state.login === undefined || (state.login.status === 'done' && state.login.report.kind === 'failed'));
			const atFault = credentialsAtFault(state);
			const rename = renameKey(state);
			const renameLabel = backend.fields.find(spec => spec.key === rename)?.label ?? t('plain.result.nameLabel');
			// Sent and not clearly answered: it may exist already, so the choice never just says "retry".
			const retryLabel = mayHaveBeenCreated(result) ? t('plain.result.sendAgain') : t('plain.result.retry');
			const choices: Choice[] = result.ok
				? [...(canLogIn ? [{value: 'login', label: t('plain.result.login', {host: facts!.login.host})}] : []), {value: 'another', label: t('plain.result.another', {noun: backend.noun})}, {value: 'quit', label: t('plain.result.quit')}]
				: [
						...(retryHelps(result) ? [{value: 'retry', label: retryLabel}] : []),
						{value: 'change', label: atFault ? t('ui.save.change') : t('plain.result.changeField')},
						...(rename ? [{value: 'rename', label: t('plain.result.rename', {label: renameLabel})}] : []),
						{value: 'another', label: t('plain.result.another', {noun: backend.noun})},
						{value: 'quit', label: t('plain.result.quit')},
					];
			const reply = await choose(t('plain.result.whatNext'), choices);
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
		say(t('plain.intro'));
		say(t('plain.howTo'));
		const banner = services.banner;
		if (banner) say(banner);
		for (const warning of services.warnings) say(t('plain.warning', {message: warning}));
		for (;;) {
			if (state.exitCode !== undefined) {
				exitCode = state.exitCode;
				break;
			}
			if (state.notice && state.notice !== lastNotice) say(t('plain.error', {message: state.notice}));
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
				say(state.result ? t('plain.cancelled') : t('plain.cancelledNothing'));
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
				io.stderr.write(t('ui.sending.cancelledWhile', {method: safeText(result.request.method), url: safeText(result.request.url), more: MAY_HAVE_BEEN_CREATED}));
			} catch {
				// The terminal may be gone (SIGHUP): the history still holds the attempt.
			}
		}
	}
	return signalled ?? exitCode;
}
