// Which proxy, if any, a request goes through. Pure (no I/O, no HTTP client): dry runs, --curl and error
// messages use it without loading the transport.
//
// Sources, first found wins: --proxy URL, the profile's `proxy`, then the environment as curl reads it
// (https_proxy / HTTPS_PROXY for https URLs, http_proxy / HTTP_PROXY for http URLs; the lower-case form
// wins; an empty one counts as unset). no_proxy / NO_PROXY lists the hosts reached directly, whatever the
// source; unset, it is loopback (set but empty: no exceptions, so loopback goes through the proxy too).
import {quoteValue} from '../quote.js';
import {t} from '../i18n/index.js';

export type ProxyEnv = Record<string, string | undefined>;

/** What the command line and the profile say, and the environment to read the rest from. */
export type NetworkSettings = {
	/** --proxy URL (an empty string: no proxy at all, whatever the environment says). */
	flag?: string;
	/** The profile's proxy. */
	profile?: string;
	env: ProxyEnv;
};

export type ProxyRoute = {
	/** The proxy's URL, credentials included: for the HTTP client only, never printed. */
	url: URL;
	/** `http://proxy.example:3128`: the proxy as it may be shown, without credentials. */
	label: string;
	/** Where it came from: `--proxy`, `profile staging`, `HTTPS_PROXY`. */
	source: string;
	hasCredentials: boolean;
};

/** A proxy URL regwiz cannot use; the message names its source and never its credentials. */
export class ProxyProblem extends Error {}

/** NO_PROXY when it is not set: loopback is always reached directly. */
export const DEFAULT_NO_PROXY = 'localhost,.localhost,127.0.0.0/8,::1';

/** The value with any `user:password@` removed, to be quoted in a message. */
function withoutCredentials(value: string): string {
	const at = value.lastIndexOf('@');
	if (at === -1) return value;
	const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(value)?.[0] ?? '';
	return `${scheme}${value.slice(at + 1)}`;
}

/** Parses a proxy URL as curl does (no scheme means http://). Throws ProxyProblem. */
export function parseProxyUrl(value: string, source: string): URL {
	const trimmed = value.trim();
	const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`;
	const fail = (why: string) => new ProxyProblem(t('transport.proxy.bad', {source, value: quoteValue(withoutCredentials(trimmed)), why}));
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw fail(t('transport.proxy.notUrl'));
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fail(t('transport.proxy.scheme', {scheme: url.protocol.slice(0, -1)}));
	if (url.hostname === '') throw fail(t('transport.proxy.noHost'));
	if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') throw fail(t('transport.proxy.path'));
	return url;
}

export const proxyLabel = (url: URL): string => `${url.protocol}//${url.host}`;

function firstSet(env: ProxyEnv, names: string[]): {name: string; value: string} | undefined {
	for (const name of names) {
		const value = env[name];
		if (value !== undefined && value.trim() !== '') return {name, value};
	}
	return undefined;
}

function ipv4(host: string): number | undefined {
	const parts = host.split('.');
	if (parts.length !== 4 || !parts.every(part => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return undefined;
	return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** One NO_PROXY entry against a host (lower case, IPv6 without brackets) and port. */
function entryMatches(entry: string, host: string, port: string): boolean {
	if (entry === '*') return true;
	let name = entry;
	const portMatch = /^(.*[^:]):(\d+)$/.exec(name);
	// `[::1]:8080` and `host:8080` name a port; a bare IPv6 address has more than one colon and no brackets.
	if (portMatch && (!name.includes('::') || name.startsWith('['))) {
		if (portMatch[2] !== port) return false;
		name = portMatch[1]!;
	}
	name = name.replace(/^\[(.*)\]$/, '$1');
	const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(name);
	if (cidr) {
		const base = ipv4(cidr[1]!);
		const address = ipv4(host);
		const bits = Number(cidr[2]);
		if (base === undefined || address === undefined || bits > 32) return false;
		const size = 2 ** (32 - bits);
		return Math.floor(address / size) === Math.floor(base / size);
	}
	name = name.replace(/^\*?\./, '');
	if (name === '') return false;
	return host === name || host.endsWith(`.${name}`);
}

/** Whether NO_PROXY (or its default, loopback) says to reach this URL directly. */
export function bypassesProxy(target: URL, env: ProxyEnv): boolean {
	// As curl: an empty variable counts as unset, the lower-case one first. Set but empty, there are no
	// exceptions (curl's behaviour, which has no default); unset, loopback is the default.
	const named = firstSet(env, ['no_proxy', 'NO_PROXY']);
	const list = named ? named.value : env.no_proxy !== undefined || env.NO_PROXY !== undefined ? '' : DEFAULT_NO_PROXY;
	const host = target.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
	const port = target.port || (target.protocol === 'https:' ? '443' : '80');
	return list
		.split(/[\s,]+/)
		.map(entry => entry.trim().toLowerCase())
		.filter(Boolean)
		.some(entry => entryMatches(entry, host, port));
}

/** The environment variable (and its value) that names a proxy for this URL, lower case first. */
export function environmentProxy(target: URL, env: ProxyEnv): {name: string; value: string} | undefined {
	return target.protocol === 'https:' ? firstSet(env, ['https_proxy', 'HTTPS_PROXY']) : firstSet(env, ['http_proxy', 'HTTP_PROXY']);
}

/** The proxy this request goes through, or undefined for a direct connection. Throws ProxyProblem. */
export function proxyRoute(targetUrl: string | URL, settings: NetworkSettings): ProxyRoute | undefined {
	const target = typeof targetUrl === 'string' ? new URL(targetUrl) : targetUrl;
	let chosen: {value: string; source: string} | undefined;
	if (settings.flag !== undefined) {
		if (settings.flag.trim() === '') return undefined;
		chosen = {value: settings.flag, source: '--proxy'};
	} else if (settings.profile !== undefined && settings.profile.trim() !== '') {
		chosen = {value: settings.profile, source: t('transport.proxy.fromProfile')};
	} else {
		const fromEnv = environmentProxy(target, settings.env);
		if (fromEnv) chosen = {value: fromEnv.value, source: fromEnv.name};
	}
	if (!chosen) return undefined;
	// A host reached directly does not care what the proxy setting holds.
	if (bypassesProxy(target, settings.env)) return undefined;
	const url = parseProxyUrl(chosen.value, chosen.source);
	return {url, label: proxyLabel(url), source: chosen.source, hasCredentials: url.username !== '' || url.password !== ''};
}

/** One line for dry runs and reviews: `http://proxy.example:3128 (from HTTPS_PROXY, with credentials)`. */
export function describeRoute(route: ProxyRoute | undefined): string {
	if (!route) return t('transport.proxy.direct');
	return t('transport.proxy.route', {label: route.label, source: route.source, credentials: route.hasCredentials});
}

/** A saved proxy setting as it may be shown (`regwiz profile show`): never its credentials. */
export function showProxySetting(value: string): string {
	try {
		const url = parseProxyUrl(value, 'proxy');
		return t('transport.proxy.setting', {label: proxyLabel(url), credentials: url.username !== '' || url.password !== ''});
	} catch {
		return t('transport.proxy.unusable', {value: withoutCredentials(value.trim())});
	}
}
