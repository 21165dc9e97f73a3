import { buildModel, type Config, type PackedModel, type SourceFile } from '../engine/index.js';

/** A batch of files to parse with the config that decides which the engine would parse. */
export interface ParseTask {
  files: SourceFile[];
  config: Config;
}

/** The model of each file of the batch, in order; null where the engine would not parse it. */
export function parse({ files, config }: ParseTask): Array<PackedModel | null> {
  return files.map((file) => buildModel(file, config) ?? null);
}
