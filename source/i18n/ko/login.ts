import type {Area} from '../catalogue.js';
import type {login as en} from '../en/login.js';

export const login = (): Area<typeof en> => ({
});
