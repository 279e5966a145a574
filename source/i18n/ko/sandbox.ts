import type {Area} from '../catalogue.js';
import type {sandbox as en} from '../en/sandbox.js';

export const sandbox = (): Area<typeof en> => ({
	'sandbox.banner': '샌드박스: 실제 레지스트리에는 아무것도 만들지 않습니다',
	'sandbox.urlProblem': values =>
		`샌드박스에서는 모든 요청이 로컬 에뮬레이터로 갑니다: ${values.host} 호스트는 이 컴퓨터가 아닙니다. 사이트를 선택하거나, \`regwiz sandbox\`가 출력하는 것 같은 loopback URL을 주세요`,
	'sandbox.describeEndpoint': values => `${values.described} (샌드박스 에뮬레이터 ${values.endpoint})`,
	'sandbox.endpointLabel': '엔드포인트',
	'sandbox.command.section': values => `${values.title} (regwiz create ${values.id})`,
	'sandbox.command.baseUrl': values => `  기본 URL   ${values.url}`,
	'sandbox.command.try': values => `  실행 예:   ${values.env} \\\n               ${values.command}`,
	'sandbox.command.banner': values =>
		`regwiz sandbox: ${values.titles.join(', ')}의 로컬 에뮬레이터입니다. 실제 레지스트리에는 아무것도 만들지 않습니다.
데모 인증 정보: 샌드박스 전용이며 일부러 공개한 것으로, 다른 곳에서는 받아들여지지 않습니다.

${values.sections}

Object Storage (NCR의 버킷: regwiz buckets, --create-bucket)
  기본 URL   ${values.storageBaseUrl}  (S3 API, kr-standard)
  데모 버킷; "taken-bucket"은 다른 계정의 버킷입니다

요청은 아래에 기록됩니다 (메서드, 경로, 상태). 멈추려면 Ctrl+C를 누르세요.
`,
	'sandbox.command.exposed': values =>
		`경고: ${values.host}에서 기다리는 중입니다: 다른 컴퓨터에서도 샌드박스에 접속할 수 있고, 접속할 수 있는 누구나 공개된 데모 인증 정보를 쓸 수 있습니다.`,
	'sandbox.command.portInUse': values => `포트 ${values.port}: 이미 사용 중입니다. --port로 다른 포트를 고르거나, --port 0으로 빈 포트를 쓰세요`,
	'sandbox.command.portNotAllowed': values => `포트 ${values.port}: 이 포트에서 기다릴 권한이 없습니다. 1023보다 큰 포트를 고르세요`,
	'sandbox.command.cannotListen': values => `regwiz sandbox: ${values.host}:${values.port}에서 기다릴 수 없습니다: ${values.hint}`,
	'sandbox.command.stopped': 'regwiz sandbox: 멈췄습니다.',
});
