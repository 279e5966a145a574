import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import type {CreatePlan, CreateResult} from '../engine.js';
import {lazySchema} from '../backends/validation.js';
import {withFileLock} from './file-lock.js';
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

function readText(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
		throw error;
	}
}

const splitLines = (text: string): string[] => text.split('\n').filter(line => line.trim() !== '');

/**
 * Appends one line to history.jsonl (0600) in the config folder. When the file would pass
 * HISTORY_LIMIT lines, the newest lines are written to a temporary file that replaces it.
 * Throws on I/O errors: callers warn and carry on.
 */
export function appendHistory(env: NodeJS.ProcessEnv, entry: HistoryEntry, limit = HISTORY_LIMIT): void {
	// Only the known keys are written, whatever else the object carries.
	const line = JSON.stringify(entrySchema.parse(entry));
	const folder = ensureConfigDirectory(env);
	const file = path.join(folder, HISTORY_FILE);
	withFileLock(`${file}.lock`, () => {
		const text = readText(file);
		const lines = splitLines(text);
		if (lines.length + 1 > limit) {
			const kept = [...lines, line].slice(-limit);
			const temporary = `${file}.${process.pid}.tmp`;
			try {
				fs.writeFileSync(temporary, `${kept.join('\n')}\n`, {mode: 0o600});
				fs.renameSync(temporary, file);
			} catch (error) {
				fs.rmSync(temporary, {force: true});
				throw error;
			}
			return;
		}
		// A line cut short by a killed writer must not swallow this one.
		const separator = text !== '' && !text.endsWith('\n') ? '\n' : '';
		fs.appendFileSync(file, `${separator}${line}\n`, {mode: 0o600});
		if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
	});
}

/** Every readable entry, oldest first; lines that are not a valid entry are skipped. */
export function readHistory(env: NodeJS.ProcessEnv): HistoryEntry[] {
	const entries: HistoryEntry[] = [];
	for (const line of splitLines(readText(historyPath(env)))) {
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			continue;
		}
		const parsed = entrySchema.safeParse(value);
		if (parsed.success) entries.push(parsed.data);
	}
	return entries;
}
