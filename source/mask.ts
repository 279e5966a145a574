/** Shows only the last 4 characters, as `aws configure` does: "****WXYZ". Short values show nothing. */
export function maskSecret(value: string): string {
	if (value === '') return '';
	const characters = [...value];
	return characters.length <= 8 ? '****' : `****${characters.slice(-4).join('')}`;
}
