import type {Area} from '../catalogue.js';
import type {store as en} from '../en/store.js';

export const store = (): Area<typeof en> => ({
	'store.disk.noSpace': '디스크에 남은 공간이 없습니다',
	'store.disk.quota': '디스크 할당량을 넘었습니다',
	'store.disk.readOnly': '파일 시스템이 읽기 전용입니다',
	'store.disk.io': '디스크가 입출력 오류를 보고했습니다',
	'store.disk.access': '권한이 없습니다',
	'store.disk.notPermitted': '허용되지 않는 작업입니다',
	'store.disk.tooLarge': '파일이 파일 시스템에 비해 너무 큽니다',
	'store.disk.folderGone': '폴더가 사라졌습니다',
	'store.disk.tooManyFiles': '열린 파일이 너무 많습니다',
	'store.disk.short': '디스크가 데이터의 일부만 받았습니다 (디스크가 가득 찼나요?)',
	'store.disk.shortCode': '일부만 기록됨',
	'store.disk.shortWrite': values => `${values.total}바이트 중 ${values.written}바이트만 기록했습니다`,
	'store.kind.link': '심볼릭 링크',
	'store.kind.folder': '폴더',
	'store.kind.fifo': '이름 있는 파이프(FIFO)',
	'store.kind.device': '장치',
	'store.kind.socket': '소켓',
	'store.kind.other': '일반 파일이 아님',
	'store.trust.owner': values =>
		`${values.where}: 다른 사용자(uid ${values.uid})의 ${values.folder ? '폴더' : '파일'}입니다. regwiz는 이곳에 키를 보관하므로 자기 소유의 ${values.folder ? '폴더' : '파일'}만 신뢰합니다. \`chown ${values.user} ${values.where}\`로 고치거나, REGWIZ_CONFIG_DIR에 본인 소유의 폴더를 지정하세요`,
	'store.trust.writable': values =>
		`${values.where}: 다른 사용자도 쓸 수 있습니다 (mode ${values.mode}). regwiz는 다른 사람이 바꿀 수 있는 ${values.folder ? '폴더' : '파일'}에 키를 보관하지 않습니다. \`${values.folder ? `chmod 700 ${values.where}` : `chmod 600 ${values.where}`}\`로 고치세요`,
	'store.read.notRegular': values =>
		`${values.file}: 일반 파일이 아닙니다 (${values.kind})${values.link ? '. regwiz는 자기 파일에서 링크를 따라가지 않습니다: 링크를 실제 파일로 바꾸세요' : ''}`,
	'store.read.tooBig': values =>
		`${values.file}: regwiz 파일로 보기에는 너무 큽니다 (${values.size > 1024 * 1024 ? `${(values.size / 1024 / 1024).toFixed(1)} MB` : `${values.size}바이트`}, 최대 ${values.maxBytes / 1024} KB까지 읽음). 파일을 다른 곳으로 옮기고 다시 시작하세요`,
	'store.save.failed': values =>
		`저장하지 못했습니다: ${values.file}: ${values.why}. 기존 내용(${values.kept})은 그대로 두었습니다. 공간을 확보하거나 디스크를 고친 뒤 다시 시도하세요`,
	'store.save.keptProfiles': '저장된 모든 프로필',
	'store.save.keptHistory': '기록',
	'store.write.failed': values => `기록하지 못했습니다: ${values.file}: ${values.why}`,
	'store.append.link': values =>
		`${values.file}: 일반 파일이 아닙니다 (${values.kind}). regwiz는 링크를 거치거나 파이프에 쓰지 않습니다: 이 항목을 지우세요`,
	'store.append.notRegular': values => `${values.file}: 일반 파일이 아닙니다 (${values.kind}). 이 항목을 지우세요`,
	'store.folder.link': values =>
		`${values.folder}: 심볼릭 링크입니다${values.target === undefined ? '' : ` (대상: ${values.target})`}. regwiz는 파일을 쓰는 폴더에서 링크를 따라가지 않습니다. REGWIZ_CONFIG_DIR에 실제 폴더를 지정하거나, 링크를 실제 폴더로 바꾸세요`,
	'store.folder.notFolder': values =>
		`${values.folder}: 폴더가 아닙니다 (${values.kind}). 다른 곳으로 옮기거나, REGWIZ_CONFIG_DIR에 다른 폴더를 지정하세요`,
	'store.lock.failed': values => `잠금 파일을 만들지 못했습니다: ${values.lock}: ${values.why}. 아무것도 저장하지 않았습니다`,
	'store.lock.busy': values =>
		`다른 regwiz가 설정을 저장하는 중입니다 (잠금 파일: ${values.lock}). 다시 시도하거나, 실행 중인 regwiz가 없으면 그 파일을 지우세요.`,
	'store.profile.nameRule': '영문자, 숫자, ".", "_", "-"; 1–64자, 영문자나 숫자로 시작',
	'store.profile.badName': values => `${values.name}: 올바른 프로필 이름이 아닙니다. 규칙: ${values.rule} (예: staging)`,
	'store.profile.notFound': values =>
		`이름이 ${values.name}인 프로필이 없습니다. ${values.names.length > 0 ? `프로필: ${values.names.join(', ')}` : '저장된 프로필이 없습니다'}.`,
	'store.profile.exists': values => `이름이 "${values.name}"인 프로필이 이미 있습니다.`,
	'store.memory.location': '(메모리에만 보관, 저장하지 않음)',
	'store.parse.notJson': values => (values.position === undefined ? '올바른 JSON이 아닙니다' : `올바른 JSON이 아닙니다 (${values.position}번째 문자)`),
	'store.parse.expected': values => `${values.expected === 'record' ? '객체' : values.expected} 형식이어야 합니다`,
	'store.parse.foreign': 'regwiz가 쓰는 내용이 아닙니다',
	'store.parse.unexpected': values => `예상하지 못한 내용 (위치: ${values.path || '최상위'}): ${values.what}`,
	'store.config.tightened': values => `${values.file}: 다른 사용자도 읽을 수 있었습니다. 이제 권한은 0600(소유자만)입니다.`,
	'store.config.movedAside': values =>
		`설정 파일을 읽을 수 없습니다: ${values.file}: ${values.problem}. 파일을 다른 이름으로 옮겼습니다: ${values.aside} (지운 것은 없습니다). regwiz는 저장된 프로필 없이 계속합니다.`,
	'store.config.changed': values => `${values.file}: regwiz가 실행되는 동안 바뀌어 지금은 읽을 수 없습니다: ${values.problem}. 아무것도 저장하지 않았습니다`,
	'store.history.notRegular': values => `${values.file}: 일반 파일이 아닙니다. regwiz는 자기 기록 파일만 읽습니다: 이 항목을 지우세요`,
	'store.history.notRegularOpened': values => `${values.file}: 일반 파일이 아닙니다. 이 항목을 지우세요`,
	'store.ncloud.header': values => `${values.line}행: [DEFAULT]나 [my-profile] 같은 섹션 머리글이어야 합니다`,
	'store.ncloud.keyValue': values => `${values.line}행: "key = value"(예: ncloud_access_key_id = ...) 또는 [section]이어야 합니다`,
	'store.ncloud.unreadable': values => `${values.file}: 읽을 수 없습니다: ${values.why}`,
	'store.ncloud.noSection': values =>
		`${values.file}: [${values.wanted}] 섹션이 없습니다${values.names.length > 0 ? ` (있는 섹션: ${values.names.join(', ')})` : ' (키가 하나도 없습니다)'}`,
	'store.ncloud.missingKeys': values => `${values.file} [${values.section}]: ${values.missing.join(', ')} 항목이 없습니다`,
});
