import type {Area} from '../catalogue.js';
import type {transport as en} from '../en/transport.js';

export const transport = (): Area<typeof en> => ({
});
