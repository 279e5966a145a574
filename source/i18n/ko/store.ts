import type {Area} from '../catalogue.js';
import type {store as en} from '../en/store.js';

export const store = (): Area<typeof en> => ({
});
