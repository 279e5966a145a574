/** The process's streams and environment, passed in so that commands can be run and tested alike. */
export type Io = {
	argv: string[];
	env: NodeJS.ProcessEnv;
	stdin: NodeJS.ReadStream;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
};

export const isInteractive = (io: Io): boolean => io.stdin.isTTY === true && io.stdout.isTTY === true;
