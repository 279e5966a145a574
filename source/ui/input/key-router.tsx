import {useStdin} from 'ink';
import {createContext, useContext, useEffect, useLayoutEffect, useRef, type ReactNode} from 'react';
import {createKeySplitter, type Keypress} from './keypress.js';

/** A screen's key handler: true when it used the key, false to let the wizard's root have it (Esc = back). */
export type KeyHandler = (press: Keypress) => boolean;

type Router = {register: (owner: string, handler: KeyHandler) => () => void};

const RouterContext = createContext<Router | undefined>(undefined);
const OwnerContext = createContext<string>('');

/** Marks the screen a subtree belongs to: its key handlers get keys only while that screen is current. */
export function KeyOwner({owner, children}: {owner: string; children: ReactNode}) {
	return <OwnerContext.Provider value={owner}>{children}</OwnerContext.Provider>;
}

/** Subscribes to every input event Ink reads and hands on keypresses, one by one, in order. */
function useKeypresses(onKey: (press: Keypress) => void, active = true) {
	const {internal_eventEmitter: emitter, setRawMode, isRawModeSupported} = useStdin();
	const latest = useRef(onKey);
	latest.current = onKey;
	useEffect(() => {
		if (!active) return;
		if (isRawModeSupported) setRawMode(true);
		const split = createKeySplitter();
		const listener = (event: string) => {
			for (const press of split(event)) latest.current(press);
		};
		emitter.on('input', listener);
		return () => {
			emitter.off('input', listener);
			if (isRawModeSupported) setRawMode(false);
		};
	}, [active, emitter]);
}

/**
 * The wizard's one input layer: always mounted at the root, it reads every key and delivers it to
 * the screen that is current in the latest state, not the one last drawn. A key that arrives while
 * a new screen is not yet mounted (React draws, then subscribes) waits in a queue and is delivered
 * the moment that screen registers, so keys typed or pasted across a screen change are never lost.
 * `root` sees Ctrl-C first and every key a screen did not use; `ownerNow` names the current screen,
 * or undefined when the root itself owns it (review, sending, result).
 */
export function KeyRouter({root, ownerNow, children}: {root: (press: Keypress, isGlobal: boolean) => boolean; ownerNow: () => string | undefined; children: ReactNode}) {
	const handlers = useRef(new Map<string, KeyHandler>());
	const queue = useRef<Keypress[]>([]);
	const callbacks = useRef({root, ownerNow});
	callbacks.current = {root, ownerNow};

	const process = (press: Keypress): boolean => {
		const {root: rootHandler, ownerNow: owner} = callbacks.current;
		const current = owner();
		if (current === undefined) {
			rootHandler(press, false);
			return true;
		}
		const handler = handlers.current.get(current);
		if (!handler) return false;
		if (!handler(press)) rootHandler(press, false);
		return true;
	};
	const flush = () => {
		while (queue.current.length > 0 && process(queue.current[0]!)) queue.current.shift();
	};
	const router = useRef<Router>({
		register(owner, handler) {
			handlers.current.set(owner, handler);
			flush();
			return () => {
				if (handlers.current.get(owner) === handler) handlers.current.delete(owner);
			};
		},
	});

	useKeypresses(press => {
		// A global key (Ctrl-C) never waits behind keys queued for a screen not yet drawn.
		if (callbacks.current.root(press, true)) return;
		queue.current.push(press);
		flush();
	});
	// A screen the root owns may become current without any screen registering: deliver then too.
	useLayoutEffect(flush);
	return <RouterContext.Provider value={router.current}>{children}</RouterContext.Provider>;
}

/**
 * A screen's keys. Inside the wizard they come through the root's router; a component drawn on its
 * own (a test of one step) reads them itself, through the same splitting.
 */
export function useKeys(handler: KeyHandler) {
	const router = useContext(RouterContext);
	const owner = useContext(OwnerContext);
	const latest = useRef(handler);
	latest.current = handler;
	useLayoutEffect(() => {
		if (!router) return;
		return router.register(owner, press => latest.current(press));
	}, [router, owner]);
	useKeypresses(press => {
		latest.current(press);
	}, router === undefined);
}
