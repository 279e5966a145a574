import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import {t} from '../i18n/index.js';
import * as z from 'zod/mini';
import type {Answers} from '../backends/types.js';
import {quoteValue} from '../quote.js';
import {lazySchema} from '../backends/validation.js';
import {isStaleLock, withFileLock} from './file-lock.js';
import {ensureTrustedFolder, processAlive, readRegularFile, StoreError, writeFileAtomic} from './safe-file.js';

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

export const PROFILE_NAME_RULE = t('store.profile.nameRule');
const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function profileNameProblem(name: string): string | undefined {
	return PROFILE_NAME.test(name) ? undefined : t('store.profile.badName', {name: quoteValue(name), rule: t('store.profile.nameRule')});
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

/** A profile that is not there; `names` are the ones that are, for the message. */
export class ProfileNotFoundError extends Error {
	constructor(
		readonly profile: string,
		readonly names: string[],
	) {
		super(t('store.profile.notFound', {name: quoteValue(profile), names}));
		this.name = 'ProfileNotFoundError';
	}
}

/** A map without a prototype: "constructor" or "__proto__" is a name like any other, never Object's. */
function plainMap<T>(entries: Iterable<[string, T]> = []): Record<string, T> {
	const map = Object.create(null) as Record<string, T>;
	for (const [key, value] of entries) map[key] = value;
	return map;
}

const has = (profiles: Profiles, name: string) => Object.hasOwn(profiles, name);
const sortedNames = (profiles: Profiles) => Object.keys(profiles).sort((a, b) => a.localeCompare(b));

/** A deep copy whose every record is prototype-free. */
function copyProfiles(profiles: Profiles): Profiles {
	const copyAnswers = (answers: Answers) => plainMap(Object.entries(answers));
	return plainMap(
		Object.entries(profiles).map(([name, profile]): [string, Profile] => [
			name,
			{
				backend: profile.backend,
				credentials: copyAnswers(profile.credentials),
				connection: copyAnswers(profile.connection),
				...(profile.lastUsedAt === undefined ? {} : {lastUsedAt: profile.lastUsedAt}),
				...(profile.lastFields === undefined ? {} : {lastFields: copyAnswers(profile.lastFields)}),
				...(profile.proxy === undefined ? {} : {proxy: profile.proxy}),
			},
		]),
	);
}

/** `mutate` answers false when it changed nothing: then nothing is written. */
type Mutate = (profiles: Profiles) => boolean | void;

function profileOperations(read: () => Profiles, write: (mutate: Mutate) => void) {
	return {
		list: () =>
			Object.entries(read())
				.map(([name, profile]) => ({name, ...profile}))
				.sort((a, b) => a.name.localeCompare(b.name)),
		get: (name: string) => {
			const profiles = read();
			return has(profiles, name) ? profiles[name] : undefined;
		},
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
				removed = has(profiles, name);
				if (!removed) return false;
				delete profiles[name];
				return true;
			});
			return removed;
		},
		rename(from: string, to: string) {
			const problem = profileNameProblem(to);
			if (problem) throw new Error(problem);
			write(profiles => {
				if (!has(profiles, from)) throw new ProfileNotFoundError(from, sortedNames(profiles));
				if (has(profiles, to)) throw new Error(t('store.profile.exists', {name: to}));
				profiles[to] = profiles[from]!;
				delete profiles[from];
			});
		},
		recordUse(name: string, fields: Answers) {
			write(profiles => {
				if (!has(profiles, name)) return false;
				profiles[name] = {...profiles[name]!, lastUsedAt: new Date().toISOString(), lastFields: fields};
				return true;
			});
		},
	};
}

/** Profiles kept only in memory: the sandbox and tests use it, nothing reaches the disk. */
export function createMemoryStore(initial: Profiles = {}): ProfileStore {
	let profiles = copyProfiles(initial);
	return {
		location: t('store.memory.location'),
		persistent: false,
		...profileOperations(
			() => copyProfiles(profiles),
			mutate => {
				const next = copyProfiles(profiles);
				if (mutate(next) !== false) profiles = next;
			},
		),
	};
}

export type OpenedStore = {store: ProfileStore; warnings: string[]};

export const CONFIG_FILE = 'config.json';

function timestampForFileName(date: Date): string {
	return date.toISOString().replace(/[:.]/g, '-');
}

type ParsedFile = {ok: true; raw: Record<string, unknown>; profiles: Profiles} | {ok: false; problem: string};

/** The file's text as regwiz's data, or what is wrong with it (never quoting it: it may hold a secret). */
function parseFile(text: string): ParsedFile {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		// The parser's own message quotes the text around the fault, which may be a secret: give the place only.
		const position = /at position (\d+)/.exec((error as Error).message)?.[1];
		return {ok: false, problem: t('store.parse.notJson', {position})};
	}
	const parsed = fileSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		// zod/mini carries no message catalogue: say what was expected in our own words.
		const what = issue?.code === 'invalid_type' ? t('store.parse.expected', {expected: issue.expected}) : t('store.parse.foreign');
		return {ok: false, problem: t('store.parse.unexpected', {path: issue?.path.join('.') ?? '', what})};
	}
	// Built from the parsed JSON itself (whose keys are all its own), not from a copy that could give
	// "__proto__" its special meaning.
	const raw = value as Record<string, unknown>;
	return {ok: true, raw, profiles: copyProfiles((raw.profiles ?? {}) as Profiles)};
}

/**
 * Reads config.json: a regular file of the user's own, not a link, at most MAX_CONFIG_BYTES (undefined
 * when there is none). With `warnings`, a file others can read is tightened on its descriptor (never
 * through a link), and said so.
 */
function readConfigFile(file: string, warnings?: string[]): string | undefined {
	return readRegularFile(file, {
		trusted: true,
		withDescriptor(fd, stat) {
			if ((stat.mode & 0o077) === 0 || !warnings) return;
			fs.fchmodSync(fd, 0o600);
			warnings.push(t('store.config.tightened', {file}));
		},
	});
}

/** Reads the file as it is now; a broken file is moved aside, never overwritten. */
function checkExistingFile(file: string, warnings: string[]): void {
	const text = readConfigFile(file, warnings);
	if (text === undefined) return;
	const parsed = parseFile(text);
	if (parsed.ok) return;
	const aside = `${file}.corrupt-${timestampForFileName(new Date())}`;
	fs.renameSync(file, aside);
	warnings.push(t('store.config.movedAside', {file, problem: parsed.problem, aside}));
}

/** The file's content now; a file broken since regwiz started is an error, never overwritten. */
function readCurrent(file: string): {raw: Record<string, unknown>; profiles: Profiles} {
	const text = readConfigFile(file);
	if (text === undefined) return {raw: {}, profiles: plainMap()};
	const parsed = parseFile(text);
	if (!parsed.ok) throw new StoreError(t('store.config.changed', {file, problem: parsed.problem}), 'refused');
	return parsed;
}

/** The folder regwiz keeps its files in: where conf put them (env-paths, project "regwiz"), or REGWIZ_CONFIG_DIR. */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
	return env.REGWIZ_CONFIG_DIR || envPaths('regwiz', {suffix: 'nodejs'}).config;
}

/**
 * Creates the folder owner-only, or checks the one there: never a link, never another user's or
 * writable by others (refused with the fix). The default folder is tightened when others can read it.
 */
export function ensureConfigDirectory(env: NodeJS.ProcessEnv = process.env): string {
	const folder = configDirectory(env);
	ensureTrustedFolder(folder, !env.REGWIZ_CONFIG_DIR);
	return folder;
}

/** Names regwiz gives its own temporary and lock files (and the names older versions gave them). */
const TEMPORARY = /^(?:config\.json|history\.jsonl)\.tmp-(?:(\d+)-[0-9a-f]+|\d{10}[0-9a-f]{6})$|^history\.jsonl\.(\d+)\.tmp$/;
const LOCKS = ['config.json.lock', 'history.jsonl.lock'];

/**
 * Removes what killed saves and full disks left in regwiz's own folder: temporary copies (which may
 * hold keys) whose writer is gone, and lock files that are empty or whose holder is gone. Nothing
 * else is touched, and nothing outside the folder.
 */
export function removeLeftovers(folder: string): void {
	let names: string[];
	try {
		names = fs.readdirSync(folder);
	} catch {
		return;
	}
	for (const name of names) {
		const file = path.join(folder, name);
		try {
			const match = TEMPORARY.exec(name);
			if (match) {
				const stat = fs.lstatSync(file);
				if (stat.isDirectory()) continue;
				const pid = Number(match[1] ?? match[2] ?? 0);
				// A pid still running may be a regwiz saving right now: its file is its own to remove.
				if (pid > 0 && pid !== process.pid && processAlive(pid)) continue;
				fs.rmSync(file, {force: true});
			} else if (LOCKS.includes(name) && isStaleLock(file)) {
				fs.rmSync(file, {force: true});
			}
		} catch {
			// one file that cannot be removed does not stop regwiz
		}
	}
}

/** Opens the profiles file, config.json in configDirectory(env). */
export function openProfileStore(env: NodeJS.ProcessEnv = process.env): OpenedStore {
	const warnings: string[] = [];
	const folder = ensureConfigDirectory(env);
	removeLeftovers(folder);
	const file = path.join(folder, CONFIG_FILE);
	checkExistingFile(file, warnings);
	const lockPath = `${file}.lock`;
	const store: ProfileStore = {
		location: file,
		persistent: true,
		...profileOperations(
			() => readCurrent(file).profiles,
			mutate =>
				withFileLock(lockPath, () => {
					// Re-read under the lock: another process may have saved since we last looked.
					const current = readCurrent(file);
					if (mutate(current.profiles) === false) return;
					writeFileAtomic(file, `${JSON.stringify({...current.raw, profiles: current.profiles}, undefined, '\t')}\n`, t('store.save.keptProfiles'));
				}),
		),
	};
	return {store, warnings};
}
