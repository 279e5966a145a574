/** What regwiz exits with: the same numbers for the command line, the wizard and the plain front. */
export const EXIT = {
	created: 0,
	refused: 1,
	usage: 2,
	noAnswer: 3,
	/** A fault in regwiz itself (sysexits EX_SOFTWARE): never a refusal, never bad input. */
	internal: 70,
	/** SIGHUP (the terminal went away), SIGINT (Ctrl-C), SIGQUIT, SIGTERM: 128 + the signal's number. */
	hangup: 129,
	cancelled: 130,
	quit: 131,
	terminated: 143,
} as const;
