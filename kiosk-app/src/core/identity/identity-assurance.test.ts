import { describe, expect, it } from 'vitest';
import { chipAssurance, PRINTED_DOCUMENT_ASSURANCE } from './identity-assurance';

describe('identity assurance levels', () => {
  it('is chip-verified only for passive authentication valid against the trust store', () => {
    expect(chipAssurance('valid')).toBe('chip-verified');
  });

  it('is chip-unverified for every other outcome, unknown issuer included', () => {
    expect(chipAssurance('unknown-issuer')).toBe('chip-unverified');
    expect(chipAssurance('not-checked')).toBe('chip-unverified');
    expect(chipAssurance('invalid')).toBe('chip-unverified');
  });

  it('is document-only for a printed QR or MRZ', () => {
    expect(PRINTED_DOCUMENT_ASSURANCE).toBe('document-only');
  });
});
