import type {Area} from '../catalogue.js';
import type {ncr as en} from '../en/ncr.js';

export const ncr = (): Area<typeof en> => ({
});
