// The Korean catalogue, built only when Korean is chosen: each area is a function.
import type {Catalogue} from '../index.js';
import {common} from './common.js';
import {ncr} from './ncr.js';
import {registryui} from './registryui.js';
import {harbor} from './harbor.js';
import {backend} from './backend.js';
import {cli} from './cli.js';
import {sandbox} from './sandbox.js';
import {ui} from './ui.js';
import {plain} from './plain.js';
import {store} from './store.js';
import {transport} from './transport.js';
import {core} from './core.js';
import {login} from './login.js';

export function korean(): Catalogue {
	return {
		...common(),
		...ncr(),
		...registryui(),
		...harbor(),
		...backend(),
		...cli(),
		...sandbox(),
		...ui(),
		...plain(),
		...store(),
		...transport(),
		...core(),
		...login(),
	};
}
