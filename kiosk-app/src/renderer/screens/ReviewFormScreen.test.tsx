/**
 * Issue 16 item 5B: the review screen shows a section or field asked only for some answers
 * (`askedWhen` of @kiosk/forms) exactly while those answers stand, e.g. the block for the person
 * a judicial record certificate is about appears once the requester says they are a relative.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldValue, FormSection } from '@kiosk/forms/browser';
import type { JourneyView } from '@kiosk/protocol';
import { ClientProvider } from '../api/client-context';
import { KioskClient } from '../api/kiosk-client';
import { setupI18n } from '../i18n/i18n';
import { ReviewFormScreen } from './ReviewFormScreen';

setupI18n();

const label = { vi: 'Nhãn', en: 'Label' };
const sections: readonly FormSection[] = [
  {
    id: 'who',
    title: { vi: 'Người yêu cầu cấp Phiếu', en: 'Who is requesting' },
    fields: [
      {
        id: 'requesterRelation',
        label,
        type: 'select',
        required: true,
        options: ['self', 'family'].map((value) => ({ value, label })),
      },
    ],
  },
  {
    id: 'person',
    title: { vi: 'Chính người yêu cầu', en: 'The requester' },
    askedWhen: { field: 'requesterRelation', in: ['self'] },
    fields: [{ id: 'fullName', label, type: 'text', required: true }],
  },
  {
    id: 'subject',
    title: { vi: 'Người được cấp Phiếu', en: 'The person' },
    askedWhen: { field: 'requesterRelation', in: ['family'] },
    fields: [
      { id: 'subjectFullName', label, type: 'text', required: true },
      {
        id: 'relationToSubject',
        label,
        type: 'text',
        required: true,
        askedWhen: { field: 'requesterRelation', in: ['family'] },
      },
    ],
  },
];

function review(values: Readonly<Record<string, FieldValue>>): string {
  const client = new KioskClient({
    shell: 'browser',
    socketUrl: () => new Promise<string>(() => undefined),
    credentialRefused: () => undefined,
  });
  const view = {
    step: 'reviewingForm',
    attention: 'dormant',
    warningSeconds: 30,
    registry: 'found',
    printerReady: true,
    cardReader: 'ready',
    form: {
      procedureCode: '3.000333',
      title: { vi: 'Tờ khai', en: 'Form' },
      sections,
      values,
      provenance: { fullName: 'chip' },
      missing: [],
      issues: [],
      editable: ['requesterRelation', 'subjectFullName', 'relationToSubject'],
    },
  } as JourneyView;
  return renderToStaticMarkup(
    <ClientProvider client={client}>
      <ReviewFormScreen view={view} />
    </ClientProvider>,
  );
}

describe('ReviewFormScreen and fields asked only for some answers', () => {
  it('shows neither block before the citizen says who is asking', () => {
    const html = review({ fullName: 'NGUYỄN THỊ THỬ' });
    expect(html).toContain('data-testid="field-requesterRelation"');
    expect(html).not.toContain('data-testid="field-fullName"');
    expect(html).not.toContain('data-testid="field-subjectFullName"');
  });

  it('shows the card holder’s block, and not the person’s, for a self-application', () => {
    const html = review({ requesterRelation: 'self', fullName: 'NGUYỄN THỊ THỬ' });
    expect(html).toContain('data-testid="field-fullName"');
    expect(html).not.toContain('Người được cấp Phiếu');
    expect(html).not.toContain('data-testid="field-subjectFullName"');
  });

  it('shows the person’s block and its own conditional field, not the card holder’s, for a relative', () => {
    const html = review({ requesterRelation: 'family', fullName: 'NGUYỄN THỊ THỬ' });
    expect(html).toContain('Người được cấp Phiếu');
    expect(html).toContain('data-testid="field-subjectFullName"');
    expect(html).toContain('data-testid="field-relationToSubject"');
    expect(html).not.toContain('data-testid="field-fullName"');
    expect(html).not.toContain('NGUYỄN THỊ THỬ');
  });
});
