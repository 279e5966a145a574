// `regwiz buckets`: the account's Object Storage buckets and which registry each backs.
import {parseArgs} from 'node:util';
import {ncr} from '../backends/ncr.js';
import {checkField, insecureHttpProblem, InputError} from '../backends/validation.js';
import type {Answers} from '../backends/types.js';
import {checkTransportSecurity, DraftProblem, resolveDraft} from '../draft.js';
import {checkPlanInput} from '../core/create.js';
import {EXIT} from '../core/exit-codes.js';
import {listBuckets, resolveTarget, type BucketListing} from '../storage/buckets.js';
import {COMMON_FLAGS, commonOptions, parseArgsProblem, parseTimeout} from './create-args.js';
import {helpFor} from './help.js';
import type {Io} from '../io.js';
import {openStoreFor} from './open-store.js';
import {colorEnabled, formatTable, paint, type Paint} from './style.js';
import {quoteValue, UsageError} from './usage-error.js';
import {safeJson, safeText} from '../text-safety.js';
import type {NetworkSettings} from '../transport/proxy.js';
import {t} from '../i18n/index.js';

const COMMAND = 'regwiz buckets';

const FLAGS = {
	profile: COMMON_FLAGS.profile,
	json: COMMON_FLAGS.json,
	timeout: COMMON_FLAGS.timeout,
	proxy: COMMON_FLAGS.proxy,
	help: COMMON_FLAGS.help,
	sandbox: COMMON_FLAGS.sandbox,
	'allow-insecure-http': COMMON_FLAGS['allow-insecure-http'],
	'no-color': COMMON_FLAGS['no-color'],
	site: {type: 'string'},
	endpoint: {type: 'string'},
	'storage-endpoint': {type: 'string'},
} as const;

/** The connection flags, each checked by its field's rule. */
function connectionFrom(values: Record<string, string | boolean | undefined>): Answers {
	const connection: Answers = {};
	for (const spec of ncr.connectionFields) {
		const raw = spec.flag ? values[spec.flag] : undefined;
		if (typeof raw !== 'string') continue;
		const value = spec.normalize ? spec.normalize(raw) : raw;
		const problem = checkField(spec, value);
		if (problem) throw new UsageError(t('cli.args.invalid', {flag: spec.flag ?? spec.key, value: quoteValue(raw), label: spec.label.toLowerCase(), problem}));
		connection[spec.key] = value;
	}
	if (connection.site !== undefined && connection.endpoint !== undefined) {
		throw new UsageError(t('cli.buckets.siteAndEndpoint'));
	}
	if (connection.endpoint !== undefined) connection.site = 'custom';
	return connection;
}

function listingJson(listing: BucketListing): string {
	const where = listing.target ? {endpoint: listing.target.endpoint, region: listing.target.region} : {endpoint: null, region: null};
	if (!listing.ok) {
		return `${safeJson({ok: false, ...where, status: listing.status ?? null, buckets: null, error: listing.message, ...(listing.noAccess ? {noAccess: true} : {})})}\n`;
	}
	return `${safeJson({
		ok: true,
		...where,
		buckets: listing.buckets.map(bucket => ({name: bucket.name, created: bucket.created ?? null, registry: bucket.registry ?? null})),
		// false when NCR's registry list could not be read: then "registry": null means "unknown", not "free".
		registriesKnown: listing.registries !== undefined,
		error: null,
		...(listing.registriesProblem ? {warning: listing.registriesProblem} : {}),
	})}\n`;
}

function listingText(listing: Extract<BucketListing, {ok: true}>, style: Paint): string {
	const head = t('cli.buckets.head', {endpoint: safeText(listing.target.endpoint), region: safeText(listing.target.region), count: listing.buckets.length});
	if (listing.buckets.length === 0) {
		return `${head}\n${t('cli.buckets.none')}\n`;
	}
	const known = listing.registries !== undefined;
	// Names and dates came from Object Storage and NCR: shown only through the one text-safety rule.
	const rows = listing.buckets.map(bucket => [safeText(bucket.name), safeText(bucket.registry ?? (known ? t('cli.buckets.free') : t('cli.buckets.unknown'))), safeText(bucket.created?.slice(0, 10) ?? '')]);
	const free = listing.buckets.filter(bucket => bucket.registry === undefined).length;
	const out = [style.bold(head), '', formatTable([t('cli.buckets.columnBucket'), t('cli.buckets.columnRegistry'), t('cli.buckets.columnCreated')], rows, style).trimEnd()];
	if (known) out.push('', t('cli.buckets.freeCount', {count: free}));
	return `${out.join('\n')}\n`;
}

export async function bucketsCommand(io: Io, argv: string[]): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({args: argv, options: FLAGS, strict: true, allowPositionals: false});
	} catch (error) {
		throw parseArgsProblem(error, COMMAND, {profile: 'default', timeout: '60', site: 'kr', endpoint: 'https://ncr.apigw.ntruss.com/ncr/api/v2', 'storage-endpoint': 'https://kr.object.ncloudstorage.com'});
	}
	const values = parsed.values as Record<string, string | boolean | undefined>;
	if (values.help) {
		io.stdout.write(`${helpFor(['buckets'])}\n`);
		return EXIT.created;
	}
	const json = values.json === true;
	const timeoutMs = parseTimeout(values.timeout as string | undefined);
	const {proxy} = commonOptions(values);
	const connection = connectionFrom(values);
	const sandbox = values.sandbox === true;
	const opened = await openStoreFor(io, sandbox);
	try {
		for (const warning of opened.warnings) io.stderr.write(`regwiz: ${warning}\n`);
		const sandboxProfile = opened.sandboxProfile?.(ncr);
		let draft;
		try {
			draft = resolveDraft(ncr, {connection, fields: {}, profile: (values.profile as string | undefined) ?? sandboxProfile}, sandboxProfile ? {} : io.env, opened.store);
		} catch (error) {
			if (error instanceof DraftProblem) throw new UsageError(error.message);
			throw error;
		}
		if (!draft.credentials || !draft.credentialSource) throw new UsageError(t('cli.buckets.noCredentials', {command: COMMAND, help: ncr.credentialEnvHelp}));
		const access = {
			credentials: draft.credentials,
			connection: {site: 'kr', ...draft.connection},
			...(opened.emulatorOrigin === undefined ? {} : {confineTo: opened.emulatorOrigin}),
		};
		// The same proxy settings as a create; the sandbox's emulator is reached directly.
		const network: NetworkSettings = sandbox
			? {env: {}}
			: {flag: proxy, profile: draft.profileName === undefined ? undefined : opened.store?.get(draft.profileName)?.proxy, env: io.env};
		try {
			checkPlanInput({backend: ncr, connection: access.connection, credentials: access.credentials, credentialSource: draft.credentialSource});
		} catch (error) {
			if (error instanceof InputError) throw new UsageError(error.message);
			throw error;
		}
		const target = resolveTarget(access.connection, true, access.confineTo);
		if ('ok' in target) throw new UsageError(`${COMMAND}: ${target.message}`);
		const allowInsecure = values['allow-insecure-http'] === true;
		const insecure = checkTransportSecurity({backend: ncr, connection: access.connection}, allowInsecure) ?? (allowInsecure ? undefined : insecureHttpProblem(target.endpoint));
		if (insecure) throw new UsageError(insecure.includes('--allow-insecure-http') ? insecure : t('cli.create.insecure', {problem: insecure}));

		const controller = new AbortController();
		const abort = () => controller.abort();
		process.once('SIGINT', abort);
		let listing: BucketListing;
		try {
			listing = await listBuckets(access, {timeoutMs, signal: controller.signal, allowInsecureHttp: allowInsecure, network});
		} finally {
			process.off('SIGINT', abort);
		}
		const style = paint(colorEnabled(io.env, io.stdout.isTTY === true, values['no-color'] === true));
		if (json) io.stdout.write(listingJson(listing));
		if (!listing.ok) {
			io.stderr.write(`regwiz: ${safeText(listing.message)}\n`);
			return listing.exitCode;
		}
		if (listing.registriesProblem) io.stderr.write(`regwiz: ${t('cli.buckets.warning', {message: safeText(listing.registriesProblem)})}\n`);
		if (!json) io.stdout.write(listingText(listing, style));
		return EXIT.created;
	} finally {
		await opened.close();
	}
}
