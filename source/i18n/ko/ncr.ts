import type {Area} from '../catalogue.js';
import type {ncr as en} from '../en/ncr.js';

export const ncr = (): Area<typeof en> => {
	const registryRule = '영문 소문자로 시작하고 영문 소문자, 숫자, 하이픈으로 이루어진 3–30자이며, 영문자나 숫자로 끝납니다';
	const bucketRule = '영문 소문자, 숫자, 하이픈으로 된 레이블을 점으로 이은 3–63자이며, 빈 레이블이나 하이픈으로 시작하거나 끝나는 레이블은 쓸 수 없습니다';
	const keyHelp = 'NCP 콘솔: 마이페이지 › 계정 관리 › 인증키 관리';
	return {
		'ncr.description': 'Object Storage를 쓰는 비공개 레지스트리',
		'ncr.credentialEnvHelp':
			'NCLOUD_ACCESS_KEY_ID와 NCLOUD_SECRET_ACCESS_KEY(또는 NCLOUD_ACCESS_KEY와 NCLOUD_SECRET_KEY)를 설정하거나, 터미널에서 regwiz를 실행해 프로필을 저장하세요',
		'ncr.describeEndpoint.custom': v => `직접 입력한 엔드포인트 ${v.url}`,
		'ncr.help.summary': 'NAVER Cloud Container Registry에 레지스트리를 만듭니다',
		'ncr.help.credentials': v => `인증 정보(플래그로는 받지 않음): ${v.variables}. 없으면 프로필을 씁니다 (--profile, 기본값 "default").`,
		'ncr.help.signature': '요청은 NCP API Gateway 서명 v2로 서명합니다.',
		'ncr.help.site':
			'--site, --endpoint, 프로필이 모두 없으면 NCP SDK처럼 NCLOUD_SITE(public|gov|fin)와 NCLOUD_REGION(KR|SGN|JPN)이 가리키는 사이트를 쓰고, 이 변수도 없으면 kr을 씁니다.',
		'ncr.curl.validity': '5분간 유효',
		'ncr.sandbox.demo': '데모',

		'ncr.site.kr': '한국',
		'ncr.site.sg': '싱가포르',
		'ncr.site.jp': '일본',
		'ncr.site.govKr': '공공 KR',
		'ncr.site.govKrs': '공공 KRS',
		'ncr.site.fin': '금융',
		'ncr.site.custom': '직접 입력한 엔드포인트…',
		'ncr.site.customHint': '프록시, 사설 게이트웨이 또는 로컬 에뮬레이터',
		'ncr.site.label': '사이트',
		'ncr.site.rule': v => `${v.sites} 중 하나`,
		'ncr.site.error': v => `${v.sites} 중 하나 (예: kr), 또는 --endpoint URL`,
		'ncr.env.badSite': v => `NCLOUD_SITE ${v.value}: 알 수 없는 사이트입니다. public, gov, fin 중 하나를 쓰세요 (예: NCLOUD_SITE=gov)`,
		'ncr.env.badRegion': v => `NCLOUD_REGION ${v.value}: ${v.zone} 사이트의 리전이 아닙니다. ${v.known} 중 하나를 쓰세요 (예: NCLOUD_REGION=${v.example})`,

		'ncr.endpoint.label': '엔드포인트',
		'ncr.endpoint.rule': '경로까지 포함한 API 기본 URL (예: http://127.0.0.1:8080/ncr/api/v2)',
		'ncr.storageEndpoint.label': 'Object Storage 엔드포인트',
		'ncr.storageEndpoint.rule': '--create-bucket과 regwiz buckets가 요청하는 Object Storage의 S3 API (기본값: 사이트의 엔드포인트, gov-*, fin, --endpoint에서는 필수)',

		'ncr.accessKey.label': 'Access Key',
		'ncr.accessKey.rule': 'NCP 콘솔에서 발급한 Access Key ID',
		'ncr.accessKey.help': keyHelp,
		'ncr.accessKey.tooLong': 'Access Key는 128자 이하입니다',
		'ncr.accessKey.printable': 'Access Key는 공백 없는 출력 가능한 ASCII 문자로 이루어집니다 (예: ncp_iam_BPAMKR…)',
		'ncr.secretKey.label': 'Secret Key',
		'ncr.secretKey.rule': '그 Access Key와 짝을 이루는 Secret Key',
		'ncr.secretKey.example': 'Access Key 옆에 표시되는 40자 Secret Key',
		'ncr.secretKey.help': keyHelp,
		'ncr.secretKey.tooLong': 'Secret Key는 256자 이하입니다',
		'ncr.secretKey.control': 'Secret Key에는 제어 문자가 들어갈 수 없습니다',
		'ncr.secretKey.broken': 'Secret Key에 깨진 문자(서로게이트 쌍의 절반)가 들어갈 수 없습니다',

		'ncr.registry.label': '레지스트리 이름',
		'ncr.registry.rule': registryRule,
		'ncr.registry.help': '모든 NCP 계정에서 고유해야 하며 docker 호스트 이름의 일부가 됩니다 (<name>.kr.ncr.ntruss.com, 또는 사이트에 따른 도메인)',
		'ncr.registry.tooShort': `너무 짧습니다. ${registryRule} (예: team-a)`,
		'ncr.registry.tooLong': `너무 깁니다. ${registryRule} (예: team-a)`,
		'ncr.registry.firstLetter': `영문 소문자로 시작해야 합니다. ${registryRule} (예: team-a)`,
		'ncr.registry.pattern': `${registryRule} (예: team-a)`,
		'ncr.registry.known': v => `"${v.value}" 레지스트리가 이미 내 계정에 있습니다: 다른 이름을 선택하세요`,
		'ncr.registry.knownNote': '다른 계정이 쓰는 이름은 생성할 때에야 알 수 있습니다',

		'ncr.storageType.label': '스토리지 유형',
		'ncr.storageType.rule': 'objectStorage 또는 ncloudStorage',
		'ncr.storageType.error': 'objectStorage 또는 ncloudStorage (예: objectStorage)',
		'ncr.storageType.objectStorageHint': '내 버킷에 이미지를 보관 (기본값)',
		'ncr.storageType.ncloudStorageHint': '레지스트리가 관리하는 스토리지, 버킷 없음',

		'ncr.bucket.label': '버킷',
		'ncr.bucket.rule': bucketRule,
		'ncr.bucket.help': '다른 레지스트리가 쓰지 않는 기존 Object Storage 버킷',
		'ncr.bucket.problem': v => `${v.problem}. ${bucketRule} (예: team-a-images)`,
		'ncr.bucket.length': v => `3–63자여야 합니다 (지금 ${v.length}자)`,
		'ncr.bucket.ipShaped': 'IP 주소 형태는 쓸 수 없습니다',
		'ncr.bucket.emptyLabel': '빈 레이블이 있습니다. 점은 양 끝에 둘 수 없고 두 번 연달아 쓸 수 없습니다',
		'ncr.bucket.characters': '영문 소문자, 숫자, 하이픈, 점만 쓸 수 있습니다',
		'ncr.bucket.hyphenEdge': '하이픈으로 시작하거나 끝나는 레이블이 있습니다 (점 옆이나 양 끝)',
		'ncr.bucket.loading': 'Object Storage 버킷 목록을 불러오는 중…',
		'ncr.bucket.newLabel': '새 버킷…',
		'ncr.bucket.newHint': '직접 정한 이름으로, 레지스트리 바로 전에 생성',
		'ncr.bucket.newPrompt': '새 버킷 이름',

		'ncr.createBucket.label': '버킷 생성',
		'ncr.createBucket.yes': '예',
		'ncr.createBucket.yesHint': '없으면 먼저 생성',
		'ncr.createBucket.no': '아니요',
		'ncr.createBucket.rule': '없으면 먼저 생성 (Object Storage에 HEAD 다음 PUT, 둘 다 --dry-run에 표시)',
		'ncr.createBucket.error': 'true 또는 false (예: --create-bucket)',

		'ncr.response.cut': '응답이 잘렸습니다: regwiz가 읽는 크기보다 큽니다',
		'ncr.response.notNcr': v => `${v.status}: NCR이 보내는 응답 형식이 아닙니다`,
		'ncr.list.notNcr': v => `${v.status}: NCR이 보내는 레지스트리 목록 형식이 아닙니다`,

		'ncr.readBack.endpointLabel': '엔드포인트',
		'ncr.readBack.privateLabel': '비공개',
		'ncr.readBack.usualForSite': v => `${v.host}  (${v.site} 사이트의 일반적인 형식, 확인되지 않음: ${v.problem})`,
		'ncr.readBack.usual': v => `${v.host}  (이 사이트의 일반적인 형식, 확인되지 않음: ${v.problem})`,
		'ncr.readBack.notConfirmed': v => `확인되지 않음 (${v.problem}): NCP 콘솔의 Container Registry › ${v.registry}에서 확인하세요`,
		'ncr.readBack.failed': v => `레지스트리를 다시 읽지 못했습니다 (${v.failure})`,
		'ncr.readBack.noAnswer': '레지스트리를 다시 읽지 못했습니다 (응답 없음)',
		'ncr.readBack.refused': v => `다시 읽기가 거부되었습니다: ${v.status} ${v.phrase}`,
		'ncr.readBack.unreadable': '다시 읽은 목록이 NCR이 보내는 응답 형식이 아닙니다',
		'ncr.readBack.notListed': v => `목록의 처음 ${v.count}개 안에 이 레지스트리가 없습니다`,
		'ncr.readBack.noEndpoint': '목록에 이 레지스트리의 엔드포인트가 없습니다',
		'ncr.readBack.turnedOff': v => `${v.host}  (꺼져 있음: 쓰려면 콘솔에서 켜세요)`,
		'ncr.readBack.privateHost': v => `${v.host}  (비공개 엔드포인트, VPC 안에서 사용)`,

		'ncr.advice.denied': 'NCP가 210 Permission Denied로 응답했습니다: 키 쌍은 받아들였지만 이 계정은 API를 쓸 수 없는 것으로 보입니다. 확인하세요:',
		'ncr.advice.deniedSubscription': '1. 이 계정에서 Container Registry 이용을 신청했는지 (NCP 콘솔 › Services › Container Registry)',
		'ncr.advice.deniedPolicy': '2. 서브 계정이라면 Container Registry 정책(예: NCP_CONTAINER_REGISTRY_MANAGER)과 API Gateway 접근 권한이 있는지 (Sub Account › 정책)',
		'ncr.advice.headersMissing': 'NCP가 인증 헤더가 없다고 응답했습니다: 헤더가 NCP까지 가지 않았습니다.',
		'ncr.advice.headersStripped': 'NCP와의 사이에 있는 프록시나 게이트웨이가 x-ncp-apigw-* 헤더를 지우지 않는지, 엔드포인트가 사이트의 것이 맞는지 확인하세요.',
		'ncr.advice.authFailed': 'NCP가 200 Authentication Failed로 응답했습니다: 키, 서명, 타임스탬프 중 하나를 거부했지만 어느 것인지는 알려 주지 않습니다. 확인하세요:',
		'ncr.advice.unauthorized': 'NCP는 키 쌍, 서명, 시계 중 무엇이 틀려도 똑같이 401로 응답합니다. 확인하세요:',
		'ncr.advice.checkKeys': '1. Access Key와 Secret Key가 한 쌍인지 (NCP 콘솔 › 인증키 관리), 키가 사용 중인지',
		'ncr.advice.checkSignature': '2. 서명: 프록시가 요청 경로를 바꾸지 않는지, 엔드포인트의 경로 접두사가 사이트의 것인지',
		'ncr.advice.checkClock': '3. 내 시계가 맞는지 (NCP는 5분까지 허용합니다)',
		'ncr.advice.clockAhead': v => `내 시계가 서버보다 ${v.duration} 빠릅니다: 시계를 맞춘 뒤(예: NTP 사용) 다시 시도하세요.`,
		'ncr.advice.clockBehind': v => `내 시계가 서버보다 ${v.duration} 느립니다: 시계를 맞춘 뒤(예: NTP 사용) 다시 시도하세요.`,
		'ncr.advice.findEndpoint': v => `NCP 콘솔(Container Registry › ${v.registry})에서 레지스트리의 엔드포인트를 확인하세요.`,
		'ncr.advice.usualHost': v => `${v.host}: 이 사이트의 일반적인 형식이며 NCP가 확인한 값은 아닙니다. docker가 연결하지 못하면 콘솔에서 확인하세요.`,
		'ncr.advice.privateOnly': '공개 엔드포인트가 꺼져 있습니다: 비공개 엔드포인트는 VPC 안에서 쓸 수 있습니다.',
		'ncr.advice.login': v => `docker login ${v.host}   (사용자 이름: Access Key, 비밀번호: Secret Key)`,
		'ncr.advice.conflict': v => `레지스트리 이름 "${v.registry}" 또는 버킷이 이미 사용 중입니다 (버킷 하나는 레지스트리 하나에만 쓸 수 있습니다).`,
		'ncr.advice.conflictNext': '다른 이름이나, 어느 레지스트리도 쓰지 않는 버킷을 선택하세요.',
		'ncr.advice.forbidden': v =>
			`NCP는 두 가지 경우에 생성 요청을 403으로 거부합니다: 다른 NCP 계정이 이미 쓰는 이름인 경우(이름: "${v.registry}", 이름은 모든 계정에서 고유합니다), 또는 이 계정이 레지스트리를 만들 수 없는 경우입니다.`,
		'ncr.advice.forbiddenNext': '먼저 다른 이름으로 시도하세요. 어떤 이름이든 거부되면 계정 관리자에게 Container Registry 관리자 정책(Sub Account)을 요청하세요.',
		'ncr.advice.notFound': '그 경로에서 응답하는 API가 없습니다: 사이트나 --endpoint를 확인하고, 버킷이 있는지 확인하세요.',

		'ncr.storage.unverified': v => `${v.site} 사이트의 Object Storage 엔드포인트는 확인되지 않았습니다: --storage-endpoint BASE_URL로 지정하세요`,
		'ncr.storage.customEndpoint':
			'직접 입력한 NCR 엔드포인트로는 Object Storage의 위치를 알 수 없습니다: --storage-endpoint BASE_URL로 지정하세요 (예: https://kr.object.ncloudstorage.com)',
		'ncr.storage.notListBuckets': v => `Object Storage가 보내는 ListBuckets 응답 형식이 아닙니다 (받은 내용: ${v.excerpt})`,
		'ncr.storage.notListBucketsEmpty': 'Object Storage가 보내는 ListBuckets 응답 형식이 아닙니다 (빈 본문)',
		'ncr.storage.noAccess': v =>
			`Object Storage에 접근할 수 없습니다 (${v.endpoint}, ${v.said}): 키에 Object Storage 권한이 없거나 Object Storage 이용을 신청하지 않았습니다.`,
		'ncr.storage.badSignature': v =>
			`Object Storage가 서명을 거부했습니다 (${v.endpoint}, ${v.said}): Secret Key, --storage-endpoint의 리전, 내 시계를 확인하세요.`,
		'ncr.storage.answered': v => `Object Storage의 응답 (${v.endpoint}): ${v.said}.`,
		'ncr.storage.insecure': v => `${v.problem}. https://를 쓰거나, 그 위험을 감수한다면 --allow-insecure-http를 주세요`,
		'ncr.storage.registryList': v => `NCR 레지스트리 목록의 응답: ${v.message}`,
		'ncr.storage.registriesUnknown': v => `버킷마다 어느 레지스트리에 쓰이는지 알 수 없습니다: ${v.message}`,
		'ncr.storage.notYours': v =>
			`"${v.name}" 버킷은 다른 계정의 것이거나, 키에 Object Storage 권한이 없습니다 (HEAD 응답 403): 다른 버킷 이름을 선택하세요. 아무것도 만들지 않았습니다.`,
		'ncr.storage.taken': v =>
			`"${v.name}" 버킷 이름은 다른 계정이 쓰고 있습니다 (버킷 이름은 모든 사용자가 함께 씁니다): 다른 이름을 선택하세요. 아무것도 만들지 않았습니다.`,
		'ncr.storage.signingNeedsKeys': 'Object Storage 요청에 서명하려면 Access Key와 Secret Key가 필요합니다',

		'ncr.bucketFirst.notCreated': '레지스트리를 만들지 않았습니다.',
		'ncr.bucketFirst.notReady': v => `${v.bucket} 버킷이 준비되지 않음`,
		'ncr.bucketFirst.chooseAnother': '레지스트리를 만들지 않았습니다: 다른 버킷을 선택한 뒤(Esc) 다시 보내세요.',
		'ncr.bucketFirst.created': v => `${v.bucket} 버킷을 먼저 만들었습니다.`,
		'ncr.bucketFirst.existed': v => `${v.bucket} 버킷은 이미 있었고 내 계정의 것입니다.`,

		'ncr.lookup.nothing': v => `목록으로 보여 줄 것이 없습니다: ${v.source}`,
		'ncr.lookup.free': '사용 가능',
		'ncr.lookup.backs': v => `레지스트리 ${v.registry}에서 사용 중`,
		'ncr.lookup.taken': v => `${v.bucket} 버킷은 이미 레지스트리 ${v.registry}에서 쓰고 있습니다: 버킷 하나는 레지스트리 하나에만 쓸 수 있습니다`,
		'ncr.lookup.yours': v => `"${v.value}" 버킷은 이미 내 계정에 있습니다: 목록에서 선택하세요`,
		'ncr.lookup.othersBucket': v =>
			`"${v.value}" 버킷은 다른 계정의 것입니다 (또는 키에 Object Storage 권한이 없습니다): 버킷 이름은 모든 사용자가 함께 쓰므로 다른 이름을 선택하세요`,
	};
};
