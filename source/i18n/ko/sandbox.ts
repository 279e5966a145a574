import type {Area} from '../catalogue.js';
import type {sandbox as en} from '../en/sandbox.js';

export const sandbox = (): Area<typeof en> => ({
});
