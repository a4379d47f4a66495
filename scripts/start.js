// `npm start`: the extension on the sample corpus in a real VS Code (code-server), served on 127.0.0.1.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { startCodeServer, root } = require('../test/editor/codeServer');

(async () => {
  execFileSync('bash', [path.join(root, 'scripts', 'install-vscode-runtime.sh')], { stdio: 'inherit' });
  const cs = await startCodeServer({ port: +(process.env.PORT || 8080) });
  const auth = `127.0.0.1:${cs.port}`;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${auth}${root}`]];
  const url = `http://${auth}/?folder=${encodeURIComponent(path.join(root, 'sample'))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(
    `\nCorpus Explorer is running. Open this address in a browser, then open sample.dump:\n\n  ${url}\n\nCtrl+C stops it.`,
  );
  const stop = () => {
    cs.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
