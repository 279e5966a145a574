import {afterEach, describe, expect, it, vi} from 'vitest';
import {ncr} from '../../source/backends/ncr.js';
import {registryui} from '../../source/backends/registryui.js';
import {BACKENDS} from '../../source/backends/index.js';
import {createMemoryStore, type ProfileStore} from '../../source/store/profile-store.js';
import {WizardApp, type WizardServices} from '../../source/ui/app.js';
import {initialState} from '../../source/ui/state.js';
import {TextQuestion} from '../../source/ui/components/text-question.js';
import type {CreateResult} from '../../source/core/types.js';
import {drive, KEYS} from '../helpers/ink-driver.js';

const created: CreateResult = {
	ok: true,
	exitCode: 0,
	backend: 'ncr',
	request: {method: 'POST', url: 'https://ncr.apigw.ntruss.com/ncr/api/v2/repositories/team-a'},
	outcome: {ok: true, status: 201, message: 'Registry Creation is successful', resource: [], body: {}},
	advice: ['docker login team-a.kr.ncr.ntruss.com'],
	error: null,
};

function services(store: ProfileStore, overrides: Partial<WizardServices> = {}): WizardServices {
	return {
		backends: BACKENDS,
		store,
		env: {},
		send: vi.fn(async () => created),
		verify: vi.fn(async () => ({ok: true, message: 'credentials work: 2 registries visible'})),
		allowInsecureHttp: false,
		warnings: [],
		...overrides,
	};
}

const savedStore = () =>
	createMemoryStore({
		default: {
			backend: 'ncr',
			credentials: {accessKey: 'AKIDEXAMPLEWXYZ', secretKey: 'SECRET-never-shown-1234'},
			connection: {site: 'kr'},
			lastFields: {registry: 'team-last', storageType: 'objectStorage', bucket: 'last-bucket'},
			lastUsedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
		},
	});

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('backend step', () => {
	it('lists both backends with what each creates, the step counter and the keys', async () => {
		const ui = await drive(<WizardApp {...services(createMemoryStore())} initial={initialState({yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		const screen = ui.screen();
		expect(screen).toContain('Where should the registry live?');
		expect(screen).toContain('NAVER Cloud Container Registry');
		expect(screen).toContain('a private registry backed by Object Storage');
		expect(screen).toContain('RegistryUI');
		expect(screen).toContain('a project on your self-hosted RegistryUI');
		expect(screen).toContain('Step 1 of 5');
		expect(screen).toContain('↑↓ choose · Enter select · Ctrl-C quit');
		expect(screen).not.toContain('Esc back');
	});
});

describe('credentials step', () => {
	it('lists saved profiles with the masked key, the site and when they were last used', async () => {
		const ui = await drive(<WizardApp {...services(savedStore())} initial={initialState({backend: ncr, yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		const screen = await ui.waitFor('Which credentials?');
		expect(screen).toContain('Step 2 of 5');
		expect(screen).toMatch(/default\s+\*\*\*\*WXYZ · Korea · last used 2 days ago/);
		expect(screen).toContain('New credentials…');
		expect(screen).not.toContain('SECRET-never-shown');
	});

	it('offers credentials from the environment as a choice of their own', async () => {
		const env = {NCLOUD_ACCESS_KEY: 'ENVKEY000000AB12', NCLOUD_SECRET_KEY: 'env-secret-value'};
		const ui = await drive(<WizardApp {...services(createMemoryStore(), {env})} initial={initialState({backend: ncr, yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		const screen = await ui.waitFor('From environment');
		expect(screen).toMatch(/From environment \(NCLOUD_ACCESS_KEY\)\s+\*\*\*\*AB12/);
		expect(screen).not.toContain('env-secret-value');
	});

	it('masks the secret while it is typed and says where to find it', async () => {
		const ui = await drive(<WizardApp {...services(createMemoryStore())} initial={initialState({backend: ncr, yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		await ui.waitFor('Site');
		await ui.press(KEYS.enter); // Korea
		await ui.waitFor('Access key');
		await ui.type('AKIDTYPED0001');
		await ui.press(KEYS.enter);
		await ui.waitFor('Secret key');
		const screen = await ui.type('topsecret');
		expect(screen).toContain('●●●●●●●●●');
		expect(screen).not.toContain('topsecret');
		expect(screen).toContain('My Page › Manage Account › Manage Auth Key');
	});

	it('keeps a stored secret when the person just presses Enter while editing a profile', async () => {
		const store = savedStore();
		const ui = await drive(<WizardApp {...services(store)} initial={initialState({backend: ncr, yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		await ui.waitFor('Which credentials?');
		await ui.press('e');
		await ui.waitFor('Site');
		await ui.press(KEYS.enter);
		await ui.waitFor('Access key');
		await ui.press(KEYS.enter); // keep the access key as it is
		const secretScreen = await ui.waitFor('Secret key');
		expect(secretScreen).toContain('****1234 (Enter keeps it)');
		expect(secretScreen).not.toContain('SECRET-never-shown');
		await ui.press(KEYS.enter);
		await ui.waitFor('Save as a profile?');
		await ui.press(KEYS.enter);
		await ui.waitFor('Profile name');
		await ui.press(KEYS.enter);
		await ui.waitFor('Registry name');
		expect(store.get('default')?.credentials).toEqual({accessKey: 'AKIDEXAMPLEWXYZ', secretKey: 'SECRET-never-shown-1234'});
	});
});

describe('import from the NCP CLI', () => {
	it('offers keys from ~/.ncloud/configure, asks the site, then verifies and offers to save', async () => {
		const importable = () => ({credentials: {accessKey: 'AKIDFROMFILE9876', secretKey: 'file-secret'}, source: '~/.ncloud/configure [DEFAULT]'});
		const verify = vi.fn(async () => ({ok: true, message: 'credentials work: 3 registries visible'}));
		const ui = await drive(<WizardApp {...services(createMemoryStore(), {importable, verify})} initial={initialState({backend: ncr, yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		const screen = await ui.waitFor('Import from');
		expect(screen).toMatch(/Import from ~\/\.ncloud\/configure \[DEFAULT\]\s+\*\*\*\*9876/);
		expect(screen).not.toContain('file-secret');
		await ui.press(KEYS.enter);
		await ui.waitFor('Site');
		await ui.press(KEYS.enter);
		const save = await ui.waitFor('credentials work: 3 registries visible');
		expect(save).toContain('Save as a profile?');
		expect(verify).toHaveBeenCalledWith(ncr, {accessKey: 'AKIDFROMFILE9876', secretKey: 'file-secret'}, {site: 'kr'}, expect.any(AbortSignal));
	});
});

describe('fields step', () => {
	it('shows the rule and refuses to move past an invalid value, naming what is wrong', async () => {
		const ui = await drive(<WizardApp {...services(savedStore())} initial={initialState({backend: ncr, yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		await ui.waitFor('Which credentials?');
		await ui.press(KEYS.enter);
		let screen = await ui.waitFor('Registry name');
		expect(screen).toContain('Step 3 of 5');
		// A name a create consumed is never offered again: Enter-Enter would only lead to "already exists".
		expect(screen).not.toContain('team-last');
		screen = await ui.type('Team_A');
		expect(screen).toContain('✗ uppercase T, A and the underscore are not allowed');
		expect(screen.replace(/\s+/g, ' ')).toContain('try team-a (Tab accepts it)');
		screen = await ui.press(KEYS.enter);
		expect(screen).toContain('Registry name');
		expect(screen).not.toContain('Storage type');
	});

	it('goes back with Esc without losing what was typed', async () => {
		const ui = await drive(<WizardApp {...services(savedStore())} initial={initialState({backend: ncr, yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		await ui.waitFor('Which credentials?');
		await ui.press(KEYS.enter);
		await ui.waitFor('Registry name');
		await ui.type('team-b');
		await ui.press(KEYS.enter);
		await ui.waitFor('Storage type');
		await ui.press(KEYS.escape);
		const screen = await ui.waitFor('Registry name');
		expect(screen).toContain('team-b');
	});

	it('asks RegistryUI credentials with the administrator and token note', async () => {
		const ui = await drive(<WizardApp {...services(createMemoryStore())} initial={initialState({backend: registryui, yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		await ui.waitFor('Base URL');
		await ui.type('https://registry.example.com');
		await ui.press(KEYS.enter);
		const screen = await ui.waitFor('Username');
		expect(screen).toContain('The account must be a RegistryUI administrator. Use a user token, not the website password.');
	});
});

describe('text question', () => {
	it('drops line breaks and paste markers from a paste instead of submitting', async () => {
		const submitted = vi.fn();
		const ui = await drive(
			<TextQuestion label="Access key" initialValue="" rule="the access key" validate={() => undefined} onSubmit={submitted} />,
		);
		unmount = ui.instance.unmount;
		const screen = await ui.press('\u001B[200~AKID\r\nPASTED\u001B[201~');
		expect(screen).toContain('AKIDPASTED');
		expect(submitted).not.toHaveBeenCalled();
	});
});

describe('review and result', () => {
	it('reviews everything that will be sent, sends on Enter, and shows the result panel', async () => {
		const send = vi.fn(async () => created);
		const onAttempt = vi.fn();
		const onExit = vi.fn();
		const draft = {
			backend: ncr,
			connection: {site: 'kr'},
			fields: {registry: 'team-a', bucket: 'team-a-images'},
			credentials: {accessKey: 'AKIDEXAMPLEWXYZ', secretKey: 'SECRET-never-shown-1234'},
			credentialSource: 'profile default',
			profileName: 'default',
			lastFields: {},
		};
		const ui = await drive(
			<WizardApp {...services(savedStore(), {send, onAttempt})} initial={initialState({backend: ncr, draft, yes: false})} onExit={onExit} />,
		);
		unmount = ui.instance.unmount;
		// Storage type is the only value not given.
		await ui.waitFor('Storage type');
		await ui.press(KEYS.enter);
		const review = await ui.waitFor('Step 4 of 5');
		expect(review).toContain('POST https://ncr.apigw.ntruss.com/ncr/api/v2/repositories/team-a');
		expect(review).toContain('****WXYZ (profile default)');
		expect(review).toContain('{"bucket":"team-a-images"}');
		expect(review).toContain('x-ncp-apigw-signature-v2: (hidden)');
		expect(review).toContain('Enter send · Esc change a field · Ctrl-C quit');
		expect(review).not.toContain('SECRET-never-shown');
		await ui.press(KEYS.enter);
		const result = await ui.waitFor('Registry created');
		expect(result).toContain('Registry Creation is successful');
		expect(result).toContain('docker login team-a.kr.ncr.ntruss.com');
		expect(result).toContain('n create another · q quit');
		expect(send).toHaveBeenCalledTimes(1);
		expect(onAttempt).toHaveBeenCalledWith(expect.objectContaining({fields: {registry: 'team-a', storageType: 'objectStorage', bucket: 'team-a-images'}}), created);
		await ui.press('q');
		expect(onExit).toHaveBeenCalledWith(0);
	});

	it('refuses to send a saved profile whose key no field would accept, and says which', async () => {
		const send = vi.fn(async () => created);
		const draft = {
			backend: ncr,
			connection: {site: 'kr'},
			fields: {registry: 'team-a', storageType: 'objectStorage', bucket: 'team-a-images'},
			credentials: {accessKey: 'AKID\u001B[31mEVIL', secretKey: 'SECRET-never-shown-1234'},
			credentialSource: 'profile default',
			profileName: 'default',
			lastFields: {},
		};
		const ui = await drive(<WizardApp {...services(savedStore(), {send})} initial={initialState({backend: ncr, draft, yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		const review = await ui.waitFor('Step 4 of 5');
		expect(review).toContain('Access key: an access key is printable ASCII with no spaces');
		expect(review.replace(/\s+/g, ' ')).toContain('(from profile default). Nothing can be sent');
		expect(review).toContain('Esc change a field · Ctrl-C quit');
		expect(review).not.toContain('Enter send');
		await ui.press(KEYS.enter);
		expect(ui.screen()).toContain('Step 4 of 5');
		expect(send).not.toHaveBeenCalled();
	});

	it('quits with 130 on Ctrl-C at any step', async () => {
		const onExit = vi.fn();
		const ui = await drive(<WizardApp {...services(savedStore())} initial={initialState({backend: ncr, yes: false})} onExit={onExit} />);
		unmount = ui.instance.unmount;
		await ui.waitFor('Which credentials?');
		await ui.press(KEYS.ctrlC);
		expect(onExit).toHaveBeenCalledWith(130);
	});
});
