import type {Area} from '../catalogue.js';
import type {core as en} from '../en/core.js';

const UNITS = {year: '년', month: '개월', day: '일', hour: '시간', minute: '분'} as const;

export const core = (): Area<typeof en> => ({
	'core.input.from': values => `${values.message} (출처: ${values.source})`,
	'core.input.answersGiven': '입력한 값',
	'core.readBack.unexpected': '예상하지 못한 오류',
	'core.verify.visible': values => `${values.noun} ${values.count}개 보임`,
	'core.verify.listing': values =>
		`인증 정보로 목록을 볼 수 있습니다${values.visible === undefined ? '' : ` (${values.visible})`}. 확인하지 않은 것: ${values.limit}`,
	'core.verify.works': values => (values.visible === undefined ? '인증 정보가 유효합니다' : `인증 정보가 유효합니다: ${values.visible}`),
	'core.verify.refused': values => `거부됨: ${values.status} ${values.message}${values.details ? ` (${values.details})` : ''}`,
	'core.result.mayHaveBeenCreated': '생성되었을 수 있습니다: 다시 시도하기 전에 (예: 웹 콘솔에서) 있는지 확인하세요.',
	'core.result.redirectNoLocation': 'Location이 없는 리디렉션입니다. regwiz는 리디렉션을 따라가지 않습니다',
	'core.result.redirectsTo': values => `리디렉션 대상: ${values.target}. regwiz는 리디렉션을 따라가지 않습니다`,
	'core.result.informational': '정보성(1xx) 상태는 최종 응답이 아닙니다. 무엇이 생성되었는지 알 수 없습니다',
	'core.result.cancelledSending': '요청을 보내거나 응답을 받는 중에 취소했습니다: 생성되었을 수 있습니다.',
	'core.headline.created': values => `${values.noun} 생성됨`,
	'core.headline.redirected': values => `리디렉션됨: ${values.status} ${values.phrase} (따라가지 않음)`,
	'core.headline.unexpected': values => `예상하지 못한 응답: ${values.status} ${values.phrase}`,
	'core.headline.refused': values => `거부됨: ${values.sentence}`,
	'core.headline.cancelled': '취소됨',
	'core.headline.noAnswer': '응답 없음',
	'core.line.status': '상태',
	'core.line.serviceSaid': '서비스 응답',
	'core.line.details': '세부 정보',
	'core.line.errorCode': '오류 코드',
	'core.line.unexpected': '예상 밖',
	'core.line.traceId': 'Trace ID',
	'core.line.traceIdValue': values => `${values.traceId}  (지원팀에 문의할 때 알려 주세요)`,
	'core.line.problem': '문제',
	'core.request.hidden': '(숨김)',
	'core.draft.fromProfile': values => `프로필 ${values.name}`,
	'core.draft.fromEnvironment': values => `환경 변수 (${values.source})`,
	'core.draft.noProfile': values => `--profile: 이름이 ${values.name}인 저장된 프로필이 없습니다. 참고: regwiz profile list`,
	'core.draft.otherBackend': values =>
		`--profile: ${values.name} 프로필은 ${values.holds}용 인증 정보입니다 (필요한 것: ${values.wanted}). 참고: regwiz profile list`,
	'core.draft.insecure': values => `${values.problem}. https://를 쓰거나, 위험을 감수한다면 --allow-insecure-http를 주세요`,
	'core.draft.noCredentials': '인증 정보 없음',
	'core.time.never': '없음',
	'core.time.unknown': '알 수 없음',
	'core.time.justNow': '방금',
	'core.time.ago': values => `${values.count}${UNITS[values.unit]} 전`,
});
