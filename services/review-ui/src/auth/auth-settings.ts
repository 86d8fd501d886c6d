/** Limits of sign-in and sessions. Fixed in code; tests shorten them through `createReviewServer`. */
export type AuthSettings = {
  /** A session ends this long after login, however active. */
  sessionLifetimeMs: number;
  /** A session ends after this long without a request. */
  sessionIdleMs: number;
  /** Consecutive wrong passwords that lock an account … */
  lockAfterFailures: number;
  /** … for this long. */
  lockForMs: number;
  /** Login attempts one client address may make per window, whatever the accounts. */
  loginRateLimit: { max: number; windowMs: number };
};

const MINUTE = 60_000;

export const defaultAuthSettings: AuthSettings = {
  sessionLifetimeMs: 12 * 60 * MINUTE,
  sessionIdleMs: 2 * 60 * MINUTE,
  lockAfterFailures: 5,
  lockForMs: 15 * MINUTE,
  loginRateLimit: { max: 20, windowMs: MINUTE },
};
