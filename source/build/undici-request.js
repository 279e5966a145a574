// Stands in for `undici` in the bundle (see .ci/build.mjs, lever `undici-request`). source/transport.ts
// uses `Agent`, `Pool`, `ProxyAgent` and `request`; undici's index also loads fetch, WebSocket, EventSource,
// caches, mocks and interceptors before it can answer any of them. This module loads only those:
// the agents, and the request and connect (CONNECT, for tunnels) APIs on dispatchers.
import Agent from 'undici/lib/dispatcher/agent.js';
import Pool from 'undici/lib/dispatcher/pool.js';
import ProxyAgent from 'undici/lib/dispatcher/proxy-agent.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import dispatchRequest from 'undici/lib/api/api-request.js';
import dispatchConnect from 'undici/lib/api/api-connect.js';

// undici's index gives every dispatcher its API methods; ProxyAgent opens its tunnel with `connect`.
Dispatcher.prototype.request ??= dispatchRequest;
Dispatcher.prototype.connect ??= dispatchConnect;

export {Agent, Pool, ProxyAgent};

/**
 * undici's `request(url, options)`: the same promise of {statusCode, headers, body}. The dispatcher must
 * be given (regwiz always passes one), since the global dispatcher is what this module leaves out.
 */
export function request(url, options = {}) {
	const {dispatcher, ...rest} = options;
	if (!dispatcher) throw new TypeError('request: pass options.dispatcher (this build of regwiz has no global dispatcher)');
	const target = url instanceof URL ? url : new URL(String(url));
	return dispatcher.request({
		...rest,
		origin: target.origin,
		path: `${target.pathname}${target.search}`,
		method: rest.method ?? 'GET',
	});
}
