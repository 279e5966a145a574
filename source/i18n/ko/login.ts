import type {Area} from '../catalogue.js';
import type {login as en} from '../en/login.js';

export const login = (): Area<typeof en> => ({
	'login.said.moreLines': values => `… (${values.count}줄 더 있음)`,
	'login.said.cancelled': '취소됨',
	'login.said.unfinished': values => `${values.tool}: 끝나지 않았습니다`,
	'login.said.exitCode': values => `${values.tool}: 종료 코드 ${values.code}`,
	'login.byHand.userName': '사용자 이름',
	'login.byHand.password': '비밀번호',
	'login.byHand.yourUser': values => `<${values.user}>`,
	'login.byHand.asks': values => `# 비밀번호를 물으면 입력할 것: ${values.secret}`,
	'login.headline.ok': values => `${values.host}에 로그인했습니다 (도구: ${values.tool})`,
	'login.headline.failed': values => `${values.tool} login 실패 (생성된 ${values.noun}에는 영향이 없습니다):`,
	'login.headline.noTool': 'PATH에서 docker도 podman도 찾지 못했습니다: 직접 로그인하세요:',
	'login.headline.toolMissing': values => `찾지 못했습니다: ${values.wanted} (REGWIZ_CONTAINER_CLI). 직접 로그인하세요:`,
});
