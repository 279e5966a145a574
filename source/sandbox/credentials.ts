/**
 * Demo credentials the sandbox accepts. They are published on purpose: they open nothing but this
 * local emulator, so printing them is safe, and no real NCP key or RegistryUI token ever needs to be typed.
 */
export const SANDBOX_CREDENTIALS = {
	ncr: {accessKey: 'ncp_iam_SANDBOXDEMOKEY0001', secretKey: 'sandbox-secret-key-not-a-real-secret-0001'},
	// Accepted by NCR, refused by Object Storage (AccessDenied): a sub-account without an Object Storage policy.
	ncrWithoutStorage: {accessKey: 'ncp_iam_SANDBOXNOSTORAGE02', secretKey: 'sandbox-secret-key-no-object-storage-02'},
	registryuiAdmin: {username: 'admin', token: 'sandbox-admin-token-0001'},
	// Not an administrator: lets the 403 path of project creation be exercised.
	registryuiUser: {username: 'viewer', token: 'sandbox-viewer-token-0001'},
} as const;

/** NCP access key → secret key. */
export const NCR_SECRETS: ReadonlyMap<string, string> = new Map([
	[SANDBOX_CREDENTIALS.ncr.accessKey, SANDBOX_CREDENTIALS.ncr.secretKey],
	[SANDBOX_CREDENTIALS.ncrWithoutStorage.accessKey, SANDBOX_CREDENTIALS.ncrWithoutStorage.secretKey],
]);

/** Keys NCR accepts that hold no Object Storage permission. */
export const NO_STORAGE_KEYS: ReadonlySet<string> = new Set([SANDBOX_CREDENTIALS.ncrWithoutStorage.accessKey]);

export type RegistryUiUser = {token: string; admin: boolean};

export const REGISTRYUI_USERS: ReadonlyMap<string, RegistryUiUser> = new Map([
	[SANDBOX_CREDENTIALS.registryuiAdmin.username, {token: SANDBOX_CREDENTIALS.registryuiAdmin.token, admin: true}],
	[SANDBOX_CREDENTIALS.registryuiUser.username, {token: SANDBOX_CREDENTIALS.registryuiUser.token, admin: false}],
]);
