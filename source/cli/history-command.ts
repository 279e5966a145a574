import {parseArgs} from 'node:util';
import {EXIT} from '../core/exit-codes.js';
import {HISTORY_LIMIT, historyPath, readHistory, type HistoryEntry} from '../store/history.js';
import {StoreError} from '../store/safe-file.js';
import {parseArgsProblem} from './create-args.js';
import {helpFor} from './help.js';
import type {Io} from '../io.js';
import {colorEnabled, formatTable, paint} from './style.js';
import {quoteValue, UsageError} from './usage-error.js';
import {safeJson, safeText} from '../text-safety.js';
import {t} from '../i18n/index.js';

export const DEFAULT_HISTORY_SHOWN = 20;

function parseLimit(value: string | undefined): number {
	if (value === undefined) return DEFAULT_HISTORY_SHOWN;
	const limit = Number(value);
	if (!/^\d+$/.test(value.trim()) || limit < 1 || limit > HISTORY_LIMIT) {
		throw new UsageError(t('cli.history.badLimit', {value: quoteValue(value), max: HISTORY_LIMIT}));
	}
	return limit;
}

/** "2026-11-23 11:49:05Z": to the second, in UTC, the same on every machine. */
function shortTime(iso: string): string {
	const time = Date.parse(iso);
	return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

function resultCell(entry: HistoryEntry): string {
	const status = entry.status === null ? '' : ` ${entry.status}`;
	switch (entry.outcome) {
		case 'created':
			return t('cli.history.created', {status});
		case 'refused':
			return t('cli.history.refused', {status});
		case 'no-answer':
			return t('cli.history.noAnswer');
		case 'cancelled':
			// Cancelled once sent: the service may have acted before the answer was read.
			return t('cli.history.cancelled');
	}
}

/** `regwiz history [--limit N] [--json]`: the newest attempts, oldest first so the newest is last. */
export async function historyCommand(io: Io, argv: string[]): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			options: {limit: {type: 'string'}, json: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}, 'no-color': {type: 'boolean'}},
			strict: true,
			allowPositionals: false,
		});
	} catch (error) {
		throw parseArgsProblem(error, 'regwiz history');
	}
	const {values} = parsed;
	if (values.help) {
		io.stdout.write(`${helpFor(['history'])}\n`);
		return EXIT.created;
	}
	const limit = parseLimit(values.limit);
	let entries: HistoryEntry[];
	try {
		entries = readHistory(io.env, limit);
	} catch (error) {
		if (error instanceof StoreError && error.kind === 'refused') throw new UsageError(error.message);
		throw error;
	}
	if (values.json) {
		io.stdout.write(`${safeJson(entries)}\n`);
		return EXIT.created;
	}
	if (entries.length === 0) {
		io.stdout.write(`${t('cli.history.empty', {path: safeText(historyPath(io.env))})}\n`);
		return EXIT.created;
	}
	const style = paint(colorEnabled(io.env, io.stdout.isTTY === true, values['no-color'] === true));
	const rows = entries.map(entry => [
		shortTime(entry.time),
		entry.backend,
		entry.name,
		resultCell(entry),
		entry.profile ?? '-',
		entry.endpoint,
		entry.traceId ?? '-',
	]);
	const header = [
		t('cli.history.columnTime'),
		t('cli.history.columnBackend'),
		t('cli.history.columnName'),
		t('cli.history.columnResult'),
		t('cli.history.columnProfile'),
		t('cli.history.columnEndpoint'),
		t('cli.history.columnTrace'),
	];
	io.stdout.write(formatTable(header, rows, style));
	return EXIT.created;
}
