// Each fault in the wizard's result panel, driven key by key with the real sendCreate against local
// servers: the same sentences as `regwiz create` (same table: helpers/fault-scenarios.ts), the exit code
// on quit, and the sending screen's elapsed time and cancel; plus the plain-http choice on the URL question.
import {createRequire} from 'node:module';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {findBackend} from '../../source/backends/index.js';
import {WizardApp} from '../../source/ui/app.js';
import {initialState} from '../../source/ui/state.js';
import {baseUrl, createWorld, DEFAULT_CREDENTIALS, FIELDS, flat, OFFLINE_DNS, SCENARIOS, type FaultScenario, type World} from '../helpers/fault-scenarios.js';
import {drive, KEYS} from '../helpers/ink-driver.js';
import {engineServices} from '../helpers/wizard-services.js';
import {testCertificates, type TestCertificates} from '../helpers/tls-certs.js';

type Lookup = typeof import('node:dns').lookup;
const dns = createRequire(import.meta.url)('node:dns') as {lookup: Lookup};
let realLookup: Lookup;
let certs: TestCertificates;
let unmount: (() => void) | undefined;

beforeAll(() => {
	certs = testCertificates();
	realLookup = dns.lookup;
	// The offline resolver for the whole file: `.invalid` fails at once, any other name fails loudly.
	createRequire(import.meta.url)(OFFLINE_DNS);
});
afterAll(() => {
	dns.lookup = realLookup;
	certs?.dispose();
});
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

function draftFor(scenario: FaultScenario, world: World) {
	const backend = findBackend(scenario.backend)!;
	const connection: Record<string, string> = scenario.backend === 'ncr' ? {site: 'custom', endpoint: baseUrl(scenario, world)} : {url: baseUrl(scenario, world)};
	return {
		backend,
		connection,
		// Optional fields given as empty count as answered: the wizard asks nothing and sends at once.
		fields: (scenario.backend === 'registryui' ? {...FIELDS.registryui, title: '', isPublic: ''} : {...FIELDS.ncr}) as Record<string, string>,
		credentials: scenario.credentials ?? DEFAULT_CREDENTIALS[scenario.backend],
		credentialSource: 'environment (test)',
		lastFields: {},
	};
}

/** Waits for text that may wrap across lines of the screen. */
const waitForText = (ui: Awaited<ReturnType<typeof drive>>, text: string, timeoutMs?: number) =>
	ui.waitFor(frame => flat(frame).includes(flat(text)), timeoutMs).then(flat);

/** Mounts the wizard with everything answered and the review skipped: it sends at once. */
async function sendFromWizard(scenario: FaultScenario, world: World, onExit = vi.fn()) {
	const draft = draftFor(scenario, world);
	const ui = await drive(
		<WizardApp {...engineServices({timeoutMs: scenario.timeoutMs ?? 5000})} initial={initialState({backend: draft.backend, draft, yes: true})} onExit={onExit} />,
	);
	unmount = ui.instance.unmount;
	return ui;
}

describe('each fault in the result panel', () => {
	for (const scenario of SCENARIOS) {
		it(scenario.name, async () => {
			const world = await createWorld(certs);
			process.env.REGWIZ_TEST_DNS_LOG = world.dnsLog;
			try {
				scenario.arrange?.(world);
				const expected = scenario.expected(world);
				const onExit = vi.fn();
				const ui = await sendFromWizard(scenario, world, onExit);
				const screen = await waitForText(ui, `✗ ${expected.title}`, 5000);
				for (const [label, value] of expected.lines) expect(screen).toContain(flat(`${label} ${value}`));
				expect(screen).toContain(`What to do: ${flat(expected.advice[0] ?? '')}`);
				for (const advice of expected.advice) expect(screen).toContain(flat(advice));
				for (const raw of expected.absent ?? []) expect(screen).not.toContain(raw);
				// Retry only where the same request may end differently; a refusal of the request itself comes back the same.
				const status = /^Status (\d{3})/m.exec(expected.lines.map(([label, value]) => `${label} ${value}`).join('\n'))?.[1];
				const refused = status !== undefined && Number(status) >= 400 && Number(status) < 500 && ![401, 408, 429].includes(Number(status));
				if (refused) expect(screen).not.toMatch(/r retry|r send again/);
				else expect(screen).toMatch(/r retry|r send again \(check first\)/);
				scenario.verify?.(world);
				ui.instance.stdin.write('q');
				await vi.waitFor(() => expect(onExit).toHaveBeenCalledWith(expected.exitCode), {timeout: 1000, interval: 5});
			} finally {
				delete process.env.REGWIZ_TEST_DNS_LOG;
				await world.close();
			}
		});
	}
});

describe('while sending', () => {
	it('shows the elapsed seconds, and Esc cancels: one request, back to the review', async () => {
		const world = await createWorld(certs);
		try {
			world.emulator.faults.hang = true;
			const scenario: FaultScenario = {...SCENARIOS[0]!, endpoint: undefined, timeoutMs: 10_000};
			const draft = draftFor(scenario, world);
			const ui = await drive(<WizardApp {...engineServices({timeoutMs: 10_000})} initial={initialState({backend: draft.backend, draft, yes: false})} onExit={() => {}} />);
			unmount = ui.instance.unmount;
			await ui.waitFor('Step 4 of 5');
			await ui.press(KEYS.enter);
			expect(await ui.waitFor('Signing and sending POST /ncr/api/v2/repositories/team-a…')).toMatch(/team-a… {2}0 s/);
			expect(await ui.waitFor(/team-a… {2}1 s/, 2500)).toContain('Esc cancel');
			await ui.press(KEYS.escape);
			await ui.waitFor('Step 4 of 5');
			// It may have reached the service: the review says so before it can be sent again.
			expect(await ui.waitFor('Cancelled while sending')).toContain('check that it exists');
			expect(world.emulator.received.filter(request => request.method === 'POST')).toHaveLength(1);
		} finally {
			await world.close();
		}
	});

	it('the timeout ends the wait with the "No answer" panel; r signs and sends again', async () => {
		const world = await createWorld(certs);
		try {
			world.emulator.faults.hang = true;
			const scenario = SCENARIOS.find(item => item.name === 'the server accepts and never answers')!;
			const ui = await sendFromWizard(scenario, world);
			await ui.waitFor('✗ No answer', 4000);
			world.emulator.faults.hang = false;
			await new Promise(resolve => setTimeout(resolve, 2));
			await ui.press('r');
			await ui.waitFor('✓ Registry created', 4000);
			const posts = world.emulator.received.filter(request => request.method === 'POST');
			expect(posts).toHaveLength(2);
			expect(posts[1]!.headers['x-ncp-apigw-timestamp']).not.toBe(posts[0]!.headers['x-ncp-apigw-timestamp']);
		} finally {
			await world.close();
		}
	});
});

describe('plain http to another machine', () => {
	it('warns on the URL question, needs Enter twice, and the review says the risk was accepted; nothing is sent', async () => {
		const onExit = vi.fn();
		const send = vi.fn(async () => {
			throw new Error('nothing may be sent in this test');
		});
		const ui = await drive(<WizardApp {...engineServices({timeoutMs: 5000, send})} initial={initialState({yes: false})} onExit={onExit} />);
		unmount = ui.instance.unmount;
		await ui.press(KEYS.down);
		await ui.press(KEYS.enter); // RegistryUI
		await ui.waitFor('Base URL');
		await ui.type('http://registry.example.com');
		const warned = await waitForText(ui, 'press Enter twice to accept the risk.');
		expect(warned).toContain(
			'⚠ http://registry.example.com uses plain http to another machine: credentials would travel unencrypted. Use https://, or press Enter twice to accept the risk.',
		);
		await ui.press(KEYS.enter);
		const once = await waitForText(ui, 'Press Enter again to accept the risk.');
		expect(once).toContain('Base URL');
		expect(once).not.toContain('Username');
		await ui.press(KEYS.enter);
		await ui.waitFor('Username');
		await ui.type('admin');
		await ui.press(KEYS.enter);
		await ui.waitFor('User token');
		await ui.type('TOKEN-canary-http-0001');
		await ui.press(KEYS.enter);
		await ui.waitFor('Save as a profile?');
		// The check failed (nothing answers there): "Change the credentials" comes first.
		await ui.waitFor('Change the credentials');
		await ui.press(KEYS.down);
		await ui.press(KEYS.down);
		await ui.press(KEYS.enter); // use once
		await ui.waitFor('Repository path');
		await ui.type('team-a/backend');
		await ui.press(KEYS.enter);
		await ui.waitFor('Title');
		await ui.press(KEYS.enter);
		await ui.waitFor('Visibility');
		await ui.press(KEYS.enter);
		const review = await waitForText(ui, 'Step 4 of 5');
		expect(review).toContain('POST http://registry.example.com/udr/v1api/project/create?repository=team-a%2Fbackend');
		expect(review).toContain('⚠ Plain http to another machine: credentials travel unencrypted (you allowed it).');
		expect(review).not.toContain('TOKEN-canary-http-0001');
		await ui.press(KEYS.ctrlC);
		expect(onExit).toHaveBeenCalledWith(130);
		expect(send).not.toHaveBeenCalled();
	});

	it('an https URL is not warned about', async () => {
		const ui = await drive(<WizardApp {...engineServices({timeoutMs: 5000})} initial={initialState({yes: false})} onExit={() => {}} />);
		unmount = ui.instance.unmount;
		await ui.press(KEYS.down);
		await ui.press(KEYS.enter);
		await ui.waitFor('Base URL');
		await ui.type('https://registry.example.com');
		expect(ui.screen()).not.toContain('plain http');
		await ui.press(KEYS.enter);
		await ui.waitFor('Username');
	});
});
