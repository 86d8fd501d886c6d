import { importModel, listInstalledModels, pullModel, verifyInstalledModels } from '@claimwatch/classifier';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';

const dtypeOf = (value: string | undefined) => {
  if (value === undefined) return undefined;
  if (value !== 'q8' && value !== 'fp32') throw new Error('--dtype must be q8 or fp32');
  return value;
};

export function registerModels(program: Command, context: CliContext): void {
  const models = program
    .command('models')
    .description('Installed models: built-in ones and those in CLAIMWATCH_MODELS_DIR (offline at run time)');
  const dirs = () => ({ modelsDir: context.config().paths.modelsDir });

  models
    .command('list')
    .description('List installed models (id, revision, task, format, where)')
    .option('--json', 'print JSON lines', false)
    .action((o: { json: boolean }) => {
      for (const m of listInstalledModels(dirs())) {
        if (o.json) context.out(JSON.stringify({ ...m.manifest, dir: m.dir, isBuiltIn: m.isBuiltIn }));
        else
          context.out(
            [
              m.manifest.id,
              m.manifest.revision,
              m.manifest.task,
              m.manifest.format,
              m.isBuiltIn ? 'built-in' : m.dir,
            ].join('\t'),
          );
      }
    });

  models
    .command('verify [id]')
    .description('Recompute every file hash against the manifest; exits 1 on any mismatch')
    .action(async (id: string | undefined) => {
      const results = await verifyInstalledModels(dirs(), id);
      for (const r of results)
        context.out(
          `${r.ok ? 'ok  ' : 'FAIL'}\t${r.id}@${r.revision}${r.problems.length ? `\t${r.problems.join(', ')}` : ''}`,
        );
      if (results.some((r) => !r.ok)) process.exitCode = 1;
    });

  models
    .command('import <source>')
    .description('Install a model from a directory or a .tar/.tar.gz archive (air-gapped copy)')
    .option('--id <id>', 'model id (default: the folder name, or the manifest id)')
    .option('--task <task>', 'feature-extraction, text-classification, zero-shot-classification')
    .option('--dtype <dtype>', 'q8 (onnx/model_quantized.onnx) or fp32 (onnx/model.onnx)')
    .action(async (source: string, o: { id?: string; task?: string; dtype?: string }) => {
      const installed = await importModel(source, {
        modelsDir: dirs().modelsDir,
        ...(o.id ? { id: o.id } : {}),
        ...(o.task ? { task: o.task as never } : {}),
        ...(o.dtype ? { dtype: dtypeOf(o.dtype) } : {}),
      });
      context.out(`installed ${installed.manifest.id}@${installed.manifest.revision}\t${installed.dir}`);
    });

  models
    .command('pull <id>')
    .description('Download a model from MODELS_HUB_URL (Hugging Face–compatible), verify hashes, install')
    .option('--revision <rev>', 'branch, tag or commit', 'main')
    .option('--dtype <dtype>', 'q8 or fp32', 'q8')
    .option('--task <task>', 'override the task inferred from config.json')
    .action(async (id: string, o: { revision: string; dtype: string; task?: string }) => {
      const config = context.config();
      const installed = await pullModel(id, {
        modelsDir: config.paths.modelsDir,
        hubUrl: config.classifier.hubUrl,
        revision: o.revision,
        dtype: dtypeOf(o.dtype),
        ...(config.classifier.hubToken ? { token: config.classifier.hubToken } : {}),
        ...(o.task ? { task: o.task as never } : {}),
      });
      context.out(`installed ${installed.manifest.id}@${installed.manifest.revision}\t${installed.dir}`);
    });
}
