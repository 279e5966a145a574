import {parseArgs} from 'node:util';
import {parseArgsProblem} from './create-args.js';
import {helpFor} from './help.js';
import {UsageError} from './usage-error.js';
import type {Io} from '../io.js';
import {t} from '../i18n/index.js';

/** `regwiz sandbox [--port N] [--host H]`: the emulator in the foreground until Ctrl-C. */
export async function sandboxCommand(io: Io, argv: string[]): Promise<number> {
	let values;
	try {
		({values} = parseArgs({
			args: argv,
			options: {port: {type: 'string'}, host: {type: 'string'}, help: {type: 'boolean', short: 'h'}},
			strict: true,
			allowPositionals: false,
		}));
	} catch (error) {
		throw parseArgsProblem(error, 'regwiz sandbox');
	}
	if (values.help) {
		io.stdout.write(`${helpFor(['sandbox'])}\n`);
		return 0;
	}
	const port = values.port === undefined ? 0 : Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		throw new UsageError(t('cli.sandbox.badPort', {value: JSON.stringify(values.port)}));
	}
	const host = values.host ?? '127.0.0.1';
	if (host.trim() === '' || /[\s/]/.test(host)) {
		throw new UsageError(t('cli.sandbox.badHost', {value: JSON.stringify(host)}));
	}
	const {runSandboxCommand} = await import('../sandbox/command.js');
	return runSandboxCommand({port, host, stdout: io.stdout});
}
