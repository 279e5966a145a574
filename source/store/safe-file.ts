// The only way regwiz touches its own files: no link is ever followed for a file it writes or
// chmods, nothing but a regular file is opened for reading (a FIFO or a device never blocks or floods
// it), what is read is capped, and a save either replaces the whole file or leaves the old one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {t} from '../i18n/index.js';

const {O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_APPEND} = fs.constants;
// Windows has neither flag: there the checks before opening do the work.
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_DIRECTORY = fs.constants.O_DIRECTORY ?? 0;

/** The largest config.json (or ~/.ncloud/configure) regwiz reads: thousands of profiles fit. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * A file regwiz will not use ("refused": exit 2, nothing written; the message names the path and the
 * fix) or a disk that failed a save ("disk": the old file is kept; the message names the error).
 */
export class StoreError extends Error {
	constructor(
		message: string,
		readonly kind: 'refused' | 'disk',
		readonly code?: string,
	) {
		super(message);
		this.name = 'StoreError';
	}
}

const DISK_ERRORS: Record<string, () => string> = {
	ENOSPC: () => t('store.disk.noSpace'),
	EDQUOT: () => t('store.disk.quota'),
	EROFS: () => t('store.disk.readOnly'),
	EIO: () => t('store.disk.io'),
	EACCES: () => t('store.disk.access'),
	EPERM: () => t('store.disk.notPermitted'),
	EFBIG: () => t('store.disk.tooLarge'),
	ENOENT: () => t('store.disk.folderGone'),
	EMFILE: () => t('store.disk.tooManyFiles'),
	ENFILE: () => t('store.disk.tooManyFiles'),
	SHORT: () => t('store.disk.short'),
};

/** "no space left on the disk (ENOSPC)": what went wrong, in words and as the system's code. */
export function describeDiskError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException)?.code;
	if (!code) return (error as Error)?.message ?? String(error);
	const words = Object.hasOwn(DISK_ERRORS, code) ? DISK_ERRORS[code]!() : (error as Error).message;
	return `${words} (${code === 'SHORT' ? t('store.disk.shortCode') : code})`;
}

const kindOf = (stat: fs.Stats): string =>
	stat.isSymbolicLink()
		? t('store.kind.link')
		: stat.isDirectory()
			? t('store.kind.folder')
			: stat.isFIFO()
				? t('store.kind.fifo')
				: stat.isCharacterDevice() || stat.isBlockDevice()
					? t('store.kind.device')
					: stat.isSocket()
						? t('store.kind.socket')
						: t('store.kind.other');

const currentUid = (): number | undefined => (typeof process.getuid === 'function' ? process.getuid() : undefined);

function ownerName(uid: number): string {
	try {
		return os.userInfo().username || String(uid);
	} catch {
		return String(uid);
	}
}

/**
 * Why regwiz must not trust this file or folder, as OpenSSH refuses a key file: it belongs to another
 * user, or another user can write it. Undefined when it is fine (and on Windows, which has no modes).
 */
export function trustProblem(where: string, stat: fs.Stats, folder: boolean): string | undefined {
	const uid = currentUid();
	if (uid === undefined) return undefined;
	if (stat.uid !== uid) return t('store.trust.owner', {where, uid: stat.uid, folder, user: ownerName(uid)});
	if ((stat.mode & 0o022) !== 0) {
		const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
		return t('store.trust.writable', {where, mode, folder});
	}
	return undefined;
}

/** lstat that answers undefined for a path that does not exist. */
export function lstatOrUndefined(file: string): fs.Stats | undefined {
	try {
		return fs.lstatSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		throw error;
	}
}

export type ReadOptions = {
	/** Refuse a file bigger than this, saying so (the default: MAX_CONFIG_BYTES). */
	maxBytes?: number;
	/** Read through a symbolic link (only for files regwiz never writes, like ~/.ncloud/configure). */
	followLinks?: boolean;
	/** Check owner and mode as for a file holding keys. */
	trusted?: boolean;
	/** Called with the open descriptor before reading (e.g. to tighten its mode without following a link). */
	withDescriptor?: (fd: number, stat: fs.Stats) => void;
};

/**
 * Reads a regular file whole, or answers undefined when it does not exist. Anything else (a FIFO, a
 * device, a folder, a link unless followLinks, a file over maxBytes) is refused with a StoreError that
 * names the path: it is checked before opening, opened without blocking and without following a link,
 * and checked again on the open descriptor, so nothing swapped in between is read.
 */
export function readRegularFile(file: string, options: ReadOptions = {}): string | undefined {
	const maxBytes = options.maxBytes ?? MAX_CONFIG_BYTES;
	let before: fs.Stats | undefined;
	try {
		before = options.followLinks ? fs.statSync(file) : fs.lstatSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		throw error;
	}
	const refuse = (stat: fs.Stats): never => {
		throw new StoreError(t('store.read.notRegular', {file, kind: kindOf(stat), link: stat.isSymbolicLink()}), 'refused');
	};
	if (!before.isFile()) refuse(before);
	const tooBig = (size: number) => new StoreError(t('store.read.tooBig', {file, size, maxBytes}), 'refused');
	if (before.size > maxBytes) throw tooBig(before.size);
	let fd: number;
	try {
		fd = fs.openSync(file, O_RDONLY | O_NONBLOCK | (options.followLinks ? 0 : O_NOFOLLOW));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return undefined;
		// O_NOFOLLOW on a link that appeared since the check.
		if (code === 'ELOOP' || code === 'EMLINK') refuse(fs.lstatSync(file));
		throw error;
	}
	try {
		const stat = fs.fstatSync(fd);
		if (!stat.isFile()) refuse(stat);
		if (options.trusted) {
			const problem = trustProblem(file, stat, false);
			if (problem) throw new StoreError(problem, 'refused');
		}
		options.withDescriptor?.(fd, stat);
		// Read at most one byte past the cap: a file that grows while read is still refused.
		const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
		let length = 0;
		for (;;) {
			if (length === buffer.length) throw tooBig(length);
			const count = fs.readSync(fd, buffer, length, buffer.length - length, null);
			if (count === 0) break;
			length += count;
		}
		return buffer.subarray(0, length).toString('utf8');
	} finally {
		fs.closeSync(fd);
	}
}

/** Writes all of `data` at the descriptor's position; a write that makes no progress is an error. */
export function writeAll(fd: number, data: Buffer): void {
	let offset = 0;
	while (offset < data.length) {
		const count = fs.writeSync(fd, data, offset, data.length - offset);
		if (count <= 0) throw Object.assign(new Error(t('store.disk.shortWrite', {written: offset, total: data.length})), {code: 'SHORT'});
		offset += count;
	}
}

/** The temporary name a save uses: `<file>.tmp-<pid>-<random>`, so a later run knows whose it was. */
export function temporaryName(file: string): string {
	return `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
}

/** Makes the rename durable; some file systems cannot fsync a folder, which costs nothing here. */
function syncFolder(folder: string): void {
	let fd: number | undefined;
	try {
		fd = fs.openSync(folder, O_RDONLY | O_DIRECTORY);
		fs.fsyncSync(fd);
	} catch {
		// best effort: the file itself was synced before the rename
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

/**
 * Replaces `file` with `text` as git replaces a ref: the whole text goes to a new temporary file
 * (created exclusively, never through a link, mode 0600), every byte is checked written and synced,
 * and only then is it renamed over the old file (a link there is replaced, not followed). On any
 * failure the temporary file is removed, the old file is untouched, and a StoreError ("disk") names
 * the error.
 */
export function writeFileAtomic(file: string, text: string, describe = path.basename(file)): void {
	const temporary = temporaryName(file);
	let fd: number | undefined;
	try {
		fd = fs.openSync(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
		fs.fchmodSync(fd, 0o600);
		writeAll(fd, Buffer.from(text, 'utf8'));
		fs.fsyncSync(fd);
		fs.closeSync(fd);
		fd = undefined;
		fs.renameSync(temporary, file);
	} catch (error) {
		if (fd !== undefined) {
			try {
				fs.closeSync(fd);
			} catch {
				// already failing: the removal below matters more
			}
		}
		fs.rmSync(temporary, {force: true});
		throw new StoreError(t('store.save.failed', {file, why: describeDiskError(error), kept: describe}), 'disk', (error as NodeJS.ErrnoException).code);
	}
	syncFolder(path.dirname(file));
}

/**
 * Appends `text` to `file` (created 0600), never through a link and only to a regular file of the
 * user's own. `text(fd, size)` gives what to append, seeing the open file (read-write) first. A failed append is cut back off, so no
 * partial line is left behind.
 */
export function appendToFile(file: string, text: (fd: number, size: number) => string): void {
	let fd: number;
	try {
		fd = fs.openSync(file, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK, 0o600);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ELOOP' || code === 'EMLINK' || code === 'ENXIO') {
			throw new StoreError(t('store.append.link', {file, kind: kindOf(fs.lstatSync(file))}), 'refused');
		}
		throw new StoreError(t('store.write.failed', {file, why: describeDiskError(error)}), 'disk', code);
	}
	try {
		const stat = fs.fstatSync(fd);
		if (!stat.isFile()) throw new StoreError(t('store.append.notRegular', {file, kind: kindOf(stat)}), 'refused');
		const problem = trustProblem(file, stat, false);
		if (problem) throw new StoreError(problem, 'refused');
		if ((stat.mode & 0o077) !== 0) fs.fchmodSync(fd, 0o600);
		const data = Buffer.from(text(fd, stat.size), 'utf8');
		try {
			writeAll(fd, data);
		} catch (error) {
			try {
				fs.ftruncateSync(fd, stat.size);
			} catch {
				// the reader skips a cut-off line anyway
			}
			throw new StoreError(t('store.write.failed', {file, why: describeDiskError(error)}), 'disk', (error as NodeJS.ErrnoException).code);
		}
	} finally {
		fs.closeSync(fd);
	}
}

/**
 * Creates (owner-only) or checks the folder regwiz writes in: never a link, never a folder another
 * user owns or can write. `tighten` takes group and other access away from a folder that has it.
 */
export function ensureTrustedFolder(folder: string, tighten: boolean): void {
	fs.mkdirSync(folder, {recursive: true, mode: 0o700});
	const stat = fs.lstatSync(folder);
	if (stat.isSymbolicLink()) {
		let target: string | undefined;
		try {
			target = fs.realpathSync(folder);
		} catch {
			// a dangling link: no target to name
		}
		throw new StoreError(t('store.folder.link', {folder, target}), 'refused');
	}
	if (!stat.isDirectory()) throw new StoreError(t('store.folder.notFolder', {folder, kind: kindOf(stat)}), 'refused');
	const problem = trustProblem(folder, stat, true);
	if (problem) throw new StoreError(problem, 'refused');
	if (tighten && (stat.mode & 0o077) !== 0) {
		const fd = fs.openSync(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
		try {
			fs.fchmodSync(fd, 0o700);
		} finally {
			fs.closeSync(fd);
		}
	}
}

/** Whether a process with this id runs now (a process of another user counts as running). */
export function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code !== 'ESRCH';
	}
}
