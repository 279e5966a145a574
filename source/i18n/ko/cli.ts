import type {Area} from '../catalogue.js';
import type {cli as en} from '../en/cli.js';

export const cli = (): Area<typeof en> => ({
});
