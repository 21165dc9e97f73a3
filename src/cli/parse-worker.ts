import { buildModel, type Config, type SourceFile } from '../engine/index.js';

/** A batch of files to parse with the config that decides which the engine would parse. */
export interface ParseTask {
  files: SourceFile[];
  config: Config;
}

/**
 * The model of each file of the batch as JSON text, in order; null where the engine would
 * not parse it. Text crosses to the main thread as one copy, where a model's objects would
 * be cloned one by one, and the main thread keeps it as text until a rule reads it.
 */
export function parse({ files, config }: ParseTask): Array<string | null> {
  return files.map((file) => {
    const model = buildModel(file, config);
    return model === undefined ? null : JSON.stringify(model);
  });
}
