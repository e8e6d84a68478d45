import { z } from 'zod';
import actsFile from '../../legal-acts/acts.json';
import type { LocalDate } from '../vietnam-time';

/**
 * An act's number as Vietnamese legal texts write it: `28/2009/QH12`, `06/2024/TT-BTP`,
 * `04/2012/TTLT-BTP-TANDTC-VKSNDTC-BCA-BQP`, and decisions without a year, `2353/QĐ-BTC`.
 */
export const ACT_NUMBER = /\d{1,5}\/(?:\d{4}\/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*/u;

const actNumber = z.string().regex(new RegExp(`^${ACT_NUMBER.source}$`, 'u'));
const isoDate = z.iso.date();

const legalActSchema = z
  .strictObject({
    number: actNumber,
    kind: z.enum([
      'Luật',
      'Nghị quyết',
      'Nghị định',
      'Thông tư',
      'Thông tư liên tịch',
      'Quyết định',
    ]),
    title: z.string().min(1),
    issuer: z.string().min(1),
    issued: isoDate.optional(),
    effective: isoDate.optional(),
    /** It stopped applying: `on` that day (absent when the day is not known), replaced `by`. */
    ended: z.strictObject({ on: isoDate.optional(), by: actNumber.optional() }).optional(),
    amendedBy: z.array(actNumber).optional(),
    /** Where each fact was confirmed. */
    sources: z.array(z.string().min(1)),
    /** What no source confirmed; required when a date or every source is missing. */
    unconfirmed: z.string().min(1).optional(),
  })
  .refine(
    (act) =>
      act.unconfirmed !== undefined ||
      (act.sources.length > 0 && act.issued !== undefined && act.effective !== undefined),
    'an act without sources or without both dates must say what is unconfirmed',
  );

export type LegalAct = z.infer<typeof legalActSchema>;

export const legalActListSchema = z
  .strictObject({ checkedOn: isoDate, acts: z.array(legalActSchema).min(1) })
  .refine(
    (list) => new Set(list.acts.map((act) => act.number)).size === list.acts.length,
    'each act is listed once',
  );

export type LegalActList = z.infer<typeof legalActListSchema>;

/** The acts the catalogue may cite, kept in `legal-acts/acts.json` with their sources. */
export function legalActs(): LegalActList {
  return legalActListSchema.parse(actsFile);
}

/** Whether the act applied on `day` (Vietnam date): in force from `effective`, until `ended.on`. */
export function actAppliesOn(act: LegalAct, day: LocalDate): boolean {
  if (act.effective !== undefined && day < act.effective) return false;
  if (act.ended === undefined) return true;
  // Replaced on a day no source gave: it has stopped applying, whatever the day.
  return act.ended.on !== undefined && day < act.ended.on;
}
