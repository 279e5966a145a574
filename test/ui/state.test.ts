// The wizard's one reducer, driven directly: which screens come in which order, what going back and
// forth keeps, and what "create another", "retry" and "goTo" leave behind.
import {describe, expect, it} from 'vitest';
import {harbor} from '../../source/backends/harbor.js';
import {registryui} from '../../source/backends/registryui.js';
import type {CreateResult} from '../../source/core/types.js';
import {initialState, questions, wizardReducer, type Action, type WizardState} from '../../source/ui/state.js';

const apply = (state: WizardState, ...actions: Action[]) => actions.reduce(wizardReducer, state);
const ids = (state: WizardState) => questions(state).map(question => question.id);

const created: CreateResult = {ok: true, exitCode: 0, backend: 'harbor', request: {method: 'POST', url: 'https://harbor.example.com/api/v2.0/projects'}, advice: [], error: null};
const refused: CreateResult = {...created, ok: false, exitCode: 1, error: '409 Conflict'};

/** Harbor chosen on the command line, new credentials typed, up to the project name. */
function typedIn(): WizardState {
	return apply(
		initialState({backend: harbor, yes: false}),
		{type: 'chooseCredentials', mode: {kind: 'new'}, credentials: {}, connection: {}},
		{type: 'answer', group: 'connection', key: 'url', value: 'https://harbor.example.com'},
		{type: 'answer', group: 'credentials', key: 'username', value: 'admin'},
		{type: 'answer', group: 'credentials', key: 'password', value: 'Harbor12345'},
		{type: 'chooseSave', save: false},
	);
}

describe('the order of the questions', () => {
	it('asks only for the backend until one is chosen', () => {
		expect(ids(initialState({yes: false}))).toEqual(['backend']);
	});

	it('a backend given on the command line starts on step 2, then connection, credentials, save, fields, review', () => {
		const start = initialState({backend: harbor, yes: false});
		expect(start.current).toBe('credentialChoice');
		const typed = apply(start, {type: 'chooseCredentials', mode: {kind: 'new'}, credentials: {}, connection: {}});
		expect(typed.current).toBe('connection.url');
		expect(ids(typed)).toEqual([
			'backend',
			'credentialChoice',
			'connection.url',
			'credentials.username',
			'credentials.password',
			'save',
			'fields.project',
			'fields.isPublic',
			'fields.storageLimit',
			'review',
			'sending',
			'result',
		]);
	});

	it('a saved profile asks neither its connection nor its credentials again', () => {
		const state = apply(initialState({backend: harbor, yes: false}), {
			type: 'chooseCredentials',
			mode: {kind: 'profile', name: 'work'},
			credentials: {username: 'admin', password: 'Harbor12345'},
			connection: {url: 'https://harbor.example.com'},
		});
		expect(state.current).toBe('fields.project');
		expect(state.credentialSource).toBe('profile work');
		expect(ids(state)).toEqual(['backend', 'credentialChoice', 'fields.project', 'fields.isPublic', 'fields.storageLimit', 'review', 'sending', 'result']);
	});

	it('answering "save" adds the profile name question right after it', () => {
		const state = apply(typedIn(), {type: 'back'}, {type: 'chooseSave', save: true});
		expect(state.current).toBe('profileName');
		expect(ids(state).slice(5, 7)).toEqual(['save', 'profileName']);
	});
});

describe('back and forward', () => {
	it('keeps the answers and the unsubmitted text of a field left with Esc', () => {
		const state = apply(typedIn(), {type: 'draft', id: 'fields.project', value: 'team-'}, {type: 'back'});
		expect(state.current).toBe('save');
		const again = apply(state, {type: 'chooseSave', save: false});
		expect(again.current).toBe('fields.project');
		expect(again.drafts['fields.project']).toBe('team-');
		expect(again.connection).toEqual({url: 'https://harbor.example.com'});
		expect(again.credentials).toEqual({username: 'admin', password: 'Harbor12345'});
	});

	it('answering a field drops its draft and moves to the next question', () => {
		const state = apply(typedIn(), {type: 'draft', id: 'fields.project', value: 'team-'}, {type: 'answer', group: 'fields', key: 'project', value: 'team-a'});
		expect(state.current).toBe('fields.isPublic');
		expect(state.drafts).toEqual({});
		expect(state.fields).toEqual({project: 'team-a'});
	});

	it('going back passes over a field a flag answered', () => {
		const state = apply(
			initialState({backend: harbor, draft: {backend: harbor, connection: {}, fields: {project: 'from-flag'}, lastFields: {}}, yes: false}),
			{type: 'chooseCredentials', mode: {kind: 'profile', name: 'work'}, credentials: {username: 'admin', password: 'x'}, connection: {url: 'https://harbor.example.com'}},
		);
		expect(state.current).toBe('fields.isPublic');
		const back = apply(state, {type: 'back'});
		expect(back.current).toBe('credentialChoice');
	});

	it('choosing "New credentials" again after going back keeps what was typed', () => {
		const state = typedIn();
		const back = apply(state, {type: 'goTo', id: 'credentialChoice'}, {type: 'chooseCredentials', mode: {kind: 'new'}, credentials: {}, connection: {}});
		expect(back.connection).toEqual({url: 'https://harbor.example.com'});
		expect(back.credentials).toEqual({username: 'admin', password: 'Harbor12345'});
	});

	it('another backend starts over: nothing typed for the first one is kept', () => {
		const state = apply(initialState({yes: false}), {type: 'chooseBackend', backend: harbor}, {type: 'chooseCredentials', mode: {kind: 'new'}, credentials: {}, connection: {}}, {type: 'answer', group: 'connection', key: 'url', value: 'https://harbor.example.com'}, {type: 'goTo', id: 'backend'}, {type: 'chooseBackend', backend: registryui});
		expect(state.backend?.id).toBe('registryui');
		expect(state.connection).toEqual({});
		expect(state.mode).toBeUndefined();
		expect(state.current).toBe('credentialChoice');
	});
});

describe('after a result', () => {
	const sent = (result: CreateResult) =>
		apply(
			typedIn(),
			{type: 'answer', group: 'fields', key: 'project', value: 'team-a'},
			{type: 'answer', group: 'fields', key: 'isPublic', value: 'true'},
			{type: 'answer', group: 'fields', key: 'storageLimit', value: '10GiB'},
			{type: 'confirm'},
			{type: 'sent', result},
		);

	it('a create that succeeded is followed by "create another" without the name it consumed, keeping the choices', () => {
		const state = sent(created);
		expect(state.current).toBe('result');
		const next = apply(state, {type: 'createAnother'});
		expect(next.current).toBe('fields.project');
		expect(next.result).toBeUndefined();
		// The name was consumed; the visibility (a choice) and the optional limit are offered again.
		expect(next.fields).toEqual({isPublic: 'true', storageLimit: '10GiB'});
	});

	it('after a refusal, "create another" keeps every field, to be changed', () => {
		const next = apply(sent(refused), {type: 'createAnother'});
		expect(next.fields).toEqual({project: 'team-a', isPublic: 'true', storageLimit: '10GiB'});
		expect(next.current).toBe('fields.project');
	});

	it('a name given as a flag stays for the next create', () => {
		const state = apply(
			initialState({backend: harbor, draft: {backend: harbor, connection: {}, fields: {project: 'from-flag'}, lastFields: {}}, yes: false}),
			{type: 'chooseCredentials', mode: {kind: 'profile', name: 'work'}, credentials: {username: 'admin', password: 'x'}, connection: {url: 'https://harbor.example.com'}},
			{type: 'confirm'},
			{type: 'sent', result: created},
			{type: 'createAnother'},
		);
		expect(state.fields).toEqual({project: 'from-flag'});
		expect(state.current).toBe('fields.isPublic');
	});

	it('retry goes straight back to sending with the same answers and no result', () => {
		const state = sent(refused);
		const next = apply(state, {type: 'retry'});
		expect(next.current).toBe('sending');
		expect(next.result).toBeUndefined();
		expect(next.fields).toEqual(state.fields);
	});

	it('goTo jumps to the named question and clears the notice', () => {
		const state = apply(sent(refused), {type: 'notice', message: 'a notice'}, {type: 'goTo', id: 'fields.project'});
		expect(state.current).toBe('fields.project');
		expect(state.notice).toBeUndefined();
		expect(state.fields.project).toBe('team-a');
	});

	it('cancelling a send goes back to the screen before it', () => {
		const state = apply(typedIn(), {type: 'answer', group: 'fields', key: 'project', value: 'team-a'}, {type: 'answer', group: 'fields', key: 'isPublic', value: 'false'}, {type: 'answer', group: 'fields', key: 'storageLimit', value: ''}, {type: 'confirm'});
		expect(state.current).toBe('sending');
		expect(apply(state, {type: 'cancelSending'}).current).toBe('review');
	});

	it('the first exit code set is kept', () => {
		const state = apply(typedIn(), {type: 'quit', exitCode: 130}, {type: 'quit', exitCode: 0});
		expect(state.exitCode).toBe(130);
	});
});
