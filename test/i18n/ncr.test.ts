// The NCR backend in Korean: its help, its validation messages, its advice, Object Storage and the bucket lookups.
import {describe, expect, it} from 'vitest';
import {setLanguage} from '../../source/i18n/index.js';
import type {AdviceContext, Outcome} from '../../source/backends/types.js';
import {runCli} from '../helpers/run-cli.js';

// The backend's fields are built when its module loads: speak Korean first, then load it.
setLanguage('ko');
const {ncr, siteFromEnvironment} = await import('../../source/backends/ncr.js');
const {bucketNameProblem, refusalLine, storageTarget} = await import('../../source/backends/object-storage.js');
const {validateAnswers, InputError} = await import('../../source/backends/validation.js');

const KEYS = {NCLOUD_ACCESS_KEY: 'ncp_iam_TESTKEY0001', NCLOUD_SECRET_KEY: 'test-secret-0001'};

function context(overrides: Partial<AdviceContext> = {}): AdviceContext {
	return {
		fields: {registry: 'team-a', bucket: 'team-a-images'},
		connection: {site: 'kr'},
		endpoint: 'https://ncr.apigw.ntruss.com/ncr/api/v2',
		now: 1_700_000_000_000,
		headers: {},
		...overrides,
	};
}

const refused = (status: number, errorCode?: string): Outcome => ({ok: false, status, message: 'refused', errorCode, resource: [], body: null});

describe('regwiz create ncr, in Korean', () => {
	it('help names the sites, the rules and the notes in Korean; flags, commands and variables stay', async () => {
		const result = await runCli(['--lang', 'ko', 'help', 'create', 'ncr']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('regwiz create ncr: NAVER Cloud Container Registry에 레지스트리를 만듭니다');
		for (const site of ['kr (한국)', 'sg (싱가포르)', 'jp (일본)', 'gov-kr (공공 KR)', 'fin (금융)']) expect(result.stdout).toContain(site);
		expect(result.stdout).toContain('영문 소문자로 시작하고 영문 소문자, 숫자, 하이픈으로 이루어진 3–30자이며');
		expect(result.stdout).toContain('버킷 생성');
		expect(result.stdout).toContain('요청은 NCP API Gateway 서명 v2로 서명합니다.');
		expect(result.stdout).toContain('--registry NAME');
		expect(result.stdout).toContain('regwiz create ncr --registry team-a --bucket team-a-images');
	});

	it('a bad --registry on a dry run is refused in Korean, with exit code 2', async () => {
		const result = await runCli(['--lang', 'ko', 'create', 'ncr', '--registry', 'ab', '--bucket', 'team-a-images', '--dry-run'], {env: KEYS});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('너무 짧습니다. 영문 소문자로 시작하고 영문 소문자, 숫자, 하이픈으로 이루어진 3–30자이며, 영문자나 숫자로 끝납니다 (예: team-a)');
		expect(result.stdout).toBe('');
	});

	it('a bad bucket name and a bad NCLOUD_SITE are refused in Korean too', async () => {
		const bucket = await runCli(['--lang', 'ko', 'create', 'ncr', '--registry', 'team-a', '--bucket', 'a..b', '--dry-run'], {env: KEYS});
		expect(bucket.code).toBe(2);
		expect(bucket.stderr).toContain('빈 레이블이 있습니다. 점은 양 끝에 둘 수 없고 두 번 연달아 쓸 수 없습니다. ');
		const site = await runCli(['--lang', 'ko', 'create', 'ncr', '--registry', 'team-a', '--bucket', 'team-a-images', '--dry-run'], {env: {...KEYS, NCLOUD_SITE: 'mars'}});
		expect(site.code).toBe(2);
		expect(site.stderr).toContain('NCLOUD_SITE "mars": 알 수 없는 사이트입니다. public, gov, fin 중 하나를 쓰세요 (예: NCLOUD_SITE=gov)');
	});

	it('a name already taken in the sandbox is advised in Korean; without --lang it stays English', async () => {
		const korean = await runCli(['--lang', 'ko', 'create', 'ncr', '--sandbox', '--registry', 'demo-app', '--bucket', 'demo-images']);
		expect(korean.code).toBe(1);
		expect(korean.stdout).toContain('레지스트리 이름 "demo-app" 또는 버킷이 이미 사용 중입니다 (버킷 하나는 레지스트리 하나에만 쓸 수 있습니다).');
		expect(korean.stdout).toContain('다른 이름이나, 어느 레지스트리도 쓰지 않는 버킷을 선택하세요.');
		const english = await runCli(['create', 'ncr', '--sandbox', '--registry', 'demo-app', '--bucket', 'demo-images']);
		expect(english.stdout).toContain('The registry name "demo-app" or the bucket is already used (a bucket can back only one registry).');
	});

	it('a create in the sandbox reads back its hosts and gives the next steps in Korean', async () => {
		const result = await runCli(['--lang', 'ko', 'create', 'ncr', '--sandbox', '--registry', 'team-k', '--bucket', 'team-k-images', '--create-bucket']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('(비공개 엔드포인트, VPC 안에서 사용)');
		expect(result.stdout).toMatch(/docker login \S+ {3}\(사용자 이름: Access Key, 비밀번호: Secret Key\)/);
	});
});

describe('the NCR backend, in Korean', () => {
	it('labels its fields, sites and choices in Korean', () => {
		const labels = Object.fromEntries([...ncr.connectionFields, ...ncr.credentialFields, ...ncr.fields].map(spec => [spec.key, spec.label]));
		expect(labels).toEqual({
			site: '사이트',
			endpoint: '엔드포인트',
			storageEndpoint: 'Object Storage 엔드포인트',
			accessKey: 'Access Key',
			secretKey: 'Secret Key',
			registry: '레지스트리 이름',
			storageType: '스토리지 유형',
			bucket: '버킷',
			createBucket: '버킷 생성',
		});
		expect(ncr.describeEndpoint({site: 'gov-kr'})).toBe('공공 KR');
		expect(ncr.describeEndpoint({site: 'custom', endpoint: 'http://127.0.0.1:8080/ncr/api/v2'})).toBe('직접 입력한 엔드포인트 http://127.0.0.1:8080/ncr/api/v2');
		expect(ncr.curl.kind === 'signed' && ncr.curl.validity).toBe('5분간 유효');
	});

	it('refuses bad values in Korean, field by field', () => {
		try {
			validateAnswers(ncr.fields, {registry: '1abc', bucket: '192.168.0.1'});
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(InputError);
			const messages = (error as InstanceType<typeof InputError>).errors.map(entry => entry.message);
			expect(messages[0]).toMatch(/^영문 소문자로 시작해야 합니다\. /);
			expect(messages[1]).toMatch(/^IP 주소 형태는 쓸 수 없습니다\. /);
		}
		expect(bucketNameProblem('ab')).toMatch(/^3–63자여야 합니다 \(지금 2자\)\. /);
		expect(siteFromEnvironment({NCLOUD_SITE: 'gov', NCLOUD_REGION: 'JPN'})).toEqual({
			problem: 'NCLOUD_REGION "JPN": gov 사이트의 리전이 아닙니다. KR, KRS 중 하나를 쓰세요 (예: NCLOUD_REGION=KR)',
		});
	});

	it('advises a 401 and a 403 in Korean, the service\'s own words left as they came', () => {
		expect(ncr.advise(refused(401, '210'), context())[0]).toBe(
			'NCP가 210 Permission Denied로 응답했습니다: 키 쌍은 받아들였지만 이 계정은 API를 쓸 수 없는 것으로 보입니다. 확인하세요:',
		);
		const clock = ncr.advise(refused(401), context({headers: {date: new Date(1_700_000_000_000 - 10 * 60_000).toUTCString()}}));
		expect(clock[0]).toMatch(/^내 시계가 서버보다 .+ 빠릅니다: 시계를 맞춘 뒤\(예: NTP 사용\) 다시 시도하세요\.$/);
		expect(clock).toContain('3. 내 시계가 맞는지 (NCP는 5분까지 허용합니다)');
		expect(ncr.advise(refused(403), context())[1]).toBe(
			'먼저 다른 이름으로 시도하세요. 어떤 이름이든 거부되면 계정 관리자에게 Container Registry 관리자 정책(Sub Account)을 요청하세요.',
		);
	});

	it('says where Object Storage is not known, and what it refused, in Korean', () => {
		expect(storageTarget({site: 'fin'})).toEqual({problem: 'fin 사이트의 Object Storage 엔드포인트는 확인되지 않았습니다: --storage-endpoint BASE_URL로 지정하세요'});
		expect(refusalLine({status: 403, code: 'AccessDenied', message: 'Access Denied', noAccess: true}, 'https://kr.object.ncloudstorage.com')).toBe(
			'Object Storage에 접근할 수 없습니다 (https://kr.object.ncloudstorage.com, 403 AccessDenied: Access Denied): 키에 Object Storage 권한이 없거나 Object Storage 이용을 신청하지 않았습니다.',
		);
	});
});
