export { hashPassword, verifyPassword } from './auth/passwords.ts';
export { createUserAccount, type NewUserAccount, type UserAccount } from './auth/user-accounts.ts';
export { createReviewServer, type ReviewServerDeps } from './http/create-server.ts';
export { buildWebUi, ensureWebUi } from './http/web-build.ts';
export { type ReviewUiDeps, type RunningReviewUi, startReviewUi } from './start-review-ui.ts';
