// Stands in for `undici` in the bundle (see .ci/build.mjs, lever `undici-request`). source/transport.ts
// uses `Agent`, `ProxyAgent` and `request`; undici's index also loads fetch, WebSocket, EventSource,
// caches, mocks and interceptors before it can answer any of them. This module loads only those three:
// the agents, and the request API called on one of them as its dispatcher.
import Agent from 'undici/lib/dispatcher/agent.js';
import ProxyAgent from 'undici/lib/dispatcher/proxy-agent.js';
import dispatchRequest from 'undici/lib/api/api-request.js';

export {Agent, ProxyAgent};

/**
 * undici's `request(url, options)`: the same promise of {statusCode, headers, body}. The dispatcher must
 * be given (regwiz always passes one), since the global dispatcher is what this module leaves out.
 */
export function request(url, options = {}) {
	const {dispatcher, ...rest} = options;
	if (!dispatcher) throw new TypeError('request: pass options.dispatcher (this build of regwiz has no global dispatcher)');
	const target = url instanceof URL ? url : new URL(String(url));
	return dispatchRequest.call(dispatcher, {
		...rest,
		origin: target.origin,
		path: `${target.pathname}${target.search}`,
		method: rest.method ?? 'GET',
	});
}
