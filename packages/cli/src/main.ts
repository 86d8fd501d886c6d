import { ConfigError, readProcessEnv } from '@claimwatch/shared/config';
import { Command } from 'commander';
import { createCliContext } from './cli-context.ts';
import { registerCheckworthy } from './commands/checkworthy.command.ts';
import { registerClassify } from './commands/classify.command.ts';
import { registerConfigDocs } from './commands/config-docs.command.ts';
import { registerDbTypes } from './commands/db-types.command.ts';
import { registerDetect } from './commands/detect.command.ts';
import { registerDigest } from './commands/digest.command.ts';
import { registerDoctor } from './commands/doctor.command.ts';
import { registerExtract } from './commands/extract.command.ts';
import { registerFeed } from './commands/feed.command.ts';
import { registerMatch } from './commands/match.command.ts';
import { registerMigrate } from './commands/migrate.command.ts';
import { registerModels } from './commands/models.command.ts';
import { registerNli } from './commands/nli.command.ts';
import { registerReferenceData } from './commands/reference-data.command.ts';
import { registerSources } from './commands/sources.command.ts';
import { registerSourceSettings } from './commands/sources-settings.command.ts';
import { registerStart } from './commands/start.command.ts';
import { registerTrain } from './commands/train.command.ts';
import { registerUsers } from './commands/users.command.ts';

const context = createCliContext(readProcessEnv());
const program = new Command('claimwatch').description(
  'ClaimWatch: monitoring and fact-response for claims about Vietnam’s foreign relations',
);

registerStart(program, context);
registerMigrate(program, context);
registerDoctor(program, context);
registerUsers(program, context);
registerSources(program, context);
registerSourceSettings(program, context);
registerFeed(program, context);
registerExtract(program, context);
registerDbTypes(program, context);
registerConfigDocs(program, context);
registerCheckworthy(program, context);
registerTrain(program, context);
registerModels(program, context);
registerDetect(program, context);
registerClassify(program, context);
registerNli(program, context);
registerMatch(program, context);
registerReferenceData(program, context);
registerDigest(program, context);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  context.err(
    error instanceof ConfigError
      ? error.message
      : `error: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}
