import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {displayWidth} from '../../source/text-width.js';
import {KEYS, openTerminal, type Terminal} from '../helpers/terminal.js';

// The whole flow in Korean, the real binary in a pseudo-terminal against its sandbox, read as a person reads it.
let configDir: string;
let terminal: Terminal | undefined;

beforeEach(() => {
	configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-ko-'));
});
afterEach(() => {
	terminal?.kill();
	terminal = undefined;
	fs.rmSync(configDir, {recursive: true, force: true});
});

function start(options: {args?: string[]; cols?: number; rows?: number; env?: Record<string, string>} = {}): Terminal {
	terminal = openTerminal({cols: 80, rows: 24, ...options, env: {REGWIZ_CONFIG_DIR: configDir, ...options.env}});
	return terminal;
}

async function step(term: Terminal, keys: string, expected: string | RegExp) {
	if (keys.startsWith('\u001B') || keys.length <= 1) await term.press(keys);
	else await term.type(keys);
	return term.waitFor(expected);
}

/** Every line of a box (│ … │) ends in the same column as its top edge, Hangul counted as two columns. */
function boxesAligned(screen: string): void {
	const lines = screen.split('\n');
	const top = lines.find(line => line.trimStart().startsWith('╭'));
	expect(top, screen).toBeDefined();
	const width = displayWidth(top!.trimEnd());
	for (const line of lines.filter(line => line.trimStart().startsWith('│'))) expect(displayWidth(line.trimEnd()), line).toBe(width);
}

describe('in Korean, in a real terminal', () => {
	for (const [cols, rows] of [
		[80, 24],
		[60, 20],
	] as const) {
		it(`NCR (${cols}×${rows}), chosen by LANG: from the backend to a created registry, boxes aligned`, async () => {
			const term = start({args: ['--sandbox'], cols, rows, env: {LANG: 'ko_KR.UTF-8'}});
			await term.waitFor('레지스트리를 어디에 만들까요?');
			expect(term.screen()).toContain('샌드박스');
			await step(term, KEYS.enter, '어떤 인증 정보를 사용할까요?');
			await step(term, KEYS.enter, '레지스트리 이름');
			// A name refused as it is typed, in Korean.
			const refused = await step(term, 'Team', '✗');
			expect(refused).toMatch(/[\uAC00-\uD7A3]/);
			for (let index = 0; index < 4; index++) await term.press(KEYS.backspace);
			await step(term, 'team-ko', 'team-ko');
			await step(term, KEYS.enter, '스토리지 유형');
			await step(term, KEYS.enter, '새 버킷…');
			const review = await step(term, KEYS.enter, '5단계 중 4단계');
			expect(review).toContain('/repositories/team-ko');
			expect(review).toContain('검토');
			boxesAligned(review);
			const result = await step(term, KEYS.enter, '레지스트리 생성됨');
			// The service's own words, as they came.
			expect(result).toContain('Registry Creation is successful');
			expect(result).toContain('201');
			boxesAligned(result);
			term.write('q');
			expect(await term.exited).toBe(0);
		});
	}

	it('RegistryUI (--lang ko): a title typed through an input method arrives whole, and a refusal is said in Korean', async () => {
		const term = start({args: ['--lang', 'ko', '--sandbox']});
		await term.waitFor('레지스트리를 어디에 만들까요?');
		await term.press(KEYS.down);
		await step(term, KEYS.enter, '어떤 인증 정보를 사용할까요?');
		// The administrator first: a created project.
		await step(term, KEYS.enter, '리포지토리 경로');
		await step(term, 'team-ko/web', 'team-ko/web');
		await step(term, KEYS.enter, '제목');
		// An input method sends several syllables in one write.
		term.write('팀 웹 이미지');
		await term.waitFor('팀 웹 이미지');
		await step(term, KEYS.enter, '공개 여부');
		const review = await step(term, KEYS.enter, '5단계 중 4단계');
		expect(review).toContain('팀 웹 이미지');
		boxesAligned(review);
		const created = await step(term, KEYS.enter, '생성됨');
		boxesAligned(created);
		// Another, as a user who is not an administrator: RegistryUI refuses with 403.
		await step(term, 'n', '리포지토리 경로');
		await step(term, KEYS.escape, '어떤 인증 정보를 사용할까요?');
		await term.press(KEYS.down);
		await step(term, KEYS.enter, 'sandbox-viewer');
		await step(term, 'team-ko/api', 'team-ko/api');
		await step(term, KEYS.enter, '제목');
		await step(term, KEYS.enter, '공개 여부');
		await step(term, KEYS.enter, '5단계 중 4단계');
		const refusal = await step(term, KEYS.enter, '거부됨');
		expect(refusal).toContain('403');
		boxesAligned(refusal);
		term.write('q');
		await term.exited;
	});
});
