import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		root: new URL('..', import.meta.url).pathname,
		include: ['test/**/*.test.{ts,tsx}'],
		// Builds dist/cli.js when missing or stale: the command-line tests run the built program.
		globalSetup: ['test/global-setup.ts'],
		// Ink renders only the last frame when CI is set; tests must see every frame.
		// English unless a test asks for Korean, whatever the machine's locale.
		env: {CI: 'false', NO_COLOR: '', FORCE_COLOR: '0', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', REGWIZ_LANG: ''},
		testTimeout: 20_000,
		hookTimeout: 20_000,
		pool: 'forks',
	},
});
