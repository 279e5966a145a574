import {BACKENDS} from '../../source/backends/index.js';
import {sendCreate, verifyCredentials} from '../../source/core/create.js';
import {createMemoryStore} from '../../source/store/profile-store.js';
import type {WizardServices} from '../../source/ui/app.js';

/** The wizard's services with the real engine (signing, the HTTP transport) and profiles kept in memory. */
export function engineServices(options: {timeoutMs?: number} & Partial<WizardServices> = {}): WizardServices {
	const {timeoutMs = 5000, ...overrides} = options;
	return {
		backends: BACKENDS,
		store: createMemoryStore(),
		env: {},
		send: (plan, signal) => sendCreate(plan, {timeoutMs, signal}),
		verify: (backend, credentials, connection, signal) => verifyCredentials(backend, credentials, connection, {timeoutMs, signal}),
		allowInsecureHttp: false,
		warnings: [],
		...overrides,
	};
}
