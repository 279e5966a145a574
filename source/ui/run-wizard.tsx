// Placeholder until the wizard lands; the command line routes here when a terminal can ask.
import type {WizardOptions} from './wizard-options.js';

export async function runWizard(options: WizardOptions): Promise<number> {
	options.io.stderr.write('regwiz: the wizard is not available yet\n');
	return 2;
}
