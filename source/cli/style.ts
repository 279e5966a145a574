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
