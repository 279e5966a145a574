// `npm run screenshots`: drives the built regwiz through both backends against its sandbox, in a
// real pseudo-terminal, and writes what the screen shows as SVG pictures into docs/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {KEYS, openTerminal, ROOT, type Terminal} from './helpers/terminal.js';
import {screenToSvg} from './helpers/svg-screen.js';

const docs = path.join(ROOT, 'docs');
fs.mkdirSync(docs, {recursive: true});
const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-shots-'));

async function shoot(term: Terminal, name: string, title: string) {
	// Let the last frame settle so the picture is what a person would see.
	await new Promise(resolve => setTimeout(resolve, 150));
	fs.writeFileSync(path.join(docs, `${name}.svg`), screenToSvg(term.xterm, title));
	console.log(`docs/${name}.svg`);
}

async function step(term: Terminal, keys: string, expected: string) {
	if (keys.startsWith('\u001B') || keys.length <= 1) await term.press(keys);
	else await term.type(keys);
	return term.waitFor(expected);
}

async function ncr() {
	const term = openTerminal({args: ['--sandbox'], cols: 80, rows: 24, env: {REGWIZ_CONFIG_DIR: configDir}});
	await term.waitFor('Where should the registry live?');
	await shoot(term, 'backend-choice', 'regwiz: choosing a backend');
	await step(term, KEYS.enter, 'Which credentials?');
	await shoot(term, 'ncr-credentials', 'regwiz: choosing NCR credentials');
	await step(term, KEYS.enter, 'Registry name');
	await step(term, 'Team_A', '✗');
	await shoot(term, 'ncr-field-validation', 'regwiz: a registry name refused as it is typed');
	for (let index = 0; index < 'Team_A'.length; index++) await term.press(KEYS.backspace);
	await step(term, 'team-a', 'team-a');
	await step(term, KEYS.enter, 'Storage type');
	await step(term, KEYS.enter, 'New bucket…');
	await shoot(term, 'ncr-buckets', "regwiz: the account's buckets, one already backing a registry");
	await step(term, KEYS.down, '❯ demo-images');
	await step(term, KEYS.enter, 'Step 4 of 5');
	await shoot(term, 'ncr-review', 'regwiz: reviewing the NCR request');
	await step(term, KEYS.enter, 'Registry created');
	await shoot(term, 'ncr-success', 'regwiz: registry created');
	// A name another account holds: the emulator refuses it with 403, as NCR does.
	await step(term, 'n', 'Registry name');
	await step(term, 'taken-elsewhere', 'taken-elsewhere');
	await step(term, KEYS.enter, 'Storage type');
	await step(term, KEYS.enter, '❯ demo-backups');
	await step(term, KEYS.enter, 'Step 4 of 5');
	await step(term, KEYS.enter, 'Refused: 403');
	await shoot(term, 'ncr-refusal', 'regwiz: NCR refuses a name another account holds');
	term.write('q');
	await term.exited;
}

async function registryui() {
	const term = openTerminal({args: ['--sandbox'], cols: 80, rows: 24, env: {REGWIZ_CONFIG_DIR: configDir}});
	await term.waitFor('Where should the registry live?');
	await term.press(KEYS.down);
	await step(term, KEYS.enter, 'Which credentials?');
	await step(term, KEYS.enter, 'Repository path');
	await step(term, 'team-a/backend', 'team-a/backend');
	await step(term, KEYS.enter, 'Title');
	await step(term, 'Team A backend images', 'images');
	await step(term, KEYS.enter, 'Visibility');
	await step(term, KEYS.enter, 'Step 4 of 5');
	await shoot(term, 'registryui-review', 'regwiz: reviewing the RegistryUI request');
	await step(term, KEYS.enter, 'Repository created');
	await shoot(term, 'registryui-success', 'regwiz: repository created');
	// A user who is not an administrator: RegistryUI refuses.
	await step(term, 'n', 'Repository path');
	await step(term, KEYS.escape, 'Which credentials?');
	await term.press(KEYS.down);
	await step(term, KEYS.enter, 'sandbox-viewer');
	// The path a create used is not offered again: type one.
	await step(term, 'team-a/web', 'team-a/web');
	await step(term, KEYS.enter, 'Title');
	await step(term, KEYS.enter, 'Visibility');
	await step(term, KEYS.enter, 'Step 4 of 5');
	await step(term, KEYS.enter, 'Refused');
	await shoot(term, 'registryui-refusal', 'regwiz: RegistryUI refuses a user who is not an administrator');
	term.write('q');
	await term.exited;
}

/** The main screens again, in Korean (--lang ko). */
async function korean() {
	const term = openTerminal({args: ['--lang', 'ko', '--sandbox'], cols: 80, rows: 24, env: {REGWIZ_CONFIG_DIR: configDir}});
	await term.waitFor('레지스트리를 어디에 만들까요?');
	await shoot(term, 'ko-backend-choice', 'regwiz (한국어): 백엔드 선택');
	await step(term, KEYS.enter, '어떤 인증 정보를 사용할까요?');
	await step(term, KEYS.enter, '레지스트리 이름');
	await step(term, 'team-ko', 'team-ko');
	await step(term, KEYS.enter, '스토리지 유형');
	await step(term, KEYS.enter, '새 버킷…');
	await step(term, KEYS.enter, '5단계 중 4단계');
	await shoot(term, 'ko-ncr-review', 'regwiz (한국어): NCR 요청 검토');
	await step(term, KEYS.enter, '생성됨');
	await shoot(term, 'ko-ncr-success', 'regwiz (한국어): 레지스트리 생성됨');
	term.write('q');
	await term.exited;
}

try {
	await ncr();
	await registryui();
	await korean();
} finally {
	fs.rmSync(configDir, {recursive: true, force: true});
}
