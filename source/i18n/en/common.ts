/** Words used across regwiz, and the language choice itself. */
export const common = {
	'common.lang.problem': (values: {source: string; value: string}) => `${values.source} ${values.value} is not a language regwiz speaks: use en or ko (e.g. ${values.source === '--lang' ? '--lang ko' : 'REGWIZ_LANG=ko'})`,
	'common.lang.missing': '--lang needs a value: en or ko (e.g. --lang ko)',
};
