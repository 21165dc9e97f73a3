import { buildModel, type Config, type SourceFile } from '../engine/index.js';

/** A batch of files to parse with the config that decides which the engine would parse. */
export interface ParseTask {
  files: SourceFile[];
  config: Config;
}

/**
 * The model of each file of the batch as JSON text in UTF-8, in order; null where the engine
 * would not parse it. Bytes cross to the main thread as one copy, where a model's objects
 * would be cloned one by one, and the main thread keeps them, outside its JS heap, until a
 * rule reads the model.
 */
export function parse({ files, config }: ParseTask): Array<Uint8Array | null> {
  const encoder = new TextEncoder();
  return files.map((file) => {
    const model = buildModel(file, config);
    // Its own buffer (not Buffer's shared pool), so that cloning it copies these bytes only.
    return model === undefined ? null : encoder.encode(JSON.stringify(model));
  });
}
