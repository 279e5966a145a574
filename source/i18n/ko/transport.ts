import type {Area} from '../catalogue.js';
import type {transport as en} from '../en/transport.js';

export const transport = (): Area<typeof en> => ({
	'transport.proxy.refused': values =>
		`프록시 ${values.proxy}(출처: ${values.source}): ${values.dns ? '호스트를 찾을 수 없습니다 (DNS)' : '연결이 거부되었습니다. 그곳에서 기다리는 서비스가 없습니다'}. ${values.host}에는 아무것도 보내지 않았습니다.`,
	'transport.proxy.refusedHint': '프록시 URL과 프록시가 실행 중인지 확인하세요. 또는 이 호스트에 NO_PROXY를 설정해 직접 연결하세요.',
	'transport.proxy.auth': values =>
		`프록시 ${values.proxy}(출처: ${values.source}): 인증을 요구합니다 (407)${values.credentials ? '. 주어진 인증 정보는 거부되었습니다' : ''}. ${values.host}에는 아무것도 보내지 않았습니다.`,
	'transport.proxy.authCheckHint': '프록시 URL의 사용자 이름과 비밀번호를 확인하세요 (http://USER:PASSWORD@host:port).',
	'transport.proxy.authGiveHint': '프록시 URL에 인증 정보를 넣으세요: http://USER:PASSWORD@host:port.',
	'transport.proxy.unreachable': values =>
		`프록시 ${values.proxy}(출처: ${values.source}): ${values.host}에 닿지 못했습니다 (${values.status === undefined ? '프록시가 연결을 닫았습니다' : `프록시 응답: ${values.status}`}). ${values.host}에는 아무것도 보내지 않았습니다.`,
	'transport.proxy.unreachableHint': 'URL을 확인하고, 이 프록시가 그 호스트에 접근할 수 있는지 확인하세요. 직접 연결하려면 그 호스트에 NO_PROXY를 설정하세요.',
	'transport.proxy.settingHint': '프록시 설정을 고치세요. 그런 다음 다시 시도하세요.',
	'transport.proxy.bad': values =>
		`${values.source}: ${values.value}: regwiz가 쓸 수 있는 프록시가 아닙니다: ${values.why} (예: http://proxy.example:3128)`,
	'transport.proxy.notUrl': 'URL이 아닙니다',
	'transport.proxy.scheme': values => `${values.scheme} 프록시는 지원하지 않습니다. http://와 https://만 지원합니다`,
	'transport.proxy.noHost': '호스트가 없습니다',
	'transport.proxy.path': '프록시 URL에는 경로가 없어야 합니다',
	'transport.proxy.fromProfile': '프로필',
	'transport.proxy.direct': '없음 (직접 연결)',
	'transport.proxy.route': values => `${values.label} (출처: ${values.source}${values.credentials ? ', 인증 정보 포함' : ''})`,
	'transport.proxy.setting': values => `${values.label}${values.credentials ? ' (인증 정보 포함)' : ''}`,
	'transport.proxy.unusable': values => `${values.value} (사용할 수 없음)`,
	'transport.cancelled': '서버가 응답하기 전에 취소했습니다.',
	'transport.cancelledHint': '생성되었는지 알 수 없습니다: 다시 시도하기 전에 확인하세요.',
	'transport.timeout': values =>
		`${values.seconds}초 안에 ${values.host}에서 응답이 없었습니다${values.proxy === undefined ? '' : ` (프록시 ${values.proxy} 경유)`}.`,
	'transport.timeoutHint': '서비스가 느리거나 닿지 않을 수 있습니다: 나중에 다시 시도하거나, --timeout SECONDS로 시간을 더 주세요. 생성되었을 수 있습니다: 다시 시도하기 전에 확인하세요.',
	'transport.refused': values => `${values.host}: 연결이 거부되었습니다. 그곳에서 기다리는 서비스가 없습니다.`,
	'transport.refusedHint': 'URL과 포트, 서비스가 실행 중인지 확인하세요.',
	'transport.dns': values => `${values.host}: 호스트 이름을 찾을 수 없습니다 (DNS).`,
	'transport.dnsHint': 'URL의 철자, 네트워크와 DNS 설정을 확인하세요.',
	'transport.tls': values => `${values.host}: 확인할 수 없습니다: ${values.why}. 아무것도 보내지 않았습니다.`,
	'transport.tls.otherHost': '인증서가 다른 호스트 이름의 것입니다',
	'transport.tls.selfSigned': '자체 서명된 인증서입니다',
	'transport.tls.expired': '인증서가 만료되었습니다',
	'transport.tls.untrusted': '이 컴퓨터가 신뢰하지 않는 기관이 서명한 인증서입니다',
	'transport.tls.failed': values => `보안 연결에 실패했습니다 (${values.code})`,
	'transport.tlsHint': 'URL을 확인하세요. 사설 인증 기관은 NODE_EXTRA_CA_CERTS=/path/to/ca.pem으로 추가하세요. regwiz는 인증서 확인을 절대 건너뛰지 않습니다.',
	'transport.interrupted': values =>
		`${values.host}: 응답이 끝나기 전에 연결이 닫혔습니다${values.status === undefined ? '' : ` (상태 코드 ${values.status}까지는 도착함)`}.`,
	'transport.interruptedCreatedHint': '상태로 보아 생성되었을 가능성이 큽니다: 다시 시도하기 전에 있는지 확인하세요.',
	'transport.interruptedHint': '생성되었을 수도, 아닐 수도 있습니다: 다시 시도하기 전에 확인하세요.',
	'transport.network': values => `${values.host}에 보낸 요청이 실패했습니다 (${values.code ?? '네트워크 오류'}).`,
	'transport.networkHint': '네트워크와 URL을 확인하세요. 그런 다음 다시 시도하세요.',
});
