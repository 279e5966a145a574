// Replaced at bundle time with package.json's version; the fallback serves the test runner.
declare const REGWIZ_VERSION: string | undefined;
export const version: string = typeof REGWIZ_VERSION === 'string' ? REGWIZ_VERSION : '0.0.0-dev';
