import fs from 'node:fs';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (milliseconds: number) => Atomics.wait(sleeper, 0, 0, milliseconds);

function isStale(lockPath: string, staleMs: number): boolean {
	try {
		const pid = Number(fs.readFileSync(lockPath, 'utf8'));
		const age = Date.now() - fs.statSync(lockPath).mtimeMs;
		if (!Number.isInteger(pid) || pid <= 0) {
			// Created but never given its pid: the writer was killed between the two steps.
			return age > 1000;
		}
		try {
			process.kill(pid, 0);
		} catch (error) {
			// The holder is gone (killed mid-write): its lock means nothing.
			if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
		}
		return age > staleMs;
	} catch {
		return false;
	}
}

/**
 * Runs `work` while holding an exclusive lock file beside the config, so that two regwiz processes
 * never read-modify-write the same file at once.
 */
export function withFileLock<T>(lockPath: string, work: () => T, {timeoutMs = 5000, staleMs = 10_000} = {}): T {
	const deadline = Date.now() + timeoutMs;
	for (let attempt = 0; ; attempt++) {
		try {
			const fd = fs.openSync(lockPath, 'wx', 0o600);
			fs.writeSync(fd, String(process.pid));
			fs.closeSync(fd);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			if (isStale(lockPath, staleMs)) {
				fs.rmSync(lockPath, {force: true});
				continue;
			}
			if (Date.now() > deadline) {
				throw new Error(`Another regwiz is saving its configuration (lock file ${lockPath}); try again, or delete that file if no regwiz is running.`);
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
