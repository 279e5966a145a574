import type {Area} from '../catalogue.js';
import type {plain as en} from '../en/plain.js';

export const plain = (): Area<typeof en> => ({
	'plain.intro': 'regwiz 일반 텍스트 모드: 질문을 한 번에 한 줄씩 묻습니다.',
	'plain.howTo': '선택지에는 번호가 있습니다. 번호를 입력하고 Enter를 누르세요. Enter만 누르면 현재 값을 그대로 둡니다. 이전 질문으로 돌아가려면 back, <, 뒤로 중 하나를 입력하세요. Ctrl-C를 누르면 종료합니다. 검토를 확인하기 전에는 아무것도 보내지 않습니다.',
	'plain.backWord': '뒤로',
	'plain.noEarlier': '이전 질문이 없습니다.',
	'plain.step': v => `${v.total}단계 중 ${v.step}단계.`,
	'plain.error': v => `오류: ${v.message}`,
	'plain.warning': v => `경고: ${v.message}`,
	'plain.done': v => `완료: ${v.message}`,

	// numbered lists
	'plain.choose.one': '1을 입력하세요',
	'plain.choose.range': v => `1부터 ${v.count}까지의 번호를 입력하세요`,
	'plain.choose.prompt': v => `${v.range}: `,
	'plain.choose.promptKeep': v => `${v.range}. Enter만 누르면 ${v.number}번 (${v.label}): `,
	'plain.choose.nothing': v => `오류: 아무것도 입력하지 않았습니다. ${v.range}.`,
	'plain.choose.notNumber': v => `오류: "${v.typed}" 값은 목록의 번호가 아닙니다. ${v.range}.`,

	// step 2 and the fields
	'plain.credentials.profile': v => `프로필 ${v.name}`,
	'plain.credentials.edit': ' 저장된 프로필을 편집하려면 e와 번호를 입력하세요 (예: e1).',
	'plain.field.choose': v => `${v.label}: 하나를 선택하세요.`,
	'plain.field.optional': v => `${v.rule} (선택)`,
	'plain.field.intro': v => `${v.step} ${v.label}: ${v.rule}.`,
	'plain.field.hidden': '입력하는 내용은 화면에 표시하지 않습니다.',
	'plain.field.keepSecret': v => `저장된 비밀 값(${v.masked})을 그대로 두려면 Enter를 누르세요.`,
	'plain.field.keepTyped': '전에 입력한 값을 그대로 두려면 Enter를 누르세요.',
	'plain.field.current': v => `현재 값: ${v.value}. 그대로 두려면 Enter를 누르세요.`,
	'plain.field.skip': '건너뛰려면 Enter를 누르세요.',
	'plain.field.fault': v => `오류: ${v.problem}.${v.suggestion ? ` 제안: ${v.suggestion}.` : ' 다시 입력하세요.'}`,
	'plain.field.risk': v => `경고: ${v.risk}. https://를 사용하거나, 위험을 감수하려면 같은 값을 한 번 더 입력하세요.`,
	'plain.save.keptHint': '이번 실행 동안만 유지합니다',
	'plain.profile.intro': v => `${v.step} ${v.label}: ${v.rule}. ${v.where}. 현재 값: ${v.current}. 그대로 두려면 Enter를 누르세요.`,
	'plain.profile.error': v => `오류: ${v.label}: ${v.problem}. 다시 입력하세요.`,
	'plain.profile.saved': v => `프로필로 저장했습니다: ${v.name}.`,

	// the review
	'plain.review.title': v => `${v.step} 검토.`,
	'plain.review.request': v => `보낼 요청: ${v.request}`,
	'plain.review.goBack': 'back 입력',
	'plain.review.blockedPrompt': '보낼 수 없습니다. 바꾸려면 back을 입력하세요: ',
	'plain.review.prompt': '보내려면 Enter를 누르고, 항목을 바꾸려면 back을 입력하세요: ',
	'plain.review.blocked': '오류: 지금 상태로는 보낼 수 없습니다.',
	'plain.review.neither': v => `오류: "${v.typed}" 값은 Enter도 back도 아닙니다.`,

	// sending and the result
	'plain.sending.cancelled': v => `보내는 중에 취소했습니다 (${v.noun}). ${v.more}`,
	'plain.result.done': v => `결과: 완료. ${v.title}.`,
	'plain.result.failed': v => `결과: 실패. ${v.title}.`,
	'plain.result.sendAgain': '다시 보내기 (먼저 확인하세요: 이미 생성되었을 수 있습니다)',
	'plain.result.retry': '다시 시도 (새로 서명)',
	'plain.result.login': v => `지금 docker로 로그인 (${v.host})`,
	'plain.result.another': v => `하나 더 만들기 (${v.noun})`,
	'plain.result.quit': '종료',
	'plain.result.changeField': '항목 변경',
	'plain.result.nameLabel': '이름',
	'plain.result.rename': v => `${v.label} 변경`,
	'plain.result.whatNext': '다음에 무엇을 할까요?',
	'plain.cancelled': '\n취소했습니다.',
	'plain.cancelledNothing': '\n취소했습니다. 아무것도 보내지 않았습니다.',
});
