// Bundles the extension, its corpus worker and the CLI into dist/ (CommonJS, vscode external).
const esbuild = require('esbuild');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Node 20 reads \p{…} in regular expressions: without this, esbuild writes each such literal as a
  // `new RegExp(source)` call, which in a function looks the pattern up again at every call, 4-5× the
  // cost of a literal (the entity passes' loops ask some of them per word).
  supported: { 'regexp-unicode-property-escapes': true },
  sourcemap: true,
  minify: production,
  external: ['vscode'],
  logLevel: 'info',
};
const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/worker/corpusWorker.ts'], outfile: 'dist/corpusWorker.js' },
  // Loaded by the worker on its first entity request (corpusWorker.ts, entityCode), not with it.
  { ...common, entryPoints: ['src/worker/workerEntities.ts'], outfile: 'dist/workerEntities.js' },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

(async () => {
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
  }
})().catch(() => process.exit(1));
