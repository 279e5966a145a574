import {InputError, isLoopbackHost} from '../backends/validation.js';
import type {Answers, Backend, FieldSpec} from '../backends/types.js';
import {t} from '../i18n/index.js';

/** Why a base URL typed in the sandbox is refused: anything but this machine could be a real service. */
export function sandboxUrlProblem(value: string): string | undefined {
	if (!URL.canParse(value)) return undefined;
	const url = new URL(value);
	if (isLoopbackHost(url.hostname)) return undefined;
	return t('sandbox.urlProblem', {host: url.host});
}

/** A base URL field that also refuses, in the sandbox, any host but this machine's. */
function confinedField(spec: FieldSpec): FieldSpec {
	const {schema} = spec;
	const check = (value: unknown) => (typeof value === 'string' ? sandboxUrlProblem(value) : undefined);
	return {
		...spec,
		schema: {
			parse: ((data, params) => {
				const value = schema.parse(data, params);
				const problem = check(value);
				if (problem) throw new Error(problem);
				return value;
			}) as typeof schema.parse,
			safeParse: ((data, params) => {
				const result = schema.safeParse(data, params);
				const problem = result.success ? check(result.data) : undefined;
				if (!problem) return result;
				return {success: false, error: {issues: [{code: 'custom', message: problem, path: [], input: data}]}};
			}) as typeof schema.safeParse,
		},
	};
}

/** Whether the base URL came from a value typed or given (a custom endpoint) rather than from a site the backend knows. */
function typedBaseUrl(backend: Backend, connection: Answers, base: string): boolean {
	return backend.connectionFields.some(spec => spec.kind === 'text' && (connection[spec.key] ?? '') !== '' && connection[spec.key]!.replace(/\/+$/, '') === base);
}

/**
 * The backend as a sandbox run uses it: whatever the person picks, every request goes to the emulator.
 * A site (a base URL the backend knows) becomes the same path on the emulator's origin; a typed base URL
 * must be this machine's (its field refuses any other host), so nothing can reach a real service.
 */
export function confineToEmulator(backend: Backend, emulatorOrigin: string): Backend {
	const endpoint = (connection: Answers): string => {
		const real = backend.endpoint(connection);
		if (!URL.canParse(real) || typedBaseUrl(backend, connection, real)) return real;
		const url = new URL(real);
		return isLoopbackHost(url.hostname) ? real : `${emulatorOrigin}${url.pathname.replace(/\/+$/, '')}`;
	};
	return {
		...backend,
		connectionFields: backend.connectionFields.map(spec => (spec.kind === 'text' ? confinedField(spec) : spec)),
		endpoint,
		describeEndpoint: connection => {
			const described = backend.describeEndpoint(connection);
			return endpoint(connection) === backend.endpoint(connection) ? described : t('sandbox.describeEndpoint', {described, endpoint: endpoint(connection)});
		},
		buildRequest: (fields, credentials, base, options) => {
			refuseRealHost(backend, base);
			return backend.buildRequest(fields, credentials, base, options);
		},
		buildVerifyRequest: (credentials, base, options) => {
			refuseRealHost(backend, base);
			return backend.buildVerifyRequest(credentials, base, options);
		},
	};
}

/** The last guard before anything is signed: no sandbox request is ever built for another machine. */
function refuseRealHost(backend: Backend, base: string): void {
	const problem = sandboxUrlProblem(base);
	if (!problem) return;
	const spec = backend.connectionFields.find(field => field.kind === 'text');
	throw new InputError([{key: spec?.key ?? 'endpoint', label: spec?.label ?? t('sandbox.endpointLabel'), flag: spec?.flag, message: problem, value: base}]);
}
