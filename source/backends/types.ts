import type * as z from 'zod/mini';
import type {Parser} from './validation.js';

/** What a person typed, keyed by field key. Values are always strings; '' means "not given". */
export type Answers = Record<string, string>;

export type Choice = {value: string; label: string; hint?: string};

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
	/** The flag's value in help, e.g. NAME for --registry NAME (default: the flag in capitals). */
	flagValue?: string;
	/** Answers that giving this flag sets too (--endpoint sets site to custom); a flag for one of them then contradicts it. */
	implies?: Answers;
};

/** A request as plain data: built purely, sent by the transport, shown by the review. */
export type PlainRequest = {
	method: 'GET' | 'POST' | 'DELETE';
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
	/** Reads the created resource back after a success (Harbor's 201 carries only a Location). */
	readBack?: ReadBack;
	/** How to log in to what a successful create made; undefined when it cannot be told. */
	dockerLogin?(context: DockerLoginContext): DockerLogin | undefined;
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

export type ReadBack = {
	/** A read-only request for what a success created, or undefined when there is nothing to read. */
	request(outcome: Outcome, context: {fields: Answers; credentials: Answers; endpoint: string; headers: ResponseInput['headers']}): PlainRequest | undefined;
	/** The outcome with the resource's fields as read back; `outcome` is kept when the answer says nothing useful. */
	read(outcome: Outcome, response: ResponseInput): Outcome;
};

