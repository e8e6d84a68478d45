import { z } from 'zod';

/**
 * How the kiosk reaches one outside service. Credentials come from the kiosk configuration
 * (set by the technician), never from source code.
 */
export const endpointAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** A fixed access token the portal issued to this kiosk, sent as `Authorization: Bearer`. */
  z.object({ kind: z.literal('bearer'), token: z.string().min(1) }),
  z.object({
    kind: z.literal('oauth2'),
    tokenUrl: z.url(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    scope: z.string().optional(),
  }),
  z.object({
    kind: z.literal('mtls'),
    /** PEM text of the kiosk's client certificate, its key, and the CA that signs the server. */
    cert: z.string().min(1),
    key: z.string().min(1),
    ca: z.string().optional(),
  }),
]);

export const endpointConfigSchema = z.object({
  baseUrl: z.url(),
  auth: endpointAuthSchema.default({ kind: 'none' }),
});

export type EndpointAuth = z.infer<typeof endpointAuthSchema>;
export type EndpointConfig = z.input<typeof endpointConfigSchema>;
