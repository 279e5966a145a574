import {createElement} from 'react';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {BACKENDS} from '../../source/backends/index.js';
import {setLanguage} from '../../source/i18n/index.js';
import {createMemoryStore} from '../../source/store/profile-store.js';
import {displayWidth} from '../../source/text-width.js';
import {WizardApp} from '../../source/ui/app.js';
import {disallowedCharacters} from '../../source/ui/field-faults.js';
import {hint} from '../../source/ui/keymap.js';
import {initialState} from '../../source/ui/state.js';
import {ProfileNameStep} from '../../source/ui/steps/profile-name-step.js';
import {drive, KEYS} from '../helpers/ink-driver.js';
import {openTerminal, type Terminal} from '../helpers/terminal.js';
import {engineServices} from '../helpers/wizard-services.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The wizard in Korean: its titles, questions and footers, and boxes that stay closed with letters two
// columns wide.

/** Every row of the box on the screen (its top may have scrolled away) ends at one column, with its border. */
function expectBoxClosed(screen: string) {
	const rows = screen.split('\n').map(row => row.trimEnd()).filter(row => /^\s*[╭│╰]/.test(row));
	expect(rows.length).toBeGreaterThan(2);
	const right = displayWidth(rows.at(-1)!);
	expect(rows.at(-1)!.endsWith('╯')).toBe(true);
	for (const row of rows) {
		expect(displayWidth(row), `a row of the box: ${JSON.stringify(row)}`).toBe(right);
		expect(/[╮│╯]$/.test(row), row).toBe(true);
	}
}

describe('the Ink wizard in Korean', () => {
	let unmount: (() => void) | undefined;
	beforeAll(() => setLanguage('ko'));
	afterEach(() => {
		unmount?.();
		unmount = undefined;
	});
	afterAll(() => setLanguage('en'));

	it('titles, the step counter, the first question and its footer are Korean', async () => {
		const ui = await drive(createElement(WizardApp, {...engineServices(), initial: initialState({yes: false}), onExit: vi.fn()}));
		unmount = ui.instance.unmount;
		const screen = await ui.waitFor('레지스트리를 어디에 만들까요?');
		expect(screen).toContain('regwiz · 컨테이너 레지스트리 만들기');
		expect(screen).toContain('5단계 중 1단계');
		expect(screen).toContain('↑↓ 이동 · Enter 선택 · Ctrl-C 종료');
		// A first run: step 2's only choice is taken, the first connection question comes with its footer.
		await ui.press(KEYS.enter);
		const next = await ui.waitFor('5단계 중 2단계');
		expect(next).toContain('Esc 뒤로 · Ctrl-C 종료');
	});

	it('the footer hints and the fault of a name are said in Korean', () => {
		expect(hint('text', 'submit')).toBe('Enter 다음');
		expect(hint('result', 'another')).toBe('n 하나 더 만들기');
		const registry = BACKENDS.find(backend => backend.id === 'ncr')!.fields[0]!;
		expect(disallowedCharacters(registry, 'Team_A')).toBe('사용할 수 없는 문자: 대문자 T, A, 밑줄');
	});

	it('Korean typed through an input method (several syllables in one write) reaches the profile name whole', async () => {
		const ui = await drive(
			createElement(ProfileNameStep, {store: createMemoryStore(), backend: BACKENDS[0]!, credentials: {}, connection: {}, onSaved: vi.fn(), onFailed: vi.fn()}),
		);
		unmount = ui.instance.unmount;
		await ui.waitFor('프로필 이름');
		// The field offers "default": clear it, then the syllables arrive as one chunk, as an IME commits them.
		await ui.press('\u0015');
		const screen = await ui.press('프로젝트');
		expect(screen).toContain('프로필 이름 ❯ 프로젝트');
		// The whole word is the value: the store's rule quotes it back as typed.
		expect(screen).toContain('"프로젝트"');
	});
});

describe('the built wizard in Korean, in a terminal (--lang ko --sandbox)', () => {
	let terminal: Terminal | undefined;
	let home: string | undefined;
	afterEach(() => {
		terminal?.kill();
		terminal = undefined;
		if (home) fs.rmSync(home, {recursive: true, force: true});
		home = undefined;
	});

	const open = (cols: number, rows: number) => {
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-ko-ui-'));
		terminal = openTerminal({args: ['--lang', 'ko', '--sandbox'], cols, rows, env: {HOME: home, REGWIZ_CONFIG_DIR: path.join(home, 'cfg')}});
		return terminal;
	};

	for (const [cols, rows] of [
		[80, 24],
		[60, 20],
	] as const) {
		it(`${cols}×${rows}: a RegistryUI repository with a Korean title, reviewed in a closed box and created`, async () => {
			const term = open(cols, rows);
			const first = await term.waitFor('레지스트리를 어디에 만들까요?');
			expect(first).toContain('5단계 중 1단계');
			expect(first).toContain('Enter 선택');
			await term.press(KEYS.down);
			await term.press(KEYS.enter);
			await term.waitFor('어떤 인증 정보를 사용할까요?');
			await term.press(KEYS.enter); // the demo profile
			await term.waitFor('5단계 중 3단계');
			await term.type('team-ko');
			await term.press(KEYS.enter);
			await term.waitFor('(Enter를 누르면 건너뜀)');
			// An input method commits a word at once: one write of several syllables.
			term.write('프로젝트 설명');
			await term.waitFor('❯ 프로젝트 설명');
			await term.press(KEYS.enter);
			await term.waitFor('서버 기본값');
			await term.press(KEYS.enter); // visibility
			const review = await term.waitFor('Enter 보내기');
			expect(review).toContain('5단계 중 4단계');
			expect(review).toContain('regwiz · 검토 ·');
			expect(review).toContain('프로필 sandbox-registryui');
			expect(review).toContain('Enter 보내기');
			expect(review).toMatch(/프로젝트 ?설명|%ED%94%84/);
			expectBoxClosed(review);
			for (const line of review.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(cols);
			await term.press(KEYS.enter);
			const result = await term.waitFor('q 종료');
			expect(result).toContain('n 하나 더 만들기');
			expectBoxClosed(result);
			for (const line of result.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(cols);
		});
	}
});

describe('the plain wizard in Korean (--lang ko --sandbox --accessible)', () => {
	let terminal: Terminal | undefined;
	let home: string | undefined;
	afterEach(() => {
		terminal?.kill();
		terminal = undefined;
		if (home) fs.rmSync(home, {recursive: true, force: true});
		home = undefined;
	});

	it('asks, names a fault, takes a Korean title typed in one write, reviews and creates, all said in Korean', async () => {
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-ko-plain-'));
		const term = openTerminal({args: ['--lang', 'ko', '--sandbox', '--accessible'], cols: 100, rows: 60, env: {HOME: home, REGWIZ_CONFIG_DIR: path.join(home, 'cfg')}});
		terminal = term;
		let screen = await term.waitFor('1부터 3까지의 번호를 입력하세요: ');
		expect(screen).toContain('regwiz 일반 텍스트 모드');
		expect(screen).toContain('5단계 중 1단계. 레지스트리를 어디에 만들까요?');
		term.write('2\r');
		screen = await term.waitFor('프로필 sandbox-registryui');
		expect(screen).toContain('어떤 인증 정보를 사용할까요?');
		term.write('1\r');
		await term.waitFor('5단계 중 3단계');
		term.write('Team_K\r');
		screen = await term.waitFor('제안: team_k.');
		expect(screen).toContain('사용할 수 없는 문자: 대문자 T, K');
		term.write('team-ko\r');
		await term.waitFor('건너뛰려면 Enter를 누르세요.');
		term.write('프로젝트 설명\r');
		screen = await term.waitFor('공개 여부: 하나를 선택하세요.');
		term.write('1\r');
		screen = await term.waitFor('보내려면 Enter를 누르고, 항목을 바꾸려면 back을 입력하세요: ');
		expect(screen).toContain('5단계 중 4단계. 검토.');
		expect(screen).toContain('title = 프로젝트 설명');
		expect(screen).toContain('보낼 요청: POST http://127.0.0.1:');
		term.write('\r');
		screen = await term.waitFor('다음에 무엇을 할까요?');
		expect(screen).toContain('결과: 완료.');
		const quit = /(\d+)\. 종료/.exec(screen)![1]!;
		await term.waitFor(/번호를 입력하세요: $/m);
		term.write(`${quit}\r`);
		expect(await term.exited).toBe(0);
	});
});
