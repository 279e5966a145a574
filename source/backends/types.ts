import type * as z from 'zod/mini';
import type {Parser} from './validation.js';

/** What a person typed, keyed by field key. Values are always strings; '' means "not given". */
export type Answers = Record<string, string>;

export type Choice = {value: string; label: string; hint?: string};

/** A choice loaded from the service; `unavailable` says why it cannot be chosen (shown beside it). */
export type LoadedChoice = Choice & {unavailable?: string};

export type LoadedChoices = {ok: true; choices: LoadedChoice[]} | {ok: false; message: string};

/** Where a lookup goes and as whom: the backend, the credentials and connection chosen in the wizard. */
export type LookupAccess = {backend: Backend; credentials: Answers; connection: Answers};

/**
 * Values a field can be chosen from or checked against, fetched from the service by a named source
 * (FieldSpec.choicesFrom, knownFrom). The wizard reaches it through its services; ui/ knows no source.
 */
export type LookupService = {
	choices(source: string, access: LookupAccess, signal: AbortSignal): Promise<LoadedChoices>;
	/** Values that already exist (e.g. the account's registry names). */
	known(source: string, access: LookupAccess, signal: AbortSignal): Promise<{ok: true; values: string[]} | {ok: false; message: string}>;
	/** Whether a new value is free to create: undefined when it is, else why not. */
	checkNew(source: string, value: string, access: LookupAccess, signal: AbortSignal): Promise<string | undefined>;
};

/** One question the wizard can ask and one flag the command line accepts. */
export type FieldSpec = {
	key: string;
	label: string;
	/** Long flag that supplies this value on the command line (without dashes). */
	flag?: string;
	/** Boolean flags that set this field to a fixed value, e.g. --public → "true". */
	booleanFlags?: Record<string, string>;
	kind: 'text' | 'secret' | 'choice';
	choices?: readonly Choice[];
	/** The rule in plain words, shown under the field and in errors. */
	rule: string;
	example: string;
	/** A line of help under the field (where to find the value). */
	help?: string;
	optional?: boolean;
	defaultValue?: string;
	/** Validates the raw string. Optional fields are only validated when not empty. */
	schema: Parser<z.ZodMiniType<string>>;
	/** Whether the field applies, given the answers so far. */
	when?: (answers: Answers) => boolean;
	/** Cleans a typed or pasted value before validation (trim keys and tokens). */
	normalize?: (value: string) => string;
	/** Set by a flag or by another question's choice: the wizard never asks it on its own. */
	flagOnly?: boolean;
	/**
	 * The wizard offers a list loaded from `source` (NCR: the account's buckets) and "New…" (`newLabel`),
	 * whose value is checked free with `checkNew` and sets `newFlagKey` to "true". When the list cannot be
	 * loaded, the value is typed.
	 */
	choicesFrom?: {source: string; loading: string; newLabel: string; newHint: string; newPrompt: string; newFlagKey: string};
	/** The wizard refuses, as it is typed, a value that already exists in `source`; `note` says what it cannot know. */
	knownFrom?: {source: string; message: (value: string) => string; note: string};
};

/** A request as plain data: built purely, sent by the transport, shown by the review. */
export type PlainRequest = {
	method: 'GET' | 'POST' | 'DELETE' | 'HEAD' | 'PUT';
	url: string;
	headers: Record<string, string>;
	body?: string;
	/** How to show header values: hidden entirely, or masked to their last 4 characters. */
	redact: Record<string, 'hide' | 'mask'>;
};

export type ResourceField = {label: string; value: string};

export type Outcome = {
	ok: boolean;
	status: number;
	/** The service's own message (returnMessage, error, message), or a status phrase. */
	message: string;
	details?: string;
	errorCode?: string;
	traceId?: string;
	/** The created resource's fields worth showing. */
	resource: ResourceField[];
	/** Parsed JSON body, or the raw text when it is not JSON. */
	body: unknown;
	/** Something about the body that was not as expected (not JSON, unexpected shape, cut short). */
	problem?: string;
};

export type ResponseInput = {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	truncated?: boolean;
};

export type CredentialSource = {
	credentials: Answers;
	/** Which variables they came from, e.g. "NCLOUD_ACCESS_KEY". */
	source: string;
};

export type AdviceContext = {
	fields: Answers;
	connection: Answers;
	endpoint: string;
	/** The local clock when the answer arrived, to compare with its Date header. */
	now: number;
	headers: Record<string, string | string[] | undefined>;
};

/** A backend described as data; the UI and the command line are generic over it. */
export type Backend = {
	id: string;
	title: string;
	/** One line on what it creates. */
	description: string;
	/** "registry" or "repository". */
	noun: string;
	/** Where the credentials and endpoint live (site, base URL). */
	connectionFields: readonly FieldSpec[];
	credentialFields: readonly FieldSpec[];
	/** The request's own fields. */
	fields: readonly FieldSpec[];
	/** A line shown above the credential questions. */
	credentialNote?: string;
	/** Environment variables the credentials can come from, for messages. */
	credentialEnvHelp: string;
	envCredentials(env: NodeJS.ProcessEnv): CredentialSource | undefined;
	/** The base URL the connection answers resolve to. */
	endpoint(connection: Answers): string;
	/** "Korea" or "Custom http://…": how a profile's endpoint is described. */
	describeEndpoint(connection: Answers): string;
	/** The credential that may be shown masked (access key) or plain (username). */
	publicCredential(credentials: Answers): string;
	buildRequest(fields: Answers, credentials: Answers, endpoint: string, options?: {now?: number}): PlainRequest;
	/** A read-only request that proves credentials work, and how to count what it lists. */
	buildVerifyRequest(credentials: Answers, endpoint: string, options?: {now?: number}): PlainRequest;
	countListed(body: unknown): number | undefined;
	readResponse(response: ResponseInput): Outcome;
	/** What to do next, after a success or a refusal. */
	advise(outcome: Outcome, context: AdviceContext): string[];
	/** The name of what was created, for history and titles. */
	resourceName(fields: Answers): string;
	/** NCR: the Object Storage bucket to create first (--create-bucket, "New bucket…"), when asked for. */
	bucketToCreate?(fields: Answers): string | undefined;
};
