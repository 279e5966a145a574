// What is known before anyone is asked (flags, the environment, a saved profile), and the plan made from it.
import {describe, expect, it} from 'vitest';
import {harbor} from '../source/backends/harbor.js';
import {checkTransportSecurity, DraftProblem, missingFlagNames, planFromDraft, resolveDraft, withDefaults} from '../source/draft.js';
import type {Profile} from '../source/store/profile-store.js';

const profiles: Record<string, Profile> = {
	default: {backend: 'harbor', credentials: {username: 'dflt', password: 'default-pass'}, connection: {url: 'https://default.example.com'}, lastFields: {project: 'used', isPublic: 'true'}} as Profile,
	work: {backend: 'harbor', credentials: {username: 'worker', password: 'work-pass'}, connection: {url: 'https://work.example.com'}} as Profile,
	other: {backend: 'registryui', credentials: {username: 'u', password: 'p'}, connection: {baseUrl: 'https://ui.example.com'}} as Profile,
};
const store = {get: (name: string) => profiles[name]};
const ENV = {HARBOR_USERNAME: 'env-user', HARBOR_PASSWORD: 'env-pass'};

describe('resolveDraft: where the credentials come from', () => {
	it('--profile wins over the environment, and connection flags win over the profile', () => {
		const draft = resolveDraft(harbor, {connection: {url: 'https://flag.example.com'}, fields: {project: 'team-a'}, profile: 'work'}, ENV, store);
		expect(draft.credentials).toEqual({username: 'worker', password: 'work-pass'});
		expect(draft.credentialSource).toBe('profile work');
		expect(draft.profileName).toBe('work');
		expect(draft.connection).toEqual({url: 'https://flag.example.com'});
		expect(draft.fields).toEqual({project: 'team-a'});
	});

	it('without --profile the environment comes before the default profile', () => {
		const draft = resolveDraft(harbor, {connection: {}, fields: {}}, ENV, store);
		expect(draft.credentials).toEqual({username: 'env-user', password: 'env-pass'});
		expect(draft.credentialSource).toMatch(/^environment \(.*HARBOR_PASSWORD.*\)$/);
		expect(draft.profileName).toBeUndefined();
	});

	it('otherwise the profile named default, with its connection and last values', () => {
		const draft = resolveDraft(harbor, {connection: {}, fields: {}}, {}, store);
		expect(draft.credentialSource).toBe('profile default');
		expect(draft.connection).toEqual({url: 'https://default.example.com'});
		expect(draft.lastFields).toEqual({project: 'used', isPublic: 'true'});
	});

	it('nothing at all leaves the credentials to be asked', () => {
		const draft = resolveDraft(harbor, {connection: {}, fields: {}}, {}, undefined);
		expect(draft.credentials).toBeUndefined();
		expect(draft.credentialSource).toBeUndefined();
	});

	it('a --profile that does not exist, or holds another backend, is refused by name', () => {
		expect(() => resolveDraft(harbor, {connection: {}, fields: {}, profile: 'missing'}, {}, store)).toThrow(DraftProblem);
		expect(() => resolveDraft(harbor, {connection: {}, fields: {}, profile: 'missing'}, {}, store)).toThrow('--profile: there is no saved profile named');
		expect(() => resolveDraft(harbor, {connection: {}, fields: {}, profile: 'other'}, {}, store)).toThrow('holds registryui credentials, not harbor');
	});
});

describe('what is missing, defaults and the plan', () => {
	it('names the flags a script would need, skipping those with a default or optional', () => {
		const draft = resolveDraft(harbor, {connection: {}, fields: {}}, ENV, store);
		expect(missingFlagNames(draft)).toEqual(['--url', '--project']);
		expect(missingFlagNames({...draft, connection: {url: 'https://h.example.com'}, fields: {project: 'p'}})).toEqual([]);
	});

	it('fills in defaults under what was answered', () => {
		expect(withDefaults(harbor.fields, {})).toEqual({isPublic: 'false'});
		expect(withDefaults(harbor.fields, {isPublic: 'true', project: 'p'})).toEqual({isPublic: 'true', project: 'p'});
	});

	it('a complete draft becomes a plan with defaults; without credentials it is a problem', () => {
		const draft = resolveDraft(harbor, {connection: {url: 'https://h.example.com'}, fields: {project: 'p'}, profile: 'work'}, {}, store);
		expect(planFromDraft(draft)).toEqual({
			backend: harbor,
			fields: {project: 'p', isPublic: 'false'},
			credentials: {username: 'worker', password: 'work-pass'},
			connection: {url: 'https://h.example.com'},
			credentialSource: 'profile work',
			profileName: 'work',
		});
		expect(() => planFromDraft({backend: harbor, connection: {}, fields: {}, lastFields: {}})).toThrow(DraftProblem);
	});

	it('plain http to another machine is refused unless allowed', () => {
		const draft = {backend: harbor, connection: {url: 'http://harbor.example.com'}};
		expect(checkTransportSecurity(draft, false)).toMatch(/--allow-insecure-http/);
		expect(checkTransportSecurity(draft, true)).toBeUndefined();
		expect(checkTransportSecurity({backend: harbor, connection: {url: 'https://harbor.example.com'}}, false)).toBeUndefined();
	});
});
