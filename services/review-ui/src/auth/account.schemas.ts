import { roles } from '@claimwatch/shared/domain';
import { z } from 'zod';

// The web UI imports these types: zod and the domain only.

export const TotpStatus = z.object({
  enabled: z.boolean(),
  pending: z.boolean().describe('An enrolment was started and awaits its first code.'),
});
export type TotpStatus = z.infer<typeof TotpStatus>;

export const TotpEnrolment = z.object({
  secret: z.string().describe('Base32, for typing into an authenticator app.'),
  uri: z.string().describe('otpauth:// URI (what the QR code holds).'),
  qrDataUrl: z.string().describe('The QR code as an SVG data: URL.'),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpCodeBody = z.object({ code: z.string().regex(/^\d{6}$/, 'expected 6 digits') });

export const UserParams = z.object({ id: z.uuid() });

export const ManagedUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  locale: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.iso.datetime({ offset: true }).nullable(),
  failedLoginCount: z.number().int(),
  totpEnabled: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ManagedUser = z.infer<typeof ManagedUser>;

export const CreateUserBody = z.object({
  email: z.string().trim().min(3).max(320),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
  roles: z.array(z.enum(roles)).min(1),
  locale: z.enum(['vi', 'en']).optional(),
});

export const UpdateUserBody = z
  .object({
    roles: z.array(z.enum(roles)).min(1).optional(),
    disabled: z.boolean().optional(),
    displayName: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
