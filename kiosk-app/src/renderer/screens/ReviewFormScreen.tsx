import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { askedSections, citizenFieldNames, type FieldValue } from '@kiosk/forms/browser';
import { fieldVersion, type JourneyView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { ActionBar } from '../components/ActionBar';
import { FormField } from './FormField';
import { OptionalPapers } from './OptionalPapers';
import { ReuseAnswerOffer } from './ReuseAnswerOffer';
import { reusableAnswers } from './reusable-answers';

/** The review screen, generated from the procedure's form definition. */
export function ReviewFormScreen({ view }: { view: JourneyView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const client = useClient();
  const form = view.form;
  if (!form) return null;
  const issues = new Map(form.issues.map((i) => [i.fieldId, i.message[lang]]));
  const offers = reusableAnswers(form.sections, form.values, form.editable);
  const mismatched = view.citizen?.mismatches.map((m) => m.field) ?? [];
  return (
    <main className="screen review" data-testid="screen-reviewingForm">
      <h1>{form.title[lang]}</h1>
      <p className="subtitle">{view.procedure?.name[lang]}</p>
      {(view.citizen?.assurance === 'chip-unverified' ||
        view.citizen?.assurance === 'document-only') && (
        <p className="notice" data-testid="assurance-notice">
          {t(`form.lowAssurance.${view.citizen.assurance}`)}
        </p>
      )}
      {view.registry === 'unavailable' && (
        <p className="notice" data-testid="registry-notice">
          {t('catalogue.registryUnavailable')}
        </p>
      )}
      {mismatched.length > 0 && (
        <p className="notice" data-testid="mismatch-notice">
          {t('form.mismatch', { fields: citizenFieldNames(mismatched, lang) })}
        </p>
      )}
      {form.missing.length > 0 && (
        <p className="notice" data-testid="missing-notice">
          {t('form.missing')} ({form.missing.length})
        </p>
      )}
      {form.issues.length > 0 && <p className="error-text">{t('issues.fix')}</p>}
      {/* A section or field asked only for some answers (askedWhen) shows while they stand. */}
      {askedSections(form.sections, form.values).map((section) => (
        <fieldset key={section.id} className="section">
          <legend>{section.title[lang]}</legend>
          {section.fields.map((field) => {
            const commit = (value: FieldValue, version: number) =>
              // A refused stale edit (CONFLICT) needs nothing more: the field shows the
              // core's value again once the citizen leaves it.
              client.send({ type: 'journey.updateField', fieldId: field.id, value, version });
            const offer = offers.get(field.id);
            return (
              <Fragment key={field.id}>
                <FormField
                  field={field}
                  value={form.values[field.id]}
                  version={fieldVersion(form, field.id)}
                  source={form.provenance[field.id]}
                  editable={form.editable.includes(field.id)}
                  missing={form.missing.includes(field.id)}
                  issue={issues.get(field.id)}
                  onCommit={commit}
                />
                {offer !== undefined && (
                  <ReuseAnswerOffer
                    fieldId={field.id}
                    value={offer}
                    onUse={() => commit(offer, fieldVersion(form, field.id))}
                  />
                )}
              </Fragment>
            );
          })}
        </fieldset>
      ))}
      <OptionalPapers view={view} />
      <ActionBar>
        <button
          className="secondary big"
          data-keypad-back
          onClick={() => client.send({ type: 'journey.back' })}
        >
          {t('app.back')}
        </button>
        <button
          className="primary big"
          data-testid="form-continue"
          onClick={() => client.send({ type: 'journey.continue' })}
        >
          {t('app.next')}
        </button>
      </ActionBar>
    </main>
  );
}
