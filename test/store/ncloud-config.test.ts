import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {
	NcloudConfigError,
	ncloudConfigurePath,
	parseNcloudConfigure,
	readNcloudCredentials,
} from '../../source/store/ncloud-config.js';

const folders: string[] = [];
function tempHome(configure?: string): string {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'regwiz-ncloud-'));
	folders.push(home);
	if (configure !== undefined) {
		fs.mkdirSync(path.join(home, '.ncloud'));
		fs.writeFileSync(path.join(home, '.ncloud', 'configure'), configure);
	}
	return home;
}
afterEach(() => {
	for (const folder of folders.splice(0)) fs.rmSync(folder, {recursive: true, force: true});
});

function parseError(text: string): NcloudConfigError {
	try {
		parseNcloudConfigure(text);
	} catch (error) {
		if (error instanceof NcloudConfigError) return error;
		throw error;
	}
	throw new Error('expected a parse error');
}

describe('parseNcloudConfigure', () => {
	it('reads a file without sections as DEFAULT', () => {
		const text = 'ncloud_access_key_id = AKIDPLAIN0001\nncloud_secret_access_key = secretplain0001\nncloud_api_url = https://ncloud.apigw.ntruss.com\n';
		expect(parseNcloudConfigure(text)).toEqual(
			new Map([['DEFAULT', {accessKey: 'AKIDPLAIN0001', secretKey: 'secretplain0001', apiUrl: 'https://ncloud.apigw.ntruss.com'}]]),
		);
	});

	it('reads [DEFAULT] and named sections, with comments, spaces, tabs and no spaces around "="', () => {
		const text = [
			'# written by ncloud configure',
			'; another comment style',
			'',
			'[DEFAULT]',
			'  ncloud_access_key_id=AKIDDEFAULT01  ',
			'\tncloud_secret_access_key\t=\tsecretdefault01',
			'',
			'[ dev ]',
			'ncloud_access_key_id = AKIDDEV000001   # the dev account',
			'ncloud_secret_access_key = "secretdev0001"',
			'ncloud_region = KR',
			'[prod]',
			'NCLOUD_ACCESS_KEY_ID = AKIDPROD00001',
		].join('\n');
		expect(parseNcloudConfigure(text)).toEqual(
			new Map([
				['DEFAULT', {accessKey: 'AKIDDEFAULT01', secretKey: 'secretdefault01'}],
				['dev', {accessKey: 'AKIDDEV000001', secretKey: 'secretdev0001'}],
				['prod', {accessKey: 'AKIDPROD00001'}],
			]),
		);
	});

	it('accepts CRLF line ends and a byte-order mark; keys before any section belong to DEFAULT', () => {
		const text = '\uFEFFncloud_access_key_id = AKIDCRLF00001\r\nncloud_secret_access_key = secretcrlf0001\r\n\r\n[DEFAULT]\r\nncloud_api_url = https://x.example\r\n[team]\r\nncloud_access_key_id = AKIDTEAM00001\r\n';
		expect(parseNcloudConfigure(text)).toEqual(
			new Map([
				['DEFAULT', {accessKey: 'AKIDCRLF00001', secretKey: 'secretcrlf0001', apiUrl: 'https://x.example'}],
				['team', {accessKey: 'AKIDTEAM00001'}],
			]),
		);
	});

	it('lets the last of repeated keys win and merges a repeated section', () => {
		const text = '[a]\nncloud_access_key_id = first\n[b]\n[a]\nncloud_access_key_id = second\n';
		expect(parseNcloudConfigure(text).get('a')).toEqual({accessKey: 'second'});
		expect(parseNcloudConfigure(text).get('b')).toEqual({});
	});

	it('keeps "=" and "#" inside a value when no space precedes the "#"', () => {
		expect(parseNcloudConfigure('ncloud_secret_access_key = ab=cd#ef\n').get('DEFAULT')).toEqual({secretKey: 'ab=cd#ef'});
	});

	it('names the line of anything that is neither a comment, a section nor key = value', () => {
		const error = parseError('[DEFAULT]\nncloud_access_key_id = A\nthis line is wrong\n');
		expect(error.line).toBe(3);
		expect(error.message).toBe('line 3: expected "key = value" (e.g. ncloud_access_key_id = ...) or a [section]');
		expect(parseError('\r\n[dev\r\n').message).toBe('line 2: expected a section header like [DEFAULT] or [my-profile]');
		expect(parseError('[]\n').line).toBe(1);
		expect(parseError('= value\n').line).toBe(1);
	});
});

describe('ncloudConfigurePath', () => {
	it('is ~/.ncloud/configure under HOME from the given environment', () => {
		expect(ncloudConfigurePath({HOME: '/home/someone'})).toBe('/home/someone/.ncloud/configure');
		expect(ncloudConfigurePath({})).toBe(path.join(os.homedir(), '.ncloud', 'configure'));
	});
});

describe('readNcloudCredentials', () => {
	const file = [
		'[DEFAULT]',
		'ncloud_access_key_id = AKIDDEFAULT01',
		'ncloud_secret_access_key = secretdefault01',
		'ncloud_api_url = https://ncloud.apigw.ntruss.com',
		'[Dev]',
		'ncloud_access_key_id = AKIDDEV000001',
		'ncloud_secret_access_key = secretdev0001',
		'[broken]',
		'ncloud_access_key_id = AKIDBROKEN001',
	].join('\n');

	it('returns undefined when the file does not exist', () => {
		expect(readNcloudCredentials({HOME: tempHome()})).toBeUndefined();
	});

	it('reads DEFAULT unless a section or NCLOUD_PROFILE says otherwise; the argument wins', () => {
		const home = tempHome(file);
		const configure = path.join(home, '.ncloud', 'configure');
		expect(readNcloudCredentials({HOME: home})).toEqual({
			file: configure,
			section: 'DEFAULT',
			accessKey: 'AKIDDEFAULT01',
			secretKey: 'secretdefault01',
			apiUrl: 'https://ncloud.apigw.ntruss.com',
		});
		expect(readNcloudCredentials({HOME: home, NCLOUD_PROFILE: 'Dev'})).toEqual({
			file: configure,
			section: 'Dev',
			accessKey: 'AKIDDEV000001',
			secretKey: 'secretdev0001',
		});
		expect(readNcloudCredentials({HOME: home, NCLOUD_PROFILE: 'Dev'}, 'DEFAULT')?.section).toBe('DEFAULT');
	});

	it('finds a section whatever its case when only one matches', () => {
		const home = tempHome(file);
		expect(readNcloudCredentials({HOME: home}, 'dev')?.accessKey).toBe('AKIDDEV000001');
		expect(readNcloudCredentials({HOME: home}, 'default')?.section).toBe('DEFAULT');
	});

	it('names the file and the sections there are when the section is missing', () => {
		const home = tempHome(file);
		const configure = path.join(home, '.ncloud', 'configure');
		expect(() => readNcloudCredentials({HOME: home}, 'prod')).toThrow(
			`${configure} has no [prod] section (it has [DEFAULT], [Dev], [broken])`,
		);
	});

	it('names the file, the section and the missing key', () => {
		const home = tempHome(file);
		const configure = path.join(home, '.ncloud', 'configure');
		expect(() => readNcloudCredentials({HOME: home}, 'broken')).toThrow(`${configure} [broken] has no ncloud_secret_access_key`);
	});

	it('names the file and the line of a malformed file', () => {
		const home = tempHome('[DEFAULT]\nncloud_access_key_id AKID\n');
		const configure = path.join(home, '.ncloud', 'configure');
		let caught: unknown;
		try {
			readNcloudCredentials({HOME: home});
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NcloudConfigError);
		expect((caught as NcloudConfigError).message).toBe(
			`${configure} line 2: expected "key = value" (e.g. ncloud_access_key_id = ...) or a [section]`,
		);
		expect((caught as NcloudConfigError).line).toBe(2);
		expect((caught as NcloudConfigError).file).toBe(configure);
	});

	it('says a file with no keys at all holds none', () => {
		const home = tempHome('# nothing yet\n');
		expect(() => readNcloudCredentials({HOME: home})).toThrow('has no [DEFAULT] section (it holds no keys)');
	});
});
