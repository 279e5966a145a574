import {afterEach, describe, expect, it} from 'vitest';
import {KEYS, openTerminal, type Terminal} from '../helpers/terminal.js';

// The built binary in a real pseudo-terminal, `regwiz --sandbox`, creating a Harbor project as a person would.
let terminal: Terminal | undefined;
afterEach(() => {
	terminal?.kill();
	terminal = undefined;
});

async function step(term: Terminal, keys: string, expected: string | RegExp) {
	if (keys.startsWith('\u001B') || keys.length <= 1) await term.press(keys);
	else await term.type(keys);
	return term.waitFor(expected);
}

describe('Harbor in the wizard (--sandbox)', () => {
	it.each([
		[80, 24],
		[60, 20],
	])('%i×%i: chooses Harbor, uses the demo profile, fills the fields, reviews and creates the project', async (cols, rows) => {
		const term = (terminal = openTerminal({args: ['--sandbox'], cols, rows}));
		await term.waitFor('Where should the registry live?');
		for (let index = 0; index < 6 && !/❯ Harbor/.test(term.screen()); index++) await term.press(KEYS.down);
		const credentials = await step(term, KEYS.enter, 'Which credentials?');
		expect(credentials).toMatch(/❯ sandbox-harbor\s/);
		expect(credentials).toContain('sandbox-harbor-developer');
		await step(term, KEYS.enter, 'Project name');
		await step(term, 'team-a', 'team-a');
		await step(term, KEYS.enter, 'Visibility');
		await step(term, KEYS.enter, 'Storage limit');
		await step(term, '10G', '10G');
		// Enter on a bad value stays on the field and says what to type instead.
		const refused = await step(term, KEYS.enter, '"G" is not a unit');
		expect(refused).toContain('(e.g. 10GiB)');
		await step(term, 'iB', '10GiB');
		const review = await step(term, KEYS.enter, 'Step 4 of 5');
		expect(review.replace(/\s*│\s*/g, '')).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/v2\.0\/projects/);
		for (const line of review.split('\n')) expect(line.length).toBeLessThanOrEqual(cols);
		expect(review).toContain('Username');
		expect(review).toContain('admin (profile sandbox-harbor)');
		// The body wraps inside the panel; unwrapped it reads whole.
		expect(review.replace(/\s*│\s*/g, '')).toContain('"metadata":{"public":"false"},"storage_limit":10737418240}');
		expect(review.replace(/\s*│\s*/g, ' ').replace(/\s+/g, ' ')).toContain('authorization: (hidden)');
		expect(review).not.toContain('sandbox-harbor-admin-0001');
		const result = await step(term, KEYS.enter, 'Project created');
		expect(result).toContain('201 Created');
		expect(result).toMatch(/Owner\s+admin/);
		expect(result.replace(/\s*│\s*/g, '')).toMatch(/docker push 127\.0\.0\.1:\d+\/team-a\/my-image:latest/);
		for (const line of result.split('\n')) expect(line.length).toBeLessThanOrEqual(cols);
	});

	it('the non-administrator demo is refused with 403, explained, and its request id shown', async () => {
		const term = (terminal = openTerminal({args: ['create', 'harbor', '--sandbox', '--profile', 'sandbox-harbor-developer', '--project', 'team-b', '--storage-limit=-1', '--yes']}));
		const result = await term.waitFor('Refused: 403');
		expect(result).toContain('Only system administrators can create projects');
		expect(result).toMatch(/Trace id\s+[0-9a-f-]{36}/);
		expect(result.replace(/\s*│\s*/g, ' ').replace(/\s+/g, ' ')).toContain('project creation is limited to administrators');
	});
});
