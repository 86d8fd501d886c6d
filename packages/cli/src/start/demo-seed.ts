import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoSite } from '@claimwatch/infra/demo-site';
import { createUserAccount } from '@claimwatch/review-ui';
import { type Db, findUserByEmail, upsertSource } from '@claimwatch/shared/db';
import type { Role } from '@claimwatch/shared/domain';

export type DemoAccount = { email: string; password: string; roles: Role[] };

const DEMO_ACCOUNTS: { email: string; displayName: string; roles: Role[] }[] = [
  { email: 'monitor@demo.claimwatch', displayName: 'Demo Monitor', roles: ['monitor'] },
  { email: 'writer@demo.claimwatch', displayName: 'Demo Writer', roles: ['writer'] },
  { email: 'manager@demo.claimwatch', displayName: 'Demo Manager', roles: ['manager', 'admin'] },
];

/** Registers the demo site's feeds as sources; the demo site's port may change between runs. */
export async function seedDemoSources(db: Db, site: DemoSite): Promise<void> {
  for (const feedUrl of site.feedUrls) {
    await upsertSource(db, {
      url: feedUrl,
      name: `Demo: ${path.basename(new URL(feedUrl).pathname, '.xml')}`,
      kind: 'feed',
      priority: 1,
      poll_interval_seconds: 600,
      is_enabled: true,
    });
  }
}

/**
 * Demo accounts get one random password, generated on the first run and kept in
 * <data dir>/secrets/demo-login.json (mode 0600), never in the repository.
 */
export async function seedDemoAccounts(db: Db, dataDir: string): Promise<DemoAccount[]> {
  const secretsDir = path.join(dataDir, 'secrets');
  const file = path.join(secretsDir, 'demo-login.json');
  let password: string;
  if (existsSync(file)) {
    password = (JSON.parse(readFileSync(file, 'utf8')) as { password: string }).password;
  } else {
    password = randomBytes(9).toString('base64url');
    mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify({ password }), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  for (const account of DEMO_ACCOUNTS) {
    if (!(await findUserByEmail(db, account.email))) await createUserAccount(db, { ...account, password });
  }
  return DEMO_ACCOUNTS.map((a) => ({ email: a.email, password, roles: a.roles }));
}
