/** Issue 17: the confirmation screen shows the fee, its legal source and exemptions before submitting. */
import { loadCatalogue } from '@kiosk/forms';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { procedureSummary } from '../../core/procedures/procedure-service';
import { setupI18n } from '../i18n/i18n';
import { FeeSummary } from './FeeSummary';

setupI18n();

function feeOf(code: string) {
  const procedure = loadCatalogue().procedures.find((entry) => entry.code === code);
  if (!procedure) throw new Error(`no procedure ${code} in the catalogue`);
  const fee = procedureSummary(procedure).fee;
  if (!fee) throw new Error('the summary carries no fee');
  return fee;
}

describe('FeeSummary', () => {
  it('shows a charge paid at submission with its circular and exemptions', () => {
    const html = renderToStaticMarkup(<dl>{<FeeSummary fee={feeOf('1.004222')} />}</dl>);
    expect(html).toContain('Lệ phí: 20.000 đ — Nộp khi nộp hồ sơ');
    expect(html).toContain('Thông tư 75/2022/TT-BTC');
    expect(html).toContain('người có công với cách mạng');
  });

  it('says nothing is collected for a procedure without a fee', () => {
    const html = renderToStaticMarkup(<dl>{<FeeSummary fee={feeOf('1.001193')} />}</dl>);
    expect(html).toContain('Không thu phí, lệ phí');
    expect(html).toContain('Luật Hộ tịch số 60/2014/QH13, Điều 11');
  });
});
