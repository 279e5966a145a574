import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built binary every child-process and pseudo-terminal test runs. */
export const CLI = path.join(ROOT, 'dist', 'cli.js');
