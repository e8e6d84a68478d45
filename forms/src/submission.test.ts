import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import { fill } from './fill';
import { FormsError } from './forms-error';
import type { Procedure } from './procedure-types';
import { SUBMISSION_FORMAT, toSubmission } from './submission';
import { syntheticFacts } from '../test/support/synthetic-facts';

const { procedures } = loadCatalogue();
const certifiedCopy = procedures.find((entry) => entry.code === '2.000815') as Procedure;
const facts = syntheticFacts(0);

describe('toSubmission', () => {
  it('carries every answered field in form order with its source', () => {
    const filled = fill(certifiedCopy, facts, {
      entered: {
        phone: '0912345678',
        documentsToCertify: [{ documentName: 'Bằng tốt nghiệp', pages: '2', copies: '3' }],
      },
    });
    expect(toSubmission(certifiedCopy, filled)).toEqual({
      format: SUBMISSION_FORMAT,
      procedureCode: '2.000815',
      procedureName: certifiedCopy.name.vi,
      formId: 'PYC-CTBS',
      fields: [
        {
          id: 'fullName',
          section: 'requester',
          label: 'Họ và tên',
          type: 'text',
          value: facts.record.fullName,
          source: 'chip',
        },
        {
          id: 'personalId',
          section: 'requester',
          label: 'Số định danh cá nhân',
          type: 'idNumber',
          value: facts.record.personalId,
          source: 'chip',
        },
        {
          id: 'phone',
          section: 'requester',
          label: 'Số điện thoại',
          type: 'phone',
          value: '0912345678',
          source: 'citizen',
        },
        {
          id: 'documentsToCertify',
          section: 'originals',
          label: 'Giấy tờ, văn bản cần chứng thực',
          type: 'group',
          value: [{ documentName: 'Bằng tốt nghiệp', pages: '2', copies: '3' }],
          source: 'citizen',
        },
      ],
    });
  });

  it('refuses a form with missing required fields', () => {
    const filled = fill(certifiedCopy, facts);
    expect(() => toSubmission(certifiedCopy, filled)).toThrowError(
      expect.objectContaining({ code: 'FORM_INCOMPLETE' }) as Error,
    );
  });

  it('refuses a form with validation issues or filled for another procedure', () => {
    const filled = fill(certifiedCopy, facts, {
      entered: {
        phone: '123',
        documentsToCertify: [{ documentName: 'Bằng', pages: '1', copies: '1' }],
      },
    });
    expect(() => toSubmission(certifiedCopy, filled)).toThrow(FormsError);
    const other = procedures.find((entry) => entry.code === '1.004222') as Procedure;
    expect(() => toSubmission(other, filled)).toThrowError(
      expect.objectContaining({ code: 'FORM_INVALID' }) as Error,
    );
  });
});
