// The command line and the sandbox in Korean: help, usage errors, plain output and the sandbox's banner,
// with every column measured in terminal columns (Hangul takes two).
import {PassThrough} from 'node:stream';
import {afterEach, describe, expect, it} from 'vitest';
import {setLanguage} from '../../source/i18n/index.js';
import {formatFields, formatTable, paint} from '../../source/cli/style.js';
import {runSandboxCommand} from '../../source/sandbox/command.js';
import {displayWidth} from '../../source/text-width.js';
import {runCli} from '../helpers/run-cli.js';

const HANGUL = /[\uAC00-\uD7A3]/;
const plain = paint(false);

afterEach(() => setLanguage('en'));

/** The lines of `text` from the one after `heading` up to the first empty line. */
function section(text: string, heading: string): string[] {
	const lines = text.split('\n');
	const start = lines.indexOf(heading);
	expect(start, `no "${heading}" in:\n${text}`).toBeGreaterThanOrEqual(0);
	const end = lines.indexOf('', start);
	return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The column (in terminal columns) at which each row's description starts; continuation lines included. */
function descriptionColumns(lines: readonly string[]): number[] {
	return lines.flatMap(line => {
		const match = /^( {2}\S.*?\S? {2,}|\s+)(\S.*)$/.exec(line);
		return match ? [displayWidth(match[1]!)] : [];
	});
}

describe('regwiz --lang ko --help', () => {
	it('speaks Korean, names --lang, and lines its descriptions up at the English column', async () => {
		const [ko, en] = await Promise.all([runCli(['--lang', 'ko', '--help']), runCli(['--help'])]);
		expect(ko.code).toBe(0);
		expect(ko.stderr).toBe('');
		expect(ko.stdout).toContain('regwiz: 터미널에서 컨테이너 레지스트리 만들기');
		expect(ko.stdout).toContain('  regwiz --lang ko              한국어로 표시');
		expect(ko.stdout).toContain('종료 코드: 0 생성됨');
		// Commands and flags stay as they are.
		expect(ko.stdout).toContain('  regwiz profile list|show|remove|rename|import-ncloud');
		const rows = section(ko.stdout, '사용법:').filter(line => !/^ {2}regwiz (profile|--version)/.test(line));
		const columns = descriptionColumns(rows);
		expect(columns.length).toBeGreaterThan(10);
		expect(new Set(columns)).toEqual(new Set(descriptionColumns(section(en.stdout, 'Usage:').filter(line => !/^ {2}regwiz (profile|--version)/.test(line)))));
		expect(new Set(columns).size).toBe(1);
		for (const line of rows) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
		// The exit codes' second and third lines start under the first one's first code.
		const exit = ko.stdout.split('\n').filter(line => line.startsWith('종료 코드:') || /^ +(3|129) /.test(line));
		expect(exit.slice(1).map(line => line.indexOf(line.trim()))).toEqual([displayWidth('종료 코드: '), displayWidth('종료 코드: ')]);
	});

	it('create ncr --help: the common flags, --lang among them, aligned by display width and wrapped at 100 columns', async () => {
		const result = await runCli(['--lang', 'ko', 'create', 'ncr', '--help']);
		expect(result.code).toBe(0);
		const flags = section(result.stdout, '공통 플래그:');
		expect(flags).toContain('  --json                  stdout에 JSON 객체 하나만 출력');
		const lang = flags.findIndex(line => line.startsWith('  --lang en|ko '));
		expect(flags[lang]).toMatch(HANGUL);
		expect(`${flags[lang]} ${flags[lang + 1]!.trim()}`).toMatch(/REGWIZ_LANG.*LC_ALL, LC_MESSAGES, LANG/);
		expect(new Set(descriptionColumns(flags))).toEqual(new Set([26]));
		for (const line of flags) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
		expect(result.stdout).toContain('[공통 플래그]');
		expect(result.stdout).toContain('터미널에서는 빠진 값을 물어봅니다.');
	});

	it('--lang en gives the English help, the --lang line included', async () => {
		const [en, plainEn] = await Promise.all([runCli(['--lang', 'en', 'create', 'ncr', '--help']), runCli(['create', 'ncr', '--help'])]);
		expect(en).toEqual(plainEn);
		expect(en.stdout).not.toMatch(HANGUL);
		expect(en.stdout).toContain(
			'  --lang en|ko            the language regwiz speaks: en (English) or ko (Korean); otherwise\n                          REGWIZ_LANG, then LC_ALL, LC_MESSAGES or LANG (ko_KR… chooses Korean)\n',
		);
	});
});

describe('the locale chooses the language', () => {
	it('LANG=ko_KR.UTF-8 speaks Korean; LC_ALL=C over it, English; --lang en over both', async () => {
		const [lang, lcAll, flag, variable] = await Promise.all([
			runCli(['help', 'sandbox'], {env: {LANG: 'ko_KR.UTF-8'}}),
			runCli(['help', 'sandbox'], {env: {LANG: 'ko_KR.UTF-8', LC_ALL: 'C'}}),
			runCli(['--lang', 'en', 'help', 'sandbox'], {env: {LANG: 'ko_KR.UTF-8'}}),
			runCli(['help', 'sandbox'], {env: {REGWIZ_LANG: 'ko'}}),
		]);
		expect(lang.stdout).toContain('regwiz sandbox: 모든 백엔드의 로컬 에뮬레이터를 포그라운드로 실행\n\n사용법:\n');
		expect(variable.stdout).toBe(lang.stdout);
		expect(lcAll.stdout).toContain('regwiz sandbox: run the local emulator of every backend in the foreground\n\nUsage:\n');
		expect(flag.stdout).toBe(lcAll.stdout);
	});
});

describe('usage errors in Korean', () => {
	it('a flag without its value, an unknown command, an unknown backend: exit 2, in Korean, flags and commands as they are', async () => {
		const env = {LANG: 'ko_KR.UTF-8'};
		const [value, command, backend, missing] = await Promise.all([
			runCli(['create', 'ncr', '--registry'], {env}),
			runCli(['crate'], {env}),
			runCli(['create', 'nope'], {env}),
			runCli(['create', 'registryui', '--repository', 'team-a'], {env}),
		]);
		expect(value).toMatchObject({code: 2, stdout: ''});
		expect(value.stderr).toBe('regwiz: --registry 플래그에는 값이 필요합니다 (예: --registry team-a). 자세한 내용: regwiz create ncr --help\n');
		expect(command.stderr).toBe(
			'regwiz: 알 수 없는 명령: "crate" (create 명령을 말씀하신 건가요?). 명령: create, buckets, sandbox, profile, history, help (regwiz --help 참고)\n',
		);
		expect(backend.stderr).toBe('regwiz: 알 수 없는 백엔드: "nope". 다음 중에서 선택하세요: ncr, registryui, harbor (예: regwiz create ncr --help)\n');
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/^regwiz: 빠진 플래그: --url; 인증 정보 없음: .*\. 터미널에서 실행하면 빠진 값을 물어봅니다\. 자세한 내용: regwiz create registryui --help\n$/);
	});

	it('--json still gets its one object, its keys as in English and the message in Korean', async () => {
		const result = await runCli(['--lang', 'ko', 'create', 'ncr', '--registry', 'team-a', '--json'], {env: {NCLOUD_ACCESS_KEY_ID: 'x'}});
		expect(result.code).toBe(2);
		const json = JSON.parse(result.stdout) as Record<string, unknown>;
		expect(Object.keys(json)).toEqual(['ok', 'backend', 'status', 'request', 'response', 'error', 'missing']);
		expect(json.error).toMatch(/^빠진 플래그: --bucket/);
		expect(json.missing).toEqual(['--bucket']);
	});
});

describe('profiles, history and buckets in Korean', () => {
	it('profile list with nothing saved, and history with nothing recorded', async () => {
		const [profiles, history] = await Promise.all([runCli(['--lang', 'ko', 'profile', 'list']), runCli(['--lang', 'ko', 'history'])]);
		expect(profiles.code).toBe(0);
		expect(profiles.stdout).toMatch(/^저장된 프로필이 없습니다 \(.*config\.json\)\.\n터미널에서 regwiz를 실행해 저장하거나, NCP CLI의 키를 가져오세요: regwiz profile import-ncloud\n$/);
		expect(history.stdout).toMatch(/^아직 기록된 생성 시도가 없습니다 \(.*history\.jsonl\)\.\n$/);
	});

	it('regwiz buckets --sandbox: a Korean table whose columns line up by display width', async () => {
		const result = await runCli(['--lang', 'ko', 'buckets', '--sandbox']);
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		const header = lines.findIndex(line => /^버킷 {2,}/.test(line));
		expect(lines[header]).toMatch(/^버킷 +연결된 레지스트리 +생성일$/);
		const rows = lines.slice(header, lines.indexOf('', header));
		expect(rows.length).toBeGreaterThan(2);
		// Where each cell after the first starts, in terminal columns.
		const starts = (line: string) => [...line.matchAll(/ {2,}/g)].map(match => displayWidth(line.slice(0, match.index + match[0].length)));
		const columns = starts(lines[header]!);
		expect(columns).toHaveLength(2);
		for (const row of rows.slice(1)) expect(starts(row), row).toEqual(columns);
		expect(result.stdout).toContain('(비어 있음)');
		expect(result.stdout).toMatch(/비어 있는 버킷 \d+개: 버킷 하나는 레지스트리 하나에만 쓰입니다/);
	});

	it('formatTable and formatFields pad Korean labels by columns, not characters', () => {
		const table = formatTable(['이름', 'KEY'], [['프로필-하나', 'a'], ['b', '비밀']], plain).split('\n');
		expect(table.slice(0, 3).map(line => displayWidth(line.slice(0, line.search(/ \S+$/) + 1)))).toEqual([13, 13, 13]);
		const fields = formatFields([['프로필', 'default'], ['Endpoint', 'kr'], ['저장 위치', '/tmp']], plain).split('\n');
		expect(fields.slice(0, 3).map(line => displayWidth(line) - displayWidth(line.trimStart().split(/ {2,}/).at(-1)!))).toEqual([11, 11, 11]);
	});
});

describe('the sandbox in Korean', () => {
	it('a scripted --sandbox create says the banner on stderr, in Korean; stdout is the result only', async () => {
		const result = await runCli(['create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--sandbox'], {env: {LANG: 'ko_KR.UTF-8'}});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('regwiz: 샌드박스: 실제 레지스트리에는 아무것도 만들지 않습니다\n');
		expect(result.stdout).not.toContain('샌드박스:');
		expect(result.stdout).toMatch(/^ {2}요청 +POST http:\/\/127\.0\.0\.1:\d+\/ncr\/api\/v2\/repositories\/team-a$/m);
		expect(result.stdout).toContain('다음 단계:');
	});

	it('a sandbox URL that is not this machine is refused in Korean', async () => {
		const result = await runCli(['--lang', 'ko', 'create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--sandbox', '--endpoint', 'https://example.com/ncr']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('샌드박스에서는 모든 요청이 로컬 에뮬레이터로 갑니다: example.com 호스트는 이 컴퓨터가 아닙니다.');
	});

	it('regwiz sandbox prints its banner in Korean, base URLs and examples under one column', async () => {
		setLanguage('ko');
		const stream = new PassThrough();
		let text = '';
		stream.on('data', chunk => (text += String(chunk)));
		const controller = new AbortController();
		const running = runSandboxCommand({port: 0, host: '127.0.0.1', stdout: stream, signal: controller.signal});
		while (!text.includes('Ctrl+C')) await new Promise(resolve => setTimeout(resolve, 10));
		controller.abort();
		expect(await running).toBe(0);
		expect(text).toContain('실제 레지스트리에는 아무것도 만들지 않습니다.');
		expect(text).toContain('데모 인증 정보: 샌드박스 전용');
		expect(text).toContain('멈추려면 Ctrl+C를 누르세요.');
		expect(text).toContain('regwiz sandbox: 멈췄습니다.');
		const lines = text.split('\n');
		const valueColumns = lines
			.filter(line => line.startsWith('  기본 URL ') || line.startsWith('  실행 예: '))
			.map(line => displayWidth(line) - displayWidth(line.replace(/^ {2}(기본 URL|실행 예:) +/, '')));
		expect(valueColumns.length).toBe(7);
		expect(new Set(valueColumns)).toEqual(new Set([13]));
		// The command under each example starts two columns after the value column.
		for (const line of lines.filter(line => /^ +regwiz create /.test(line))) expect(line.indexOf('regwiz')).toBe(15);
	});
});
