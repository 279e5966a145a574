import type {Backend, DockerLogin} from '../backends/types.js';
import type {CreatePlan, CreateResult} from '../core/types.js';

export type {Backend, DockerLogin};

/** What came of `docker login`: the tool's own words, made safe to show. */
export type LoginReport =
	| {kind: 'ok'; tool: string; host: string; said: string[]}
	| {kind: 'failed'; tool: string; host: string; said: string[]; exitCode: number | null}
	| {kind: 'missing'; host: string; wanted: string};

/** "Log in with docker now" in the wizard: under way since `startedAt`, or what the tool answered. */
export type LoginState = {status: 'running'; startedAt: number} | {status: 'done'; report: LoginReport};

/** A successful create and how to log in to it. */
export type CreateLoginFacts = {backend: Backend; login: DockerLogin};

/** How to log in to what a create made, from the backend's description; undefined when it cannot be told. */
export function loginFacts(plan: CreatePlan, result: CreateResult): CreateLoginFacts | undefined {
	if (!result.ok || !result.outcome || !plan.backend.dockerLogin) return undefined;
	const login = plan.backend.dockerLogin({
		fields: plan.fields,
		credentials: plan.credentials,
		connection: plan.connection,
		endpoint: plan.backend.endpoint(plan.connection),
		outcome: result.outcome,
		readBack: result.readBack,
	});
	return login ? {backend: plan.backend, login} : undefined;
}
