import {findBackend, BACKENDS} from '../backends/index.js';
import {InputError, insecureHttpProblem} from '../backends/validation.js';
import type {Backend, PlainRequest} from '../backends/types.js';
import {checkPlanInput, sendCreate} from '../core/create.js';
import {EXIT} from '../core/exit-codes.js';
import {buildCreateRequest, planEndpoint} from '../core/plan.js';
import type {CreatePlan, CreateResult} from '../core/types.js';
import {checkTransportSecurity, DraftProblem, missingConnection, missingFields, missingFlagNames, planFromDraft, resolveDraft, type Draft} from '../draft.js';
import type {ProfileStore} from '../store/profile-store.js';
import {appendHistory, historyEntryFromResult} from '../store/history.js';
import {curlCommand, curlExpiry} from './curl.js';
import {parseCreateArgs, type CreateArgs} from './create-args.js';
import {dryRunJson, formatDryRunText, formatResultText, resultJson} from './output.js';
import {colorEnabled, paint} from './style.js';
import {UsageError} from './usage-error.js';
import {describeRoute, proxyRoute, ProxyProblem, type NetworkSettings, type ProxyRoute} from '../transport/proxy.js';
import type {Io} from '../io.js';
import {safeJson, safeText} from '../text-safety.js';
import {t} from '../i18n/index.js';

export function backendFromArgument(name: string | undefined): Backend {
	const ids = BACKENDS.map(backend => backend.id);
	const example = `regwiz create ${BACKENDS[0]?.id ?? ''} --help`;
	if (!name) throw new UsageError(t('cli.create.whichBackend', {ids, example}));
	const backend = findBackend(name);
	if (!backend) throw new UsageError(t('cli.create.unknownBackend', {name: JSON.stringify(name), ids, example}));
	return backend;
}

/**
 * `sandbox`: the run uses the sandbox's demo profiles and emulator; nothing of it is recorded.
 * `network`: --proxy, the profile's proxy and the environment's proxy variables.
 * `confineTo`: in the sandbox, the emulator's origin, where Object Storage's requests go too.
 */
export type PreparedCreate = {args: CreateArgs; draft: Draft; complete: boolean; sandbox: boolean; network: NetworkSettings; confineTo?: string};

/** Reads flags, environment and profile into a draft; says whether anything is still missing. */
export function prepareCreate(
	backend: Backend,
	argv: string[],
	io: Io,
	store: ProfileStore | undefined,
	sandboxProfile?: string,
): PreparedCreate {
	const args = parseCreateArgs(backend, argv);
	let draft: Draft;
	try {
		// In the sandbox the demo profile stands in for the environment: real keys are never sent to it.
		const profile = args.common.profile ?? sandboxProfile;
		draft = resolveDraft(backend, {connection: args.connection, fields: args.fields, profile}, sandboxProfile ? {} : io.env, store);
	} catch (error) {
		if (error instanceof DraftProblem) throw new UsageError(error.message);
		throw error;
	}
	const complete = draft.credentials !== undefined && missingConnection(draft).length === 0 && missingFields(draft).length === 0;
	// The sandbox's emulator is on loopback and never goes through a proxy.
	const network: NetworkSettings = sandboxProfile
		? {env: {}}
		: {flag: args.common.proxy, profile: draft.profileName === undefined ? undefined : store?.get(draft.profileName)?.proxy, env: io.env};
	return {args, draft, complete, sandbox: sandboxProfile !== undefined, network};
}

/** The message when something is missing and no terminal can ask for it. */
export function missingMessage(draft: Draft, command: string, notAsked = t('cli.create.runInTerminal')): UsageError {
	const flags = missingFlagNames(draft);
	const parts: string[] = [];
	if (flags.length > 0) parts.push(t('cli.create.missingFlags', {flags}));
	if (!draft.credentials) parts.push(t('cli.create.noCredentials', {help: draft.backend.credentialEnvHelp}));
	// The message is printed after "regwiz: ": it names the command once, in the help to see.
	return new UsageError(t('cli.create.missing', {parts, notAsked, command}), flags);
}

/** Shows a send in progress and its result (the wizard's progress line and panel, in a terminal). */
export type SendView = (plan: CreatePlan, sending: Promise<CreateResult>) => Promise<void>;

/** `regwiz create <backend>` with every value given: no prompts, one answer, an exit code. */
export async function runScriptedCreate(prepared: PreparedCreate, io: Io, signal?: AbortSignal, view?: SendView): Promise<number> {
	const {args, draft} = prepared;
	const command = `regwiz create ${draft.backend.id}`;
	if (!prepared.complete) throw missingMessage(draft, command);
	const insecure = checkTransportSecurity(draft, args.common.allowInsecureHttp);
	if (insecure) throw new UsageError(insecure);
	const plan = planFromDraft(draft);
	// A sent create says it in its advice; a dry run or curl says it here.
	const note = draft.backend.connectionNote?.(plan.connection);
	if (note && (args.common.dryRun || args.common.curl)) io.stderr.write(`regwiz: ${note}\n`);
	const style = paint(colorEnabled(io.env, io.stdout.isTTY === true, args.common.noColor));
	if (args.common.dryRun && args.common.curl) throw new UsageError(t('cli.create.dryRunAndCurl'));
	if (args.common.login && (args.common.dryRun || args.common.curl)) {
		throw new UsageError(t('cli.create.loginAnd', {flag: args.common.dryRun ? '--dry-run' : '--curl'}));
	}
	const buildOnly = () => {
		try {
			checkPlanInput(plan);
			return buildCreateRequest(plan);
		} catch (error) {
			if (error instanceof InputError) throw new UsageError(error.message);
			throw error;
		}
	};
	const routeOf = (url: string): ProxyRoute | undefined => {
		try {
			return proxyRoute(url, prepared.network);
		} catch (error) {
			if (error instanceof ProxyProblem) throw new UsageError(error.message);
			throw error;
		}
	};
	const bucket = draft.backend.bucketToCreate?.(plan.fields);
	// The bucket's requests go to Object Storage: its endpoint must be known and safe before anything is sent.
	const bucketFirst = bucket === undefined ? undefined : await bucketRequests(bucket, plan, args.common.allowInsecureHttp, prepared.confineTo);
	if (args.common.curl) {
		const request = buildOnly();
		if (bucket !== undefined) io.stderr.write(`regwiz: ${t('cli.create.curlBucket')}\n`);
		const curl = curlCommand(request, draft.backend, plan.credentials, {route: routeOf(request.url), env: prepared.network.env});
		if (prepared.sandbox) io.stderr.write(`regwiz: ${t('cli.create.curlSandbox')}\n`);
		if (args.common.json) {
			const expiresAt = curlExpiry(request, draft.backend)?.toISOString();
			io.stdout.write(`${safeJson({ok: true, backend: draft.backend.id, request: {method: request.method, url: request.url}, ...(expiresAt ? {expiresAt} : {}), curl})}\n`);
		} else {
			io.stdout.write(`${curl}\n`);
		}
		return EXIT.created;
	}
	if (args.common.dryRun) {
		const request = buildOnly();
		const route = routeOf(request.url);
		const before = bucketFirst?.requests ?? [];
		io.stdout.write(
			args.common.json
				? dryRunJson(draft.backend.id, request, route?.label, before)
				: formatDryRunText(request, plan.credentialSource, style, route && describeRoute(route), before),
		);
		return EXIT.created;
	}
	// Credentials from the environment or a profile are checked like flags: a bad value is named, and nothing is sent.
	// A proxy URL that cannot be used is a usage error, like a bad flag.
	routeOf(buildOnly().url);
	let bucketJson: Record<string, unknown> = {};
	let bucketLine = '';
	if (bucket !== undefined && bucketFirst) {
		for (const early of bucketFirst.requests) routeOf(early.url);
		const ensured = await bucketFirst.ensure({timeoutMs: args.common.timeoutMs, signal, network: prepared.network});
		const last = ensured.requests.at(-1);
		if (!ensured.ok) {
			if (args.common.json) {
				io.stdout.write(
					`${safeJson({ok: false, backend: draft.backend.id, status: ensured.status ?? null, request: last ? {method: last.method, url: last.url} : null, response: null, error: ensured.message, bucket: {name: bucket, created: false}})}\n`,
				);
			} else {
				io.stdout.write(`${style.bold(style.red(`✗ ${t('cli.create.bucketNotReady', {bucket: safeText(bucket)})}`))}\n  ${safeText(ensured.message)}\n`);
			}
			return ensured.exitCode;
		}
		bucketJson = {bucket: {name: bucket, created: ensured.created}};
		bucketLine = ensured.created
			? `${style.green(`✓ ${t('cli.create.bucketCreated', {bucket: safeText(bucket)})}`)}  (PUT ${safeText(last?.url ?? '')})\n`
			: `${t('cli.create.bucketExists', {bucket: safeText(bucket)})}\n`;
	}
	const sending = sendCreate(plan, {timeoutMs: args.common.timeoutMs, signal, network: prepared.network});
	// In a terminal the wait and the answer look as in the wizard: a progress line, then the result panel.
	const shown = view && !args.common.json ? view(plan, sending) : undefined;
	if (shown && bucketLine) io.stdout.write(bucketLine);
	const result = await sending;
	await shown;
	if (!prepared.sandbox) recordAttempt(io, plan, result);
	// The login is loaded only when asked for: a plain create never pays for it.
	const login = args.common.login && result.ok ? await import('./login-output.js').then(module => module.scriptedLogin(plan, result, io.env, signal)) : undefined;
	if (args.common.json) io.stdout.write(resultJson(result, {...bucketJson, ...(login?.json ? {login: login.json} : {})}));
	else if (!shown) io.stdout.write(bucketLine + formatResultText(result, draft.backend.noun, style) + (login ? login.text(style) : ''));
	else if (login) io.stdout.write(login.text(style));
	// A failed login leaves the registry created: the exit code stays the create's.
	return result.exitCode;
}

/** The bucket's HEAD and PUT for the dry run, and the step that sends them; loaded only with --create-bucket. */
async function bucketRequests(bucket: string, plan: CreatePlan, allowInsecureHttp: boolean, confineTo?: string) {
	const storage = await import('../storage/buckets.js');
	const access = {credentials: plan.credentials, connection: plan.connection, ...(confineTo === undefined ? {} : {confineTo})};
	const target = storage.resolveTarget(access.connection, true, confineTo);
	if ('ok' in target) throw new UsageError(`--create-bucket: ${target.message}`);
	const insecure = allowInsecureHttp ? undefined : insecureHttpProblem(target.endpoint);
	if (insecure) throw new UsageError(t('cli.create.insecure', {problem: insecure}));
	let requests: PlainRequest[] = [];
	try {
		checkPlanInput(plan);
		const built = storage.ensureBucketRequests(bucket, access, Date.now());
		requests = Array.isArray(built) ? built : [];
	} catch (error) {
		if (error instanceof InputError) throw new UsageError(error.message);
		throw error;
	}
	return {
		requests,
		ensure: (options: {timeoutMs: number; signal?: AbortSignal; network?: NetworkSettings}) => storage.ensureBucket(bucket, access, {...options, allowInsecureHttp}),
	};
}

/** Every attempt that reached a server or was cancelled goes to the history; a failure to write it only warns. */
function recordAttempt(io: Io, plan: CreatePlan, result: CreateResult): void {
	try {
		appendHistory(io.env, historyEntryFromResult(plan, result, planEndpoint(plan)));
	} catch (error) {
		io.stderr.write(`regwiz: ${t('cli.create.notRecorded', {message: safeText((error as Error)?.message ?? String(error))})}\n`);
	}
}
