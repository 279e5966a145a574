import type {Area} from '../catalogue.js';
import type {ui as en} from '../en/ui.js';

export const ui = (): Area<typeof en> => ({
});
