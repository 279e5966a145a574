// Stands in for `ajv/dist/2020.js` and `ajv-formats` in the bundle (see .ci/build.mjs). conf imports
// both at the top of its module but uses them only when given a JSON schema, which regwiz never passes
// (profiles are checked with zod). Loading ajv cost start-up time for nothing; if a schema is ever
// passed, this says so instead of silently skipping validation.
const unavailable = () => {
	throw new Error('regwiz is bundled without a JSON-schema validator: conf must not be given a schema (validate with zod instead).');
};

export class Ajv2020 {
	constructor() {
		unavailable();
	}
}

export default unavailable;
