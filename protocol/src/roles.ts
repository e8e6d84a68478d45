/** Who uses the kiosk, and which of them may send a message. */

export const ROLES = ['citizen', 'staff', 'technician'] as const;
export type Role = (typeof ROLES)[number];

/** Who may send a message: one role, several roles, or anyone. */
export type RoleRequirement = Role | 'any' | readonly Role[];

/** Whether a session of `role` may send a message with this requirement. */
export function roleAllows(required: RoleRequirement, role: Role): boolean {
  if (required === 'any') return true;
  if (typeof required === 'string') return required === role;
  return required.includes(role);
}
