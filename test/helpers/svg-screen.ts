import type xterm from '@xterm/headless';

// The 16 standard colours as a dark terminal theme draws them.
const PALETTE = [
	'#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d4d4d4',
	'#5c6370', '#ff7b86', '#b5e890', '#ffd787', '#7cc4ff', '#e09cff', '#7fdbe6', '#ffffff',
];
const FOREGROUND = '#d4d4d4';
const BACKGROUND = '#1e1e1e';

function paletteColor(index: number): string {
	if (index < 16) return PALETTE[index]!;
	if (index >= 232) {
		const level = 8 + (index - 232) * 10;
		return `rgb(${level},${level},${level})`;
	}
	const cube = index - 16;
	const channel = (value: number) => (value === 0 ? 0 : 55 + value * 40);
	return `rgb(${channel(Math.floor(cube / 36))},${channel(Math.floor(cube / 6) % 6)},${channel(cube % 6)})`;
}

function colorOf(cell: xterm.IBufferCell): string {
	if (cell.isFgDefault()) return FOREGROUND;
	if (cell.isFgRGB()) return `#${cell.getFgColor().toString(16).padStart(6, '0')}`;
	return paletteColor(cell.getFgColor());
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The visible screen as an SVG picture: one text run per stretch of same-styled cells. */
export function screenToSvg(term: xterm.Terminal, title: string): string {
	const cellWidth = 8.4;
	const lineHeight = 18;
	const padding = 12;
	const buffer = term.buffer.active;
	const runs: string[] = [];
	let lastRow = 0;
	for (let row = 0; row < term.rows; row++) {
		const line = buffer.getLine(buffer.viewportY + row);
		if (!line) continue;
		if (line.translateToString(true).trim() !== '') lastRow = row;
		let column = 0;
		while (column < term.cols) {
			const cell = line.getCell(column);
			if (!cell || cell.getChars() === '' || cell.getChars() === ' ') {
				column += Math.max(1, cell?.getWidth() ?? 1);
				continue;
			}
			const color = colorOf(cell);
			const bold = cell.isBold() !== 0;
			const dim = cell.isDim() !== 0;
			const start = column;
			let text = '';
			for (;;) {
				const next = line.getCell(column);
				if (!next || column >= term.cols) break;
				const chars = next.getChars() || ' ';
				if (colorOf(next) !== color || (next.isBold() !== 0) !== bold || (next.isDim() !== 0) !== dim) break;
				text += chars;
				column += Math.max(1, next.getWidth());
			}
			const trimmed = text.replace(/\s+$/, '');
			if (trimmed === '') continue;
			const cells = [...trimmed].length;
			const x = padding + start * cellWidth;
			const y = padding + (row + 1) * lineHeight - 5;
			runs.push(
				// textLength pins each run to its cells, so borders line up whatever font the viewer has.
				`<text x="${x.toFixed(1)}" y="${y}" textLength="${(cells * cellWidth).toFixed(1)}" lengthAdjust="spacingAndGlyphs" fill="${color}"${bold ? ' font-weight="bold"' : ''}${dim ? ' opacity="0.6"' : ''} xml:space="preserve">${escapeXml(trimmed)}</text>`,
			);
		}
	}
	const width = Math.ceil(padding * 2 + term.cols * cellWidth);
	const height = Math.ceil(padding * 2 + (lastRow + 1) * lineHeight);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
		`<rect width="100%" height="100%" rx="6" fill="${BACKGROUND}"/>`,
		`<g font-family="ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace" font-size="14">`,
		...runs,
		'</g>',
		'</svg>',
		'',
	].join('\n');
}
