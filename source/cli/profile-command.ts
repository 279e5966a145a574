import readline from 'node:readline';
import {parseArgs} from 'node:util';
import {BACKENDS, findBackend} from '../backends/index.js';
import type {Answers, Backend} from '../backends/types.js';
import {checkField} from '../backends/validation.js';
import {EXIT} from '../core/exit-codes.js';
import {maskSecret} from '../mask.js';
import {relativeTime} from '../relative-time.js';
import {NCLOUD_DEFAULT_SECTION, NcloudConfigError, ncloudConfigurePath, ncloudZoneOf, readNcloudCredentials} from '../store/ncloud-config.js';
import {NCR_SITES, siteFromEnvironment} from '../backends/ncr.js';
import {openProfileStore, ProfileNotFoundError, profileNameProblem, type NamedProfile, type Profile, type ProfileStore} from '../store/profile-store.js';
import {StoreError} from '../store/safe-file.js';
import {showProxySetting} from '../transport/proxy.js';
import {parseArgsProblem} from './create-args.js';
import type {Io} from '../io.js';
import {colorEnabled, formatFields, formatTable, paint, type Paint} from './style.js';
import {quoteValue, UsageError} from './usage-error.js';
import {safeJson, safeText} from '../text-safety.js';

/** Exit code when the person answers no at the removal prompt. */
export const EXIT_DECLINED = 1;
/** Exit code when the disk failed a save (full, read-only, I/O error): the file was left as it was. */
export const EXIT_SAVE_FAILED = 1;

type Run = (context: Context) => number | Promise<number>;

/** One subcommand: everything about it in one place. */
type SubcommandSpec = {
	/** Flags beyond --json, --help and --no-color. */
	flags: Record<string, {type: 'string' | 'boolean'; short?: string}>;
	/** What it takes as positionals, for messages. */
	positionals: readonly string[];
	/** A whole command line, for messages. */
	example: string;
	/** `regwiz profile <name> --help`. */
	help: string;
	run: Run;
};

const FLAGS = {
	json: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	'no-color': {type: 'boolean'},
} as const;

const PROFILE_EXIT_CODES = 'Exit codes: 0 done · 1 removal declined at the prompt · 2 usage error or unknown profile';

const PROFILE_FLAGS = `  --json                  print exactly one JSON value on stdout (secrets masked); messages go to stderr
  --no-color              no colours (also NO_COLOR=1)
  --help, -h              this help`;

/** `regwiz profile --help`. */
const GROUP_HELP = `regwiz profile: the saved profiles (credentials and endpoint under a name)

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

${PROFILE_EXIT_CODES}`;

const SUBCOMMANDS = {
	list: {
		flags: {},
		positionals: [],
		example: 'regwiz profile list',
		help: `regwiz profile list: every saved profile

Usage:
  regwiz profile list [--json]

Shows each profile's name, backend, endpoint, access key (masked) or user name, and when it was last used.

${PROFILE_FLAGS}

Examples:
  regwiz profile list
  regwiz profile list --json | jq -r '.[].name'`,
		run: context => listProfiles(context),
	},
	show: {
		flags: {},
		positionals: ['NAME'],
		example: 'regwiz profile show default',
		help: `regwiz profile show: one saved profile

Usage:
  regwiz profile show NAME [--json]

Shows everything the profile holds except the secret (secret key, user token), which shows as
****+its last 4 characters.

${PROFILE_FLAGS}

Examples:
  regwiz profile show default
  regwiz profile show staging --json`,
		run: context => showProfile(context),
	},
	remove: {
		flags: {yes: {type: 'boolean', short: 'y'}} as const,
		positionals: ['NAME'],
		example: 'regwiz profile remove old-account',
		help: `regwiz profile remove: delete a saved profile

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
		run: context => removeProfile(context),
	},
	rename: {
		flags: {},
		positionals: ['OLD', 'NEW'],
		example: 'regwiz profile rename default staging',
		help: `regwiz profile rename: give a saved profile another name

Usage:
  regwiz profile rename OLD NEW [--json]

NEW must not exist yet; names are letters, digits, ".", "_" and "-" (1–64 characters).

${PROFILE_FLAGS}

Examples:
  regwiz profile rename default staging`,
		run: context => renameProfile(context),
	},
	'import-ncloud': {
		flags: {yes: {type: 'boolean', short: 'y'}, section: {type: 'string'}, as: {type: 'string'}} as const,
		positionals: [],
		example: 'regwiz profile import-ncloud --section dev',
		help: `regwiz profile import-ncloud: save the NCP CLI's keys as an NCR profile

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
		run: context => importNcloud(context),
	},
} satisfies Record<string, SubcommandSpec>;

type Subcommand = keyof typeof SUBCOMMANDS;
const NAMES = Object.keys(SUBCOMMANDS) as Subcommand[];

const isSubcommand = (name: string): name is Subcommand => Object.hasOwn(SUBCOMMANDS, name);

/** `regwiz help profile [subcommand]`; undefined for an unknown subcommand. */
export function profileHelp(subcommand?: string): string | undefined {
	if (subcommand === undefined) return GROUP_HELP;
	return isSubcommand(subcommand) ? SUBCOMMANDS[subcommand].help : undefined;
}

type Parsed = {
	positionals: string[];
	json: boolean;
	noColor: boolean;
	yes: boolean;
	section?: string;
	as?: string;
};

type Context = {io: Io; parsed: Parsed; style: Paint; command: string};

const writeJson = (io: Io, value: unknown) => io.stdout.write(`${safeJson(value)}\n`);

/** Exit 2 with the names that do exist, so the next try can be right. */
function unknownProfile(name: string, store: ProfileStore): UsageError {
	return new UsageError(new ProfileNotFoundError(name, store.list().map(profile => profile.name)).message);
}

/** A profile as it may be shown: every secret masked, the endpoint described and resolved. */
function profileView(named: NamedProfile) {
	const backend = findBackend(named.backend);
	const credentials: Answers = {};
	for (const [key, value] of Object.entries(named.credentials)) {
		const spec = backend?.credentialFields.find(field => field.key === key);
		// A backend regwiz does not know: every value is treated as a secret.
		credentials[key] = spec && spec.kind !== 'secret' ? value : maskSecret(value);
	}
	return {
		name: named.name,
		backend: named.backend,
		endpoint: backend ? backend.describeEndpoint(named.connection) : '(unknown backend)',
		baseUrl: backend ? backend.endpoint(named.connection) : null,
		credential: backend ? backend.publicCredential(named.credentials) : '',
		connection: named.connection,
		credentials,
		lastUsedAt: named.lastUsedAt ?? null,
		lastFields: named.lastFields ?? {},
		...(named.proxy === undefined ? {} : {proxy: showProxySetting(named.proxy)}),
	};
}

function openStore(io: Io): ProfileStore {
	const {store, warnings} = openProfileStore(io.env);
	for (const warning of warnings) io.stderr.write(`regwiz: ${safeText(warning)}\n`);
	return store;
}

function listProfiles({io, parsed, style}: Context): number {
	const store = openStore(io);
	const views = store.list().map(profileView);
	if (parsed.json) {
		writeJson(
			io,
			views.map(view => ({name: view.name, backend: view.backend, endpoint: view.endpoint, baseUrl: view.baseUrl, credential: view.credential, lastUsedAt: view.lastUsedAt})),
		);
		return EXIT.created;
	}
	if (views.length === 0) {
		io.stdout.write(`No saved profiles (${safeText(store.location)}).\nSave one by running regwiz in a terminal, or import the NCP CLI's keys: regwiz profile import-ncloud\n`);
		return EXIT.created;
	}
	const rows = views.map(view => [view.name, view.backend, view.endpoint, view.credential || '-', relativeTime(view.lastUsedAt ?? undefined)]);
	io.stdout.write(formatTable(['NAME', 'BACKEND', 'ENDPOINT', 'KEY', 'LAST USED'], rows, style));
	return EXIT.created;
}

function labelFor(backend: Backend | undefined, key: string): string {
	return backend?.credentialFields.find(spec => spec.key === key)?.label ?? key;
}

function showProfile({io, parsed, style}: Context): number {
	const name = parsed.positionals[0] ?? '';
	const store = openStore(io);
	const profile = store.get(name);
	if (!profile) throw unknownProfile(name, store);
	const view = profileView({name, ...profile});
	if (parsed.json) {
		writeJson(io, view);
		return EXIT.created;
	}
	const backend = findBackend(profile.backend);
	const endpoint = view.baseUrl && !view.endpoint.includes(view.baseUrl) ? `${view.endpoint} (${view.baseUrl})` : view.endpoint;
	const lines: Array<[string, string]> = [
		['Profile', name],
		['Backend', backend ? `${backend.id} (${backend.title})` : `${profile.backend} (unknown to this regwiz)`],
		['Endpoint', endpoint],
		...Object.entries(view.credentials).map(([key, value]): [string, string] => [labelFor(backend, key), value]),
		...(view.proxy === undefined ? [] : [['Proxy', view.proxy] as [string, string]]),
		['Last used', view.lastUsedAt ? `${relativeTime(view.lastUsedAt)} (${view.lastUsedAt})` : 'never'],
	];
	const last = Object.entries(view.lastFields).filter(([, value]) => value !== '');
	if (last.length > 0) lines.push(['Last values', last.map(([key, value]) => `${key}=${value}`).join(', ')]);
	lines.push(['Saved in', store.location]);
	io.stdout.write(formatFields(lines, style));
	return EXIT.created;
}

/** Asks one yes/no question on stderr and reads one line from stdin; anything but y/yes is no. */
async function confirm(io: Io, question: string): Promise<boolean> {
	io.stderr.write(`${question} [y/N] `);
	const reader = readline.createInterface({input: io.stdin, terminal: false});
	try {
		const answer = await new Promise<string | undefined>(resolve => {
			reader.once('line', resolve);
			reader.once('close', () => resolve(undefined));
		});
		if (answer === undefined) io.stderr.write('\n');
		return /^\s*y(es)?\s*$/i.test(answer ?? '');
	} finally {
		reader.close();
	}
}

async function removeProfile({io, parsed, command}: Context): Promise<number> {
	const name = parsed.positionals[0] ?? '';
	const store = openStore(io);
	if (!store.get(name)) throw unknownProfile(name, store);
	if (!parsed.yes) {
		// The prompt goes to stderr, so a person must be able to see it and answer on stdin.
		if (io.stdin.isTTY !== true || io.stderr.isTTY !== true) {
			throw new UsageError(`${command}: no terminal to confirm removing ${quoteValue(name)}; add --yes to remove it without asking (e.g. ${command} ${name} --yes)`);
		}
		if (!(await confirm(io, `Remove profile ${name}?`))) {
			io.stderr.write(`Kept profile ${quoteValue(name)}: nothing was removed.\n`);
			if (parsed.json) writeJson(io, {ok: false, name, removed: false});
			return EXIT_DECLINED;
		}
	}
	if (!store.remove(name)) throw unknownProfile(name, store);
	if (parsed.json) writeJson(io, {ok: true, name, removed: true});
	else io.stdout.write(`Removed profile ${quoteValue(name)}.\n`);
	return EXIT.created;
}

function renameProfile({io, parsed}: Context): number {
	const [from = '', to = ''] = parsed.positionals;
	const problem = profileNameProblem(to);
	if (problem) throw new UsageError(problem);
	const store = openStore(io);
	if (!store.get(from)) throw unknownProfile(from, store);
	if (from === to) throw new UsageError(`The profile is already named ${quoteValue(to)}: nothing to rename.`);
	if (store.get(to)) {
		throw new UsageError(`A profile named ${quoteValue(to)} already exists: choose another name, or remove it first (regwiz profile remove ${to}).`);
	}
	store.rename(from, to);
	if (parsed.json) writeJson(io, {ok: true, from, to});
	else io.stdout.write(`Renamed profile ${quoteValue(from)} to ${quoteValue(to)}.\n`);
	return EXIT.created;
}

/** Checks the imported keys with the same rules as typed ones, naming the file and section. */
function checkImported(backend: Backend, credentials: Answers, where: string): void {
	const keyNames: Record<string, string> = {accessKey: 'ncloud_access_key_id', secretKey: 'ncloud_secret_access_key'};
	for (const spec of backend.credentialFields) {
		const problem = checkField(spec, credentials[spec.key] ?? '');
		if (problem) throw new UsageError(`${where}: ${keyNames[spec.key] ?? spec.key}: ${problem}`);
	}
}

function importNcloud({io, parsed, command}: Context): number {
	// The backend whose credentials the NCP CLI's file holds.
	const backend = BACKENDS.find(candidate => candidate.importsFrom === 'ncloud-configure');
	if (!backend) throw new Error('no backend imports from ~/.ncloud/configure');
	let found;
	try {
		found = readNcloudCredentials(io.env, parsed.section);
	} catch (error) {
		if (error instanceof NcloudConfigError) {
			const hint = /has no \[/.test(error.message) ? '; choose one with --section NAME' : '';
			throw new UsageError(`${error.message}${hint}`);
		}
		throw error;
	}
	if (!found) {
		throw new UsageError(`${ncloudConfigurePath(io.env)} does not exist: run \`ncloud configure\` first, or save a profile by running regwiz in a terminal`);
	}
	const credentials = {accessKey: found.accessKey.trim(), secretKey: found.secretKey.trim()};
	checkImported(backend, credentials, `${found.file} [${found.section}]`);
	const name = parsed.as ?? (found.section === NCLOUD_DEFAULT_SECTION ? 'default' : found.section.toLowerCase());
	const problem = profileNameProblem(name);
	if (problem) throw new UsageError(`${problem}; give another with --as NAME`);
	const store = openStore(io);
	const existing = store.get(name);
	if (existing && !parsed.yes) {
		throw new UsageError(`A profile named ${quoteValue(name)} already exists: add --yes to replace it, or save under another name (e.g. ${command} --as ${name}-ncloud)`);
	}
	// A gov or fin gateway names the zone; the zone's first region unless NCLOUD_REGION names another of its own.
	const zone = ncloudZoneOf(found.apiUrl);
	const zoneSite = zone ? siteFromEnvironment({NCLOUD_SITE: zone, NCLOUD_REGION: io.env.NCLOUD_REGION}) : undefined;
	const picked = zoneSite && 'site' in zoneSite ? zoneSite : zone ? siteFromEnvironment({NCLOUD_SITE: zone}) : undefined;
	const site = picked && 'site' in picked ? picked.site : 'kr';
	const siteLabel = NCR_SITES.find(candidate => candidate.value === site)?.label ?? site;
	const profile: Profile = {backend: backend.id, credentials, connection: {site}};
	store.save(name, profile);
	if (found.apiUrl) {
		const how = zone ? `it is in the ${zone === 'gov' ? 'government' : 'financial'} zone, so the profile uses site ${site} (${siteLabel})` : `the profile uses site ${site} (${siteLabel})`;
		io.stderr.write(
			`Note: ncloud_api_url (${safeText(found.apiUrl)}) is the NCP API gateway, not the Container Registry endpoint: it was not copied; ${how}. Give regwiz create ncr --site or --endpoint for another.\n`,
		);
	}
	const view = profileView({name, ...profile});
	if (parsed.json) {
		writeJson(io, {ok: true, file: found.file, section: found.section, replaced: existing !== undefined, profile: view});
		return EXIT.created;
	}
	const replaced = existing ? ' (replacing the one saved before)' : '';
	io.stdout.write(
		safeText(`Imported [${found.section}] from ${found.file} as profile ${quoteValue(name)}${replaced}: ${backend.id}, ${view.endpoint}, access key ${view.credential}.`) + '\n' +
			`Use it: regwiz create ncr --profile ${name} --registry NAME --bucket BUCKET\n`,
	);
	return EXIT.created;
}

function parse(subcommand: Subcommand, argv: string[]): Parsed & {help: boolean} {
	const command = `regwiz profile ${subcommand}`;
	let result;
	try {
		result = parseArgs({args: argv, options: {...FLAGS, ...SUBCOMMANDS[subcommand].flags}, strict: true, allowPositionals: true});
	} catch (error) {
		throw parseArgsProblem(error, command);
	}
	const values = result.values as Record<string, string | boolean | undefined>;
	return {
		positionals: result.positionals,
		json: values.json === true,
		noColor: values['no-color'] === true,
		yes: values.yes === true,
		help: values.help === true,
		section: typeof values.section === 'string' ? values.section : undefined,
		as: typeof values.as === 'string' ? values.as : undefined,
	};
}

function checkPositionals(subcommand: Subcommand, positionals: string[]): void {
	const command = `regwiz profile ${subcommand}`;
	const {positionals: wanted, example} = SUBCOMMANDS[subcommand];
	if (positionals.length < wanted.length) {
		const missing = wanted.slice(positionals.length).join(' ');
		throw new UsageError(`${command}: missing ${missing} (e.g. ${example}). See: regwiz profile list`);
	}
	if (positionals.length > wanted.length) {
		const extra = positionals[wanted.length] ?? '';
		const usage = [command, ...wanted].join(' ');
		throw new UsageError(`${command}: unexpected argument ${quoteValue(extra)}; usage: ${usage}. See: ${command} --help`);
	}
}

/** `regwiz profile list|show|remove|rename|import-ncloud`. */
export async function profileCommand(io: Io, argv: string[]): Promise<number> {
	const [first, ...rest] = argv;
	if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
		io.stdout.write(`${GROUP_HELP}\n`);
		return first === undefined ? EXIT.usage : EXIT.created;
	}
	if (!isSubcommand(first)) {
		throw new UsageError(`Unknown profile command ${quoteValue(first)}: choose ${NAMES.join(', ')} (see regwiz profile --help)`);
	}
	const subcommand = first;
	const parsed = parse(subcommand, rest);
	if (parsed.help) {
		io.stdout.write(`${SUBCOMMANDS[subcommand].help}\n`);
		return EXIT.created;
	}
	checkPositionals(subcommand, parsed.positionals);
	const context: Context = {
		io,
		parsed,
		style: paint(colorEnabled(io.env, io.stdout.isTTY === true, parsed.noColor)),
		command: `regwiz profile ${subcommand}`,
	};
	try {
		return await SUBCOMMANDS[subcommand].run(context);
	} catch (error) {
		// A profile removed by another regwiz since we looked: as if it had never been there.
		if (error instanceof ProfileNotFoundError) throw new UsageError(error.message);
		if (!(error instanceof StoreError)) throw error;
		if (error.kind === 'refused') throw new UsageError(error.message);
		// The disk failed a save: the old file stands, and nothing says it worked.
		io.stderr.write(`regwiz: ${error.message}\n`);
		if (parsed.json) writeJson(io, {ok: false, error: error.message});
		return EXIT_SAVE_FAILED;
	}
}
