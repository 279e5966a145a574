import {safeText} from '../text-safety.js';
import {displayWidth, padToWidth} from '../text-width.js';

/** Colour for plain output: off when NO_COLOR, --no-color, FORCE_COLOR=0 or not a terminal; FORCE_COLOR turns it on. */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean, noColorFlag = false): boolean {
	if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
	if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
	return isTTY && env.TERM !== 'dumb';
}

export type Paint = {
	green: (text: string) => string;
	red: (text: string) => string;
	yellow: (text: string) => string;
	bold: (text: string) => string;
	dim: (text: string) => string;
};

const wrap = (open: number, close: number) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`;

export function paint(enabled: boolean): Paint {
	if (!enabled) {
		const plain = (text: string) => text;
		return {green: plain, red: plain, yellow: plain, bold: plain, dim: plain};
	}
	return {green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), bold: wrap(1, 22), dim: wrap(2, 22)};
}

// Text from files people can edit must not move the cursor or recolour the terminal: the one rule.
export {safeText};

/** Columns two spaces apart, the header in bold; every cell is made safe to print. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, style: Paint): string {
	const cells = [header, ...rows].map(row => row.map(safeText));
	const widths = header.map((_, column) => Math.max(...cells.map(row => displayWidth(row[column] ?? ''))));
	const line = (row: readonly string[]) =>
		row
			.map((cell, column) => (column === row.length - 1 ? cell : padToWidth(cell, widths[column] ?? 0)))
			.join('  ')
			.trimEnd();
	const [head = [], ...body] = cells;
	return `${[style.bold(line(head)), ...body.map(line)].join('\n')}\n`;
}

/** "Label  value" lines with the values aligned; every value is made safe to print. */
export function formatFields(lines: ReadonlyArray<readonly [string, string]>, style: Paint): string {
	const width = Math.max(...lines.map(([label]) => displayWidth(label))) + 2;
	const line = ([label, value]: readonly [string, string]) =>
		value === '' ? style.bold(label) : `${style.bold(label)}${' '.repeat(width - displayWidth(label))}${safeText(value)}`;
	return `${lines.map(line).join('\n')}\n`;
}
