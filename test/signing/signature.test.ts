import {describe, expect, it} from 'vitest';
import vectors from '../fixtures/ncp-signature-v2.json' with {type: 'json'};
import {ncpSignatureHeaders, signNcpRequest} from '../../source/signing/ncp-signature.js';

describe('signNcpRequest', () => {
	for (const vector of vectors.vectors) {
		it(`matches the known answer: ${vector.description}`, () => {
			expect(signNcpRequest(vector)).toBe(vector.signature);
		});
	}

	it('uses one timestamp for the header and the signature', () => {
		const headers = ncpSignatureHeaders({method: 'POST', uri: '/ncr/api/v2/repositories/my-registry', accessKey: 'AKIDEXAMPLE0000', secretKey: 'SECRETEXAMPLE0000000000000000000000000000', now: 1_700_000_000_000});
		expect(headers).toEqual({
			'x-ncp-apigw-timestamp': '1700000000000',
			'x-ncp-iam-access-key': 'AKIDEXAMPLE0000',
			'x-ncp-apigw-signature-v2': '2B44ymzDRO3wBH+HnS9l1GbTkNpGXyQUvcU2jX7X8NI=',
		});
	});
});
