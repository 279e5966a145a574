import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import {t} from '../i18n/index.js';
import type {CreatePlan, CreateResult} from '../core/types.js';
import {lazySchema} from '../backends/validation.js';
import {withFileLock} from './file-lock.js';
import {appendToFile, lstatOrUndefined, StoreError, writeFileAtomic} from './safe-file.js';
import {configDirectory, ensureConfigDirectory} from './profile-store.js';

export const HISTORY_FILE = 'history.jsonl';
/** The file keeps this many lines, the newest; older ones are dropped when it grows past it. */
export const HISTORY_LIMIT = 1000;

const makeEntrySchema = () =>
	z.object({
		time: z.string(),
		backend: z.string(),
		endpoint: z.string(),
		profile: z.nullable(z.string()),
		name: z.string(),
		status: z.nullable(z.int()),
		outcome: z.enum(['created', 'refused', 'no-answer', 'cancelled']),
		traceId: z.nullable(z.string()),
	});

export type HistoryOutcome = HistoryEntry['outcome'];

/** One create attempt as plain data: never a secret, never a header. */
export type HistoryEntry = z.infer<ReturnType<typeof makeEntrySchema>>;
const entrySchema = lazySchema(makeEntrySchema);

export const historyPath = (env: NodeJS.ProcessEnv): string => path.join(configDirectory(env), HISTORY_FILE);

/** A base URL without anything that could be a credential (user info), query or fragment. */
function cleanEndpoint(endpoint: string): string {
	if (!URL.canParse(endpoint)) return endpoint;
	const url = new URL(endpoint);
	url.username = '';
	url.password = '';
	url.search = '';
	url.hash = '';
	return url.toString().replace(/\/+$/, '');
}

/** What a create attempt leaves in the history; the wizard and the command line both use it. */
export function historyEntryFromResult(plan: CreatePlan, result: CreateResult, endpoint: string, time: Date = new Date()): HistoryEntry {
	let outcome: HistoryOutcome;
	if (result.ok) outcome = 'created';
	else if (result.outcome) outcome = 'refused';
	else if (result.failure?.kind === 'cancelled') outcome = 'cancelled';
	else outcome = 'no-answer';
	return {
		time: time.toISOString(),
		backend: plan.backend.id,
		endpoint: cleanEndpoint(endpoint),
		profile: plan.profileName ?? null,
		name: plan.backend.resourceName(plan.fields),
		status: result.outcome?.status ?? null,
		outcome,
		traceId: result.outcome?.traceId ?? null,
	};
}

/** Past this size the file becomes history.jsonl.1 (replacing the one before) and a new one starts. */
export const HISTORY_MAX_BYTES = 512 * 1024;
/** The previous file, kept so that `regwiz history` still shows HISTORY_LIMIT entries after a rotation. */
export const PREVIOUS_HISTORY_FILE = `${HISTORY_FILE}.1`;
/** A line longer than this is no entry regwiz wrote: reading skips it without holding it. */
const MAX_LINE_BYTES = 64 * 1024;
const CHUNK_BYTES = 64 * 1024;

/**
 * Moves a full history file to history.jsonl.1. A file far past the cap (written by an older regwiz,
 * or by hand) keeps only its last HISTORY_MAX_BYTES there, read from its end, so the two files never
 * hold more than twice the cap.
 */
function rotate(file: string, size: number): void {
	const previous = `${file.slice(0, -HISTORY_FILE.length)}${PREVIOUS_HISTORY_FILE}`;
	if (size <= 2 * HISTORY_MAX_BYTES) {
		fs.renameSync(file, previous);
		return;
	}
	const lines = readNewestLines(file, Number.POSITIVE_INFINITY, HISTORY_MAX_BYTES);
	writeFileAtomic(previous, lines.length > 0 ? `${lines.join('\n')}\n` : '', t('store.save.keptHistory'));
	fs.rmSync(file, {force: true});
}

/**
 * Appends one line to history.jsonl (0600) in the config folder, without reading the file (only its
 * last byte, so that a line cut short by a killed writer does not swallow this one). Past
 * HISTORY_MAX_BYTES the file is rotated first. Never through a link, never into a FIFO or another
 * user's file. Throws on I/O errors (a StoreError): callers warn and carry on.
 */
export function appendHistory(env: NodeJS.ProcessEnv, entry: HistoryEntry): void {
	// Only the known keys are written, whatever else the object carries.
	const line = JSON.stringify(entrySchema.parse(entry));
	const folder = ensureConfigDirectory(env);
	const file = path.join(folder, HISTORY_FILE);
	withFileLock(`${file}.lock`, () => {
		const stat = lstatOrUndefined(file);
		if (stat?.isFile() && stat.size >= HISTORY_MAX_BYTES) rotate(file, stat.size);
		appendToFile(file, (fd, size) => {
			if (size === 0) return `${line}\n`;
			const last = Buffer.alloc(1);
			fs.readSync(fd, last, 0, 1, size - 1);
			return `${last[0] === 0x0a ? '' : '\n'}${line}\n`;
		});
	});
}

/**
 * The newest `count` non-blank lines of a file, oldest first, read backwards in chunks from its end:
 * never more than `maxBytes` of it, never a line longer than MAX_LINE_BYTES held. Only a regular file
 * is read (a FIFO or a device is refused, not waited on).
 */
function readNewestLines(file: string, count: number, maxBytes = Number.POSITIVE_INFINITY): string[] {
	const stat = lstatOrUndefined(file);
	if (!stat) return [];
	if (!stat.isFile()) throw new StoreError(t('store.history.notRegular', {file}), 'refused');
	let fd: number;
	try {
		fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const lines: string[] = [];
	try {
		const opened = fs.fstatSync(fd);
		if (!opened.isFile()) throw new StoreError(t('store.history.notRegularOpened', {file}), 'refused');
		const stop = Math.max(0, opened.size - maxBytes);
		let position = opened.size;
		// Bytes after the last newline seen so far: the end of a line whose start is further back.
		let carry = Buffer.alloc(0);
		let overlong = false;
		const chunk = Buffer.alloc(CHUNK_BYTES);
		while (position > stop && lines.length < count) {
			const length = Math.min(CHUNK_BYTES, position - stop);
			position -= length;
			const read = fs.readSync(fd, chunk, 0, length, position);
			let data = Buffer.concat([chunk.subarray(0, read), carry]);
			let end = data.length;
			for (let index = data.lastIndexOf(0x0a, end - 1); index >= 0 && lines.length < count; index = end > 0 ? data.lastIndexOf(0x0a, end - 1) : -1) {
				if (!overlong) {
					const text = data.subarray(index + 1, end).toString('utf8');
					if (text.trim() !== '') lines.push(text);
				}
				overlong = false;
				end = index;
			}
			data = data.subarray(0, end);
			if (data.length > MAX_LINE_BYTES) {
				overlong = true;
				data = Buffer.alloc(0);
			}
			carry = Buffer.from(data);
		}
		// The file's first line, when the read reached its start (a line cut by maxBytes is dropped).
		if (position === 0 && !overlong && lines.length < count) {
			const text = carry.toString('utf8');
			if (text.trim() !== '') lines.push(text);
		}
	} finally {
		fs.closeSync(fd);
	}
	return lines.reverse();
}

function parseEntry(line: string): HistoryEntry | undefined {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return undefined;
	}
	const parsed = entrySchema.safeParse(value);
	return parsed.success ? parsed.data : undefined;
}

/**
 * The newest `limit` readable entries, oldest first; lines that are not a valid entry are skipped.
 * Reads history.jsonl backwards from its end (and history.jsonl.1 when that is not enough), never the
 * whole of a large file.
 */
export function readHistory(env: NodeJS.ProcessEnv, limit = HISTORY_LIMIT): HistoryEntry[] {
	const folder = configDirectory(env);
	const entries: HistoryEntry[] = [];
	for (const name of [HISTORY_FILE, PREVIOUS_HISTORY_FILE]) {
		if (entries.length >= limit) break;
		// Reading more lines than wanted leaves room for the invalid ones skipped.
		let wanted = limit - entries.length;
		for (;;) {
			const lines = readNewestLines(path.join(folder, name), wanted, 4 * HISTORY_MAX_BYTES);
			const valid = lines.map(parseEntry).filter((entry): entry is HistoryEntry => entry !== undefined);
			if (valid.length >= limit - entries.length || lines.length < wanted) {
				entries.unshift(...valid.slice(-(limit - entries.length)));
				break;
			}
			wanted *= 2;
		}
	}
	return entries;
}
