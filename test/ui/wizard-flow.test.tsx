import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {BACKENDS} from '../../source/backends/index.js';
import {signNcpRequest} from '../../source/signing/ncp-signature.js';
import {startEmulator, SANDBOX_CREDENTIALS, type Emulator} from '../../source/sandbox/emulator.js';
import {createMemoryStore} from '../../source/store/profile-store.js';
import {WizardApp} from '../../source/ui/app.js';
import {initialState} from '../../source/ui/state.js';
import {drive, KEYS} from '../helpers/ink-driver.js';
import {engineServices} from '../helpers/wizard-services.js';

// The whole wizard, driven key by key, against a local emulator that records what it received.
let emulator: Emulator;
let unmount: (() => void) | undefined;

beforeEach(async () => {
	emulator = await startEmulator({port: 0, host: '127.0.0.1'});
});
afterEach(async () => {
	unmount?.();
	unmount = undefined;
	await emulator.close();
});

async function clear(ui: Awaited<ReturnType<typeof drive>>, count: number) {
	for (let index = 0; index < count; index++) await ui.press(KEYS.backspace);
}

describe('NCR, from nothing to a created registry', () => {
	it('chooses, signs in with new credentials, saves a profile, fills, reviews, sends and reads', async () => {
		const store = createMemoryStore();
		const onExit = vi.fn();
		const ui = await drive(<WizardApp {...engineServices({store})} initial={initialState({yes: false})} onExit={onExit} />);
		unmount = ui.instance.unmount;
		await ui.press(KEYS.enter); // NCR
		await ui.waitFor('Korea');
		for (let index = 0; index < 6; index++) await ui.press(KEYS.down);
		await ui.press(KEYS.enter); // Custom endpoint…
		await ui.waitFor('Endpoint');
		await ui.type(emulator.ncrBaseUrl);
		await ui.press(KEYS.enter);
		await ui.waitFor('Access key');
		await ui.type(SANDBOX_CREDENTIALS.ncr.accessKey);
		await ui.press(KEYS.enter);
		await ui.waitFor('Secret key');
		await ui.type(SANDBOX_CREDENTIALS.ncr.secretKey);
		await ui.press(KEYS.enter);
		await ui.waitFor('credentials work: 0 registries visible');
		await ui.press(KEYS.enter); // save
		await ui.waitFor('Profile name');
		await ui.press(KEYS.enter); // "default"
		await ui.waitFor('Registry name');
		await ui.type('team-a');
		await ui.press(KEYS.enter);
		await ui.waitFor('Storage type');
		await ui.press(KEYS.enter); // Object Storage
		await ui.waitFor('Bucket');
		await ui.type('team-a-images');
		await ui.press(KEYS.enter);
		await ui.waitFor('Step 4 of 5');
		await ui.press(KEYS.enter);
		const result = await ui.waitFor('Registry created');
		expect(result).toContain('201 Created');
		expect(result).toContain('Registry Creation is successful');

		const creates = emulator.received.filter(request => request.method === 'POST');
		expect(creates).toHaveLength(1);
		const [sent] = creates;
		expect(sent!.path).toBe('/ncr/api/v2/repositories/team-a');
		expect(JSON.parse(sent!.body)).toEqual({bucket: 'team-a-images'});
		expect(sent!.headers['content-type']).toBe('application/json');
		const timestamp = sent!.headers['x-ncp-apigw-timestamp'] as string;
		expect(sent!.headers['x-ncp-apigw-signature-v2']).toBe(
			signNcpRequest({method: 'POST', uri: sent!.path, timestamp, ...SANDBOX_CREDENTIALS.ncr}),
		);
		expect(sent!.status).toBe(201);
		expect(store.get('default')).toMatchObject({
			backend: 'ncr',
			credentials: SANDBOX_CREDENTIALS.ncr,
			connection: {site: 'custom', endpoint: emulator.ncrBaseUrl},
			lastFields: {registry: 'team-a', storageType: 'objectStorage', bucket: 'team-a-images'},
		});
		await ui.press('q');
		expect(onExit).toHaveBeenCalledWith(0);
	});
});

describe('RegistryUI, from nothing to a created repository', () => {
	it('sends exactly the query the person chose, with Basic auth, and shows the entry', async () => {
		const store = createMemoryStore();
		const ui = await drive(<WizardApp {...engineServices({store})} initial={initialState({yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		await ui.press(KEYS.down);
		await ui.press(KEYS.enter);
		await ui.waitFor('Base URL');
		await ui.type(emulator.registryuiBaseUrl);
		await ui.press(KEYS.enter);
		await ui.waitFor('Username');
		await ui.type('admin');
		await ui.press(KEYS.enter);
		await ui.waitFor('User token');
		await ui.type(SANDBOX_CREDENTIALS.registryuiAdmin.token);
		await ui.press(KEYS.enter);
		await ui.waitFor('Save as a profile?');
		await ui.press(KEYS.down);
		await ui.press(KEYS.enter); // use once
		await ui.waitFor('Repository path');
		await ui.type('team-a/backend');
		await ui.press(KEYS.enter);
		await ui.waitFor('Title');
		await ui.type('Team A & co');
		await ui.press(KEYS.enter);
		await ui.waitFor('Visibility');
		await ui.press(KEYS.down);
		await ui.press(KEYS.enter); // public
		const review = await ui.waitFor('Step 4 of 5');
		expect(review).toContain('repository = team-a/backend');
		expect(review).toContain('authorization: (hidden)');
		expect(review).not.toContain(SANDBOX_CREDENTIALS.registryuiAdmin.token);
		await ui.press(KEYS.enter);
		const result = await ui.waitFor('Repository created');
		expect(result).toContain('team-a/backend');
		expect(result).toContain('Team A & co');
		expect(result).toContain('Assign users and groups to it in the RegistryUI web UI');

		const sent = emulator.received.find(request => request.method === 'POST');
		expect(sent?.path).toBe('/udr/v1api/project/create?repository=team-a%2Fbackend&title=Team+A+%26+co&isPublic=true');
		expect(sent?.body).toBe('');
		expect(sent?.headers.authorization).toBe(`Basic ${Buffer.from(`admin:${SANDBOX_CREDENTIALS.registryuiAdmin.token}`).toString('base64')}`);
		expect(store.list()).toEqual([]);
	});
});

describe('refusal panels', () => {
	const ncrDraft = (credentials = SANDBOX_CREDENTIALS.ncr as Record<string, string>) => ({
		backend: BACKENDS[0]!,
		connection: {site: 'custom', endpoint: emulator.ncrBaseUrl},
		fields: {registry: 'team-a', storageType: 'objectStorage', bucket: 'team-a-images'},
		credentials,
		credentialSource: 'profile default',
		profileName: 'default',
		lastFields: {},
	});

	async function sendDraft(draft: ReturnType<typeof ncrDraft>) {
		const ui = await drive(<WizardApp {...engineServices()} initial={initialState({backend: draft.backend, draft, yes: true})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		return ui;
	}

	it('401: explains keys and clock, with the trace id, and offers to change credentials', async () => {
		const ui = await sendDraft(ncrDraft({accessKey: SANDBOX_CREDENTIALS.ncr.accessKey, secretKey: 'wrong-secret'}));
		const screen = await ui.waitFor('Refused: 401 Authentication Failed');
		expect(screen).toContain('Invalid authentication information.');
		expect(screen).toContain('the access key and secret key belong together');
		expect(screen).toContain('your clock is right');
		expect(screen).toMatch(/Trace id\s+[0-9a-f]{32}/);
		expect(screen).toContain('r retry');
		expect(screen).not.toContain('wrong-secret');
	});

	it('409: says the name or bucket is taken', async () => {
		emulator.state.registries.set('team-a', {name: 'team-a', bucket: 'other', storageType: 'objectStorage', created: new Date().toISOString()});
		const ui = await sendDraft(ncrDraft());
		const screen = await ui.waitFor('Refused: 409');
		expect(screen).toContain('The registry name "team-a" or the bucket is already used');
	});

	it('403: says the name may be held by another account, or the account lacks rights', async () => {
		emulator.faults.override = {status: 403, contentType: 'application/json', body: JSON.stringify({error: {errorCode: '403', message: 'Forbidden', details: 'no rights'}})};
		const ui = await sendDraft(ncrDraft());
		const screen = (await ui.waitFor('Refused: 403 Forbidden')).replace(/\s+/g, ' ');
		expect(screen).toContain('is taken by another NCP account');
		expect(screen).toContain('this account may not create registries');
	});

	it('500 with an HTML page: status and a cleaned excerpt, not raw HTML', async () => {
		emulator.faults.override = {status: 500, contentType: 'text/html', body: '<html><body><h1>Internal error</h1><p>try later</p></body></html>'};
		const ui = await sendDraft(ncrDraft());
		const screen = await ui.waitFor('Refused: 500 Internal Server Error');
		expect(screen).toContain('Internal error try later');
		expect(screen).not.toContain('<h1>');
		expect(screen).toContain('It may have been created: check that it exists');
		expect(screen).not.toContain('retry later');
	});

	it('retry signs again with a fresh timestamp', async () => {
		emulator.faults.override = {status: 503, body: 'busy', times: 1};
		const ui = await sendDraft(ncrDraft());
		await ui.waitFor('Refused: 503');
		await new Promise(resolve => setTimeout(resolve, 5));
		await ui.press('r');
		await ui.waitFor('Registry created');
		const posts = emulator.received.filter(request => request.method === 'POST');
		expect(posts).toHaveLength(2);
		expect(posts[1]!.headers['x-ncp-apigw-timestamp']).not.toBe(posts[0]!.headers['x-ncp-apigw-timestamp']);
	});

	it('Esc while sending cancels and goes back; Ctrl-C while sending exits 130', async () => {
		emulator.faults.hang = true;
		const onExit = vi.fn();
		const draft = ncrDraft();
		const ui = await drive(<WizardApp {...engineServices()} initial={initialState({backend: draft.backend, draft, yes: false})} onExit={onExit} />);
		unmount = ui.instance.unmount;
		await ui.waitFor('Step 4 of 5');
		await ui.press(KEYS.enter);
		await ui.waitFor('Signing and sending POST /ncr/api/v2/repositories/team-a');
		await ui.press(KEYS.escape);
		await ui.waitFor('Step 4 of 5');
		await ui.press(KEYS.enter);
		await ui.waitFor('Signing and sending');
		await ui.press(KEYS.ctrlC);
		expect(onExit).toHaveBeenCalledWith(130);
	});
});
