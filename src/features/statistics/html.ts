import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

/**
 * The panel's page: a strict Content-Security-Policy (nothing by default; our stylesheet and one
 * script by nonce; no inline script, no eval), resources only from media/statistics.
 */
export function panelHtml(webview: vscode.Webview, media: vscode.Uri, lang: string): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(mediaFile(media, 'panel.js'));
  const style = webview.asWebviewUri(mediaFile(media, 'panel.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${lang === 'vi' ? 'vi' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Corpus statistics</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function mediaFile(media: vscode.Uri, name: string): vscode.Uri {
  return media.with({ path: `${media.path.replace(/\/$/, '')}/${name}` });
}
