import fs from 'node:fs';
import {t} from '../i18n/index.js';
import {describeDiskError, processAlive, readRegularFile, StoreError, writeAll} from './safe-file.js';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (milliseconds: number) => Atomics.wait(sleeper, 0, 0, milliseconds);

/** A lock created but never given its pid is a writer killed (or a disk filled) between the two steps. */
const EMPTY_LOCK_GRACE_MS = 1000;

/**
 * Whether a lock file means nothing any more: its holder is gone, it never got a pid, or it is
 * older than staleMs. A lock that is not a regular file (a link, a FIFO) is never read, only removed.
 */
export function isStaleLock(lockPath: string, staleMs = 10_000): boolean {
	try {
		const stat = fs.lstatSync(lockPath);
		if (!stat.isFile()) return true;
		const age = Date.now() - stat.mtimeMs;
		const pid = Number(readRegularFile(lockPath, {maxBytes: 64}) ?? '');
		if (!Number.isInteger(pid) || pid <= 0) return age > EMPTY_LOCK_GRACE_MS;
		if (!processAlive(pid)) return true;
		return age > staleMs;
	} catch {
		return false;
	}
}

function takeLock(lockPath: string): void {
	// O_EXCL never follows a link: an existing link (even a dangling one) is EEXIST.
	const fd = fs.openSync(lockPath, 'wx', 0o600);
	try {
		writeAll(fd, Buffer.from(String(process.pid)));
	} catch (error) {
		fs.closeSync(fd);
		fs.rmSync(lockPath, {force: true});
		throw new StoreError(t('store.lock.failed', {lock: lockPath, why: describeDiskError(error)}), 'disk', (error as NodeJS.ErrnoException).code);
	}
	fs.closeSync(fd);
}

/**
 * Runs `work` while holding an exclusive lock file beside the config, so that two regwiz processes
 * never read-modify-write the same file at once.
 */
export function withFileLock<T>(lockPath: string, work: () => T, {timeoutMs = 5000, staleMs = 10_000} = {}): T {
	const deadline = Date.now() + timeoutMs;
	for (let attempt = 0; ; attempt++) {
		try {
			takeLock(lockPath);
			break;
		} catch (error) {
			if (error instanceof StoreError) throw error;
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'EEXIST') {
				throw new StoreError(t('store.lock.failed', {lock: lockPath, why: describeDiskError(error)}), 'disk', code);
			}
			if (isStaleLock(lockPath, staleMs)) {
				fs.rmSync(lockPath, {force: true});
				continue;
			}
			if (Date.now() > deadline) {
				throw new Error(t('store.lock.busy', {lock: lockPath}));
			}
			sleep(Math.min(50, 5 + attempt * 5));
		}
	}
	try {
		return work();
	} finally {
		fs.rmSync(lockPath, {force: true});
	}
}
