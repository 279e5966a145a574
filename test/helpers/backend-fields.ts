import {expect} from 'vitest';
import {InputError} from '../../source/backends/validation.js';
import type {FieldSpec} from '../../source/backends/types.js';

/** The field errors `run` throws; fails the test when it throws anything else, or nothing. */
export function inputErrors(run: () => unknown) {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return (error as InputError).errors;
	}
	throw new Error('expected an InputError');
}

export const spec = (specs: readonly FieldSpec[], key: string): FieldSpec => {
	const found = specs.find(candidate => candidate.key === key);
	if (!found) throw new Error(`no field ${key}`);
	return found;
};
