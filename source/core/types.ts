import type {Answers, Backend, Outcome, ReadBackResult} from '../backends/types.js';
import type {TransportFailure} from '../transport.js';

/** Everything needed to build one create request; credentials never leave this object except into headers. */
export type CreatePlan = {
	backend: Backend;
	fields: Answers;
	credentials: Answers;
	connection: Answers;
	/** "profile default", "environment (NCLOUD_ACCESS_KEY)", "sandbox demo credentials". */
	credentialSource: string;
	profileName?: string;
};

export type CreateResult = {
	ok: boolean;
	exitCode: number;
	backend: string;
	request: {method: string; url: string};
	/** Present when the server answered. */
	outcome?: Outcome;
	/** Present when no usable answer came. */
	failure?: {kind: TransportFailure; message: string; hint: string};
	/** What reading the created resource back found (backends with a read-back, after a success). */
	readBack?: ReadBackResult;
	/** What to do next. */
	advice: string[];
	/** One human sentence for a failure, or null. */
	error: string | null;
};

/** What proving credentials found: whether they work, and one sentence saying so. */
export type VerifyResult = {ok: boolean; message: string};
