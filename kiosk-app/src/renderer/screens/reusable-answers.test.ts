import { describe, expect, it } from 'vitest';
import type { FormField, FormSection } from '@kiosk/forms/browser';
import { reusableAnswers } from './reusable-answers';

function field(id: string, type: FormField['type']): FormField {
  return { id, type, label: { vi: id, en: id }, required: true } as FormField;
}

const sections: FormSection[] = [
  {
    id: 'owner',
    title: { vi: 'Chủ hộ', en: 'Owner' },
    fields: [field('ownerPhone', 'phone'), field('email', 'email'), field('name', 'text')],
  },
  {
    id: 'contact',
    title: { vi: 'Liên hệ', en: 'Contact' },
    fields: [field('contactPhone', 'phone'), field('contactEmail', 'email'), field('note', 'text')],
  },
];
const all = ['ownerPhone', 'email', 'name', 'contactPhone', 'contactEmail', 'note'];

describe('reusableAnswers', () => {
  it('offers a phone and an e-mail given once to the empty fields of the same kind', () => {
    const offers = reusableAnswers(
      sections,
      { ownerPhone: '0912345678', email: 'a@example.vn', name: 'Nguyễn Văn A' },
      all,
    );
    expect([...offers]).toEqual([
      ['contactPhone', '0912345678'],
      ['contactEmail', 'a@example.vn'],
    ]);
  });

  it('offers nothing for a field already answered, one the citizen may not edit, or plain text', () => {
    const values = { ownerPhone: '0912345678', contactPhone: '0987654321', name: 'Nguyễn Văn A' };
    expect(reusableAnswers(sections, values, all).size).toBe(0);
    expect(reusableAnswers(sections, { ownerPhone: '0912345678' }, ['ownerPhone']).size).toBe(0);
  });

  it('offers nothing before anything was typed', () => {
    expect(reusableAnswers(sections, {}, all).size).toBe(0);
  });
});
