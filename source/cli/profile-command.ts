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
import {t} from '../i18n/index.js';

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
	help: () => string;
	run: Run;
};

const FLAGS = {
	json: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	'no-color': {type: 'boolean'},
} as const;

const exitCodes = () => t('cli.profile.exitCodes');

const profileFlags = () => t('cli.profile.flags');

/** `regwiz profile --help`. */
const groupHelp = () => t('cli.profile.groupHelp', {exitCodes: exitCodes()});

const SUBCOMMANDS = {
	list: {
		flags: {},
		positionals: [],
		example: 'regwiz profile list',
		help: () => t('cli.profile.listHelp', {flags: profileFlags()}),
		run: context => listProfiles(context),
	},
	show: {
		flags: {},
		positionals: ['NAME'],
		example: 'regwiz profile show default',
		help: () => t('cli.profile.showHelp', {flags: profileFlags()}),
		run: context => showProfile(context),
	},
	remove: {
		flags: {yes: {type: 'boolean', short: 'y'}} as const,
		positionals: ['NAME'],
		example: 'regwiz profile remove old-account',
		help: () => t('cli.profile.removeHelp', {flags: profileFlags(), exitCodes: exitCodes()}),
		run: context => removeProfile(context),
	},
	rename: {
		flags: {},
		positionals: ['OLD', 'NEW'],
		example: 'regwiz profile rename default staging',
		help: () => t('cli.profile.renameHelp', {flags: profileFlags()}),
		run: context => renameProfile(context),
	},
	'import-ncloud': {
		flags: {yes: {type: 'boolean', short: 'y'}, section: {type: 'string'}, as: {type: 'string'}} as const,
		positionals: [],
		example: 'regwiz profile import-ncloud --section dev',
		help: () => t('cli.profile.importHelp', {flags: profileFlags(), exitCodes: exitCodes()}),
		run: context => importNcloud(context),
	},
} satisfies Record<string, SubcommandSpec>;

type Subcommand = keyof typeof SUBCOMMANDS;
const NAMES = Object.keys(SUBCOMMANDS) as Subcommand[];

const isSubcommand = (name: string): name is Subcommand => Object.hasOwn(SUBCOMMANDS, name);

/** `regwiz help profile [subcommand]`; undefined for an unknown subcommand. */
export function profileHelp(subcommand?: string): string | undefined {
	if (subcommand === undefined) return groupHelp();
	return isSubcommand(subcommand) ? SUBCOMMANDS[subcommand].help() : undefined;
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
		endpoint: backend ? backend.describeEndpoint(named.connection) : t('cli.profile.unknownBackend'),
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
		io.stdout.write(`${t('cli.profile.empty', {location: safeText(store.location)})}\n`);
		return EXIT.created;
	}
	const rows = views.map(view => [view.name, view.backend, view.endpoint, view.credential || '-', relativeTime(view.lastUsedAt ?? undefined)]);
	const header = [t('cli.profile.columnName'), t('cli.profile.columnBackend'), t('cli.profile.columnEndpoint'), t('cli.profile.columnKey'), t('cli.profile.columnLastUsed')];
	io.stdout.write(formatTable(header, rows, style));
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
		[t('cli.profile.fieldProfile'), name],
		[t('cli.profile.fieldBackend'), backend ? `${backend.id} (${backend.title})` : t('cli.profile.unknownToThis', {backend: profile.backend})],
		[t('cli.profile.fieldEndpoint'), endpoint],
		...Object.entries(view.credentials).map(([key, value]): [string, string] => [labelFor(backend, key), value]),
		...(view.proxy === undefined ? [] : [[t('cli.profile.fieldProxy'), view.proxy] as [string, string]]),
		[t('cli.profile.fieldLastUsed'), view.lastUsedAt ? `${relativeTime(view.lastUsedAt)} (${view.lastUsedAt})` : t('cli.profile.never')],
	];
	const last = Object.entries(view.lastFields).filter(([, value]) => value !== '');
	if (last.length > 0) lines.push([t('cli.profile.fieldLastValues'), last.map(([key, value]) => `${key}=${value}`).join(', ')]);
	lines.push([t('cli.profile.fieldSavedIn'), store.location]);
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
			throw new UsageError(t('cli.profile.noTerminal', {command, name, quoted: quoteValue(name)}));
		}
		if (!(await confirm(io, t('cli.profile.confirmRemove', {name})))) {
			io.stderr.write(`${t('cli.profile.kept', {name: quoteValue(name)})}\n`);
			if (parsed.json) writeJson(io, {ok: false, name, removed: false});
			return EXIT_DECLINED;
		}
	}
	if (!store.remove(name)) throw unknownProfile(name, store);
	if (parsed.json) writeJson(io, {ok: true, name, removed: true});
	else io.stdout.write(`${t('cli.profile.removed', {name: quoteValue(name)})}\n`);
	return EXIT.created;
}

function renameProfile({io, parsed}: Context): number {
	const [from = '', to = ''] = parsed.positionals;
	const problem = profileNameProblem(to);
	if (problem) throw new UsageError(problem);
	const store = openStore(io);
	if (!store.get(from)) throw unknownProfile(from, store);
	if (from === to) throw new UsageError(t('cli.profile.sameName', {name: quoteValue(to)}));
	if (store.get(to)) throw new UsageError(t('cli.profile.exists', {quoted: quoteValue(to), name: to}));
	store.rename(from, to);
	if (parsed.json) writeJson(io, {ok: true, from, to});
	else io.stdout.write(`${t('cli.profile.renamed', {from: quoteValue(from), to: quoteValue(to)})}\n`);
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
			const hint = error.reason === 'section' ? t('cli.profile.chooseSection') : '';
			throw new UsageError(`${error.message}${hint}`);
		}
		throw error;
	}
	if (!found) {
		throw new UsageError(t('cli.profile.noNcloudFile', {path: ncloudConfigurePath(io.env)}));
	}
	const credentials = {accessKey: found.accessKey.trim(), secretKey: found.secretKey.trim()};
	checkImported(backend, credentials, `${found.file} [${found.section}]`);
	const name = parsed.as ?? (found.section === NCLOUD_DEFAULT_SECTION ? 'default' : found.section.toLowerCase());
	const problem = profileNameProblem(name);
	if (problem) throw new UsageError(t('cli.profile.anotherName', {problem}));
	const store = openStore(io);
	const existing = store.get(name);
	if (existing && !parsed.yes) {
		throw new UsageError(t('cli.profile.importExists', {quoted: quoteValue(name), command, name}));
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
		const how = zone ? t('cli.profile.zoneSite', {zone, site, label: siteLabel}) : t('cli.profile.site', {site, label: siteLabel});
		io.stderr.write(`${t('cli.profile.apiUrlNote', {url: safeText(found.apiUrl), how})}\n`);
	}
	const view = profileView({name, ...profile});
	if (parsed.json) {
		writeJson(io, {ok: true, file: found.file, section: found.section, replaced: existing !== undefined, profile: view});
		return EXIT.created;
	}
	const imported = t('cli.profile.imported', {
		section: found.section,
		file: found.file,
		name: quoteValue(name),
		replaced: existing !== undefined,
		backend: backend.id,
		endpoint: view.endpoint,
		key: view.credential,
	});
	io.stdout.write(`${safeText(imported)}\n${t('cli.profile.useIt', {name})}\n`);
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
		throw new UsageError(t('cli.profile.missingPositional', {command, missing, example}));
	}
	if (positionals.length > wanted.length) {
		const extra = positionals[wanted.length] ?? '';
		const usage = [command, ...wanted].join(' ');
		throw new UsageError(t('cli.profile.unexpected', {command, value: quoteValue(extra), usage}));
	}
}

/** `regwiz profile list|show|remove|rename|import-ncloud`. */
export async function profileCommand(io: Io, argv: string[]): Promise<number> {
	const [first, ...rest] = argv;
	if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
		io.stdout.write(`${groupHelp()}\n`);
		return first === undefined ? EXIT.usage : EXIT.created;
	}
	if (!isSubcommand(first)) {
		throw new UsageError(t('cli.profile.unknownCommand', {value: quoteValue(first), names: NAMES}));
	}
	const subcommand = first;
	const parsed = parse(subcommand, rest);
	if (parsed.help) {
		io.stdout.write(`${SUBCOMMANDS[subcommand].help()}\n`);
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
