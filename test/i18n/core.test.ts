// The store, the transport, the result and the login lines in Korean: what a person reads when regwiz
// speaks Korean (setLanguage('ko'), or --lang ko for the built program). Commands, flags, paths and
// codes stay as they are inside the Korean sentences.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {registryui} from '../../source/backends/registryui.js';
import {resultFromFailure, resultFromOutcome} from '../../source/core/result.js';
import type {CreatePlan, CreateResult} from '../../source/core/types.js';
import {checkTransportSecurity, resolveDraft} from '../../source/draft.js';
import {setLanguage} from '../../source/i18n/index.js';
import {describeLogin} from '../../source/login/push-lines.js';
import {resultHeadline, resultLines} from '../../source/present.js';
import {relativeTime} from '../../source/relative-time.js';
import {readNcloudCredentials, NcloudConfigError} from '../../source/store/ncloud-config.js';
import {createMemoryStore, profileNameProblem, ProfileNotFoundError} from '../../source/store/profile-store.js';
import {describeDiskError, ensureTrustedFolder, readRegularFile, StoreError} from '../../source/store/safe-file.js';
import {sendRequest, TransportError} from '../../source/transport.js';
import {describeRoute, parseProxyUrl, proxyRoute} from '../../source/transport/proxy.js';
import {closedPort} from '../helpers/recording-server.js';
import {runCli} from '../helpers/run-cli.js';

let scratch: string;
beforeEach(() => {
	setLanguage('ko');
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-ko-core-'));
});
afterEach(() => {
	setLanguage('en');
	fs.chmodSync(scratch, 0o700);
	fs.rmSync(scratch, {recursive: true, force: true});
});

function thrown(work: () => unknown): Error {
	try {
		work();
	} catch (error) {
		return error as Error;
	}
	throw new Error('nothing was thrown');
}

describe('the store refuses in Korean, naming the path and the fix', () => {
	it('a folder others can write: the chmod to run', () => {
		const folder = path.join(scratch, 'config');
		fs.mkdirSync(folder, {mode: 0o700});
		fs.chmodSync(folder, 0o777);
		const error = thrown(() => ensureTrustedFolder(folder, false));
		expect(error).toBeInstanceOf(StoreError);
		expect(error.message).toBe(
			`${folder}: 다른 사용자도 쓸 수 있습니다 (mode 0777). regwiz는 다른 사람이 바꿀 수 있는 폴더에 키를 보관하지 않습니다. \`chmod 700 ${folder}\`로 고치세요`,
		);
	});

	it('a folder where a file should be, and a link where the folder should be', () => {
		const file = path.join(scratch, 'config.json');
		fs.mkdirSync(file);
		expect(thrown(() => readRegularFile(file)).message).toBe(`${file}: 일반 파일이 아닙니다 (폴더)`);
		const link = path.join(scratch, 'link');
		fs.symlinkSync(file, link);
		expect(thrown(() => ensureTrustedFolder(link, false)).message).toBe(
			`${link}: 심볼릭 링크입니다 (대상: ${file}). regwiz는 파일을 쓰는 폴더에서 링크를 따라가지 않습니다. REGWIZ_CONFIG_DIR에 실제 폴더를 지정하거나, 링크를 실제 폴더로 바꾸세요`,
		);
	});

	it('disk errors in words with the system code; profile names and missing profiles', () => {
		expect(describeDiskError(Object.assign(new Error('x'), {code: 'ENOSPC'}))).toBe('디스크에 남은 공간이 없습니다 (ENOSPC)');
		expect(profileNameProblem('bad name')).toBe('"bad name": 올바른 프로필 이름이 아닙니다. 규칙: 영문자, 숫자, ".", "_", "-"; 1–64자, 영문자나 숫자로 시작 (예: staging)');
		expect(new ProfileNotFoundError('prod', ['default', 'staging']).message).toBe('이름이 "prod"인 프로필이 없습니다. 프로필: default, staging.');
		expect(createMemoryStore().location).toBe('(메모리에만 보관, 저장하지 않음)');
	});

	it('~/.ncloud/configure without the section asked for: the sections it has, and the reason as data', () => {
		const file = path.join(scratch, '.ncloud', 'configure');
		fs.mkdirSync(path.dirname(file));
		fs.writeFileSync(file, '[DEFAULT]\nncloud_access_key_id = AK\nncloud_secret_access_key = SK\n');
		const error = thrown(() => readNcloudCredentials({HOME: scratch}, 'prod')) as NcloudConfigError;
		expect(error.message).toBe(`${file}: [prod] 섹션이 없습니다 (있는 섹션: [DEFAULT])`);
		expect(error.reason).toBe('section');
	});
});

describe('the transport fails in Korean', () => {
	it('a refused connection to 127.0.0.1 on a closed port', async () => {
		const port = await closedPort();
		const error = await sendRequest({method: 'GET', url: `http://127.0.0.1:${port}/v2/`, headers: {}, redact: {}}, {timeoutMs: 5000}).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).kind).toBe('refused');
		expect((error as TransportError).message).toBe(`http://127.0.0.1:${port}: 연결이 거부되었습니다. 그곳에서 기다리는 서비스가 없습니다.`);
		expect((error as TransportError).hint).toBe('URL과 포트, 서비스가 실행 중인지 확인하세요.');
	});

	it('a proxy it cannot use, and how a proxy route is shown', () => {
		expect(thrown(() => parseProxyUrl('socks5://user:pw@proxy.example:1080', '--proxy')).message).toBe(
			'--proxy: "socks5://proxy.example:1080": regwiz가 쓸 수 있는 프록시가 아닙니다: socks5 프록시는 지원하지 않습니다. http://와 https://만 지원합니다 (예: http://proxy.example:3128)',
		);
		const route = proxyRoute('https://registry.example', {profile: 'http://u:p@proxy.example:3128', env: {}});
		expect(describeRoute(route)).toBe('http://proxy.example:3128 (출처: 프로필, 인증 정보 포함)');
		expect(describeRoute(undefined)).toBe('없음 (직접 연결)');
	});
});

const plan = {backend: registryui, fields: {repository: 'team-a/web'}, credentials: {username: 'u', token: 't'}, connection: {url: 'https://registry.example.com'}, credentialSource: 'test'} as CreatePlan;
const request = {method: 'POST' as const, url: 'https://registry.example.com/api/repositories', headers: {}, redact: {}};

describe('the result in Korean', () => {
	it('headlines: created, refused, no answer, cancelled', () => {
		const created = {ok: true, exitCode: 0, backend: 'registryui', request, outcome: {ok: true, status: 201, message: '', resource: [], body: {}}, advice: [], error: null} satisfies CreateResult;
		expect(resultHeadline(created, '리포지토리')).toEqual({tone: 'success', title: '리포지토리 생성됨'});
		const refused = {...created, ok: false, outcome: {ok: false, status: 403, message: 'Forbidden', resource: [], body: {}, traceId: 'abc'}};
		expect(resultHeadline(refused, '리포지토리').title).toBe('거부됨: 403 Forbidden');
		expect(resultLines(refused)).toContainEqual({label: 'Trace ID', value: 'abc  (지원팀에 문의할 때 알려 주세요)'});
		const failed = resultFromFailure(plan, request, {kind: 'refused', message: 'x', hint: 'y'});
		expect(resultHeadline(failed, '리포지토리')).toEqual({tone: 'failure', title: '응답 없음'});
		expect(resultLines(failed)).toEqual([{label: '문제', value: 'x'}]);
		expect(resultHeadline({...failed, failure: {kind: 'cancelled', message: '', hint: ''}}, '리포지토리').title).toBe('취소됨');
	});

	it('a failure that may have created it: the closing "다시 시도하세요" is cut and a check comes first', () => {
		const result = resultFromFailure(plan, request, {kind: 'network', message: 'm', hint: '네트워크와 URL을 확인하세요. 그런 다음 다시 시도하세요.'});
		expect(result.advice).toEqual(['네트워크와 URL을 확인하세요. 생성되었을 수 있습니다: 다시 시도하기 전에 (예: 웹 콘솔에서) 있는지 확인하세요.']);
		const timeout = resultFromFailure(plan, request, {kind: 'timeout', message: 'm', hint: '생성되었을 수 있습니다: 다시 시도하기 전에 확인하세요.'});
		expect(timeout.advice).toEqual(['생성되었을 수 있습니다: 다시 시도하기 전에 확인하세요.']);
		const cancelled = resultFromFailure(plan, request, {kind: 'cancelled', message: 'm', hint: 'h'});
		expect(cancelled.error).toBe('요청을 보내거나 응답을 받는 중에 취소했습니다: 생성되었을 수 있습니다.');
	});

	it('a redirect is named, not followed', () => {
		const outcome = {ok: false, status: 302, message: 'Found', resource: [], body: ''};
		const result = resultFromOutcome(plan, request, outcome, {location: '/elsewhere'});
		expect(result.outcome?.problem).toBe('리디렉션 대상: https://registry.example.com/elsewhere. regwiz는 리디렉션을 따라가지 않습니다');
	});
});

describe('relative times, drafts and login lines in Korean', () => {
	it('"2 days ago" and its neighbours', () => {
		const now = Date.parse('2026-03-10T12:00:00Z');
		expect(relativeTime('2026-03-08T12:00:00Z', now)).toBe('2일 전');
		expect(relativeTime('2026-03-10T11:55:00Z', now)).toBe('5분 전');
		expect(relativeTime('2025-03-10T12:00:00Z', now)).toBe('1년 전');
		expect(relativeTime('2026-03-10T11:59:50Z', now)).toBe('방금');
		expect(relativeTime(undefined, now)).toBe('없음');
	});

	it('where credentials came from, and a plain-http refusal keeping its flag', () => {
		const store = createMemoryStore({staging: {backend: 'registryui', credentials: {username: 'u', token: 't'}, connection: {url: 'https://r.example'}}});
		expect(resolveDraft(registryui, {connection: {}, fields: {}, profile: 'staging'}, {}, store).credentialSource).toBe('프로필 staging');
		expect(thrown(() => resolveDraft(registryui, {connection: {}, fields: {}, profile: 'nope'}, {}, store)).message).toBe(
			'--profile: 이름이 "nope"인 저장된 프로필이 없습니다. 참고: regwiz profile list',
		);
		expect(checkTransportSecurity({backend: registryui, connection: {url: 'http://registry.example.com'}}, false)).toMatch(/\. https:\/\/를 쓰거나, 위험을 감수한다면 --allow-insecure-http를 주세요$/);
	});

	it('no docker on PATH: a Korean headline, the commands as they are', () => {
		const outcome = {ok: true, status: 201, message: '', resource: [], body: {}};
		const login = registryui.dockerLogin!({fields: {repository: 'team-a/web'}, credentials: {username: 'u', token: 't'}, connection: {url: 'https://registry.example.com'}, endpoint: 'https://registry.example.com', outcome})!;
		const described = describeLogin({backend: registryui, login}, {kind: 'missing', host: login.host, wanted: 'docker'});
		expect(described.headline).toBe('PATH에서 docker도 podman도 찾지 못했습니다: 직접 로그인하세요:');
		expect(described.byHand[0]).toBe('docker login registry.example.com --username u');
		expect(described.byHand[1]).toMatch(/^# 비밀번호를 물으면 입력할 것: /);
		expect(described.push).toEqual(['docker tag my-image:latest registry.example.com/team-a/web:latest', 'docker push registry.example.com/team-a/web:latest']);
		const failed = describeLogin({backend: registryui, login}, {kind: 'failed', tool: 'podman', host: login.host, said: [], exitCode: 1});
		expect(failed.headline).toMatch(/^podman login 실패 \(생성된 .+에는 영향이 없습니다\):$/);
	});
});

describe('the built program with --lang ko', () => {
	it('a closed port: "응답 없음" and the refused connection in Korean, exit 3', async () => {
		const port = await closedPort();
		const result = await runCli(['--lang', 'ko', 'create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--endpoint', `http://127.0.0.1:${port}/ncr/api/v2`], {
			env: {NCLOUD_ACCESS_KEY_ID: 'ncp_iam_BPAMKR0000TEST9876', NCLOUD_SECRET_ACCESS_KEY: 's3cr3tEXAMPLEs3cr3tEXAMPLEs3cr3tEXAMPLE00'},
		});
		expect(result.code).toBe(3);
		expect(result.stdout).toContain('✗ 응답 없음');
		expect(result.stdout).toContain(`http://127.0.0.1:${port}: 연결이 거부되었습니다. 그곳에서 기다리는 서비스가 없습니다.`);
		expect(result.stdout).toContain('URL과 포트, 서비스가 실행 중인지 확인하세요.');
	});

	it('a config folder others can write: exit 2 with the chmod to run, in Korean', async () => {
		const folder = path.join(scratch, 'config');
		fs.mkdirSync(folder);
		fs.chmodSync(folder, 0o777);
		const result = await runCli(['--lang', 'ko', 'profile', 'list'], {configDir: folder});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`${folder}: 다른 사용자도 쓸 수 있습니다 (mode 0777).`);
		expect(result.stderr).toContain(`\`chmod 700 ${folder}\`로 고치세요`);
	});
});
