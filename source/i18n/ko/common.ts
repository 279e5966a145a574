import type {Area} from '../catalogue.js';
import type {common as en} from '../en/common.js';

export const common = (): Area<typeof en> => ({
	'common.lang.problem': values => `${values.source} ${values.value}: 지원하지 않는 언어입니다. en 또는 ko를 쓰세요 (예: ${values.source === '--lang' ? '--lang ko' : 'REGWIZ_LANG=ko'})`,
	'common.lang.missing': '--lang에 값이 필요합니다: en 또는 ko (예: --lang ko)',
});
