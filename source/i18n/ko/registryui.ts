import type {Area} from '../catalogue.js';
import type {registryui as en} from '../en/registryui.js';

export const registryui = (): Area<typeof en> => ({
});
