import {isLoopbackHost} from '../backends/validation.js';
import {SANDBOX_CREDENTIALS, startEmulator, type Emulator} from './emulator.js';
import {NCR_PREFIXES} from './ncr-api.js';

export type SandboxCommandOptions = {port: number; host: string; stdout: NodeJS.WritableStream; signal?: AbortSignal};

function banner(emulator: Emulator): string {
	const {ncr, registryuiAdmin, registryuiUser} = SANDBOX_CREDENTIALS;
	const otherSites = NCR_PREFIXES.slice(1).join(', ');
	return `regwiz sandbox: a local emulator of NCR and RegistryUI. Nothing is created on a real registry.

  NCR base URL         ${emulator.ncrBaseUrl}
                       (other sites on the same origin: ${otherSites})
  RegistryUI base URL  ${emulator.registryuiBaseUrl}
  Object Storage       ${emulator.storageBaseUrl}  (S3 API, region kr-standard)
                       (demo buckets; "taken-bucket" is another account's)

Demo credentials: sandbox only, published on purpose, accepted nowhere else:
  NCR access key       ${ncr.accessKey}
  NCR secret key       ${ncr.secretKey}
  RegistryUI admin     ${registryuiAdmin.username} / token ${registryuiAdmin.token}
  RegistryUI viewer    ${registryuiUser.username} / token ${registryuiUser.token}  (not an administrator: creating is refused)

Try, from another terminal:
  NCLOUD_ACCESS_KEY=${ncr.accessKey} NCLOUD_SECRET_KEY=${ncr.secretKey} \\
    regwiz create ncr --endpoint ${emulator.ncrBaseUrl} --registry team-a --bucket team-a-images
  NCLOUD_ACCESS_KEY=${ncr.accessKey} NCLOUD_SECRET_KEY=${ncr.secretKey} \\
    regwiz create ncr --endpoint ${emulator.ncrBaseUrl} --registry team-b --storage-type ncloudStorage
  NCLOUD_ACCESS_KEY=${ncr.accessKey} NCLOUD_SECRET_KEY=${ncr.secretKey} \\
    regwiz buckets --endpoint ${emulator.ncrBaseUrl} --storage-endpoint ${emulator.storageBaseUrl}
  REGISTRYUI_USERNAME=${registryuiAdmin.username} REGISTRYUI_TOKEN=${registryuiAdmin.token} \\
    regwiz create registryui --url ${emulator.registryuiBaseUrl} --repository team-a/backend --private

Requests are logged below (method, path, status). Press Ctrl+C to stop.
`;
}

const time = () => new Date().toTimeString().slice(0, 8);

/**
 * `regwiz sandbox`: the emulator in the foreground until SIGINT, SIGTERM or `signal`; resolves 0 then,
 * 1 when it cannot listen.
 */
export async function runSandboxCommand(options: SandboxCommandOptions): Promise<number> {
	const {stdout, signal} = options;
	const say = (line: string) => stdout.write(`${line}\n`);
	if (!isLoopbackHost(options.host)) {
		say(`Warning: listening on ${options.host}: the sandbox is reachable from other machines, and anyone who can reach it can use the published demo credentials.`);
	}

	let emulator: Emulator;
	try {
		// The log line carries method, path and status only: never a header, so never a signature or token.
		emulator = await startEmulator({port: options.port, host: options.host, demo: true, log: line => say(`${time()} ${line}`)});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const hint =
			code === 'EADDRINUSE'
				? `port ${options.port} is in use: choose another with --port, or --port 0 for a free one`
				: code === 'EACCES'
					? `not allowed to listen on port ${options.port}: choose a port above 1023`
					: error instanceof Error
						? error.message
						: String(error);
		say(`regwiz sandbox: cannot listen on ${options.host}:${options.port}: ${hint}`);
		return 1;
	}
	say(banner(emulator));

	await new Promise<void>(resolve => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			signal?.removeEventListener('abort', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
		signal?.addEventListener('abort', stop);
		if (signal?.aborted) stop();
	});
	await emulator.close();
	say('regwiz sandbox: stopped.');
	return 0;
}
