// The NCR backend's words: its fields and rules, its advice, the read-back, Object Storage and the bucket lookups.
const REGISTRY_RULE = '3–30 characters, a lowercase letter first, then lowercase letters, digits and hyphens, ending with a letter or digit';
const BUCKET_RULE = '3–63 characters, labels of lowercase letters, digits and hyphens joined by dots, no label empty or with a hyphen at its edge';
const KEY_HELP = 'from the NCP console: My Page › Manage Account › Manage Auth Key';

export const ncr = {
	'ncr.description': 'a private registry backed by Object Storage',
	'ncr.credentialEnvHelp':
		'set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY (or NCLOUD_ACCESS_KEY and NCLOUD_SECRET_KEY), or save a profile by running regwiz in a terminal',
	'ncr.describeEndpoint.custom': (v: {url: string}) => `Custom ${v.url}`,
	'ncr.help.summary': 'create a NAVER Cloud Container Registry registry',
	'ncr.help.credentials': (v: {variables: string}) => `Credentials (never flags): ${v.variables}; otherwise the profile (--profile, default "default").`,
	'ncr.help.signature': 'Requests are signed with the NCP API Gateway signature v2.',
	'ncr.help.site':
		'Without --site, --endpoint or a profile, the site is what NCLOUD_SITE (public|gov|fin) and NCLOUD_REGION (KR|SGN|JPN) name, as the NCP SDKs read them; else kr.',
	'ncr.curl.validity': 'valid 5 minutes',
	'ncr.sandbox.demo': 'demo',

	'ncr.site.kr': 'Korea',
	'ncr.site.sg': 'Singapore',
	'ncr.site.jp': 'Japan',
	'ncr.site.govKr': 'Government KR',
	'ncr.site.govKrs': 'Government KRS',
	'ncr.site.fin': 'Financial',
	'ncr.site.custom': 'Custom endpoint…',
	'ncr.site.customHint': 'a proxy, private gateway or local emulator',
	'ncr.site.label': 'Site',
	'ncr.site.rule': (v: {sites: string}) => `one of ${v.sites}`,
	'ncr.site.error': (v: {sites: string}) => `one of ${v.sites} (e.g. kr), or --endpoint URL`,
	'ncr.env.badSite': (v: {value: string}) => `NCLOUD_SITE ${v.value} is not a site: use public, gov or fin (e.g. NCLOUD_SITE=gov)`,
	'ncr.env.badRegion': (v: {value: string; zone: string; known: string; example: string}) =>
		`NCLOUD_REGION ${v.value} is not a region of the ${v.zone} site: use ${v.known} (e.g. NCLOUD_REGION=${v.example})`,

	'ncr.endpoint.label': 'Endpoint',
	'ncr.endpoint.rule': 'the API base URL, path included (e.g. http://127.0.0.1:8080/ncr/api/v2)',
	'ncr.storageEndpoint.label': 'Object Storage endpoint',
	'ncr.storageEndpoint.rule': "Object Storage's S3 API, where --create-bucket and regwiz buckets go (default: the site's; needed for gov-*, fin and --endpoint)",

	'ncr.accessKey.label': 'Access key',
	'ncr.accessKey.rule': 'the access key ID from the NCP console',
	'ncr.accessKey.help': KEY_HELP,
	'ncr.accessKey.tooLong': 'an access key is at most 128 characters',
	'ncr.accessKey.printable': 'an access key is printable ASCII with no spaces (e.g. ncp_iam_BPAMKR…)',
	'ncr.secretKey.label': 'Secret key',
	'ncr.secretKey.rule': 'the secret key paired with that access key',
	'ncr.secretKey.example': 'the 40-character secret shown beside the access key',
	'ncr.secretKey.help': KEY_HELP,
	'ncr.secretKey.tooLong': 'a secret key is at most 256 characters',
	'ncr.secretKey.control': 'a secret key must not contain control characters',
	'ncr.secretKey.broken': 'a secret key must not contain a broken character (half of a surrogate pair)',

	'ncr.registry.label': 'Registry name',
	'ncr.registry.rule': REGISTRY_RULE,
	'ncr.registry.help': 'unique across all NCP accounts; becomes part of its docker host name (<name>.kr.ncr.ntruss.com, or the zone of your site)',
	'ncr.registry.tooShort': `is too short; ${REGISTRY_RULE} (e.g. team-a)`,
	'ncr.registry.tooLong': `is too long; ${REGISTRY_RULE} (e.g. team-a)`,
	'ncr.registry.firstLetter': `must start with a lowercase letter; ${REGISTRY_RULE} (e.g. team-a)`,
	'ncr.registry.pattern': `${REGISTRY_RULE} (e.g. team-a)`,
	'ncr.registry.known': (v: {value: string}) => `"${v.value}" is already one of your registries: choose another name`,
	'ncr.registry.knownNote': 'names taken by other accounts are found out only on create',

	'ncr.storageType.label': 'Storage type',
	'ncr.storageType.rule': 'objectStorage or ncloudStorage',
	'ncr.storageType.error': 'objectStorage or ncloudStorage (e.g. objectStorage)',
	'ncr.storageType.objectStorageHint': 'images kept in a bucket of yours (default)',
	'ncr.storageType.ncloudStorageHint': 'storage managed by the registry; no bucket',

	'ncr.bucket.label': 'Bucket',
	'ncr.bucket.rule': BUCKET_RULE,
	'ncr.bucket.help': 'an existing Object Storage bucket that backs no other registry',
	'ncr.bucket.problem': (v: {problem: string}) => `${v.problem}; ${BUCKET_RULE} (e.g. team-a-images)`,
	'ncr.bucket.length': (v: {length: number}) => `must be 3–63 characters (it has ${v.length})`,
	'ncr.bucket.ipShaped': 'must not be shaped like an IP address',
	'ncr.bucket.emptyLabel': 'has an empty label: no dot at either end and no two dots in a row',
	'ncr.bucket.characters': 'may hold only lowercase letters, digits, hyphens and dots',
	'ncr.bucket.hyphenEdge': 'has a label starting or ending with a hyphen (next to a dot or at an end)',
	'ncr.bucket.loading': 'Listing your Object Storage buckets…',
	'ncr.bucket.newLabel': 'New bucket…',
	'ncr.bucket.newHint': 'a name of your own, created just before the registry',
	'ncr.bucket.newPrompt': 'New bucket name',

	'ncr.createBucket.label': 'Create the bucket',
	'ncr.createBucket.yes': 'Yes',
	'ncr.createBucket.yesHint': 'create it first when it does not exist',
	'ncr.createBucket.no': 'No',
	'ncr.createBucket.rule': 'first, when it does not exist (HEAD, then PUT, at Object Storage; both shown by --dry-run)',
	'ncr.createBucket.error': 'true or false (e.g. --create-bucket)',

	'ncr.response.cut': 'the answer was cut: it was larger than regwiz reads',
	'ncr.response.notNcr': (v: {status: number}) => `${v.status} but not the answer NCR sends`,
	'ncr.list.notNcr': (v: {status: number}) => `${v.status} but not the registry list NCR sends`,

	'ncr.readBack.endpointLabel': 'Endpoint',
	'ncr.readBack.privateLabel': 'Private',
	'ncr.readBack.usualForSite': (v: {host: string; site: string; problem: string}) => `${v.host}  (the usual pattern for ${v.site}, not confirmed: ${v.problem})`,
	'ncr.readBack.usual': (v: {host: string; problem: string}) => `${v.host}  (the usual pattern for this site, not confirmed: ${v.problem})`,
	'ncr.readBack.notConfirmed': (v: {problem: string; registry: string}) =>
		`not confirmed (${v.problem}): see the NCP console, Container Registry › ${v.registry}`,
	'ncr.readBack.failed': (v: {failure: string}) => `the registry could not be read back (${v.failure})`,
	'ncr.readBack.noAnswer': 'the registry could not be read back (no answer)',
	'ncr.readBack.refused': (v: {status: number; phrase: string}) => `reading it back was refused: ${v.status} ${v.phrase}`,
	'ncr.readBack.unreadable': 'the listing read back was not the answer NCR sends',
	'ncr.readBack.notListed': (v: {count: number}) => `the registry is not among the first ${v.count} listed`,
	'ncr.readBack.noEndpoint': 'the listing names no endpoint for it',
	'ncr.readBack.turnedOff': (v: {host: string}) => `${v.host}  (turned off: enable it in the console to use it)`,
	'ncr.readBack.privateHost': (v: {host: string}) => `${v.host}  (the private endpoint, from inside the VPC)`,

	'ncr.advice.denied': 'NCP answered 210 Permission Denied: the key pair was accepted, but this account may not use the API. Check:',
	'ncr.advice.deniedSubscription': '1. Container Registry is subscribed for this account (NCP console › Services › Container Registry);',
	'ncr.advice.deniedPolicy':
		'2. a sub-account has a Container Registry policy (e.g. NCP_CONTAINER_REGISTRY_MANAGER) and API Gateway access (Sub Account › policies).',
	'ncr.advice.headersMissing': 'NCP says the authentication headers are missing: they did not reach it.',
	'ncr.advice.headersStripped': "Check that no proxy or gateway between you and NCP strips x-ncp-apigw-* headers, and that the endpoint is the site's own.",
	'ncr.advice.authFailed': 'NCP answered 200 Authentication Failed: it rejected the key, the signature or the timestamp, and does not say which. Check:',
	'ncr.advice.unauthorized': 'NCP answers 401 alike for a wrong key pair, a wrong signature and a wrong clock. Check:',
	'ncr.advice.checkKeys': '1. the access key and secret key belong together (NCP console › Manage Auth Key), and the key is active;',
	'ncr.advice.checkSignature': "2. the signature: no proxy rewrites the request's path, and the endpoint's path prefix is the site's;",
	'ncr.advice.checkClock': '3. your clock is right (NCP allows 5 minutes).',
	'ncr.advice.clockAhead': (v: {duration: string}) => `Your clock is ${v.duration} ahead of the server's: correct it (e.g. enable NTP) and retry.`,
	'ncr.advice.clockBehind': (v: {duration: string}) => `Your clock is ${v.duration} behind the server's: correct it (e.g. enable NTP) and retry.`,
	'ncr.advice.findEndpoint': (v: {registry: string}) => `Find the registry's endpoint in the NCP console (Container Registry › ${v.registry}).`,
	'ncr.advice.usualHost': (v: {host: string}) =>
		`${v.host} is the usual pattern for this site, not confirmed by NCP: check it in the console if docker cannot reach it.`,
	'ncr.advice.privateOnly': 'The public endpoint is turned off: the private one works from inside the VPC.',
	'ncr.advice.login': (v: {host: string}) => `docker login ${v.host}   (user: your access key, password: your secret key)`,
	'ncr.advice.conflict': (v: {registry: string}) =>
		`The registry name "${v.registry}" or the bucket is already used (a bucket can back only one registry).`,
	'ncr.advice.conflictNext': 'Choose another name, or a bucket no registry uses.',
	'ncr.advice.forbidden': (v: {registry: string}) =>
		`NCP answers 403 on create for two causes: the name "${v.registry}" is taken by another NCP account (names are unique across all accounts), or this account may not create registries.`,
	'ncr.advice.forbiddenNext':
		'Try another name first; if every name is refused, ask the account administrator for a Container Registry manager policy (Sub Account).',
	'ncr.advice.notFound': 'Nothing answers at that path: check the site or --endpoint, and that the bucket exists.',

	'ncr.storage.unverified': (v: {site: string}) => `Object Storage's endpoint for the ${v.site} site is not verified: give it with --storage-endpoint BASE_URL`,
	'ncr.storage.customEndpoint':
		'a custom NCR endpoint does not tell where Object Storage is: give it with --storage-endpoint BASE_URL (e.g. https://kr.object.ncloudstorage.com)',
	'ncr.storage.notListBuckets': (v: {excerpt: string}) => `not the ListBuckets answer Object Storage sends (got ${v.excerpt})`,
	'ncr.storage.notListBucketsEmpty': 'not the ListBuckets answer Object Storage sends (got an empty body)',
	'ncr.storage.noAccess': (v: {endpoint: string; said: string}) =>
		`No access to Object Storage at ${v.endpoint} (${v.said}): the key lacks an Object Storage permission, or Object Storage is not subscribed.`,
	'ncr.storage.badSignature': (v: {endpoint: string; said: string}) =>
		`Object Storage at ${v.endpoint} refused the signature (${v.said}): check the secret key, the region of --storage-endpoint, and your clock.`,
	'ncr.storage.answered': (v: {endpoint: string; said: string}) => `Object Storage at ${v.endpoint} answered ${v.said}.`,
	'ncr.storage.insecure': (v: {problem: string}) => `${v.problem}. Use https://, or pass --allow-insecure-http if you accept that risk`,
	'ncr.storage.registryList': (v: {message: string}) => `NCR's registry list answered ${v.message}`,
	'ncr.storage.registriesUnknown': (v: {message: string}) => `which registry each bucket backs is unknown: ${v.message}`,
	'ncr.storage.notYours': (v: {name: string}) =>
		`Bucket "${v.name}" exists and is not yours, or the key lacks an Object Storage permission (HEAD answered 403): choose another bucket name. Nothing was created.`,
	'ncr.storage.taken': (v: {name: string}) =>
		`Bucket name "${v.name}" is taken by another account (bucket names are shared by everyone): choose another. Nothing was created.`,
	'ncr.storage.signingNeedsKeys': 'Object Storage signing needs an access key and a secret key',

	'ncr.bucketFirst.notCreated': 'The registry was not created.',
	'ncr.bucketFirst.notReady': (v: {bucket: string}) => `bucket ${v.bucket} not ready`,
	'ncr.bucketFirst.chooseAnother': 'The registry was not created: choose another bucket (Esc), then send again.',
	'ncr.bucketFirst.created': (v: {bucket: string}) => `Bucket ${v.bucket} was created first.`,
	'ncr.bucketFirst.existed': (v: {bucket: string}) => `Bucket ${v.bucket} already existed and is yours.`,

	'ncr.lookup.nothing': (v: {source: string}) => `nothing to list for ${v.source}`,
	'ncr.lookup.free': 'free',
	'ncr.lookup.backs': (v: {registry: string}) => `backs registry ${v.registry}`,
	'ncr.lookup.taken': (v: {bucket: string; registry: string}) => `${v.bucket} already backs the registry ${v.registry}: a bucket backs only one registry`,
	'ncr.lookup.yours': (v: {value: string}) => `"${v.value}" is already one of your buckets: choose it in the list`,
	'ncr.lookup.othersBucket': (v: {value: string}) =>
		`"${v.value}" belongs to another account (or the key lacks an Object Storage permission): bucket names are shared by everyone, choose another`,
	'ncr.noun': 'registry',
	'ncr.plural': 'registries',
};
