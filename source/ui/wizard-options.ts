import type {Backend} from '../backends/types.js';
import type {Io} from '../io.js';
import type {OpenedStore} from '../store/opened-store.js';
import type {Draft} from '../draft.js';

/** What the command line hands the wizard. */
export type WizardOptions = OpenedStore & {
	io: Io;
	/** Chosen on the command line (`regwiz create ncr`): the backend step is skipped. */
	backend?: Backend;
	/** Values known from flags, environment and profile: only what is missing is asked. */
	draft?: Draft;
	/** Skip the review. */
	yes: boolean;
	timeoutMs: number;
	allowInsecureHttp: boolean;
	sandbox: boolean;
	/** --login: log in with docker as soon as the create succeeded. */
	login?: boolean;
	/** --proxy URL, as given. */
	proxy?: string;
};
