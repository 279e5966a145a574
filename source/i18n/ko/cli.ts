import type {Area} from '../catalogue.js';
import type {cli as en} from '../en/cli.js';

export const cli = (): Area<typeof en> => ({
	// main.ts
	'cli.main.notAsked': values => `${values.flag} 플래그가 있으면 아무것도 묻지 않습니다: 값을 플래그로 주세요`,
	'cli.main.needsTerminal': values =>
		`질문하려면 터미널이 필요합니다. 스크립트에서는 모든 값을 플래그로 주세요${values.usage === undefined ? '' : `: ${values.usage}`} (regwiz --help 참고)`,
	'cli.main.noHelp': values => `${values.topic}에 대한 도움말이 없습니다. 다음을 실행해 보세요: regwiz help, ${values.tries.join(', ')}`,
	'cli.main.unknownCommand': values =>
		`알 수 없는 명령: ${values.command}${values.meant ? ` (${values.meant} 명령을 말씀하신 건가요?)` : ''}. 명령: create, buckets, sandbox, profile, history, help (regwiz --help 참고)`,
	'cli.main.internal': values => `내부 오류: ${values.message}`,
	'cli.main.report': values => `${values.message} (이 문제를 알려 주세요. 종료 코드 ${values.code})`,

	// create-args.ts
	'cli.args.unknownFlag': values =>
		`${values.command}에는 ${values.flag} 플래그가 없습니다${values.meant ? ` (--${values.meant} 플래그를 말씀하신 건가요?)` : ''}. 자세한 내용: ${values.command} --help`,
	'cli.args.needsValue': values => `${values.flag} 플래그에는 값이 필요합니다 (예: ${values.flag} ${values.example}). 자세한 내용: ${values.command} --help`,
	'cli.args.noValue': values => `${values.flag} 플래그는 값을 받지 않습니다. 자세한 내용: ${values.command} --help`,
	'cli.args.unexpected': values =>
		`${values.command}에 예상하지 못한 인자가 있습니다: ${values.value}. 값은 플래그로 줍니다 (예: --registry team-a). 자세한 내용: ${values.command} --help`,
	'cli.args.other': values => `${values.message}. 자세한 내용: ${values.command} --help`,
	'cli.args.invalid': values => `--${values.flag}: ${values.value} 값은 올바른 ${values.label} 값이 아닙니다: ${values.problem}`,
	'cli.args.timeout': values => `--timeout: ${values.value} 값은 0.1부터 3600까지의 초 단위 숫자가 아닙니다 (예: --timeout 60)`,
	'cli.args.contradict': values => `${values.flags.join(', ')} 플래그는 함께 줄 수 없습니다: 하나만 주세요`,
	'cli.args.contradictExample': values =>
		`--${values.other}, --${values.flag} 플래그는 함께 줄 수 없습니다: 하나만 주세요 (예: --${values.other} ${values.otherExample} 또는 --${values.flag} ${values.example})`,
	'cli.args.notUsed': values =>
		`--${values.flag} 플래그는 ${values.others.length > 0 ? `${values.others.join(' ')} 플래그와 함께 ` : '여기에서 '}쓰이지 않습니다: 빼 주세요 (아무것도 보내지 않았습니다)`,

	// create-command.ts
	'cli.create.whichBackend': values => `백엔드를 지정하세요: regwiz create ${values.ids.join(' | ')} (예: ${values.example})`,
	'cli.create.unknownBackend': values => `알 수 없는 백엔드: ${values.name}. 다음 중에서 선택하세요: ${values.ids.join(', ')} (예: ${values.example})`,
	'cli.create.missingFlags': values => `빠진 플래그: ${values.flags.join(', ')}`,
	'cli.create.noCredentials': values => `인증 정보 없음: ${values.help}`,
	'cli.create.missing': values => `${values.parts.join('; ')}. ${values.notAsked}. 자세한 내용: ${values.command} --help`,
	'cli.create.runInTerminal': '터미널에서 실행하면 빠진 값을 물어봅니다',
	'cli.create.dryRunAndCurl': '--dry-run, --curl 플래그는 함께 줄 수 없습니다: 하나만 주세요',
	'cli.create.loginAnd': values => `--login, ${values.flag} 플래그는 함께 줄 수 없습니다: 로그인할 대상이 만들어지지 않습니다`,
	'cli.create.curlBucket':
		'--curl은 레지스트리 요청만 보여 줍니다. 버킷을 먼저 만드세요 (regwiz create ncr … --create-bucket 또는 Object Storage에서).',
	'cli.create.curlSandbox':
		'샌드박스 에뮬레이터는 regwiz가 끝나면 멈춥니다. 이 명령을 쓰려면 `regwiz sandbox`를 실행하고 그 --endpoint/--url 값을 주세요.',
	'cli.create.bucketNotReady': values => `버킷 준비 안 됨: ${values.bucket}. 레지스트리를 만들지 않았습니다`,
	'cli.create.bucketCreated': values => `버킷 생성됨: ${values.bucket}`,
	'cli.create.bucketExists': values => `버킷 ${values.bucket}: 이미 있고 내 계정의 버킷입니다. 다시 만들지 않았습니다.`,
	'cli.create.insecure': values => `${values.problem}. https://를 쓰거나, 그 위험을 감수한다면 --allow-insecure-http를 주세요`,
	'cli.create.notRecorded': values => `경고: 이번 시도를 기록에 남기지 못했습니다: ${values.message}`,

	// output.ts
	'cli.output.request': '요청',
	'cli.output.next': '다음 단계:',
	'cli.output.whatToDo': '해결 방법:',
	'cli.output.dryRun': '시험 실행: 아무것도 보내지 않았습니다.',
	'cli.output.credentialsFrom': values => `인증 정보 출처: ${values.source}. 비밀 값은 보이지 않습니다.`,
	'cli.output.throughProxy': values => `프록시: ${values.proxy}`,
	'cli.output.bucketFirst': '먼저 버킷: HEAD로 버킷이 있는지 확인하고, HEAD가 404로 응답할 때만 PUT으로 만듭니다.',
	'cli.output.thenRegistry': '그다음 레지스트리:',

	// curl.ts
	'cli.curl.signedHelp': values => `서명됨, ${values.validity}; Secret Key는 들어가지 않음`,
	'cli.curl.basicHelp': values => `${values.what} 값은 $${values.variable}에서 읽음`,
	'cli.curl.proxyCredentials': values =>
		`# 프록시 인증 정보(출처: ${values.source})는 여기에 쓰지 않았습니다: --proxy-user USER:PASSWORD를 더하세요.`,
	'cli.curl.basicComment': values => `# ${values.what} 값은 $${values.variable}에서 읽습니다: 먼저 export 하세요 (여기에는 쓰지 않았습니다).`,
	'cli.curl.signedComment': values =>
		`# ${values.title}용 서명: ${values.validity}, ${values.until}까지. 그 뒤에는 다시 출력하세요 (regwiz create ${values.id} ... --curl).`,
	'cli.curl.refuseProxyPassword': '프록시 비밀번호가 들어 있는 curl 명령은 출력하지 않습니다',
	'cli.curl.refuseSecret': values => `${values.id}의 비밀 값이 들어 있는 curl 명령은 출력하지 않습니다`,

	// login-output.ts
	'cli.login.unknownHost': values => `이 ${values.noun}의 docker 호스트를 알 수 없습니다: 서비스 콘솔에서 찾아 직접 로그인하세요`,
	'cli.login.failedLine': values => `Docker 로그인: ${values.message}.`,
	'cli.login.heading': 'Docker 로그인:',
	'cli.login.push': values => `이미지 푸시 (${values.placeholder} 자리에 내 이미지 이름을 넣으세요):`,

	// sandbox-command.ts
	'cli.sandbox.badPort': values => `--port: ${values.value} 값은 0부터 65535까지의 포트 번호가 아닙니다 (예: --port 8080; 0이면 빈 포트를 고릅니다)`,
	'cli.sandbox.badHost': values => `--host: ${values.value} 값은 호스트 주소가 아닙니다 (예: --host 127.0.0.1)`,

	// buckets-command.ts
	'cli.buckets.siteAndEndpoint': '--site, --endpoint 플래그는 함께 줄 수 없습니다: 하나만 주세요 (예: --site kr)',
	'cli.buckets.head': values => `버킷 (${values.endpoint}, ${values.region}): ${values.count}개`,
	'cli.buckets.none': '아직 버킷이 없습니다: regwiz create ncr --registry NAME --bucket NEW-BUCKET --create-bucket 명령으로 만드세요',
	'cli.buckets.free': '(비어 있음)',
	'cli.buckets.unknown': '(알 수 없음)',
	'cli.buckets.columnBucket': '버킷',
	'cli.buckets.columnRegistry': '연결된 레지스트리',
	'cli.buckets.columnCreated': '생성일',
	'cli.buckets.freeCount': values =>
		`비어 있는 버킷 ${values.count}개: 버킷 하나는 레지스트리 하나에만 쓰입니다 (regwiz create ncr --registry NAME --bucket BUCKET).`,
	'cli.buckets.noCredentials': values => `${values.command}: 인증 정보 없음: ${values.help}`,
	'cli.buckets.warning': values => `경고: ${values.message}`,

	// history-command.ts
	'cli.history.badLimit': values => `--limit: ${values.value} 값은 1부터 ${values.max}까지의 정수가 아닙니다 (예: --limit 5)`,
	'cli.history.created': values => `생성됨${values.status}`,
	'cli.history.refused': values => `거부됨${values.status}`,
	'cli.history.noAnswer': '응답 없음',
	'cli.history.cancelled': '취소됨: 생성되었을 수 있음',
	'cli.history.empty': values => `아직 기록된 생성 시도가 없습니다 (${values.path}).`,
	'cli.history.columnTime': '시각 (UTC)',
	'cli.history.columnBackend': '백엔드',
	'cli.history.columnName': '이름',
	'cli.history.columnResult': '결과',
	'cli.history.columnProfile': '프로필',
	'cli.history.columnEndpoint': '엔드포인트',
	'cli.history.columnTrace': 'Trace ID',

	// profile-command.ts
	'cli.profile.unknownBackend': '(알 수 없는 백엔드)',
	'cli.profile.empty': values =>
		`저장된 프로필이 없습니다 (${values.location}).\n터미널에서 regwiz를 실행해 저장하거나, NCP CLI의 키를 가져오세요: regwiz profile import-ncloud`,
	'cli.profile.columnName': '이름',
	'cli.profile.columnBackend': '백엔드',
	'cli.profile.columnEndpoint': '엔드포인트',
	'cli.profile.columnKey': '키',
	'cli.profile.columnLastUsed': '마지막 사용',
	'cli.profile.fieldProfile': '프로필',
	'cli.profile.fieldBackend': '백엔드',
	'cli.profile.unknownToThis': values => `${values.backend} (이 regwiz가 모르는 백엔드)`,
	'cli.profile.fieldEndpoint': '엔드포인트',
	'cli.profile.fieldProxy': '프록시',
	'cli.profile.fieldLastUsed': '마지막 사용',
	'cli.profile.never': '없음',
	'cli.profile.fieldLastValues': '마지막 값',
	'cli.profile.fieldSavedIn': '저장 위치',
	'cli.profile.noTerminal': values =>
		`${values.command}: ${values.quoted} 프로필 삭제를 확인할 터미널이 없습니다. 묻지 않고 삭제하려면 --yes를 더하세요 (예: ${values.command} ${values.name} --yes)`,
	'cli.profile.confirmRemove': values => `${values.name} 프로필을 삭제할까요?`,
	'cli.profile.kept': values => `${values.name} 프로필을 그대로 두었습니다: 아무것도 삭제하지 않았습니다.`,
	'cli.profile.removed': values => `${values.name} 프로필을 삭제했습니다.`,
	'cli.profile.sameName': values => `프로필 이름이 이미 ${values.name}입니다: 바꿀 것이 없습니다.`,
	'cli.profile.exists': values =>
		`${values.quoted} 프로필이 이미 있습니다: 다른 이름을 고르거나, 먼저 삭제하세요 (regwiz profile remove ${values.name}).`,
	'cli.profile.renamed': values => `프로필 이름을 바꿨습니다: ${values.from} → ${values.to}`,
	'cli.profile.chooseSection': '. --section NAME으로 섹션을 고르세요',
	'cli.profile.noNcloudFile': values =>
		`${values.path} 파일이 없습니다: 먼저 \`ncloud configure\`를 실행하거나, 터미널에서 regwiz를 실행해 프로필을 저장하세요`,
	'cli.profile.anotherName': values => `${values.problem}. --as NAME으로 다른 이름을 주세요`,
	'cli.profile.importExists': values =>
		`${values.quoted} 프로필이 이미 있습니다: 바꾸려면 --yes를 더하거나, 다른 이름으로 저장하세요 (예: ${values.command} --as ${values.name}-ncloud)`,
	'cli.profile.zoneSite': values => `${values.zone === 'gov' ? '공공' : '금융'} 존이므로 프로필은 사이트 ${values.site}(${values.label}) 설정을 씁니다`,
	'cli.profile.site': values => `프로필은 사이트 ${values.site}(${values.label}) 설정을 씁니다`,
	'cli.profile.apiUrlNote': values =>
		`참고: ncloud_api_url(${values.url}) 값은 NCP API 게이트웨이이며 Container Registry 엔드포인트가 아니므로 복사하지 않았습니다. ${values.how}. 다른 사이트는 regwiz create ncr --site 또는 --endpoint로 주세요.`,
	'cli.profile.imported': values =>
		`${values.file}의 [${values.section}] 섹션을 ${values.name} 프로필로 가져왔습니다${values.replaced ? ' (전에 저장된 프로필을 바꿈)' : ''}: ${values.backend}, ${values.endpoint}, Access Key ${values.key}.`,
	'cli.profile.useIt': values => `사용 예: regwiz create ncr --profile ${values.name} --registry NAME --bucket BUCKET`,
	'cli.profile.missingPositional': values =>
		`${values.command}: 빠진 인자: ${values.missing} (예: ${values.example}). 목록: regwiz profile list`,
	'cli.profile.unexpected': values =>
		`${values.command}: 예상하지 못한 인자: ${values.value}. 사용법: ${values.usage}. 자세한 내용: ${values.command} --help`,
	'cli.profile.unknownCommand': values =>
		`알 수 없는 profile 명령: ${values.value}. 다음 중에서 선택하세요: ${values.names.join(', ')} (regwiz profile --help 참고)`,
	'cli.profile.exitCodes': '종료 코드: 0 완료 · 1 확인 질문에서 삭제 거절 · 2 사용법 오류 또는 알 수 없는 프로필',
	'cli.profile.flags': `  --json                  stdout에 JSON 값 하나만 출력 (비밀 값은 가림); 메시지는 stderr로
  --no-color              색 없이 출력 (NO_COLOR=1도 같음)
  --help, -h              이 도움말`,
	'cli.profile.groupHelp': values => `regwiz profile: 저장된 프로필 (이름 하나에 인증 정보와 엔드포인트)

사용법:
  regwiz profile list                       모든 프로필: 백엔드, 엔드포인트, 키, 마지막 사용
  regwiz profile show NAME                  프로필 하나; 비밀 값은 ****+마지막 4글자로 표시
  regwiz profile remove NAME [--yes]        터미널에서는 먼저 묻습니다; 스크립트는 --yes 필수
  regwiz profile rename OLD NEW
  regwiz profile import-ncloud [--section NAME] [--as NAME] [--yes]
                                            NCP CLI의 키(~/.ncloud/configure)를 프로필로 저장
모든 명령이 --json과 --help를 받습니다. Secret Key나 토큰은 --json에서도 절대 보이지 않습니다.
프로필은 마법사가 저장하며(터미널에서 regwiz 실행) 설정 폴더에 보관됩니다
(REGWIZ_CONFIG_DIR로 위치를 바꿀 수 있습니다).

예:
  regwiz profile list
  regwiz profile show default --json
  regwiz profile rename default staging
  regwiz profile remove old-account --yes
  regwiz profile import-ncloud --section dev --as ncr-dev

${values.exitCodes}`,
	'cli.profile.listHelp': values => `regwiz profile list: 저장된 모든 프로필

사용법:
  regwiz profile list [--json]

프로필마다 이름, 백엔드, 엔드포인트, Access Key(가림) 또는 사용자 이름, 마지막 사용 시각을 보여 줍니다.

${values.flags}

예:
  regwiz profile list
  regwiz profile list --json | jq -r '.[].name'`,
	'cli.profile.showHelp': values => `regwiz profile show: 저장된 프로필 하나

사용법:
  regwiz profile show NAME [--json]

프로필에 든 모든 것을 보여 줍니다. 비밀 값(Secret Key, 사용자 토큰)만은 ****+마지막 4글자로
표시합니다.

${values.flags}

예:
  regwiz profile show default
  regwiz profile show staging --json`,
	'cli.profile.removeHelp': values => `regwiz profile remove: 저장된 프로필 삭제

사용법:
  regwiz profile remove NAME [--yes]

터미널에서는 먼저 "NAME 프로필을 삭제할까요? [y/N]"라고 묻습니다. 터미널이 없으면(스크립트, CI)
--yes가 있을 때만 삭제합니다.

  --yes, -y               묻지 않고 삭제
${values.flags}

예:
  regwiz profile remove old-account
  regwiz profile remove old-account --yes --json

${values.exitCodes}`,
	'cli.profile.renameHelp': values => `regwiz profile rename: 저장된 프로필의 이름 바꾸기

사용법:
  regwiz profile rename OLD NEW [--json]

NEW는 아직 없는 이름이어야 합니다. 이름에는 영문자, 숫자, ".", "_", "-"를 씁니다(1–64자).

${values.flags}

예:
  regwiz profile rename default staging`,
	'cli.profile.importHelp': values => `regwiz profile import-ncloud: NCP CLI의 키를 NCR 프로필로 저장

사용법:
  regwiz profile import-ncloud [--section NAME] [--as NAME] [--yes] [--json]

\`ncloud configure\`가 쓰는 파일 ~/.ncloud/configure를 읽습니다: ncloud_access_key_id = ...와
ncloud_secret_access_key = ... 줄이며, 섹션 없이 있거나 [DEFAULT], [name] 섹션 아래에 있습니다.

  --section NAME          읽을 섹션 (기본값: $NCLOUD_PROFILE, 없으면 [DEFAULT] 또는 첫 섹션 앞의
                          줄)
  --as NAME               저장할 프로필 (기본값: 섹션 이름을 소문자로, 또는 "default")
  --yes, -y               같은 이름의 프로필을 바꿈
${values.flags}

ncloud_api_url은 NCP API 게이트웨이이며 Container Registry 엔드포인트가 아니므로 복사하지 않습니다.
프로필은 사이트 kr(한국)을 씁니다. 다른 사이트는 regwiz create ncr --site 또는 --endpoint로 주세요.

예:
  regwiz profile import-ncloud
  regwiz profile import-ncloud --section dev --as ncr-dev
  NCLOUD_PROFILE=prod regwiz profile import-ncloud --yes

${values.exitCodes}`,

	// help.ts
	'cli.help.profile': '저장된 이 프로필의 인증 정보와 엔드포인트를 사용 (기본값: "default")',
	'cli.help.json': 'stdout에 JSON 객체 하나만 출력',
	'cli.help.dryRun': '보낼 요청을 출력하고 (비밀 값은 가림) 아무것도 보내지 않음',
	'cli.help.curl': '보내는 대신 같은 일을 하는 curl 명령을 출력',
	'cli.help.curlWith': values => `보내는 대신 같은 일을 하는 curl 명령을 출력 (${values.how})`,
	'cli.help.timeout': '응답을 이 시간(초)까지만 기다림 (기본값 30)',
	'cli.help.proxy':
		'이 프록시를 거쳐 보냄: http://[USER:PASSWORD@]host:port (""이면 프록시 없음); 없으면 HTTPS_PROXY / HTTP_PROXY, NO_PROXY 호스트는 제외 (기본값: loopback)',
	'cli.help.yes': '마법사에서 검토 단계를 건너뛰고 보냄',
	'cli.help.sandbox': '데모 인증 정보로 내장된 로컬 에뮬레이터에 대해 실행',
	'cli.help.login':
		'생성한 뒤 로그인: docker login HOST --password-stdin (docker가 없으면 podman; REGWIZ_CONTAINER_CLI로 선택); 비밀 값은 그 도구의 stdin으로만 전달',
	'cli.help.insecure': '다른 컴퓨터로 http://를 통해 인증 정보를 보내는 것을 허용',
	'cli.help.noColor': '색 없이 출력 (NO_COLOR=1도 같음)',
	'cli.help.accessible':
		'마법사를 일반 줄로: 질문마다 한 번씩, 선택은 번호로, 다시 그리지 않음 (REGWIZ_ACCESSIBLE=1, INK_SCREEN_READER=true도 같음; TERM=dumb이면 자동)',
	'cli.help.lang': 'regwiz가 쓰는 언어: en(영어) 또는 ko(한국어); 없으면 REGWIZ_LANG, 그다음 LC_ALL, LC_MESSAGES, LANG (ko_KR…이면 한국어)',
	'cli.help.help': '이 도움말',
	'cli.help.commonFlags': '공통 플래그:',
	'cli.help.usage': '사용법:',
	'cli.help.examples': '예:',
	'cli.help.asked': '터미널에서는 빠진 값을 물어봅니다.',
	'cli.help.commonFlagsSuffix': '[공통 플래그]',
	'cli.help.exitCodes': `종료 코드: 0 생성됨 (또는 시험 실행 출력) · 1 서비스가 거부함 · 2 사용법 또는 검증 오류 ·
           3 응답 없음 (연결 거부, DNS, TLS, 시간 초과, 프록시) · 70 내부 오류 (regwiz의 결함) ·
           129 SIGHUP · 130 취소됨 (Ctrl-C) · 131 SIGQUIT · 143 SIGTERM`,
	'cli.help.example': values => `(예: ${values.example})`,
	'cli.help.exampleMarker': '(예:',
	'cli.help.booleanRule': values => `${values.label}: ${values.rule}`,
	'cli.help.defaultFlag': values => `기본값 --${values.flag}`,
	'cli.help.defaultValue': values => `기본값 ${values.value}`,
	'cli.help.optional': '선택',
	'cli.help.createTitle': values => `regwiz create ${values.id}: ${values.summary}`,
	'cli.help.mainTitle': 'regwiz: 터미널에서 컨테이너 레지스트리 만들기',
	'cli.help.tryFirst': '계정 없이 먼저 해 보세요: regwiz --sandbox (로컬 에뮬레이터, 데모 인증 정보, 아무것도 저장하지 않음)',
	'cli.help.mainWizard': '마법사: 선택, 로그인, 입력, 검토, 보내기',
	'cli.help.mainSandbox': '로컬 에뮬레이터에 대해 실행하는 마법사: 계정이 필요 없음',
	'cli.help.mainAccessible':
		'화면 낭독기를 위해 일반 줄로 묻는 마법사: 선택은 번호로, 다시 그리지 않음 (REGWIZ_ACCESSIBLE=1, INK_SCREEN_READER=true도 같음; TERM=dumb이면 자동)',
	'cli.help.mainLang': '한국어로 표시 (--lang en: 영어); REGWIZ_LANG=ko 또는 LC_ALL, LC_MESSAGES, LANG의 ko_KR 로캘도 같음',
	'cli.help.mainSandboxCommand': '로컬 에뮬레이터를 포그라운드로 실행',
	'cli.help.mainHistory': '지난 생성 시도',
	'cli.help.mainHelp': '명령의 도움말',
	'cli.help.createOverviewTitle': values => `regwiz create: ${values.nouns.join(', ')} 생성`,
	'cli.help.seeEach': '터미널에서는 빠진 값을 물어봅니다. 자세한 내용:',
	'cli.help.sandboxHelp': `regwiz sandbox: 모든 백엔드의 로컬 에뮬레이터를 포그라운드로 실행

사용법:
  regwiz sandbox [--port N] [--host 127.0.0.1]

기본 URL과 데모 인증 정보를 출력합니다. Ctrl-C로 멈춥니다. 따로 지정하지 않으면 127.0.0.1에서 기다립니다.

예:
  regwiz sandbox --port 8080
  regwiz --sandbox              (자체 에뮬레이터를 쓰는 마법사)`,
	'cli.help.historyHelp': `regwiz history: 지난 생성 시도, 가장 최근 것이 마지막 (셸 history처럼)

사용법:
  regwiz history [--limit N] [--json]

  --limit N               최근 N개의 시도를 표시 (기본값 20, 최대 1000)
  --json                  항목의 JSON 배열을 stdout에 출력, 오래된 것부터
  --no-color              색 없이 출력 (NO_COLOR=1도 같음)
  --help, -h              이 도움말

응답을 받았거나, 받지 못했거나, 취소된 모든 생성은 설정 폴더의 history.jsonl에 남습니다(최근
1,000개): 시각(UTC), 백엔드, 엔드포인트, 프로필, 이름, HTTP 상태, 결과(created, refused,
no-answer, cancelled), NCP trace id. 비밀 값은 절대 남기지 않습니다. 시험 실행, --curl,
--sandbox 실행은 기록하지 않습니다.

예:
  regwiz history
  regwiz history --limit 5
  regwiz history --json | jq '.[] | select(.outcome == "refused")'`,

	// buckets-help.ts
	'cli.help.bucketsSummary': '계정의 Object Storage 버킷과 각 버킷에 연결된 레지스트리',
	'cli.help.bucketsHelp': values => `regwiz buckets: ${values.summary}

사용법:
  regwiz buckets [--site ${values.sites} | --endpoint BASE_URL] [--storage-endpoint BASE_URL]
                 [--profile NAME] [--json] [--timeout SECONDS] [--proxy URL] [--sandbox] [--allow-insecure-http]

버킷 목록을 읽고(S3 ListBuckets, NCR 키로 AWS Signature V4 서명) NCR의 레지스트리 목록을 읽어 각
버킷에 연결된 레지스트리를 보여 줍니다. 버킷 하나는 레지스트리 하나에만 쓰입니다.
Object Storage 엔드포인트는 사이트를 따릅니다: kr https://kr.object.ncloudstorage.com (kr-standard),
sg https://sg.object.ncloudstorage.com, jp https://jp.object.ncpstorage.com. 공공 사이트와 직접 입력한
엔드포인트(--endpoint)에는 --storage-endpoint를 주세요(그 엔드포인트는 확인되지 않았습니다).

  --storage-endpoint URL  사이트의 것 대신 쓸 Object Storage 기본 URL
  --proxy URL             regwiz create와 같음: Object Storage에도 같은 프록시를 거쳐 접속
  --json                  JSON 객체 하나: {"ok", "endpoint", "region", "buckets": [{"name",
                          "created", "registry"}], "registriesKnown", "error"}

인증 정보는 regwiz create ncr과 같습니다(환경 변수, --profile, 또는 "default" 프로필).

예:
  regwiz buckets
  regwiz buckets --site sg --json
  regwiz buckets --sandbox

종료 코드: 0 목록 출력 · 1 거부됨 (예: Object Storage 권한 없음) · 2 사용법 오류 · 3 응답 없음 ·
           70 내부 오류 (regwiz의 결함)`,
});
