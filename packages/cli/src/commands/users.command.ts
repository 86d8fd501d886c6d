import { randomBytes } from 'node:crypto';
import { createUserAccount } from '@claimwatch/review-ui';
import { type Role, roles } from '@claimwatch/shared/domain';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { withDatabase } from '../runtime.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUsers(program: Command, context: CliContext): void {
  const users = program.command('users').description('Manage review UI accounts');
  users
    .command('add')
    .description('Create an account and print a generated password (or read one with --password-stdin)')
    .requiredOption('--email <email>', 'login e-mail')
    .option('--name <name>', 'display name (default: the e-mail)')
    .requiredOption('--role <role...>', `one or more of ${roles.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input', false)
    .action(async (o: { email: string; name?: string; role: string[]; passwordStdin: boolean }) => {
      const invalid = o.role.filter((r) => !roles.includes(r as Role));
      if (invalid.length > 0)
        throw new Error(`Unknown role(s) ${invalid.join(', ')}; use ${roles.join(', ')}`);
      const password = o.passwordStdin ? await readStdin() : randomBytes(12).toString('base64url');
      if (password.length < 10) throw new Error('The password must have at least 10 characters');
      await withDatabase(context.config(), async ({ db }) => {
        const user = await createUserAccount(db, {
          email: o.email,
          displayName: o.name ?? o.email,
          password,
          roles: o.role as Role[],
        });
        context.out(`created ${user.email} (${user.roles.join(', ')})`);
        if (!o.passwordStdin) context.out(`password: ${password}`);
      });
    });
}
