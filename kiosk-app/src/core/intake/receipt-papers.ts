import type { Procedure, RequiredDocument } from '@kiosk/forms';
import type { ReceiptPaper } from '@kiosk/protocol';

/** A paper as the form counts it: originals (bản chính) and copies (bản sao). */
function paperOf(doc: RequiredDocument): ReceiptPaper {
  return {
    name: doc.name.vi,
    originals: doc.original ? doc.copies : 0,
    copies: doc.original ? 0 : doc.copies,
  };
}

/**
 * The documents of this dossier: every required one, and the optional ones ("nếu có") the
 * citizen said they have, each with the count recorded for it; the others are left out.
 */
export function documentsOfDossier(
  procedure: Pick<Procedure, 'documents'>,
  optionalCounts: Readonly<Record<number, number>>,
): RequiredDocument[] {
  return procedure.documents.flatMap((doc, index): RequiredDocument[] => {
    if (!doc.optional) return [doc];
    const count = optionalCounts[index] ?? 0;
    return count > 0 ? [{ ...doc, copies: count }] : [];
  });
}

/** The papers the kiosk itself received electronically: its declaration and national data. */
export function electronicPapers(procedure: Procedure): ReceiptPaper[] {
  return procedure.documents.filter((d) => d.source !== 'paper').map(paperOf);
}

/**
 * The papers a counter intake asks the citizen to bring: every required paper, and the
 * optional ones ("nếu có") with the counts the citizen gave; without answers every optional
 * paper is listed, its name saying when it is needed.
 */
export function papersToBring(
  procedure: Procedure,
  optionalCounts?: Readonly<Record<number, number>>,
): ReceiptPaper[] {
  const documents =
    optionalCounts === undefined
      ? procedure.documents
      : documentsOfDossier(procedure, optionalCounts);
  return documents.filter((doc) => doc.source === 'paper').map(paperOf);
}

/**
 * How this dossier is received: an `electronic` procedure goes to the counter as soon as the
 * citizen brings a paper, since a paper must be seen by an officer.
 */
export function effectiveIntake(
  procedure: Procedure,
  optionalCounts: Readonly<Record<number, number>> = {},
): Procedure['intake'] {
  if (procedure.intake === 'counter') return 'counter';
  // Only the papers the citizen said they bring count here: none said, none brought.
  return papersToBring(procedure, optionalCounts).length > 0 ? 'counter' : 'electronic';
}
