import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

// Without a terminal regwiz never mounts the wizard: it names what is missing and exits 2.
describe('no terminal', () => {
	it('`regwiz` alone explains how to run it in a script, never a raw-mode error or a hang', async () => {
		const result = await runCli([], {timeoutMs: 5000});
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(
			'regwiz: regwiz needs a terminal to ask questions. In scripts, give every value as flags: regwiz create ncr --registry NAME --bucket BUCKET (see regwiz --help)\n',
		);
		expect(result.stderr).not.toMatch(/raw mode/i);
	});

	it('partial flags list every missing flag and how to give credentials', async () => {
		const result = await runCli(['create', 'registryui', '--title', 'Web'], {timeoutMs: 5000});
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			'regwiz: missing --url, --repository; no credentials: set REGISTRYUI_USERNAME and REGISTRYUI_TOKEN, or save a profile by running regwiz in a terminal. Run it in a terminal to be asked, or see: regwiz create registryui --help\n',
		);
	});

	it('--sandbox without a terminal says so too', async () => {
		const result = await runCli(['--sandbox'], {timeoutMs: 5000});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('needs a terminal');
	});
});
