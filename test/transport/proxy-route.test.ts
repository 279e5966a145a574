// Which proxy a URL goes through (source/transport/proxy.ts): pure, no network.
import {describe, expect, it} from 'vitest';
import {bypassesProxy, proxyRoute, ProxyProblem} from '../../source/transport/proxy.js';

const route = (url: string, env: Record<string, string | undefined>, flag?: string, profile?: string) => proxyRoute(url, {env, flag, profile});

describe('proxyRoute', () => {
	it('takes https_proxy for https and http_proxy for http, lower case first; an empty one counts as unset', () => {
		const env = {https_proxy: 'http://lower:3128', HTTPS_PROXY: 'http://upper:3128', HTTP_PROXY: 'plain.example:8080', NO_PROXY: ''};
		expect(route('https://registry.example/x', env)?.label).toBe('http://lower:3128');
		expect(route('https://registry.example/x', {...env, https_proxy: ''})?.label).toBe('http://upper:3128');
		// No scheme means http://, as curl reads it.
		expect(route('http://registry.example/x', env)).toMatchObject({label: 'http://plain.example:8080', source: 'HTTP_PROXY'});
		expect(route('http://registry.example/x', {NO_PROXY: ''})).toBeUndefined();
	});

	it('--proxy wins, then the profile; --proxy "" means direct; credentials are kept for the client only', () => {
		const env = {HTTPS_PROXY: 'http://env:3128', NO_PROXY: ''};
		expect(route('https://r.example', env, 'http://u:p%40ss@flag:1')).toMatchObject({label: 'http://flag:1', source: '--proxy', hasCredentials: true});
		expect(route('https://r.example', env, 'http://u:p%40ss@flag:1')?.url.password).toBe('p%40ss');
		expect(route('https://r.example', env, undefined, 'https://profile:443')).toMatchObject({label: 'https://profile', source: 'the profile'});
		expect(route('https://r.example', env, '')).toBeUndefined();
	});

	it('refuses what it cannot use, naming the source and never the password', () => {
		for (const [value, why] of [
			['socks5://u:secret@h:1', 'socks5 proxies are not supported'],
			['http://u:secret@h:1/path', 'a proxy URL has no path'],
			['http://u:secret@[::1', 'it is not a URL'],
		]) {
			let problem: unknown;
			try {
				route('https://r.example', {HTTPS_PROXY: value!, NO_PROXY: ''});
			} catch (error) {
				problem = error;
			}
			expect(problem).toBeInstanceOf(ProxyProblem);
			expect((problem as Error).message).toContain(`HTTPS_PROXY: `);
			expect((problem as Error).message).toContain(why);
			expect((problem as Error).message).not.toContain('secret');
		}
	});
});

describe('NO_PROXY', () => {
	const bypass = (url: string, noProxy: string | undefined) => bypassesProxy(new URL(url), noProxy === undefined ? {} : {NO_PROXY: noProxy});

	it('unset: loopback only (localhost, *.localhost, 127.0.0.0/8, ::1)', () => {
		for (const url of ['http://localhost:8080', 'http://api.localhost', 'http://127.0.0.1:1', 'http://127.8.9.10', 'http://[::1]:8443']) expect(bypass(url, undefined), url).toBe(true);
		for (const url of ['https://registry.example', 'http://10.0.0.1', 'http://[::2]']) expect(bypass(url, undefined), url).toBe(false);
	});

	it('set, it replaces the default: names with subdomains, leading dots, CIDR, IPv6, ports, *', () => {
		expect(bypass('http://127.0.0.1', '')).toBe(false);
		expect(bypass('https://a.corp.example', 'corp.example')).toBe(true);
		expect(bypass('https://corp.example', '.corp.example')).toBe(true);
		expect(bypass('https://notcorp.example', 'corp.example')).toBe(false);
		expect(bypass('https://x.corp.example', '*.corp.example')).toBe(true);
		expect(bypass('http://10.1.2.3', 'a.example, 10.0.0.0/8')).toBe(true);
		expect(bypass('http://11.1.2.3', '10.0.0.0/8')).toBe(false);
		expect(bypass('http://[::1]:80', '::1')).toBe(true);
		expect(bypass('http://[::1]:8080', '[::1]:8080')).toBe(true);
		expect(bypass('https://r.example', 'r.example:443')).toBe(true);
		expect(bypass('https://r.example:8443', 'r.example:443')).toBe(false);
		expect(bypass('https://anything.example', '*')).toBe(true);
		expect(bypassesProxy(new URL('https://r.example'), {no_proxy: 'r.example', NO_PROXY: 'other.example'})).toBe(true);
	});
});

describe('a host reached directly', () => {
	it('ignores a proxy setting regwiz could not use (e.g. socks5 for other tools)', () => {
		expect(route('http://127.0.0.1:8080', {HTTP_PROXY: 'socks5://127.0.0.1:1080'})).toBeUndefined();
	});
});
