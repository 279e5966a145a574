import {findBackend, BACKENDS} from '../backends/index.js';
import {InputError} from '../backends/validation.js';
import type {Backend} from '../backends/types.js';
import {buildCreateRequest, checkPlanInput, EXIT, planEndpoint, sendCreate, type CreatePlan, type CreateResult} from '../engine.js';
import {checkTransportSecurity, DraftProblem, missingConnection, missingFields, missingFlagNames, planFromDraft, resolveDraft, type Draft} from '../draft.js';
import type {ProfileStore} from '../store/profile-store.js';
import {appendHistory, historyEntryFromResult} from '../store/history.js';
import {curlCommand, ncpSignatureExpiry} from './curl.js';
import {parseCreateArgs, type CreateArgs} from './create-args.js';
import {dryRunJson, formatDryRunText, formatResultText, resultJson} from './output.js';
import {colorEnabled, paint} from './style.js';
import {UsageError} from './usage-error.js';
import type {Io} from './io.js';

export function backendFromArgument(name: string | undefined): Backend {
	const ids = BACKENDS.map(backend => backend.id).join(' or ');
	if (!name) throw new UsageError(`Which backend? regwiz create ${ids} (e.g. regwiz create ncr --help)`);
	const backend = findBackend(name);
	if (!backend) throw new UsageError(`Unknown backend ${JSON.stringify(name)}: choose ${ids} (e.g. regwiz create ncr --help)`);
	return backend;
}

/** `sandbox`: the run uses the sandbox's demo profiles and emulator; nothing of it is recorded. */
export type PreparedCreate = {args: CreateArgs; draft: Draft; complete: boolean; sandbox: boolean};

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
	return {args, draft, complete, sandbox: sandboxProfile !== undefined};
}

/** The message when something is missing and no terminal can ask for it. */
export function missingMessage(draft: Draft, command: string, notAsked = 'Run it in a terminal to be asked'): UsageError {
	const flags = missingFlagNames(draft);
	const parts: string[] = [];
	if (flags.length > 0) parts.push(`missing ${flags.join(', ')}`);
	if (!draft.credentials) parts.push(`no credentials: ${draft.backend.credentialEnvHelp}`);
	// The message is printed after "regwiz: ": it names the command once, in the help to see.
	return new UsageError(`${parts.join('; ')}. ${notAsked}, or see: ${command} --help`, flags);
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
	const style = paint(colorEnabled(io.env, io.stdout.isTTY === true, args.common.noColor));
	if (args.common.dryRun && args.common.curl) throw new UsageError('--dry-run and --curl contradict each other: give one of them');
	const buildOnly = () => {
		try {
			checkPlanInput(plan);
			return buildCreateRequest(plan);
		} catch (error) {
			if (error instanceof InputError) throw new UsageError(error.message);
			throw error;
		}
	};
	if (args.common.curl) {
		const request = buildOnly();
		const curl = curlCommand(request, draft.backend, plan.credentials);
		if (prepared.sandbox) io.stderr.write('regwiz: the sandbox emulator stops when regwiz exits; run `regwiz sandbox` and pass its --endpoint/--url to use this command.\n');
		if (args.common.json) {
			const expiresAt = ncpSignatureExpiry(request)?.toISOString();
			io.stdout.write(`${JSON.stringify({ok: true, backend: draft.backend.id, request: {method: request.method, url: request.url}, ...(expiresAt ? {expiresAt} : {}), curl})}\n`);
		} else {
			io.stdout.write(`${curl}\n`);
		}
		return EXIT.created;
	}
	if (args.common.dryRun) {
		const request = buildOnly();
		io.stdout.write(args.common.json ? dryRunJson(draft.backend.id, request) : formatDryRunText(request, plan.credentialSource, style));
		return EXIT.created;
	}
	// Credentials from the environment or a profile are checked like flags: a bad value is named, and nothing is sent.
	buildOnly();
	const sending = sendCreate(plan, {timeoutMs: args.common.timeoutMs, signal});
	// In a terminal the wait and the answer look as in the wizard: a progress line, then the result panel.
	const shown = view && !args.common.json ? view(plan, sending) : undefined;
	const result = await sending;
	await shown;
	if (!prepared.sandbox) recordAttempt(io, plan, result);
	if (!shown) io.stdout.write(args.common.json ? resultJson(result) : formatResultText(result, draft.backend.noun, style));
	return result.exitCode;
}

/** Every attempt that reached a server or was cancelled goes to the history; a failure to write it only warns. */
function recordAttempt(io: Io, plan: CreatePlan, result: CreateResult): void {
	try {
		appendHistory(io.env, historyEntryFromResult(plan, result, planEndpoint(plan)));
	} catch (error) {
		io.stderr.write(`regwiz: warning: the attempt was not recorded in the history: ${(error as Error)?.message ?? String(error)}\n`);
	}
}
