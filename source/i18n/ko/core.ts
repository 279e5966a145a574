import type {Area} from '../catalogue.js';
import type {core as en} from '../en/core.js';

export const core = (): Area<typeof en> => ({
});
