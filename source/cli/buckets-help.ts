// `regwiz buckets --help`: NCR's Object Storage command, which is not a create and so has no field specs
// to be generated from; its text lives here so that help.ts names no backend.
import {NCR_SITES} from '../backends/ncr.js';
import {t} from '../i18n/index.js';

export function bucketsSummary(): string {
	return t('cli.help.bucketsSummary');
}

export function bucketsHelp(): string {
	return t('cli.help.bucketsHelp', {summary: bucketsSummary(), sites: NCR_SITES.map(site => site.value).join('|')});
}
