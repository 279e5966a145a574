/** The command line: help, usage errors, plain output, profiles, history, buckets. */
export const cli = {
	// main.ts
	'cli.main.notAsked': (values: {flag: string}) => `With ${values.flag} nothing is asked: give them as flags`,
	'cli.main.needsTerminal': (values: {usage?: string}) =>
		`regwiz needs a terminal to ask questions. In scripts, give every value as flags${values.usage === undefined ? '' : `: ${values.usage}`} (see regwiz --help)`,
	'cli.main.noHelp': (values: {topic: string; tries: string[]}) => `No help on ${values.topic}. Try: regwiz help, ${values.tries.join(', ')}`,
	'cli.main.unknownCommand': (values: {command: string; meant?: string}) =>
		`Unknown command ${values.command}${values.meant ? `: did you mean ${values.meant}?` : '.'} Commands: create, buckets, sandbox, profile, history, help (see regwiz --help)`,
	'cli.main.internal': (values: {message: string}) => `internal error: ${values.message}`,
	'cli.main.report': (values: {message: string; code: number}) => `${values.message} (please report it; exit ${values.code})`,

	// create-args.ts
	'cli.args.unknownFlag': (values: {flag: string; command: string; meant?: string}) =>
		`Unknown flag ${values.flag} for ${values.command}${values.meant ? `: did you mean --${values.meant}?` : '.'} See: ${values.command} --help`,
	'cli.args.needsValue': (values: {flag: string; example: string; command: string}) =>
		`${values.flag} needs a value (e.g. ${values.flag} ${values.example}). See: ${values.command} --help`,
	'cli.args.noValue': (values: {flag: string; command: string}) => `${values.flag} takes no value. See: ${values.command} --help`,
	'cli.args.unexpected': (values: {value: string; command: string}) =>
		`Unexpected argument ${values.value} for ${values.command}: values are given as flags (e.g. --registry team-a). See: ${values.command} --help`,
	'cli.args.other': (values: {message: string; command: string}) => `${values.message}. See: ${values.command} --help`,
	'cli.args.invalid': (values: {flag: string; value: string; label: string; problem: string}) =>
		`--${values.flag}: ${values.value} is not a valid ${values.label}: ${values.problem}`,
	'cli.args.timeout': (values: {value: string}) => `--timeout: ${values.value} is not a number of seconds from 0.1 to 3600 (e.g. --timeout 60)`,
	'cli.args.contradict': (values: {flags: string[]}) => `${values.flags.join(' and ')} contradict each other: give one of them`,
	'cli.args.contradictExample': (values: {flag: string; other: string; example: string; otherExample: string}) =>
		`--${values.other} and --${values.flag} contradict each other: give one of them (e.g. --${values.other} ${values.otherExample}, or --${values.flag} ${values.example})`,
	'cli.args.notUsed': (values: {flag: string; others: string[]}) =>
		`--${values.flag} is not used${values.others.length > 0 ? ` with ${values.others.join(' ')}` : ' here'}: leave it out (nothing was sent)`,

	// create-command.ts
	'cli.create.whichBackend': (values: {ids: string[]; example: string}) => `Which backend? regwiz create ${values.ids.join(' or ')} (e.g. ${values.example})`,
	'cli.create.unknownBackend': (values: {name: string; ids: string[]; example: string}) =>
		`Unknown backend ${values.name}: choose ${values.ids.join(' or ')} (e.g. ${values.example})`,
	'cli.create.missingFlags': (values: {flags: string[]}) => `missing ${values.flags.join(', ')}`,
	'cli.create.noCredentials': (values: {help: string}) => `no credentials: ${values.help}`,
	'cli.create.missing': (values: {parts: string[]; notAsked: string; command: string}) =>
		`${values.parts.join('; ')}. ${values.notAsked}, or see: ${values.command} --help`,
	'cli.create.runInTerminal': 'Run it in a terminal to be asked',
	'cli.create.dryRunAndCurl': '--dry-run and --curl contradict each other: give one of them',
	'cli.create.loginAnd': (values: {flag: string}) => `--login and ${values.flag} contradict each other: nothing is created to log in to`,
	'cli.create.curlBucket': '--curl shows the registry request only; create the bucket first (regwiz create ncr … --create-bucket, or at Object Storage).',
	'cli.create.curlSandbox': 'the sandbox emulator stops when regwiz exits; run `regwiz sandbox` and pass its --endpoint/--url to use this command.',
	'cli.create.bucketNotReady': (values: {bucket: string}) => `Bucket ${values.bucket} not ready: the registry was not created`,
	'cli.create.bucketCreated': (values: {bucket: string}) => `Bucket ${values.bucket} created`,
	'cli.create.bucketExists': (values: {bucket: string}) => `Bucket ${values.bucket} already exists and is yours: not created again.`,
	'cli.create.insecure': (values: {problem: string}) => `${values.problem}. Use https://, or pass --allow-insecure-http if you accept that risk`,
	'cli.create.notRecorded': (values: {message: string}) => `warning: the attempt was not recorded in the history: ${values.message}`,

	// output.ts
	'cli.output.request': 'Request',
	'cli.output.next': 'Next:',
	'cli.output.whatToDo': 'What to do:',
	'cli.output.dryRun': 'Dry run: nothing was sent.',
	'cli.output.credentialsFrom': (values: {source: string}) => `Credentials from ${values.source}; secrets are not shown.`,
	'cli.output.throughProxy': (values: {proxy: string}) => `Through the proxy ${values.proxy}.`,
	'cli.output.bucketFirst': 'First, the bucket: HEAD tells whether it exists; PUT creates it only when HEAD answers 404.',
	'cli.output.thenRegistry': 'Then the registry:',

	// curl.ts
	'cli.curl.signedHelp': (values: {validity: string}) => `signed, ${values.validity}; never the secret key`,
	'cli.curl.basicHelp': (values: {what: string; variable: string}) => `reads the ${values.what} from $${values.variable}`,
	'cli.curl.proxyCredentials': (values: {source: string}) =>
		`# The proxy's credentials (from ${values.source}) are not written here: add --proxy-user USER:PASSWORD.`,
	'cli.curl.basicComment': (values: {what: string; variable: string}) =>
		`# The ${values.what} is read from $${values.variable}: export it first (it is not written here).`,
	'cli.curl.signedComment': (values: {title: string; validity: string; until: string; id: string}) =>
		`# Signed for ${values.title}: ${values.validity}, until ${values.until}; then print it again (regwiz create ${values.id} ... --curl).`,
	'cli.curl.refuseProxyPassword': 'refusing to print a curl command that contains the proxy password',
	'cli.curl.refuseSecret': (values: {id: string}) => `refusing to print a curl command that contains the ${values.id} secret`,

	// login-output.ts
	'cli.login.unknownHost': (values: {noun: string}) =>
		`regwiz cannot tell this ${values.noun}'s docker host: find it in the service's console and log in by hand`,
	'cli.login.failedLine': (values: {message: string}) => `Docker login: ${values.message}.`,
	'cli.login.heading': 'Docker login:',
	'cli.login.push': (values: {placeholder: string}) => `Push an image (replace ${values.placeholder} with yours):`,

	// sandbox-command.ts
	'cli.sandbox.badPort': (values: {value: string}) => `--port: ${values.value} is not a port number from 0 to 65535 (e.g. --port 8080; 0 picks a free one)`,
	'cli.sandbox.badHost': (values: {value: string}) => `--host: ${values.value} is not a host address (e.g. --host 127.0.0.1)`,

	// buckets-command.ts
	'cli.buckets.siteAndEndpoint': '--site and --endpoint contradict each other: give one of them (e.g. --site kr)',
	'cli.buckets.head': (values: {endpoint: string; region: string; count: number}) => `Buckets at ${values.endpoint} (${values.region}): ${values.count}`,
	'cli.buckets.none': 'No bucket yet: create one with regwiz create ncr --registry NAME --bucket NEW-BUCKET --create-bucket',
	'cli.buckets.free': '(free)',
	'cli.buckets.unknown': '(unknown)',
	'cli.buckets.columnBucket': 'BUCKET',
	'cli.buckets.columnRegistry': 'BACKS REGISTRY',
	'cli.buckets.columnCreated': 'CREATED',
	'cli.buckets.freeCount': (values: {count: number}) =>
		`${values.count} free: a bucket backs at most one registry (regwiz create ncr --registry NAME --bucket BUCKET).`,
	'cli.buckets.noCredentials': (values: {command: string; help: string}) => `${values.command}: no credentials: ${values.help}`,
	'cli.buckets.warning': (values: {message: string}) => `warning: ${values.message}`,

	// history-command.ts
	'cli.history.badLimit': (values: {value: string; max: number}) =>
		`--limit: ${values.value} is not a whole number between 1 and ${values.max} (e.g. --limit 5)`,
	'cli.history.created': (values: {status: string}) => `created${values.status}`,
	'cli.history.refused': (values: {status: string}) => `refused${values.status}`,
	'cli.history.noAnswer': 'no answer',
	'cli.history.cancelled': 'cancelled: may have been created',
	'cli.history.empty': (values: {path: string}) => `No create attempts recorded yet (${values.path}).`,
	'cli.history.columnTime': 'TIME (UTC)',
	'cli.history.columnBackend': 'BACKEND',
	'cli.history.columnName': 'NAME',
	'cli.history.columnResult': 'RESULT',
	'cli.history.columnProfile': 'PROFILE',
	'cli.history.columnEndpoint': 'ENDPOINT',
	'cli.history.columnTrace': 'TRACE ID',

	// profile-command.ts
	'cli.profile.unknownBackend': '(unknown backend)',
	'cli.profile.empty': (values: {location: string}) =>
		`No saved profiles (${values.location}).\nSave one by running regwiz in a terminal, or import the NCP CLI's keys: regwiz profile import-ncloud`,
	'cli.profile.columnName': 'NAME',
	'cli.profile.columnBackend': 'BACKEND',
	'cli.profile.columnEndpoint': 'ENDPOINT',
	'cli.profile.columnKey': 'KEY',
	'cli.profile.columnLastUsed': 'LAST USED',
	'cli.profile.fieldProfile': 'Profile',
	'cli.profile.fieldBackend': 'Backend',
	'cli.profile.unknownToThis': (values: {backend: string}) => `${values.backend} (unknown to this regwiz)`,
	'cli.profile.fieldEndpoint': 'Endpoint',
	'cli.profile.fieldProxy': 'Proxy',
	'cli.profile.fieldLastUsed': 'Last used',
	'cli.profile.never': 'never',
	'cli.profile.fieldLastValues': 'Last values',
	'cli.profile.fieldSavedIn': 'Saved in',
	'cli.profile.noTerminal': (values: {command: string; name: string; quoted: string}) =>
		`${values.command}: no terminal to confirm removing ${values.quoted}; add --yes to remove it without asking (e.g. ${values.command} ${values.name} --yes)`,
	'cli.profile.confirmRemove': (values: {name: string}) => `Remove profile ${values.name}?`,
	'cli.profile.kept': (values: {name: string}) => `Kept profile ${values.name}: nothing was removed.`,
	'cli.profile.removed': (values: {name: string}) => `Removed profile ${values.name}.`,
	'cli.profile.sameName': (values: {name: string}) => `The profile is already named ${values.name}: nothing to rename.`,
	'cli.profile.exists': (values: {quoted: string; name: string}) =>
		`A profile named ${values.quoted} already exists: choose another name, or remove it first (regwiz profile remove ${values.name}).`,
	'cli.profile.renamed': (values: {from: string; to: string}) => `Renamed profile ${values.from} to ${values.to}.`,
	'cli.profile.chooseSection': '; choose one with --section NAME',
	'cli.profile.noNcloudFile': (values: {path: string}) =>
		`${values.path} does not exist: run \`ncloud configure\` first, or save a profile by running regwiz in a terminal`,
	'cli.profile.anotherName': (values: {problem: string}) => `${values.problem}; give another with --as NAME`,
	'cli.profile.importExists': (values: {quoted: string; command: string; name: string}) =>
		`A profile named ${values.quoted} already exists: add --yes to replace it, or save under another name (e.g. ${values.command} --as ${values.name}-ncloud)`,
	'cli.profile.zoneSite': (values: {zone: 'gov' | 'fin'; site: string; label: string}) =>
		`it is in the ${values.zone === 'gov' ? 'government' : 'financial'} zone, so the profile uses site ${values.site} (${values.label})`,
	'cli.profile.site': (values: {site: string; label: string}) => `the profile uses site ${values.site} (${values.label})`,
	'cli.profile.apiUrlNote': (values: {url: string; how: string}) =>
		`Note: ncloud_api_url (${values.url}) is the NCP API gateway, not the Container Registry endpoint: it was not copied; ${values.how}. Give regwiz create ncr --site or --endpoint for another.`,
	'cli.profile.imported': (values: {section: string; file: string; name: string; replaced: boolean; backend: string; endpoint: string; key: string}) =>
		`Imported [${values.section}] from ${values.file} as profile ${values.name}${values.replaced ? ' (replacing the one saved before)' : ''}: ${values.backend}, ${values.endpoint}, access key ${values.key}.`,
	'cli.profile.useIt': (values: {name: string}) => `Use it: regwiz create ncr --profile ${values.name} --registry NAME --bucket BUCKET`,
	'cli.profile.missingPositional': (values: {command: string; missing: string; example: string}) =>
		`${values.command}: missing ${values.missing} (e.g. ${values.example}). See: regwiz profile list`,
	'cli.profile.unexpected': (values: {command: string; value: string; usage: string}) =>
		`${values.command}: unexpected argument ${values.value}; usage: ${values.usage}. See: ${values.command} --help`,
	'cli.profile.unknownCommand': (values: {value: string; names: string[]}) =>
		`Unknown profile command ${values.value}: choose ${values.names.join(', ')} (see regwiz profile --help)`,
	'cli.profile.exitCodes': 'Exit codes: 0 done · 1 removal declined at the prompt · 2 usage error or unknown profile',
	'cli.profile.flags': `  --json                  print exactly one JSON value on stdout (secrets masked); messages go to stderr
  --no-color              no colours (also NO_COLOR=1)
  --help, -h              this help`,
	'cli.profile.groupHelp': (values: {exitCodes: string}) => `regwiz profile: the saved profiles (credentials and endpoint under a name)

Usage:
  regwiz profile list                       every profile: backend, endpoint, key, last use
  regwiz profile show NAME                  one profile; the secret shows as ****+its last 4 characters
  regwiz profile remove NAME [--yes]        asks first in a terminal; scripts must add --yes
  regwiz profile rename OLD NEW
  regwiz profile import-ncloud [--section NAME] [--as NAME] [--yes]
                                            save the NCP CLI's keys (~/.ncloud/configure) as a profile
Each takes --json and --help. A secret key or token is never shown, in --json neither.
Profiles are saved by the wizard (run regwiz in a terminal) and kept in the config folder
(REGWIZ_CONFIG_DIR moves it).

Examples:
  regwiz profile list
  regwiz profile show default --json
  regwiz profile rename default staging
  regwiz profile remove old-account --yes
  regwiz profile import-ncloud --section dev --as ncr-dev

${values.exitCodes}`,
	'cli.profile.listHelp': (values: {flags: string}) => `regwiz profile list: every saved profile

Usage:
  regwiz profile list [--json]

Shows each profile's name, backend, endpoint, access key (masked) or user name, and when it was last used.

${values.flags}

Examples:
  regwiz profile list
  regwiz profile list --json | jq -r '.[].name'`,
	'cli.profile.showHelp': (values: {flags: string}) => `regwiz profile show: one saved profile

Usage:
  regwiz profile show NAME [--json]

Shows everything the profile holds except the secret (secret key, user token), which shows as
****+its last 4 characters.

${values.flags}

Examples:
  regwiz profile show default
  regwiz profile show staging --json`,
	'cli.profile.removeHelp': (values: {flags: string; exitCodes: string}) => `regwiz profile remove: delete a saved profile

Usage:
  regwiz profile remove NAME [--yes]

In a terminal it asks "Remove profile NAME? [y/N]" first. Without a terminal (scripts, CI) it removes
only with --yes.

  --yes, -y               remove without asking
${values.flags}

Examples:
  regwiz profile remove old-account
  regwiz profile remove old-account --yes --json

${values.exitCodes}`,
	'cli.profile.renameHelp': (values: {flags: string}) => `regwiz profile rename: give a saved profile another name

Usage:
  regwiz profile rename OLD NEW [--json]

NEW must not exist yet; names are letters, digits, ".", "_" and "-" (1–64 characters).

${values.flags}

Examples:
  regwiz profile rename default staging`,
	'cli.profile.importHelp': (values: {flags: string; exitCodes: string}) => `regwiz profile import-ncloud: save the NCP CLI's keys as an NCR profile

Usage:
  regwiz profile import-ncloud [--section NAME] [--as NAME] [--yes] [--json]

Reads ~/.ncloud/configure, the file \`ncloud configure\` writes: lines ncloud_access_key_id = ... and
ncloud_secret_access_key = ..., with no sections or under [DEFAULT] and [name] sections.

  --section NAME          the section to read (default: $NCLOUD_PROFILE, else [DEFAULT] or the
                          lines before any section)
  --as NAME               the profile to save (default: the section's name in lowercase, or "default")
  --yes, -y               replace a profile of that name
${values.flags}

ncloud_api_url is the NCP API gateway, not the Container Registry endpoint: it is not copied. The
profile uses site kr (Korea); give regwiz create ncr --site or --endpoint for another.

Examples:
  regwiz profile import-ncloud
  regwiz profile import-ncloud --section dev --as ncr-dev
  NCLOUD_PROFILE=prod regwiz profile import-ncloud --yes

${values.exitCodes}`,

	// help.ts
	'cli.help.profile': 'use this saved profile\'s credentials and endpoint (default: "default")',
	'cli.help.json': 'print exactly one JSON object on stdout',
	'cli.help.dryRun': 'print the request that would be sent (secrets masked); send nothing',
	'cli.help.curl': 'print an equivalent curl command instead of sending',
	'cli.help.curlWith': (values: {how: string}) => `print an equivalent curl command instead of sending (${values.how})`,
	'cli.help.timeout': 'give up waiting for an answer after this long (default 30)',
	'cli.help.proxy':
		'send through this proxy: http://[USER:PASSWORD@]host:port ("" for none); otherwise HTTPS_PROXY / HTTP_PROXY, except NO_PROXY hosts (default: loopback)',
	'cli.help.yes': 'in the wizard, skip the review and send',
	'cli.help.sandbox': 'run against a built-in local emulator with demo credentials',
	'cli.help.login':
		"after creating, log in to it: docker login HOST --password-stdin (podman where docker is absent; REGWIZ_CONTAINER_CLI chooses); the secret goes to the tool's stdin only",
	'cli.help.insecure': 'allow sending credentials over http:// to another machine',
	'cli.help.noColor': 'no colours (also NO_COLOR=1)',
	'cli.help.accessible':
		'the wizard as plain lines: each question once, choices by number, nothing redrawn (also REGWIZ_ACCESSIBLE=1, INK_SCREEN_READER=true; automatic with TERM=dumb)',
	'cli.help.lang': 'the language regwiz speaks: en (English) or ko (Korean); otherwise REGWIZ_LANG, then LC_ALL, LC_MESSAGES or LANG (ko_KR… chooses Korean)',
	'cli.help.help': 'this help',
	'cli.help.commonFlags': 'Common flags:',
	'cli.help.usage': 'Usage:',
	'cli.help.examples': 'Examples:',
	'cli.help.asked': 'In a terminal, missing values are asked for.',
	'cli.help.commonFlagsSuffix': '[common flags]',
	'cli.help.exitCodes': `Exit codes: 0 created (or dry run printed) · 1 the service refused · 2 usage or validation error ·
            3 no answer (refused connection, DNS, TLS, timeout, proxy) · 70 internal error (a fault in regwiz) ·
            129 SIGHUP · 130 cancelled (Ctrl-C) · 131 SIGQUIT · 143 SIGTERM`,
	'cli.help.example': (values: {example: string}) => `(e.g. ${values.example})`,
	'cli.help.exampleMarker': '(e.g.',
	'cli.help.booleanRule': (values: {label: string; rule: string}) => `${values.label}: ${values.rule}`,
	'cli.help.defaultFlag': (values: {flag: string}) => `default --${values.flag}`,
	'cli.help.defaultValue': (values: {value: string}) => `default ${values.value}`,
	'cli.help.optional': 'optional',
	'cli.help.createTitle': (values: {id: string; summary: string}) => `regwiz create ${values.id}: ${values.summary}`,
	'cli.help.mainTitle': 'regwiz: create container registries from the terminal',
	'cli.help.tryFirst': 'Try it with no account first: regwiz --sandbox (a local emulator, demo credentials, nothing saved)',
	'cli.help.mainWizard': 'the wizard: choose, sign in, fill, review, send',
	'cli.help.mainSandbox': 'the wizard against a local emulator: no account needed',
	'cli.help.mainAccessible':
		'the wizard as plain lines for screen readers: choices by number, nothing redrawn (also REGWIZ_ACCESSIBLE=1, INK_SCREEN_READER=true; automatic with TERM=dumb)',
	'cli.help.mainLang': 'speak Korean (--lang en: English); also REGWIZ_LANG=ko, or a ko_KR locale in LC_ALL, LC_MESSAGES or LANG',
	'cli.help.mainSandboxCommand': 'run the local emulator in the foreground',
	'cli.help.mainHistory': 'past create attempts',
	'cli.help.mainHelp': 'help on a command',
	'cli.help.createOverviewTitle': (values: {nouns: string[]}) => {
		const nouns = values.nouns.map(noun => `a ${noun}`);
		return `regwiz create: create ${nouns.length > 1 ? `${nouns.slice(0, -1).join(', ')} or ${nouns.at(-1)}` : (nouns[0] ?? '')}`;
	},
	'cli.help.seeEach': 'In a terminal, missing values are asked for. See:',
	'cli.help.sandboxHelp': `regwiz sandbox: run the local emulator of every backend in the foreground

Usage:
  regwiz sandbox [--port N] [--host 127.0.0.1]

Prints its base URLs and the demo credentials; Ctrl-C stops it. It listens on 127.0.0.1 unless told otherwise.

Examples:
  regwiz sandbox --port 8080
  regwiz --sandbox              (the wizard with an emulator of its own)`,
	'cli.help.historyHelp': `regwiz history: past create attempts, the newest last (as shell history lists them)

Usage:
  regwiz history [--limit N] [--json]

  --limit N               show the newest N attempts (default 20, at most 1000)
  --json                  print a JSON array of the entries on stdout, oldest first
  --no-color              no colours (also NO_COLOR=1)
  --help, -h              this help

Every create that got an answer, got none or was cancelled is kept in history.jsonl in the config
folder (the newest 1,000): time (UTC), backend, endpoint, profile, name, HTTP status, outcome
(created, refused, no-answer, cancelled) and the NCP trace id. Never a secret. Dry runs, --curl and
--sandbox runs are not recorded.

Examples:
  regwiz history
  regwiz history --limit 5
  regwiz history --json | jq '.[] | select(.outcome == "refused")'`,

	// buckets-help.ts
	'cli.help.bucketsSummary': "the account's Object Storage buckets, and which registry each backs",
	'cli.help.bucketsHelp': (values: {summary: string; sites: string}) => `regwiz buckets: ${values.summary}

Usage:
  regwiz buckets [--site ${values.sites} | --endpoint BASE_URL] [--storage-endpoint BASE_URL]
                 [--profile NAME] [--json] [--timeout SECONDS] [--proxy URL] [--sandbox] [--allow-insecure-http]

Lists the buckets (S3 ListBuckets, signed with AWS Signature V4 by the NCR keys) and reads NCR's
registry list to show which registry each bucket backs: a bucket backs at most one registry.
Object Storage's endpoint follows the site: kr https://kr.object.ncloudstorage.com (kr-standard),
sg https://sg.object.ncloudstorage.com, jp https://jp.object.ncpstorage.com. For the government
sites and a custom --endpoint, give --storage-endpoint (those endpoints are not verified).

  --storage-endpoint URL  Object Storage's base URL instead of the site's
  --proxy URL             as for regwiz create: Object Storage is reached through the same proxy
  --json                  one JSON object: {"ok", "endpoint", "region", "buckets": [{"name",
                          "created", "registry"}], "registriesKnown", "error"}

Credentials as for regwiz create ncr (environment, --profile, or the profile "default").

Examples:
  regwiz buckets
  regwiz buckets --site sg --json
  regwiz buckets --sandbox

Exit codes: 0 listed · 1 refused (e.g. no Object Storage permission) · 2 usage error · 3 no answer ·
            70 internal error (a fault in regwiz)`,
};
