import {describe, expect, it} from 'vitest';
import {cutToWidth, displayWidth, padToWidth} from '../source/text-width.js';

describe('terminal columns', () => {
	it('counts Hangul as two columns', () => {
		expect(displayWidth('레지스트리')).toBe(10);
		expect(displayWidth('team-a 레지')).toBe(11);
	});

	it('pads by columns', () => {
		expect(padToWidth('사이트', 8)).toBe('사이트  ');
		expect(padToWidth('Site', 8)).toBe('Site    ');
		expect(padToWidth('레지스트리', 4)).toBe('레지스트리');
	});

	it('cuts by columns and never splits a wide letter', () => {
		expect(cutToWidth('레지스트리 이름', 7)).toBe('레지스…');
		expect(displayWidth(cutToWidth('레지스트리 이름', 8))).toBeLessThanOrEqual(8);
		expect(cutToWidth('short', 8)).toBe('short');
	});
});
