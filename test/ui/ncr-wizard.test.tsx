// The wizard's side of the NCR and RegistryUI facts: what a failed or partial credential check offers,
// the way back to the name after a 403, and the endpoints read back after a create.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {findBackend} from '../../source/backends/index.js';
import {startEmulator, SANDBOX_CREDENTIALS, type Emulator} from '../../source/sandbox/emulator.js';
import {WizardApp} from '../../source/ui/app.js';
import {initialState} from '../../source/ui/state.js';
import {drive, KEYS} from '../helpers/ink-driver.js';
import {engineServices} from '../helpers/wizard-services.js';

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

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function mount(initial: ReturnType<typeof initialState>) {
	const ui = await drive(<WizardApp {...engineServices()} initial={initial} onExit={() => {}} />);
	unmount = ui.instance.unmount;
	return ui;
}

function ncrDraft(registry: string) {
	return {
		backend: findBackend('ncr')!,
		connection: {site: 'custom', endpoint: emulator.ncrBaseUrl},
		fields: {registry, storageType: 'objectStorage', bucket: `${registry}-images`},
		credentials: {...SANDBOX_CREDENTIALS.ncr},
		credentialSource: 'profile default',
		profileName: 'default',
		lastFields: {},
	};
}

describe('the credential check', () => {
	it('after a failed check the first choice is "Change the credentials", and it leads back to them', async () => {
		const ui = await mount(initialState({yes: false}));
		await ui.press(KEYS.enter); // NCR
		// A first run with nothing set up: nothing to choose but new credentials (the sandbox is not offered here).
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
		await ui.type('not-the-secret');
		await ui.press(KEYS.enter);
		const screen = await ui.waitFor('refused: 401');
		const options = screen.slice(screen.indexOf('Save as a profile?'));
		expect(options.indexOf('Change the credentials')).toBeGreaterThan(-1);
		// Saved or, in memory, kept for this run: either way below the way back.
		expect(options.indexOf('Change the credentials')).toBeLessThan(options.search(/(Save|Keep) as a profile(?!\?)/));
		await ui.press(KEYS.enter);
		await ui.waitFor(frame => frame.includes('Access key') && !frame.includes('Save as a profile?'));
	});

	it('a viewer is told what the check proved and what it did not', async () => {
		const ui = await mount(initialState({yes: false}));
		await ui.press(KEYS.down);
		await ui.press(KEYS.enter); // RegistryUI
		// A first run with nothing set up: nothing to choose but new credentials (the sandbox is not offered here).
		await ui.waitFor('Base URL');
		await ui.type(`${emulator.registryuiBaseUrl}/udr/v1api`);
		await ui.press(KEYS.enter);
		await ui.waitFor('Username');
		await ui.type('viewer');
		await ui.press(KEYS.enter);
		await ui.waitFor('User token');
		await ui.type(SANDBOX_CREDENTIALS.registryuiUser.token);
		await ui.press(KEYS.enter);
		const screen = flat(await ui.waitFor(frame => flat(frame).includes('not checked')));
		expect(screen).toContain(`taken as ${emulator.registryuiBaseUrl}: base URLs are the site root`);
		expect(screen).toContain('the credentials work for listing (0 repositories visible); not checked: creating needs a RegistryUI administrator');
		expect(screen).not.toContain('Change the credentials');
		expect(emulator.received.map(request => request.path)).toEqual(['/udr/v1api/repositories?take=1']);
	});
});

describe('the site from the environment', () => {
	it('NCLOUD_SITE=fin preselects the Financial site for new credentials', async () => {
		const ui = await drive(<WizardApp {...engineServices({env: {NCLOUD_SITE: 'fin'}})} initial={initialState({yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		await ui.press(KEYS.enter); // NCR
		// A first run with nothing set up: nothing to choose but new credentials (the sandbox is not offered here).
		const screen = await ui.waitFor('Korea');
		expect(screen).toMatch(/❯ Financial/);
		expect(screen).not.toMatch(/❯ Korea/);
	});
});

describe('the NCR result', () => {
	it('a 403 offers to change the name, and the new name is what is sent', async () => {
		const draft = ncrDraft('taken-elsewhere');
		const ui = await mount(initialState({backend: draft.backend, draft, yes: true}));
		const screen = flat(await ui.waitFor('Refused: 403 Forbidden'));
		expect(screen).toContain('c change the name');
		await ui.press('c');
		await ui.waitFor(frame => frame.includes('Registry name') && !frame.includes('Refused'));
		for (let index = 0; index < 'taken-elsewhere'.length; index++) await ui.press(KEYS.backspace);
		await ui.type('team-a');
		await ui.press(KEYS.enter);
		for (let attempt = 0; attempt < 5 && !ui.screen().includes('Registry created'); attempt++) {
			if (ui.screen().includes('Step 4 of 5') || /Storage type|Bucket/.test(ui.screen())) await ui.press(KEYS.enter);
			await new Promise(resolve => setTimeout(resolve, 50));
		}
		await ui.waitFor('Registry created');
		expect(emulator.received.filter(request => request.method === 'POST').map(request => request.path)).toEqual([
			'/ncr/api/v2/repositories/taken-elsewhere',
			'/ncr/api/v2/repositories/team-a',
		]);
	});

	it('a 401 with errorCode 210 speaks of the subscription and the policy, never the clock', async () => {
		const draft = {...ncrDraft('team-a'), credentials: {...SANDBOX_CREDENTIALS.ncrUnsubscribed}};
		const ui = await mount(initialState({backend: draft.backend, draft, yes: true}));
		const screen = flat(await ui.waitFor('Refused: 401 Permission Denied'));
		expect(screen).toContain('Error code 210');
		expect(screen).toContain('NCP answered 210 Permission Denied: the key pair was accepted');
		expect(screen).toContain('Container Registry is subscribed');
		expect(screen).not.toMatch(/clock/i);
	});

	it('shows the endpoints the service reports, and docker login uses that host', async () => {
		const draft = ncrDraft('team-a');
		const ui = await mount(initialState({backend: draft.backend, draft, yes: true}));
		const screen = flat(await ui.waitFor('Registry created'));
		expect(screen).toMatch(/Endpoint 127\.0\.0\.1:\d+ /);
		expect(screen).toMatch(/Private p[0-9a-z]+\.private\.sandbox\.local \(the private endpoint, from inside the VPC\)/);
		expect(screen).toMatch(/docker login 127\.0\.0\.1:\d+ /);
	});
});
