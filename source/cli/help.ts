import {NCR_SITES} from '../backends/ncr.js';

const COMMON = `Common flags:
  --profile NAME          use this saved profile's credentials and endpoint (default: "default")
  --json                  print exactly one JSON object on stdout
  --dry-run               print the request that would be sent (secrets masked); send nothing
  --curl                  print an equivalent curl command instead of sending (NCR: signed, valid
                          5 minutes; RegistryUI: reads the token from $REGISTRYUI_TOKEN)
  --timeout SECONDS       give up waiting for an answer after this long (default 30)
  --yes, -y               in the wizard, skip the review and send
  --sandbox               run against a built-in local emulator with demo credentials
  --login                 after creating, log in to it: docker login HOST --password-stdin (podman
                          where docker is absent; REGWIZ_CONTAINER_CLI chooses); the secret goes
                          to the tool's stdin only
  --allow-insecure-http   allow sending credentials over http:// to another machine
  --no-color              no colours (also NO_COLOR=1)
  --accessible            the wizard as plain lines: each question once, choices by number,
                          nothing redrawn (also REGWIZ_ACCESSIBLE=1, INK_SCREEN_READER=true;
                          automatic with TERM=dumb)
  --help, -h              this help`;

const EXIT_CODES = `Exit codes: 0 created (or dry run printed) · 1 the service refused · 2 usage or validation error ·
            3 no answer (refused connection, DNS, TLS, timeout) · 130 cancelled`;

export const HELP: Record<string, string> = {
	main: `regwiz: create container registries from the terminal
Try it with no account first: regwiz --sandbox (a local emulator, demo credentials, nothing saved)

Usage:
  regwiz                         the wizard: choose, sign in, fill, review, send
  regwiz --sandbox               the wizard against a local emulator: no account needed
  regwiz --accessible            the wizard as plain lines for screen readers: choices by number,
                                 nothing redrawn (also REGWIZ_ACCESSIBLE=1, INK_SCREEN_READER=true;
                                 automatic with TERM=dumb)
  regwiz create ncr ...          create a NAVER Cloud Container Registry registry
  regwiz create registryui ...   create a RegistryUI project/repository
  regwiz sandbox                 run the local emulator in the foreground
  regwiz profile list|show|remove|rename|import-ncloud
  regwiz history                 past create attempts
  regwiz help [command]          help on a command
  regwiz --version

Examples:
  regwiz
  regwiz create ncr --registry team-a --bucket team-a-images
  regwiz create registryui --url https://registry.example.com --repository team-a/backend --private

${EXIT_CODES}`,
	create: `regwiz create: create a registry or repository

Usage:
  regwiz create ncr --registry NAME --bucket BUCKET [--storage-type objectStorage|ncloudStorage]
                    [--site ${NCR_SITES.map(site => site.value).join('|')} | --endpoint BASE_URL]
  regwiz create registryui --url BASE_URL --repository PATH [--title TEXT] [--public|--private]

In a terminal, missing values are asked for. See: regwiz help create ncr, regwiz help create registryui`,
	'create ncr': `regwiz create ncr: create a NAVER Cloud Container Registry registry

Usage:
  regwiz create ncr --registry NAME --bucket BUCKET [--storage-type objectStorage|ncloudStorage]
                    [--site ${NCR_SITES.map(site => site.value).join('|')} | --endpoint BASE_URL] [common flags]

  --registry NAME         lowercase letters, digits and hyphens; 1–63 characters (e.g. team-a)
  --bucket BUCKET         an Object Storage bucket backing no other registry (e.g. team-a-images);
                          not used with --storage-type ncloudStorage
  --storage-type TYPE     objectStorage (default) or ncloudStorage
  --site SITE             ${NCR_SITES.map(site => `${site.value} (${site.label})`).join(', ')}; default kr
  --endpoint BASE_URL     any base URL instead of a site (e.g. http://127.0.0.1:8080/ncr/api/v2)

Credentials (never flags): NCLOUD_ACCESS_KEY_ID or NCLOUD_ACCESS_KEY, and NCLOUD_SECRET_ACCESS_KEY
or NCLOUD_SECRET_KEY; otherwise the profile (--profile, default "default").

${COMMON}

Examples:
  regwiz create ncr --registry team-a --bucket team-a-images
  regwiz create ncr --registry team-a --storage-type ncloudStorage --site sg --json
  NCLOUD_ACCESS_KEY=... NCLOUD_SECRET_KEY=... regwiz create ncr --registry team-a --bucket b1 --dry-run

${EXIT_CODES}`,
	'create registryui': `regwiz create registryui: create a RegistryUI project/repository

Usage:
  regwiz create registryui --url BASE_URL --repository PATH [--title TEXT] [--public|--private] [common flags]

  --url BASE_URL          your RegistryUI's address (e.g. https://registry.example.com)
  --repository PATH       lowercase path, parts separated by "/" (e.g. team-a/backend)
  --title TEXT            a title (optional)
  --public | --private    visibility (optional; the server's default otherwise)

Credentials (never flags): REGISTRYUI_USERNAME and REGISTRYUI_TOKEN (a user token, not the website
password; the user must be a RegistryUI administrator); otherwise the profile (--profile).

${COMMON}

Examples:
  regwiz create registryui --url https://registry.example.com --repository team-a/backend --private
  regwiz create registryui --url https://registry.example.com --repository team-a/web --title "Web" --json

${EXIT_CODES}`,
	sandbox: `regwiz sandbox: run the local emulator of both services in the foreground

Usage:
  regwiz sandbox [--port N] [--host 127.0.0.1]

Prints its base URLs and the demo credentials; Ctrl-C stops it. It listens on 127.0.0.1 unless told otherwise.

Examples:
  regwiz sandbox --port 8080
  regwiz --sandbox              (the wizard with an emulator of its own)`,
};

const PROFILE_EXIT_CODES = 'Exit codes: 0 done · 1 removal declined at the prompt · 2 usage error or unknown profile';

const PROFILE_FLAGS = `  --json                  print exactly one JSON value on stdout (secrets masked); messages go to stderr
  --no-color              no colours (also NO_COLOR=1)
  --help, -h              this help`;

Object.assign(HELP, {
	profile: `regwiz profile: the saved profiles (credentials and endpoint under a name)

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

${PROFILE_EXIT_CODES}`,
	'profile list': `regwiz profile list: every saved profile

Usage:
  regwiz profile list [--json]

Shows each profile's name, backend, endpoint, access key (masked) or user name, and when it was last used.

${PROFILE_FLAGS}

Examples:
  regwiz profile list
  regwiz profile list --json | jq -r '.[].name'`,
	'profile show': `regwiz profile show: one saved profile

Usage:
  regwiz profile show NAME [--json]

Shows everything the profile holds except the secret (secret key, user token), which shows as
****+its last 4 characters.

${PROFILE_FLAGS}

Examples:
  regwiz profile show default
  regwiz profile show staging --json`,
	'profile remove': `regwiz profile remove: delete a saved profile

Usage:
  regwiz profile remove NAME [--yes]

In a terminal it asks "Remove profile NAME? [y/N]" first. Without a terminal (scripts, CI) it removes
only with --yes.

  --yes, -y               remove without asking
${PROFILE_FLAGS}

Examples:
  regwiz profile remove old-account
  regwiz profile remove old-account --yes --json

${PROFILE_EXIT_CODES}`,
	'profile rename': `regwiz profile rename: give a saved profile another name

Usage:
  regwiz profile rename OLD NEW [--json]

NEW must not exist yet; names are letters, digits, ".", "_" and "-" (1–64 characters).

${PROFILE_FLAGS}

Examples:
  regwiz profile rename default staging`,
	'profile import-ncloud': `regwiz profile import-ncloud: save the NCP CLI's keys as an NCR profile

Usage:
  regwiz profile import-ncloud [--section NAME] [--as NAME] [--yes] [--json]

Reads ~/.ncloud/configure, the file \`ncloud configure\` writes: lines ncloud_access_key_id = ... and
ncloud_secret_access_key = ..., with no sections or under [DEFAULT] and [name] sections.

  --section NAME          the section to read (default: $NCLOUD_PROFILE, else [DEFAULT] or the
                          lines before any section)
  --as NAME               the profile to save (default: the section's name in lowercase, or "default")
  --yes, -y               replace a profile of that name
${PROFILE_FLAGS}

ncloud_api_url is the NCP API gateway, not the Container Registry endpoint: it is not copied. The
profile uses site kr (Korea); give regwiz create ncr --site or --endpoint for another.

Examples:
  regwiz profile import-ncloud
  regwiz profile import-ncloud --section dev --as ncr-dev
  NCLOUD_PROFILE=prod regwiz profile import-ncloud --yes

${PROFILE_EXIT_CODES}`,
	history: `regwiz history: past create attempts, the newest last (as shell history lists them)

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
});

export function helpFor(topic: string[]): string | undefined {
	const key = topic.join(' ').trim();
	return HELP[key === '' ? 'main' : key];
}
