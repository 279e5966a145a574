// The wizard's lookups (FieldSpec.choicesFrom / knownFrom) for NCR: the account's buckets, each marked
// when it backs a registry, whether a new bucket name is free, and the registry names already in use.
import {bucketNameProblem} from '../backends/object-storage.js';
import {t} from '../i18n/index.js';
import type {LookupAccess, LookupService} from '../backends/types.js';
import {bucketState, listBuckets, listRegistries, type StorageOptions} from './buckets.js';

/** How the lookups send: the run's deadline, proxy settings and, in the sandbox, the emulator's origin. */
export type LookupSettings = Pick<StorageOptions, 'timeoutMs' | 'allowInsecureHttp' | 'network'> & {confineTo?: string};

export function storageLookups(settings: LookupSettings): LookupService {
	const {confineTo, ...sending} = settings;
	const access = (lookup: LookupAccess) => ({
		credentials: lookup.credentials,
		connection: {site: 'kr', ...lookup.connection},
		...(confineTo === undefined ? {} : {confineTo}),
	});
	const options = (signal: AbortSignal): StorageOptions => ({...sending, signal});
	return {
		async choices(source, lookup, signal) {
			if (source !== 'ncr.buckets') return {ok: false, message: t('ncr.lookup.nothing', {source})};
			const listing = await listBuckets(access(lookup), options(signal));
			if (!listing.ok) return {ok: false, message: listing.message};
			const choices = listing.buckets.map(bucket =>
				bucket.registry === undefined
					? {value: bucket.name, label: bucket.name, hint: listing.registries ? t('ncr.lookup.free') : undefined}
					: {value: bucket.name, label: bucket.name, hint: t('ncr.lookup.backs', {registry: bucket.registry}), unavailable: t('ncr.lookup.taken', {bucket: bucket.name, registry: bucket.registry})},
			);
			return {ok: true, choices};
		},
		async known(source, lookup, signal) {
			if (source !== 'ncr.registries') return {ok: false, message: t('ncr.lookup.nothing', {source})};
			const listed = await listRegistries(access(lookup), options(signal));
			return listed.ok ? {ok: true, values: listed.registries.map(registry => registry.name)} : {ok: false, message: listed.message};
		},
		async checkNew(source, value, lookup, signal) {
			if (source !== 'ncr.buckets') return undefined;
			const problem = bucketNameProblem(value);
			if (problem) return problem;
			const state = await bucketState(value, access(lookup), options(signal));
			if (!state.ok) return state.message;
			if (state.state === 'yours') return t('ncr.lookup.yours', {value});
			if (state.state === 'forbidden') return t('ncr.lookup.othersBucket', {value});
			return undefined;
		},
	};
}
