import readline from 'node:readline';
import {parseArgs} from 'node:util';
import {findBackend} from '../backends/index.js';
import type {Answers, Backend} from '../backends/types.js';
import {checkField} from '../backends/validation.js';
import {EXIT} from '../engine.js';
import {maskSecret} from '../mask.js';
import {relativeTime} from '../relative-time.js';
import {NCLOUD_DEFAULT_SECTION, NcloudConfigError, ncloudConfigurePath, readNcloudCredentials} from '../store/ncloud-config.js';
import {openProfileStore, profileNameProblem, type NamedProfile, type Profile, type ProfileStore} from '../store/profile-store.js';
import {parseArgsProblem} from './create-args.js';
import {helpFor} from './help.js';
import type {Io} from './io.js';
import {colorEnabled, formatFields, formatTable, paint, type Paint} from './style.js';
import {quoteValue, UsageError} from './usage-error.js';
import {safeJson, safeText} from '../text-safety.js';

/** Exit code when the person answers no at the removal prompt. */
export const EXIT_DECLINED = 1;

const SUBCOMMANDS = ['list', 'show', 'remove', 'rename', 'import-ncloud'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const FLAGS = {
	json: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	'no-color': {type: 'boolean'},
} as const;

const EXTRA_FLAGS = {
	list: {},
	show: {},
	remove: {yes: {type: 'boolean', short: 'y'}},
	rename: {},
	'import-ncloud': {yes: {type: 'boolean', short: 'y'}, section: {type: 'string'}, as: {type: 'string'}},
} as const;

/** What each subcommand takes as positionals, for messages. */
const POSITIONALS: Record<Subcommand, string[]> = {
	list: [],
	show: ['NAME'],
	remove: ['NAME'],
	rename: ['OLD', 'NEW'],
	'import-ncloud': [],
};

const EXAMPLES: Record<Subcommand, string> = {
	list: 'regwiz profile list',
	show: 'regwiz profile show default',
	remove: 'regwiz profile remove old-account',
	rename: 'regwiz profile rename default staging',
	'import-ncloud': 'regwiz profile import-ncloud --section dev',
};

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

function unknownProfile(name: string): UsageError {
	return new UsageError(`No profile named ${quoteValue(name)}. See: regwiz profile list`);
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
	if (!profile) throw unknownProfile(name);
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
	if (!store.get(name)) throw unknownProfile(name);
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
	if (!store.remove(name)) throw unknownProfile(name);
	if (parsed.json) writeJson(io, {ok: true, name, removed: true});
	else io.stdout.write(`Removed profile ${quoteValue(name)}.\n`);
	return EXIT.created;
}

function renameProfile({io, parsed}: Context): number {
	const [from = '', to = ''] = parsed.positionals;
	const problem = profileNameProblem(to);
	if (problem) throw new UsageError(problem);
	const store = openStore(io);
	if (!store.get(from)) throw unknownProfile(from);
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
	const backend = findBackend('ncr');
	if (!backend) throw new Error('the ncr backend is missing');
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
	const profile: Profile = {backend: backend.id, credentials, connection: {site: 'kr'}};
	store.save(name, profile);
	if (found.apiUrl) {
		io.stderr.write(
			`Note: ncloud_api_url (${safeText(found.apiUrl)}) is the NCP API gateway, not the Container Registry endpoint: it was not copied. The profile uses site kr (Korea); give regwiz create ncr --site or --endpoint for another.\n`,
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
		result = parseArgs({args: argv, options: {...FLAGS, ...EXTRA_FLAGS[subcommand]}, strict: true, allowPositionals: true});
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
	const wanted = POSITIONALS[subcommand];
	if (positionals.length < wanted.length) {
		const missing = wanted.slice(positionals.length).join(' ');
		throw new UsageError(`${command}: missing ${missing} (e.g. ${EXAMPLES[subcommand]}). See: regwiz profile list`);
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
		io.stdout.write(`${helpFor(['profile'])}\n`);
		return first === undefined ? EXIT.usage : EXIT.created;
	}
	if (!(SUBCOMMANDS as readonly string[]).includes(first)) {
		throw new UsageError(`Unknown profile command ${quoteValue(first)}: choose ${SUBCOMMANDS.join(', ')} (see regwiz profile --help)`);
	}
	const subcommand = first as Subcommand;
	const parsed = parse(subcommand, rest);
	if (parsed.help) {
		io.stdout.write(`${helpFor(['profile', subcommand])}\n`);
		return EXIT.created;
	}
	checkPositionals(subcommand, parsed.positionals);
	const context: Context = {
		io,
		parsed,
		style: paint(colorEnabled(io.env, io.stdout.isTTY === true, parsed.noColor)),
		command: `regwiz profile ${subcommand}`,
	};
	switch (subcommand) {
		case 'list':
			return listProfiles(context);
		case 'show':
			return showProfile(context);
		case 'remove':
			return removeProfile(context);
		case 'rename':
			return renameProfile(context);
		case 'import-ncloud':
			return importNcloud(context);
	}
}
