// Stands in for `is-in-ci` in the bundle (see .ci/build.mjs), as gemini-cli does. When `CI` is set, Ink
// draws only the final frame: a person who has CI exported in a real terminal would see a blank wizard.
// regwiz mounts Ink only when stdin and stdout are terminals, so a CI job never gets there anyway.
export default false;
