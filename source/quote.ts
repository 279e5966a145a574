import {safeJson} from './text-safety.js';

/** Quotes a value for a message so that control characters show as escapes, not as terminal codes. */
export const quoteValue = (value: string): string => safeJson(value.length > 80 ? `${value.slice(0, 77)}...` : value);
