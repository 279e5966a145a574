// NCR's registry list (`GET {base}/repositories`), read for what other steps need from it: which
// registry each bucket backs, and which registry names are already the account's.
import * as z from 'zod/mini';
import {signedRequest} from './ncr.js';
import {isSuccessStatus, printable, statusPhrase} from './response.js';
import {lazySchema} from './validation.js';
import type {Answers, PlainRequest, ResponseInput} from './types.js';

export type ListedRegistry = {name: string; bucket?: string; endPoint?: string};

export const REGISTRY_PAGE_SIZE = 100;
/** 100 pages of 100: far more registries than an account holds; the list stops there. */
export const MAX_REGISTRY_PAGES = 100;

export function registryListRequest(credentials: Answers, base: string, page: number, now: number): PlainRequest {
	const url = new URL(`${base.replace(/\/+$/, '')}/repositories?page=${page}&pagesize=${REGISTRY_PAGE_SIZE}`);
	return signedRequest('GET', url, credentials, now);
}

const listSchema = lazySchema(() =>
	z.object({
		count: z.optional(z.number()),
		next: z.optional(z.nullable(z.union([z.number(), z.string()]))),
		results: z.array(
			z.object({
				name: z.string(),
				bucket: z.optional(z.nullable(z.string())),
				end_point: z.optional(z.nullable(z.string())),
			}),
		),
	}),
);

export type RegistryPage = {ok: true; registries: ListedRegistry[]; next?: number} | {ok: false; status: number; message: string};

/** One page of the list; `next` is the page to ask for after it, when there is one. */
export function readRegistryPage(response: ResponseInput, page: number): RegistryPage {
	if (!isSuccessStatus(response.status)) {
		let said: string | undefined;
		try {
			const body = JSON.parse(response.body) as {error?: {message?: unknown}};
			said = typeof body?.error?.message === 'string' ? body.error.message : undefined;
		} catch {
			said = undefined;
		}
		return {ok: false, status: response.status, message: `${response.status} ${printable(said ?? statusPhrase(response.status))}`};
	}
	let value: unknown;
	try {
		value = JSON.parse(response.body);
	} catch {
		value = undefined;
	}
	const parsed = listSchema.safeParse(value);
	if (!parsed.success) return {ok: false, status: response.status, message: `${response.status} but not the registry list NCR sends`};
	const registries = parsed.data.results.map(entry => ({
		name: printable(entry.name),
		...(entry.bucket ? {bucket: printable(entry.bucket)} : {}),
		...(entry.end_point ? {endPoint: printable(entry.end_point)} : {}),
	}));
	const next = parsed.data.next === null || parsed.data.next === undefined ? undefined : page + 1;
	return {ok: true, registries, ...(next !== undefined && registries.length > 0 ? {next} : {})};
}

/** Bucket name → the registry it backs. */
export function registriesByBucket(registries: readonly ListedRegistry[]): Map<string, string> {
	const map = new Map<string, string>();
	for (const registry of registries) if (registry.bucket) map.set(registry.bucket, registry.name);
	return map;
}
