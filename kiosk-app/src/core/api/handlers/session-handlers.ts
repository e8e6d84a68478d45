import type { HandlerArea } from './api-handler';

/** Signing in and out: any session may try; the session audits both itself. */
export const sessionHandlers: HandlerArea<'auth.signIn' | 'auth.signOut'> = {
  'auth.signIn': { run: (message, scope) => scope.signIn(message) },
  'auth.signOut': { run: async (_message, scope) => scope.signOut() },
};
