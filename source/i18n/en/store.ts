/** regwiz's own files: refusals (each naming the path and the fix), disk failures, profiles, history, ~/.ncloud/configure. */
export const store = {
	'store.disk.noSpace': 'no space left on the disk',
	'store.disk.quota': 'the disk quota is exceeded',
	'store.disk.readOnly': 'the file system is read-only',
	'store.disk.io': 'the disk reported an input/output error',
	'store.disk.access': 'permission denied',
	'store.disk.notPermitted': 'operation not permitted',
	'store.disk.tooLarge': 'the file is too large for the file system',
	'store.disk.folderGone': 'the folder disappeared',
	'store.disk.tooManyFiles': 'too many open files',
	'store.disk.short': 'the disk accepted only part of the data (is it full?)',
	'store.disk.shortCode': 'short write',
	'store.disk.shortWrite': (values: {written: number; total: number}) => `only ${values.written} of ${values.total} bytes were written`,
	'store.kind.link': 'a symbolic link',
	'store.kind.folder': 'a folder',
	'store.kind.fifo': 'a named pipe (FIFO)',
	'store.kind.device': 'a device',
	'store.kind.socket': 'a socket',
	'store.kind.other': 'not a regular file',
	'store.trust.owner': (values: {where: string; uid: number; folder: boolean; user: string}) =>
		`${values.where} belongs to another user (uid ${values.uid}); regwiz keeps keys in it and trusts only a ${values.folder ? 'folder' : 'file'} of its own: fix it with \`chown ${values.user} ${values.where}\`, or set REGWIZ_CONFIG_DIR to a folder of your own`,
	'store.trust.writable': (values: {where: string; mode: string; folder: boolean}) =>
		`${values.where} can be written by other users (mode ${values.mode}); regwiz refuses to keep keys in a ${values.folder ? 'folder' : 'file'} others can change: fix it with \`${values.folder ? `chmod 700 ${values.where}` : `chmod 600 ${values.where}`}\``,
	'store.read.notRegular': (values: {file: string; kind: string; link: boolean}) =>
		`${values.file} is ${values.kind}, not a regular file${values.link ? '; regwiz does not follow links for its own files: replace the link with the file itself' : ''}`,
	'store.read.tooBig': (values: {file: string; size: number; maxBytes: number}) =>
		`${values.file} is too large to be a regwiz file (${values.size > 1024 * 1024 ? `${(values.size / 1024 / 1024).toFixed(1)} MB` : `${values.size} bytes`}; at most ${values.maxBytes / 1024} KB is read): move it aside and start again`,
	'store.save.failed': (values: {file: string; why: string; kept: string}) =>
		`could not save ${values.file}: ${values.why}. ${values.kept} was left as it was; free some space (or fix the disk) and try again`,
	'store.save.keptProfiles': 'Every saved profile',
	'store.save.keptHistory': 'The history',
	'store.write.failed': (values: {file: string; why: string}) => `could not write ${values.file}: ${values.why}`,
	'store.append.link': (values: {file: string; kind: string}) =>
		`${values.file} is ${values.kind}, not a regular file; regwiz does not write through links or into pipes: remove it`,
	'store.append.notRegular': (values: {file: string; kind: string}) => `${values.file} is ${values.kind}, not a regular file: remove it`,
	'store.folder.link': (values: {folder: string; target?: string}) =>
		`${values.folder} is a symbolic link${values.target === undefined ? '' : ` (to ${values.target})`}; regwiz does not follow links for the folder it writes in: set REGWIZ_CONFIG_DIR to the real folder, or replace the link with the folder itself`,
	'store.folder.notFolder': (values: {folder: string; kind: string}) =>
		`${values.folder} is ${values.kind}, not a folder: move it aside, or set REGWIZ_CONFIG_DIR to another folder`,
	'store.lock.failed': (values: {lock: string; why: string}) => `could not create the lock file ${values.lock}: ${values.why}; nothing was saved`,
	'store.lock.busy': (values: {lock: string}) =>
		`Another regwiz is saving its configuration (lock file ${values.lock}); try again, or delete that file if no regwiz is running.`,
	'store.profile.nameRule': 'letters, digits, ".", "_" and "-"; 1–64 characters, starting with a letter or digit',
	'store.profile.badName': (values: {name: string; rule: string}) => `${values.name} is not a valid profile name: ${values.rule} (e.g. staging)`,
	'store.profile.notFound': (values: {name: string; names: string[]}) =>
		`No profile named ${values.name}. ${values.names.length > 0 ? `Profiles: ${values.names.join(', ')}` : 'There are no saved profiles'}.`,
	'store.profile.exists': (values: {name: string}) => `A profile named "${values.name}" already exists.`,
	'store.memory.location': '(in memory; nothing is saved)',
	'store.parse.notJson': (values: {position?: string}) => (values.position === undefined ? 'it is not valid JSON' : `it is not valid JSON (at character ${values.position})`),
	'store.parse.expected': (values: {expected: string}) => `expected ${values.expected === 'record' ? 'an object' : `a ${values.expected}`}`,
	'store.parse.foreign': 'not what regwiz writes',
	'store.parse.unexpected': (values: {path: string; what: string}) => `unexpected content at ${values.path || 'the top level'}: ${values.what}`,
	'store.config.tightened': (values: {file: string}) => `${values.file} was readable by other users; its permissions are now 0600 (owner only).`,
	'store.config.movedAside': (values: {file: string; problem: string; aside: string}) =>
		`The configuration file ${values.file} could not be read: ${values.problem}. It was moved to ${values.aside} (nothing was deleted); regwiz continues with no saved profiles.`,
	'store.config.changed': (values: {file: string; problem: string}) => `${values.file} changed while regwiz ran and cannot be read now: ${values.problem}; nothing was saved`,
	'store.history.notRegular': (values: {file: string}) => `${values.file} is not a regular file; regwiz reads only its own history file: remove it`,
	'store.history.notRegularOpened': (values: {file: string}) => `${values.file} is not a regular file: remove it`,
	'store.ncloud.header': (values: {line: number}) => `line ${values.line}: expected a section header like [DEFAULT] or [my-profile]`,
	'store.ncloud.keyValue': (values: {line: number}) => `line ${values.line}: expected "key = value" (e.g. ncloud_access_key_id = ...) or a [section]`,
	'store.ncloud.unreadable': (values: {file: string; why: string}) => `${values.file} could not be read: ${values.why}`,
	'store.ncloud.noSection': (values: {file: string; wanted: string; names: string[]}) =>
		`${values.file} has no [${values.wanted}] section${values.names.length > 0 ? ` (it has ${values.names.join(', ')})` : ' (it holds no keys)'}`,
	'store.ncloud.missingKeys': (values: {file: string; section: string; missing: string[]}) => `${values.file} [${values.section}] has no ${values.missing.join(' and ')}`,
};
