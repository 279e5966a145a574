import type * as z from 'zod/mini';
import type {Parser} from './validation.js';

/** What a person typed, keyed by field key. Values are always strings; '' means "not given". */
export type Answers = Record<string, string>;

export type Choice = {value: string; label: string; hint?: string};

/** A choice loaded from the service; `unavailable` says why it cannot be chosen (shown beside it). */
export type LoadedChoice = Choice & {unavailable?: string};

export type LoadedChoices = {ok: true; choices: LoadedChoice[]} | {ok: false; message: string};

/** Where a lookup goes and as whom: the backend, the credentials and connection chosen in the wizard. */
/** Whose account a lookup reads: the credentials and connection in use, and the profile they came from (for its proxy). */
export type LookupAccess = {backend: Backend; credentials: Answers; connection: Answers; profileName?: string};

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
	/** The flag's value in help, e.g. NAME for --registry NAME (default: the flag in capitals). */
	flagValue?: string;
	/** Answers that giving this flag sets too (--endpoint sets site to custom); a flag for one of them then contradicts it. */
	implies?: Answers;
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
	/** What reading the created resource back found, when the backend reads back. */
	readBack?: ReadBackResult;
};

/** What reading a created resource back found out (or, failing that, what is usual). */
export type ReadBackResult = {
	/** True when the service reported these facts; false when they are the usual pattern. */
	confirmed: boolean;
	/** Lines for the result, after the resource's name. */
	resource: ResourceField[];
	/** The facts for --json, named as the service names them. */
	facts: Record<string, string | boolean | null>;
	/** Why they could not be confirmed. */
	problem?: string;
};

/** An optional capability: after a success, ask the service what it created (e.g. the hosts it assigned). */
export type ReadBack = {
	/** A read-only request for what was just created. */
	buildRequest(fields: Answers, credentials: Answers, endpoint: string, options?: {now?: number}): PlainRequest;
	/** Reads the answer; `response` is undefined when none came (`failure` says why). Falls back to what is usual. */
	read(response: ResponseInput | undefined, context: {fields: Answers; connection: Answers; failure?: string}): ReadBackResult;
};

/** What `docker login` needs for a created registry; the secret goes to the tool's stdin only. */
export type DockerLogin = {
	/** host[:port], as `docker login` takes it. */
	host: string;
	username: string;
	secretKey: string;
	/** Where images of this registry go, without a tag: HOST/IMAGE or HOST/path. */
	imageBase: string;
};

/** What the create was made with, for working out how to log in to its result. */
export type DockerLoginContext = {
	fields: Answers;
	credentials: Answers;
	connection: Answers;
	endpoint: string;
	outcome: Outcome;
	/** What reading the created resource back found, when the backend reads back. */
	readBack?: ReadBackResult;
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
	/** How many the verify listing found: from its body (NCR, RegistryUI) or its headers (Harbor: X-Total-Count). */
	countListed(body: unknown, headers?: ResponseInput['headers']): number | undefined;
	readResponse(response: ResponseInput): Outcome;
	/** What to do next, after a success or a refusal. */
	advise(outcome: Outcome, context: AdviceContext): string[];
	/** The name of what was created, for history and titles. */
	resourceName(fields: Answers): string;
	/** NCR: the Object Storage bucket to create first (--create-bucket, "New bucket…"), when asked for. */
	bucketToCreate?(fields: Answers): string | undefined;
	/** The plural of `noun`, e.g. "registries": "3 registries visible". */
	plural: string;
	/** The key of the one credential that may be shown (masked or plain), e.g. accessKey, username. */
	shownCredential: string;
	/** Environment variables each credential can come from, first the preferred one: {password: ['HARBOR_PASSWORD']}. */
	credentialVariables: Readonly<Record<string, readonly string[]>>;
	/** Help for `regwiz create <id>`: the flags themselves come from the field specs. */
	help: BackendHelp;
	/** How `--curl` expresses the credentials. */
	curl: CurlCredentials;
	/** What the sandbox offers for it: the emulator it speaks to and its demo profiles. */
	sandbox: SandboxProfile;
	/** Credentials regwiz can import from another tool's file (the wizard offers them on step 2). */
	importsFrom?: 'ncloud-configure';
	/** How to log in to what a successful create made; undefined when it cannot be told. */
	dockerLogin?(context: DockerLoginContext): DockerLogin | undefined;
	/** Read the created resource back after a success; absent: the create answer says it all. */
	readBack?: ReadBack;
	/** Refusal statuses that may mean the name is taken: the wizard offers to change the name (its first field). */
	renameOn?: readonly number[];
	/** What a passing credential check does not prove, e.g. "creating needs an administrator". */
	verifyLimit?: string;
	/** Connection defaults from the environment (e.g. NCLOUD_SITE), or a sentence naming a bad variable. */
	envConnection?(env: NodeJS.ProcessEnv): {connection: Answers; source: string} | {problem: string} | undefined;
	/** A sentence when the connection answers were corrected on the way in (e.g. a base URL cut to the site root). */
	connectionNote?(connection: Answers): string | undefined;
};

export type BackendHelp = {
	/** One line: "create a Harbor project". */
	summary: string;
	/** Lines printed after the flags (what the account must be, where the token is found). */
	notes?: readonly string[];
	/** Each a whole command line. */
	examples: readonly string[];
};

/**
 * `signed`: the request's headers are printed as they are (they prove nothing beyond `expiresAt`);
 * `basic`: the Authorization header becomes `-u "<user>:$VARIABLE"`, the secret read from the shell.
 */
export type CurlCredentials =
	| {kind: 'signed'; expiresAt(request: PlainRequest): Date | undefined; /** "valid 5 minutes" */ validity: string}
	| {kind: 'basic'; user: string; secret: string; variable: string; what: string};

export type SandboxDemo = {
	/** The profile's name in the sandbox; the first demo is `sandbox-<id>` and is used by default. */
	name?: string;
	/** Shown in `regwiz sandbox`'s banner: "admin", "not an administrator: creating is refused". */
	label: string;
	credentials: Answers;
};

export type SandboxProfile = {
	/** The emulated API it speaks to (source/sandbox/emulators.ts); a copy of a backend may speak to the same one. */
	emulator: string;
	/** The connection answers that point at the emulator, given its base URL. */
	connection(baseUrl: string): Answers;
	demos: readonly SandboxDemo[];
	/** Request fields for the banner's example command, e.g. {project: 'team-a'}. */
	example: Answers;
};


