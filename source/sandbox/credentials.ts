import {harbor} from '../backends/harbor.js';
import {ncr} from '../backends/ncr.js';
import {registryui} from '../backends/registryui.js';
import type {Answers, Backend} from '../backends/types.js';

/** A backend's demo credentials, as its description states them (sandbox.demos). */
function demo<Keys extends string>(backend: Backend, index: number): Record<Keys, string> {
	const found: Answers | undefined = backend.sandbox.demos[index]?.credentials;
	if (!found) throw new Error(`sandbox: ${backend.id} has no demo credentials #${index}`);
	return found as Record<Keys, string>;
}

/**
 * Demo credentials the sandbox accepts. They are published on purpose: they open nothing but this
 * local emulator, so printing them is safe, and no real key, token or password ever needs to be typed.
 * Each backend states its own in its description; these names are for tests and the emulators.
 */
export const SANDBOX_CREDENTIALS = {
	ncr: demo<'accessKey' | 'secretKey'>(ncr, 0),
	// Authentic, but its account has no Container Registry subscription: every request gets 401 errorCode 210.
	ncrUnsubscribed: {accessKey: 'ncp_iam_SANDBOXNOSUBSCR0002', secretKey: 'sandbox-secret-key-not-subscribed-0002'},
	registryuiAdmin: demo<'username' | 'token'>(registryui, 0),
	// Not an administrator: lets the 403 path of project creation be exercised.
	registryuiUser: demo<'username' | 'token'>(registryui, 1),
	harborAdmin: demo<'username' | 'password'>(harbor, 0),
	// Not an administrator: Harbor limited to administrators answers 403.
	harborUser: demo<'username' | 'password'>(harbor, 1),
} as const;

/** NCP access key → secret key. */
export const NCR_SECRETS: ReadonlyMap<string, string> = new Map([
	[SANDBOX_CREDENTIALS.ncr.accessKey, SANDBOX_CREDENTIALS.ncr.secretKey],
	[SANDBOX_CREDENTIALS.ncrUnsubscribed.accessKey, SANDBOX_CREDENTIALS.ncrUnsubscribed.secretKey],
]);

/** Access keys that sign correctly but whose account may not use the API (NCP's 401 with errorCode 210). */
export const NCR_UNSUBSCRIBED_KEYS: ReadonlySet<string> = new Set([SANDBOX_CREDENTIALS.ncrUnsubscribed.accessKey]);

export type RegistryUiUser = {token: string; admin: boolean};

export const REGISTRYUI_USERS: ReadonlyMap<string, RegistryUiUser> = new Map([
	[SANDBOX_CREDENTIALS.registryuiAdmin.username, {token: SANDBOX_CREDENTIALS.registryuiAdmin.token, admin: true}],
	[SANDBOX_CREDENTIALS.registryuiUser.username, {token: SANDBOX_CREDENTIALS.registryuiUser.token, admin: false}],
]);
