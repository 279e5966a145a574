import type {Area} from '../catalogue.js';
import type {backend as en} from '../en/backend.js';

export const backend = (): Area<typeof en> => ({
});
