// Stands in for `semver` in the bundle (see .ci/build.mjs). conf imports it at the top of its module but
// compares versions only to run migrations, which regwiz never passes. If that changes, this says so.
const unavailable = () => {
	throw new Error('regwiz is bundled without semver: conf must not be given migrations.');
};

export default {eq: unavailable, clean: unavailable, satisfies: unavailable, lte: unavailable, gt: unavailable};
