import {render} from 'ink';
import {WizardApp} from './app.js';
import {realServices} from './services.js';
import {initialState} from './state.js';
import type {WizardOptions} from './wizard-options.js';

/** Mounts the wizard once and resolves with its exit code when it unmounts. */
export async function runWizard(options: WizardOptions): Promise<number> {
	let exitCode: number = 130;
	const initial = initialState({backend: options.backend, draft: options.draft, yes: options.yes});
	// Raw mode before the first frame: a key typed as soon as the list shows must arrive as a key
	// (Enter as \r), not as a line the terminal cooked before Ink subscribed to input.
	if (options.io.stdin.isTTY) options.io.stdin.setRawMode(true);
	const closers: Array<() => Promise<void>> = [];
	const instance = render(
		<WizardApp
			{...realServices(options, close => closers.push(close))}
			initial={initial}
			onExit={code => {
				exitCode = code;
			}}
		/>,
		{stdin: options.io.stdin, stdout: options.io.stdout, stderr: options.io.stderr, exitOnCtrlC: false, patchConsole: false},
	);
	try {
		await instance.waitUntilExit();
	} finally {
		// Ink restores the terminal on exit; this covers a tree that failed before it took input.
		if (options.io.stdin.isTTY) options.io.stdin.setRawMode(false);
		for (const close of closers) await close();
	}
	return exitCode;
}
