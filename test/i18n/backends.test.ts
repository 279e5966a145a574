// The RegistryUI and Harbor backends and the helpers they share, in Korean: in process after
// setLanguage('ko') (advice, read-back, helpers), and through the built program with --lang ko
// (help, validation, a refusal in the sandbox), where the descriptions are built in Korean from the start.
import {afterEach, describe, expect, it} from 'vitest';
import {setLanguage} from '../../source/i18n/index.js';
import {commonAdvice} from '../../source/backends/advice.js';
import {describeVariables} from '../../source/backends/environment.js';
import {harbor, parseStorageLimit} from '../../source/backends/harbor.js';
import {registryui} from '../../source/backends/registryui.js';
import {describeDuration, statusPhrase, unexpectedBodyProblem, parseBody} from '../../source/backends/response.js';
import {insecureHttpProblem} from '../../source/backends/validation.js';
import type {AdviceContext, Outcome} from '../../source/backends/types.js';
import {runCli} from '../helpers/run-cli.js';

const refusal = (status: number, message = ''): Outcome => ({ok: false, status, message, resource: [], body: null});
const context = (fields: Record<string, string>): AdviceContext => ({
	fields,
	connection: {url: 'https://harbor.example.com'},
	endpoint: 'https://harbor.example.com',
	now: 0,
	headers: {},
});

afterEach(() => setLanguage('en'));

describe('advice in Korean', () => {
	it('Harbor says why a create was refused', () => {
		setLanguage('ko');
		expect(harbor.advise(refusal(403), context({project: 'team-a'}))).toEqual([
			'이 계정은 프로젝트를 만들 수 없습니다: 이 Harbor에서는 프로젝트 생성이 관리자로 제한되어 있습니다 (Administration › Configuration › Project Creation). 관리자에게 요청하거나 그 권한이 있는 계정을 사용하세요.',
		]);
		expect(harbor.advise(refusal(409), context({project: 'team-a'}))).toEqual(['이름이 "team-a"인 프로젝트가 이미 있습니다: 다른 이름을 선택하세요.']);
		expect(harbor.advise(refusal(401), context({project: 'team-a'}))[0]).toMatch(/^사용자 이름과 비밀번호를 확인하세요\./);
		expect(harbor.advise(refusal(400), context({project: 'team-a'}))[0]).toMatch(/^Harbor에서 값을 거부했습니다: .*프로젝트 이름: 영문 소문자와 숫자/);
	});

	it('RegistryUI says why a create was refused, and what to do after a success', () => {
		setLanguage('ko');
		expect(registryui.advise(refusal(403), context({repository: 'team-a/backend'}))).toEqual([
			'이 계정은 RegistryUI 관리자가 아닙니다: 관리자만 리포지토리를 만들 수 있습니다.',
		]);
		expect(registryui.advise(refusal(409), context({repository: 'team-a/backend'}))).toEqual(['"team-a/backend" 경로가 이미 있습니다: 다른 경로를 선택하세요.']);
		expect(registryui.advise(refusal(503), context({repository: 'team-a/backend'}))).toEqual([
			'레지스트리가 유지 보수나 가비지 컬렉션 때문에 오프라인일 수 있습니다: 나중에 다시 시도하세요.',
		]);
		// The created path is found by its Korean label; the commands stay as they are.
		const created: Outcome = {ok: true, status: 200, message: '', resource: [{label: '경로', value: 'team-a/web'}], body: null};
		expect(registryui.advise(created, context({repository: 'team-a/backend'}))).toEqual([
			'docker login harbor.example.com',
			'docker push harbor.example.com/team-a/web/<image>:<tag>',
			'RegistryUI 웹 UI에서 사용자와 그룹을 지정하세요: API로는 할 수 없습니다.',
		]);
	});

	it('the advice every backend shares', () => {
		setLanguage('ko');
		expect(commonAdvice(refusal(429), {...context({}), headers: {'retry-after': '30'}})).toEqual([
			'서비스가 요청을 제한하고 있거나 할당량에 도달했습니다: 30초 기다린 뒤 다시 시도하세요.',
		]);
		expect(commonAdvice(refusal(429), context({}))).toEqual(['서비스가 요청을 제한하고 있거나 할당량에 도달했습니다: 1분쯤 기다린 뒤 다시 시도하세요.']);
		expect(commonAdvice({...refusal(502), traceId: 'abc'}, context({}))).toEqual([
			'서비스 쪽에서 오류가 났습니다: 나중에 다시 시도하세요.',
			'계속 실패하면 추적 ID를 알려 고객 지원에 문의하세요.',
		]);
		expect(commonAdvice(refusal(302), {...context({}), headers: {location: 'https://other.example.com/'}})[0]).toBe(
			'서버가 다른 주소로 리다이렉트합니다 (주소: https://other.example.com/). regwiz는 인증 정보와 함께 리다이렉트를 따라가지 않습니다.',
		);
	});

	it('English stays as it was', () => {
		setLanguage('en');
		expect(harbor.advise(refusal(409), context({project: 'team-a'}))).toEqual(['A project named "team-a" already exists: choose another name.']);
		expect(commonAdvice(refusal(429), {...context({}), headers: {'retry-after': '30'}})).toEqual([
			'The service is throttling requests or a quota is reached: wait and retry in 30 seconds.',
		]);
	});
});

describe('the shared helpers in Korean', () => {
	it('status phrases, durations, variables, body problems and the plain-http warning', () => {
		setLanguage('ko');
		expect(statusPhrase(404)).toBe('찾을 수 없음');
		expect(statusPhrase(418)).toBe('HTTP 418');
		expect(describeDuration(90_000)).toBe('90초');
		expect(describeDuration(3 * 3_600_000)).toBe('3시간');
		expect(describeVariables({username: ['HARBOR_USERNAME'], password: ['HARBOR_PASSWORD']})).toBe('HARBOR_USERNAME 및 HARBOR_PASSWORD');
		expect(describeVariables({a: ['A', 'B'], c: ['C']})).toBe('A 또는 B, 그리고 C');
		expect(unexpectedBodyProblem('<html>oops</html>', parseBody('<html>oops</html>'), false, '{}')).toBe('응답이 JSON이 아닙니다: oops');
		expect(insecureHttpProblem('http://registry.example.com')).toBe(
			'http://registry.example.com: 다른 컴퓨터에 암호화되지 않은 http로 연결합니다. 인증 정보가 암호화되지 않은 채 전송됩니다',
		);
		setLanguage('en');
		expect(describeVariables({a: ['A', 'B'], c: ['C']})).toBe('A or B, and C');
	});

	it("Harbor's storage limit problems", () => {
		setLanguage('ko');
		expect(parseStorageLimit('10')).toEqual({problem: expect.stringMatching(/^단위가 필요합니다: .* \(예: 10GiB\)$/) as unknown});
		expect(parseStorageLimit('10xb')).toEqual({problem: expect.stringMatching(/^알 수 없는 단위 "xb": /) as unknown});
		expect(parseStorageLimit('0GiB')).toEqual({problem: '1바이트 이상이어야 합니다. 무제한은 -1입니다 (예: 10GiB)'});
	});

	it("Harbor's read-back is shown in Korean while --json keeps its English facts", () => {
		setLanguage('ko');
		const body = JSON.stringify({project_id: 7, name: 'team-a', owner_name: 'admin', creation_time: '2026-01-01T00:00:00Z', metadata: {public: 'false'}});
		const read = harbor.readBack!.read({status: 200, headers: {}, body}, {fields: {project: 'team-a'}, connection: {}});
		expect(read.resource).toEqual([
			{label: '프로젝트', value: 'team-a'},
			{label: '프로젝트 ID', value: '7'},
			{label: '공개', value: '아니요'},
			{label: '소유자', value: 'admin'},
			{label: '생성 시각', value: '2026-01-01T00:00:00Z'},
		]);
		expect(read.facts).toEqual({project: 'team-a', project_id: '7', public: 'no', owner: 'admin', created: '2026-01-01T00:00:00Z', confirmed: true});
		const failed = harbor.readBack!.read({status: 404, headers: {}, body: ''}, {fields: {project: 'team-a'}, connection: {}});
		expect(failed.resource).toEqual([{label: '세부 정보', value: '생성되었지만 다시 읽어 오지 못했습니다 (404 찾을 수 없음)'}]);
	});
});

describe('the program with --lang ko', () => {
	it('help for create harbor and create registryui', async () => {
		const harborHelp = await runCli(['--lang', 'ko', 'help', 'create', 'harbor']);
		expect(harborHelp.code).toBe(0);
		expect(harborHelp.stdout).toContain('regwiz create harbor: Harbor 프로젝트 생성');
		expect(harborHelp.stdout).toContain('Harbor 주소, https://');
		expect(harborHelp.stdout).toContain('공개 여부: 공개 또는 비공개');
		expect(harborHelp.stdout).toMatch(/인증 정보\(플래그로는 받지 않음\): HARBOR_USERNAME 및 HARBOR_PASSWORD/);
		expect(harborHelp.stdout).toContain('regwiz create harbor --url https://harbor.example.com --project team-a --private');

		const registryuiHelp = await runCli(['--lang', 'ko', 'help', 'create', 'registryui']);
		expect(registryuiHelp.code).toBe(0);
		expect(registryuiHelp.stdout).toContain('regwiz create registryui: RegistryUI 프로젝트/리포지토리 생성');
		expect(registryuiHelp.stdout).toContain('REGISTRYUI_USERNAME 및 REGISTRYUI_TOKEN');
	});

	it('names a bad field in Korean on a dry run', async () => {
		const project = await runCli(['--lang', 'ko', 'create', 'harbor', '--url', 'https://harbor.example.com', '--project', 'Team-A', '--dry-run'], {
			env: {HARBOR_USERNAME: 'admin', HARBOR_PASSWORD: 'pw'},
		});
		expect(project.code).toBe(2);
		expect(project.stderr).toContain('소문자여야 합니다 (예: team-a)');

		const url = await runCli(['--lang', 'ko', 'create', 'registryui', '--url', 'https://registry.example.com?x=1', '--repository', 'team-a/backend', '--dry-run'], {
			env: {REGISTRYUI_USERNAME: 'admin', REGISTRYUI_TOKEN: 'token'},
		});
		expect(url.code).toBe(2);
		expect(url.stderr).toContain('"?"(쿼리)를 포함할 수 없습니다: 기본 URL만 입력하세요 (예: https://registry.example.com)');

		const title = await runCli(['--lang', 'ko', 'create', 'registryui', '--url', 'https://registry.example.com', '--repository', 'team-a/backend', '--title', 'a\tb', '--dry-run'], {
			env: {REGISTRYUI_USERNAME: 'admin', REGISTRYUI_TOKEN: 'token'},
		});
		expect(title.code).toBe(2);
		expect(title.stderr).toContain('제어 문자(줄바꿈, 탭, 이스케이프 코드)를 포함할 수 없습니다');
	});

	it('gives Korean advice for a refusal in the sandbox, the service\'s own message as it came', async () => {
		const result = await runCli(['--lang', 'ko', 'create', 'harbor', '--sandbox', '--profile', 'sandbox-harbor-developer', '--project', 'team-b']);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('403 접근 거부');
		expect(result.stdout).toContain('Only system administrators can create projects');
		expect(result.stdout).toContain('이 계정은 프로젝트를 만들 수 없습니다: 이 Harbor에서는 프로젝트 생성이 관리자로 제한되어 있습니다');
	});
});
