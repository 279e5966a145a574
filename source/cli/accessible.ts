/**
 * Whether to ask in plain lines instead of the full-screen wizard: `--accessible`, REGWIZ_ACCESSIBLE=1,
 * Ink's own INK_SCREEN_READER=true, or a terminal that cannot move its cursor (TERM=dumb).
 */
export function wantsAccessible(env: NodeJS.ProcessEnv, flag: boolean): boolean {
	if (flag) return true;
	const on = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
	return on(env.REGWIZ_ACCESSIBLE) || on(env.INK_SCREEN_READER) || env.TERM === 'dumb';
}
