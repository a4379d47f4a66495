// Starts code-server (VS Code OSS 1.100.3, installed by scripts/install-vscode-runtime.sh) on 127.0.0.1.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const codeServerDir = process.env.CODE_SERVER_DIR || path.join(root, '.vscode-runtime', 'node_modules', 'code-server');

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function startCodeServer({ port, verbose } = {}) {
  port = port || (await freePort());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-vscode-'));
  const cfg = path.join(tmp, 'config.yaml');
  fs.writeFileSync(cfg, 'auth: none\n');
  const userDir = path.join(tmp, 'user');
  fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'extensions.autoUpdate': false,
      'workbench.tips.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
      'telemetry.telemetryLevel': 'off',
    }),
  );
  const args = [
    path.join(codeServerDir, 'out/node/entry.js'),
    '--config',
    cfg,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDir,
    '--extensions-dir',
    path.join(tmp, 'exts'),
  ];
  const server = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp },
  });
  let log = '';
  const onOut = (d) => {
    log += d;
    if (verbose) process.stderr.write('[server] ' + d);
  };
  server.stdout.on('data', onOut);
  server.stderr.on('data', onOut);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      reject(new Error('code-server did not start in 60 s\n' + log));
    }, 60000);
    const poll = setInterval(() => {
      if (/HTTP server listening/.test(log)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    server.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}\n${log}`));
    });
  });
  return {
    port,
    server,
    tmp,
    log: () => log,
    stop: () => {
      server.kill();
    },
  };
}

module.exports = { startCodeServer, root };
