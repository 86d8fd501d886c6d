import { defaultGazetteer, detectJsonl, loadActiveModels } from '@claimwatch/classifier';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';

export function registerDetect(program: Command, context: CliContext): void {
  program
    .command('detect')
    .description(
      'Detect language, relevance and claims: {"id","text","title"?,"url"?,"lang"?} lines → {"id","lang","relevance","claims":[…],"models":[…]} lines',
    )
    .requiredOption('--in <file>', 'input JSON lines')
    .requiredOption('--out <file>', 'output JSON lines')
    .action(async (o: { in: string; out: string }) => {
      const config = context.config();
      const models = await loadActiveModels(config.classifier, { modelsDir: config.paths.modelsDir });
      const { documents, claims, errors } = await detectJsonl(o.in, o.out, defaultGazetteer(), models);
      context.err(
        `${documents} documents, ${claims} claims (${models.modelSet})` +
          (errors ? `; ${errors} unreadable line(s) answered with an error` : ''),
      );
    });
}
