/**
 * The shape every language's catalogue has: the English one's keys, each a sentence or a function of the
 * values it places (counts, names). A language that misses a key, adds one, or takes other values fails
 * the type check.
 */
export type Entry = string | ((values: never) => string);

/** An area of the English catalogue widened to what another language must give for it. */
export type Area<T> = {[K in keyof T]: T[K] extends (values: infer V) => string ? (values: V) => string : string};

/** The values a key takes: none for a plain sentence, one object for a function. */
export type ValuesOf<E> = E extends (values: infer V) => string ? [values: V] : [];
