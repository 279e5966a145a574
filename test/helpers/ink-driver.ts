import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';

export {KEYS} from './keys.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;
export const stripAnsi = (text: string) => text.replace(ANSI, '');

const tick = () => new Promise(resolve => setTimeout(resolve, 0));

/** Drives an Ink tree as a person would: one key at a time, waiting for the screen to react. */
export async function drive(tree: ReactElement) {
	const instance = render(tree);
	await tick();
	await tick();
	const screen = () => stripAnsi(instance.lastFrame() ?? '');

	async function waitFor(predicate: string | RegExp | ((frame: string) => boolean), timeoutMs = 3000): Promise<string> {
		const test =
			typeof predicate === 'string'
				? (frame: string) => frame.includes(predicate)
				: predicate instanceof RegExp
					? (frame: string) => predicate.test(frame)
					: predicate;
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const frame = screen();
			if (test(frame)) return frame;
			await new Promise(resolve => setTimeout(resolve, 10));
		}
		throw new Error(`Timed out waiting for ${String(predicate)}. Screen:\n${screen()}`);
	}

	/** Writes one chunk and waits until the frame changes (or a short bound passes, for keys that change nothing). */
	async function press(chunk: string, settleMs = 300): Promise<string> {
		const before = screen();
		instance.stdin.write(chunk);
		const deadline = Date.now() + settleMs;
		while (Date.now() < deadline) {
			await new Promise(resolve => setTimeout(resolve, 5));
			if (screen() !== before) break;
		}
		await tick();
		return screen();
	}

	/** Types text one character at a time, as a keyboard would. */
	async function type(text: string): Promise<string> {
		for (const character of text) await press(character);
		return screen();
	}

	return {instance, screen, waitFor, press, type};
}
