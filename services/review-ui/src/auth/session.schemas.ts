import { locales, roles } from '@claimwatch/shared/domain';
import { z } from 'zod';

// The web UI imports these types: keep this file free of server-only imports.
import { PASSWORD_MAX_LENGTH } from './password-rules.ts';

export const LoginBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  totpCode: z
    .string()
    .regex(/^\d{6}$/, 'expected 6 digits')
    .optional()
    .describe('The authenticator code; asked for (401 totp_required) once the account enrolled TOTP.'),
});

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  locale: z.enum(locales).describe("The user's preferred UI language."),
});
export type Me = z.infer<typeof Me>;

export const SessionState = z
  .object({
    user: Me.nullable().describe('null when not signed in'),
    csrfToken: z.string().describe('Send as the x-csrf-token header on every POST, PUT, PATCH or DELETE.'),
  })
  .describe('Who is signed in, and the CSRF token for this browser and session.');
export type SessionState = z.infer<typeof SessionState>;
