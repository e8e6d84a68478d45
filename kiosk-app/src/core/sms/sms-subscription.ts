import {
  normalisePhone,
  vietnamesePhoneKind,
  type FieldValue,
  type FormSection,
  type Procedure,
} from '@kiosk/forms';

/**
 * The citizen's request to hear of the dossier's status by SMS (issue 18). Sent with the dossier
 * to the one-stop system, which texts each status change. Only with the citizen's consent, given
 * by ticking the form's "Nhận tin nhắn SMS về tình trạng hồ sơ": consent is the basis for using
 * the phone number for this purpose (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, see
 * core/privacy/README.md; the article was not checked for this use — unconfirmed).
 */
export interface SmsSubscription {
  /** International form without `+` (84 + 9 digits), as SMPP addresses a number (TON 1). */
  readonly phone: string;
}

/** The checkbox a procedure's form carries, right after the phone number it refers to. */
export const SMS_CONSENT_FIELD = 'smsConsent';

/** The phone field the consent refers to: the nearest `phone` field before it in its section. */
function consentPhoneField(section: FormSection): string | undefined {
  const at = section.fields.findIndex((f) => f.id === SMS_CONSENT_FIELD);
  if (at < 0) return undefined;
  return section.fields
    .slice(0, at)
    .reverse()
    .find((f) => f.type === 'phone')?.id;
}

/**
 * The subscription a submitted form asks for: none without the ticked box, and none when the
 * number is not a Vietnamese mobile (a landline cannot receive SMS).
 */
export function smsSubscriptionOf(
  procedure: Pick<Procedure, 'form'>,
  values: Readonly<Record<string, FieldValue>>,
): SmsSubscription | undefined {
  if (values[SMS_CONSENT_FIELD] !== true) return undefined;
  for (const section of procedure.form.sections) {
    const fieldId = consentPhoneField(section);
    if (!fieldId) continue;
    const value = values[fieldId];
    if (typeof value !== 'string') return undefined;
    const national = normalisePhone(value);
    if (vietnamesePhoneKind(national) !== 'mobile') return undefined;
    return { phone: `84${national.slice(1)}` };
  }
  return undefined;
}
