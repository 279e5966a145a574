export type StorageType = 'objectStorage' | 'ncloudStorage';

/** One NCR registry. `created` is ISO text. */
export type RegistryRecord = {
	name: string;
	bucket?: string;
	storageType: StorageType;
	created: string;
	/** False when the public endpoint is turned off (a test seeds it); absent: on. */
	endPointEnabled?: boolean;
};

/** One RegistryUI repository entry, in the shape RegistryUI answers with. */
export type RepositoryEntry = {
	id: number;
	fullPath: string;
	name: string;
	title: string | null;
	description: {html: string};
	isPublic: boolean;
	created: string;
	updated: string | null;
	tenantId: number;
	level: number;
};

/**
 * Everything the emulator remembers. Live and mutable: tests may read it to assert and write it to
 * seed a scenario (e.g. a registry that already exists) without sending requests. Every NCR prefix
 * (Korea, Singapore, Japan, government) shares the one registry map.
 */
export type SandboxState = {
	/** Keyed by registry name. */
	registries: Map<string, RegistryRecord>;
	/** Keyed by fullPath. */
	repositories: Map<string, RepositoryEntry>;
};

export const createState = (): SandboxState => ({registries: new Map(), repositories: new Map()});
