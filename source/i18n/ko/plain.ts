import type {Area} from '../catalogue.js';
import type {plain as en} from '../en/plain.js';

export const plain = (): Area<typeof en> => ({
});
