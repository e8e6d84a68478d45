import type { AuditRepository } from '../store/audit-repository';
import type { AccountStore } from './account-store';
import type { SetupCodeIssue, SetupCodeStore } from './setup-code-store';

/** Who the audit log names for what first-run setup did (no signed-in person exists yet). */
export const SETUP_ACTOR = 'setup';

type Audit = Pick<AuditRepository, 'record'>;

/**
 * `kiosk setup technician` and the demo's seeded account: creates the first technician directly,
 * by someone with the data key on the machine. Refused (false) once a technician exists; from
 * then on technicians create accounts. Written to the audit log either way, never the PIN.
 */
export async function provisionFirstTechnician(
  deps: { readonly accounts: AccountStore; readonly audit: Audit },
  user: string,
  pin: string,
): Promise<boolean> {
  const made = await deps.accounts.createFirstTechnician(user, pin);
  const created = made === 'created';
  deps.audit.record(
    SETUP_ACTOR,
    'setup.technician',
    `technician:${user}`,
    created ? undefined : 'failed: SETUP_DONE',
  );
  return created;
}

/**
 * `kiosk setup code`: a one-time code for the kiosk's first-run screen (`SetupCodeStore`).
 * The audit log records that a code was issued, never the code.
 */
export async function issueFirstRunCode(
  deps: { readonly setupCodes: SetupCodeStore; readonly audit: Audit },
  ttlMs?: number,
): Promise<SetupCodeIssue> {
  const issued = await deps.setupCodes.issue(ttlMs);
  deps.audit.record(
    SETUP_ACTOR,
    'setup.code',
    undefined,
    issued.ok ? undefined : 'failed: SETUP_DONE',
  );
  return issued;
}
