import os from 'node:os';
import path from 'node:path';
import {t} from '../i18n/index.js';
import {readRegularFile, StoreError} from './safe-file.js';

/** The three settings regwiz reads from one section of the official NCP CLI's file. */
export type NcloudSection = {accessKey?: string; secretKey?: string; apiUrl?: string};

/** Lines before any [section] belong to DEFAULT, as the NCP CLI treats a file without sections. */
export const NCLOUD_DEFAULT_SECTION = 'DEFAULT';

/** A problem with ~/.ncloud/configure; the message names the file and, when it is one line's fault, the line. */
export class NcloudConfigError extends Error {
	constructor(
		message: string,
		readonly file?: string,
		readonly line?: number,
		/** `section`: the file has no such section (the message lists the ones it has). */
		readonly reason?: 'section',
	) {
		super(message);
		this.name = 'NcloudConfigError';
	}
}

const KEYS: Record<string, keyof NcloudSection> = {
	ncloud_access_key_id: 'accessKey',
	ncloud_secret_access_key: 'secretKey',
	ncloud_api_url: 'apiUrl',
};

/** Drops a matching pair of quotes around a value: `"abc"` and `'abc'` become `abc`. */
function unquote(value: string): string {
	const match = /^(["'])(.*)\1$/s.exec(value);
	return match ? (match[2] ?? '') : value;
}

/**
 * Parses the NCP CLI's `configure` file: `key = value` lines, optionally under `[DEFAULT]` and
 * `[name]` sections. Blank lines and lines starting with `#` or `;` are ignored, as is a comment
 * after a value when a space precedes it. Unknown keys are ignored. CRLF and a BOM are accepted.
 * Throws NcloudConfigError (with the 1-based line) on a line that is none of these.
 */
export function parseNcloudConfigure(text: string): Map<string, NcloudSection> {
	const sections = new Map<string, NcloudSection>();
	let current = NCLOUD_DEFAULT_SECTION;
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	lines.forEach((raw, index) => {
		const lineNumber = index + 1;
		const line = raw.trim();
		if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
		if (line.startsWith('[')) {
			const header = /^\[([^\]]*)\]\s*(?:[#;].*)?$/.exec(line);
			const name = header?.[1]?.trim();
			if (!name) {
				throw new NcloudConfigError(t('store.ncloud.header', {line: lineNumber}), undefined, lineNumber);
			}
			current = name;
			if (!sections.has(current)) sections.set(current, {});
			return;
		}
		const equals = line.indexOf('=');
		if (equals <= 0) {
			throw new NcloudConfigError(t('store.ncloud.keyValue', {line: lineNumber}), undefined, lineNumber);
		}
		const key = line.slice(0, equals).trim().toLowerCase();
		const value = unquote(line.slice(equals + 1).replace(/\s+[#;].*$/, '').trim());
		const field = KEYS[key];
		const section = sections.get(current) ?? {};
		sections.set(current, section);
		if (field) section[field] = value;
	});
	return sections;
}

/** Where the official NCP CLI keeps its keys: ~/.ncloud/configure (HOME from the given environment). */
export function ncloudConfigurePath(env: NodeJS.ProcessEnv): string {
	return path.join(env.HOME || os.homedir(), '.ncloud', 'configure');
}

export type NcloudCredentials = {
	/** The file read. */
	file: string;
	/** The section the keys came from, as spelled in the file ("DEFAULT" for a file without sections). */
	section: string;
	accessKey: string;
	secretKey: string;
	/** The NCP API gateway the CLI uses; not the NCR endpoint, never copied into a profile. */
	apiUrl?: string;
};

/** Finds a section by its exact name, else by a case-insensitive match when exactly one matches. */
function findSection(sections: Map<string, NcloudSection>, wanted: string): [string, NcloudSection] | undefined {
	const exact = sections.get(wanted);
	if (exact) return [wanted, exact];
	const folded = [...sections].filter(([name]) => name.toLowerCase() === wanted.toLowerCase());
	return folded.length === 1 ? folded[0] : undefined;
}

/** Which section to read: the one asked for, else NCLOUD_PROFILE, else DEFAULT. */
export function ncloudSectionName(env: NodeJS.ProcessEnv, section?: string): string {
	return section || env.NCLOUD_PROFILE || NCLOUD_DEFAULT_SECTION;
}

/**
 * Reads the access key and secret key of one section of ~/.ncloud/configure.
 * Returns undefined when the file does not exist; throws NcloudConfigError (message naming the file,
 * and the line when there is one) when it cannot be read, is malformed, or lacks the section or a key.
 */
export function readNcloudCredentials(env: NodeJS.ProcessEnv, section?: string): NcloudCredentials | undefined {
	const file = ncloudConfigurePath(env);
	let text: string | undefined;
	try {
		// Only a regular file, at most MAX_CONFIG_BYTES: a FIFO or a device there is refused, never
		// waited on. regwiz never writes this file, so a link to one (dotfile managers make them) is read.
		text = readRegularFile(file, {followLinks: true});
	} catch (error) {
		if (error instanceof StoreError) throw new NcloudConfigError(error.message, file);
		throw new NcloudConfigError(t('store.ncloud.unreadable', {file, why: (error as Error).message}), file);
	}
	if (text === undefined) return undefined;
	let sections: Map<string, NcloudSection>;
	try {
		sections = parseNcloudConfigure(text);
	} catch (error) {
		if (error instanceof NcloudConfigError) throw new NcloudConfigError(`${file} ${error.message}`, file, error.line);
		throw error;
	}
	const wanted = ncloudSectionName(env, section);
	const found = findSection(sections, wanted);
	if (!found) {
		const names = [...sections.keys()].map(name => `[${name}]`);
		throw new NcloudConfigError(t('store.ncloud.noSection', {file, wanted, names}), file, undefined, 'section');
	}
	const [name, values] = found;
	const missing = [
		...(values.accessKey ? [] : ['ncloud_access_key_id']),
		...(values.secretKey ? [] : ['ncloud_secret_access_key']),
	];
	if (missing.length > 0) {
		throw new NcloudConfigError(t('store.ncloud.missingKeys', {file, section: name, missing}), file);
	}
	return {
		file,
		section: name,
		accessKey: values.accessKey ?? '',
		secretKey: values.secretKey ?? '',
		...(values.apiUrl ? {apiUrl: values.apiUrl} : {}),
	};
}

/**
 * The NCP zone an `ncloud_api_url` names: `gov` for a host under gov-ntruss.com, `fin` under
 * fin-ntruss.com; undefined for the public zone or anything that is not a URL.
 */
export function ncloudZoneOf(apiUrl: string | undefined): 'gov' | 'fin' | undefined {
	if (!apiUrl || !URL.canParse(apiUrl)) return undefined;
	const host = new URL(apiUrl).hostname.toLowerCase().replace(/\.$/, '');
	if (host === 'gov-ntruss.com' || host.endsWith('.gov-ntruss.com')) return 'gov';
	if (host === 'fin-ntruss.com' || host.endsWith('.fin-ntruss.com')) return 'fin';
	return undefined;
}
