import {NCR_SITES} from '../backends/ncr.js';

const COMMON = `Common flags:
  --profile NAME          use this saved profile's credentials and endpoint (default: "default")
  --json                  print exactly one JSON object on stdout
  --dry-run               print the request that would be sent (secrets masked); send nothing
  --curl                  print an equivalent curl command instead of sending
  --timeout SECONDS       give up waiting for an answer after this long (default 30)
  --yes, -y               in the wizard, skip the review and send
  --sandbox               run against a built-in local emulator with demo credentials
  --allow-insecure-http   allow sending credentials over http:// to another machine
  --no-color              no colours (also NO_COLOR=1)
  --help, -h              this help`;

const EXIT_CODES = `Exit codes: 0 created (or dry run printed) · 1 the service refused · 2 usage or validation error ·
            3 no answer (refused connection, DNS, TLS, timeout) · 130 cancelled`;

export const HELP: Record<string, string> = {
	main: `regwiz: create container registries from the terminal

Usage:
  regwiz                         the wizard: choose, sign in, fill, review, send
  regwiz --sandbox               the wizard against a local emulator: no account needed
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

export function helpFor(topic: string[]): string | undefined {
	const key = topic.join(' ').trim();
	return HELP[key === '' ? 'main' : key];
}
