// The same editor suite with @vscode/test-electron, for machines that can download VS Code
// or have one (VSCODE_EXECUTABLE_PATH).
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '..', '..');
runTests({
  vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
  version: '1.100.3',
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out', 'test', 'editor', 'suite', 'index.js'),
  launchArgs: [path.join(root, 'sample'), '--disable-extensions', '--disable-workspace-trust'],
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
