import * as path from 'node:path';

/** Repository root, whether tests run from `out/test/...` or from source. */
export const repoRoot = path.resolve(
  __dirname,
  '..',
  '..',
  __dirname.includes(`${path.sep}out${path.sep}`) ? '..' : '',
);
export const samplePath = path.join(repoRoot, 'sample', 'sample.dump');
