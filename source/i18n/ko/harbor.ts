import type {Area} from '../catalogue.js';
import type {harbor as en} from '../en/harbor.js';

export const harbor = (): Area<typeof en> => ({
});
