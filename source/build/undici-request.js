// Stands in for `undici` in the bundle (see .ci/build.mjs). source/transport.ts uses only `Agent` and
// `request`; undici's index also loads fetch, WebSocket, EventSource, caches, mocks, proxies and
// interceptors (~1 MB of source) before it can answer either. This module loads the two pieces it needs:
// the Agent, and the request API called on that Agent as its dispatcher.
import Agent from 'undici/lib/dispatcher/agent.js';
import dispatchRequest from 'undici/lib/api/api-request.js';

export {Agent};

/**
 * undici's `request(url, options)`: the same promise of {statusCode, headers, body}. The dispatcher must
 * be given (regwiz always passes its Agent), since the global dispatcher is what this module leaves out.
 */
export function request(url, options = {}) {
	const {dispatcher, ...rest} = options;
	if (!dispatcher) throw new TypeError('request: pass options.dispatcher (this build of regwiz has no global dispatcher)');
	const target = url instanceof URL ? url : new URL(String(url));
	return dispatchRequest.call(dispatcher, {
		...rest,
		origin: target.origin,
		path: `${target.pathname}${target.search}`,
		method: rest.method ?? (rest.body ? 'PUT' : 'GET'),
	});
}
