// The entry stays tiny: it settles colour before any library reads the environment, then loads only
// what the command needs (the scripted path never loads React or Ink).
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';
if (process.argv.includes('--no-color')) process.env.FORCE_COLOR = '0';

// `regwiz` alone in a terminal always opens the wizard: start loading it now, so that yoga's WebAssembly
// compiles on another thread while this one reads the profiles (first frame ~9 ms sooner). A failure
// here is reported where the wizard is loaded for real.
if (process.argv.length === 2 && process.stdout.isTTY && process.stdin.isTTY) import('./source/ui/run-wizard.js').catch(() => undefined);
const {main} = await import('./source/cli/main.js');
const exitCode = await main({
	argv: process.argv.slice(2),
	env: process.env,
	// Node makes process.stdin on first use (for /dev/null or a file: a file stream, ~3 ms of modules);
	// a command that never reads it never makes it.
	get stdin() {
		return process.stdin;
	},
	stdout: process.stdout,
	stderr: process.stderr,
});
// Let pending output flush; the one exit site of the process.
process.exitCode = exitCode;
