import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import * as z from 'zod/mini';
import type {Answers} from '../backends/types.js';
import {quoteValue} from '../quote.js';
import {lazySchema} from '../backends/validation.js';
import {withFileLock} from './file-lock.js';

const makeProfileSchema = () => {
	const answers = z.record(z.string(), z.string());
	return z.object({
		backend: z.string(),
		credentials: answers,
		connection: answers,
		lastUsedAt: z.optional(z.string()),
		lastFields: z.optional(answers),
		/** The proxy this profile's requests go through (http://[USER:PASSWORD@]host:port). */
		proxy: z.optional(z.string()),
	});
};

const fileSchema = lazySchema(() => z.object({profiles: z._default(z.record(z.string(), makeProfileSchema()), {})}));

export type Profile = z.infer<ReturnType<typeof makeProfileSchema>>;
export type NamedProfile = Profile & {name: string};

export const PROFILE_NAME_RULE = 'letters, digits, ".", "_" and "-"; 1–64 characters, starting with a letter or digit';
const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function profileNameProblem(name: string): string | undefined {
	return PROFILE_NAME.test(name) ? undefined : `${quoteValue(name)} is not a valid profile name: ${PROFILE_NAME_RULE} (e.g. staging)`;
}

/** Where profiles live; the wizard and the commands see only this interface. */
export type ProfileStore = {
	/** The file's path, or a description of where nothing is saved. */
	readonly location: string;
	readonly persistent: boolean;
	list(): NamedProfile[];
	get(name: string): Profile | undefined;
	save(name: string, profile: Profile): void;
	remove(name: string): boolean;
	rename(from: string, to: string): void;
	/** Remembers the fields just used, to offer them as defaults next time. */
	recordUse(name: string, fields: Answers): void;
};

type Profiles = Record<string, Profile>;

function profileOperations(read: () => Profiles, write: (mutate: (profiles: Profiles) => void) => void) {
	return {
		list: () =>
			Object.entries(read())
				.map(([name, profile]) => ({name, ...profile}))
				.sort((a, b) => a.name.localeCompare(b.name)),
		get: (name: string) => read()[name],
		save(name: string, profile: Profile) {
			const problem = profileNameProblem(name);
			if (problem) throw new Error(problem);
			write(profiles => {
				profiles[name] = profile;
			});
		},
		remove(name: string) {
			let removed = false;
			write(profiles => {
				removed = name in profiles;
				delete profiles[name];
			});
			return removed;
		},
		rename(from: string, to: string) {
			const problem = profileNameProblem(to);
			if (problem) throw new Error(problem);
			write(profiles => {
				const profile = profiles[from];
				if (!profile) throw new Error(`No profile named "${from}".`);
				if (to in profiles) throw new Error(`A profile named "${to}" already exists.`);
				profiles[to] = profile;
				delete profiles[from];
			});
		},
		recordUse(name: string, fields: Answers) {
			write(profiles => {
				const profile = profiles[name];
				if (profile) profiles[name] = {...profile, lastUsedAt: new Date().toISOString(), lastFields: fields};
			});
		},
	};
}

/** Profiles kept only in memory: the sandbox and tests use it, nothing reaches the disk. */
export function createMemoryStore(initial: Profiles = {}): ProfileStore {
	let profiles = structuredClone(initial);
	return {
		location: '(in memory; nothing is saved)',
		persistent: false,
		...profileOperations(
			() => structuredClone(profiles),
			mutate => {
				const next = structuredClone(profiles);
				mutate(next);
				profiles = next;
			},
		),
	};
}

export type OpenedStore = {store: ProfileStore; warnings: string[]};

function timestampForFileName(date: Date): string {
	return date.toISOString().replace(/[:.]/g, '-');
}

/** Reads the file as it is now; a broken file is moved aside, never overwritten. */
function checkExistingFile(file: string, warnings: string[]): void {
	let text: string;
	try {
		const stat = fs.statSync(file);
		if ((stat.mode & 0o077) !== 0) {
			fs.chmodSync(file, 0o600);
			warnings.push(`${file} was readable by other users; its permissions are now 0600 (owner only).`);
		}
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
		throw error;
	}
	let problem: string | undefined;
	try {
		const parsed = fileSchema.safeParse(JSON.parse(text));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			// zod/mini carries no message catalogue: say what was expected in our own words.
			const what = issue?.code === 'invalid_type' ? `expected ${issue.expected === 'record' ? 'an object' : `a ${issue.expected}`}` : 'not what regwiz writes';
			problem = `unexpected content at ${issue?.path.join('.') || 'the top level'}: ${what}`;
		}
	} catch (error) {
		// The parser's own message quotes the text around the fault, which may be a secret: give the place only.
		const position = /at position (\d+)/.exec((error as Error).message)?.[1];
		problem = position === undefined ? 'it is not valid JSON' : `it is not valid JSON (at character ${position})`;
	}
	if (!problem) return;
	const aside = `${file}.corrupt-${timestampForFileName(new Date())}`;
	fs.renameSync(file, aside);
	warnings.push(
		`The configuration file ${file} could not be read: ${problem}. It was moved to ${aside} (nothing was deleted); regwiz continues with no saved profiles.`,
	);
}

/** The folder regwiz keeps its files in: conf's place for project "regwiz", or REGWIZ_CONFIG_DIR. */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
	return env.REGWIZ_CONFIG_DIR || envPaths('regwiz', {suffix: 'nodejs'}).config;
}

/** Creates the folder owner-only; tightens the default folder when others can read it. */
export function ensureConfigDirectory(env: NodeJS.ProcessEnv = process.env): string {
	const folder = configDirectory(env);
	fs.mkdirSync(folder, {recursive: true, mode: 0o700});
	if (!env.REGWIZ_CONFIG_DIR && (fs.statSync(folder).mode & 0o077) !== 0) fs.chmodSync(folder, 0o700);
	return folder;
}

/** Opens the profiles file (conf, project "regwiz"; REGWIZ_CONFIG_DIR moves it). */
export function openProfileStore(env: NodeJS.ProcessEnv = process.env): OpenedStore {
	const warnings: string[] = [];
	const folder = ensureConfigDirectory(env);
	// conf reads the file in its constructor and throws on a broken one: check it first, move it aside if need be.
	checkExistingFile(path.join(folder, 'config.json'), warnings);
	const conf = new Conf<Record<string, unknown>>({
		projectName: 'regwiz',
		cwd: folder,
		configFileMode: 0o600,
		clearInvalidConfig: false,
		accessPropertiesByDotNotation: false,
	});
	const lockPath = `${conf.path}.lock`;
	const read = (): Profiles => fileSchema.parse(conf.store).profiles;
	const store: ProfileStore = {
		location: conf.path,
		persistent: true,
		...profileOperations(read, mutate =>
			withFileLock(lockPath, () => {
				// Re-read under the lock: another process may have saved since we last looked.
				const current = fileSchema.parse(conf.store);
				mutate(current.profiles);
				conf.store = {...conf.store, profiles: current.profiles};
			}),
		),
	};
	return {store, warnings};
}
