// Runs the editor suite inside a real VS Code extension host: code-server + headless Debian Chromium.
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startCodeServer, root } = require('./codeServer');

const extensionTests = path.join(root, 'out', 'test', 'editor', 'suite', 'index.js');
const shotDir = path.join(root, 'test-results');
// The whole suite: about 3 minutes alone, up to 6 on a loaded 2-core machine (news-dev.dump, a window reload).
const timeoutMs = +(process.env.TEST_TIMEOUT_MS || 480000);
// Where the harness answers the suite's `##probe` lines (support.ts `seen`): the extension host
// inherits this from code-server's environment, and reads what a person sees from the page.
const probeDir = path.join(shotDir, 'probes');
process.env.CORPUS_EDITOR_PROBE_DIR = probeDir;

/** Every element matching `selector` in the page and in every frame (webviews are nested iframes). */
async function probe(page, selector) {
  const found = [];
  for (const frame of page.frames()) {
    const els = await frame
      .$$eval(selector, (list) =>
        list.map((e) => ({
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person sees (hidden parts left out)
          text: (e.innerText ?? e.textContent ?? '').trim(),
          attrs: Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])),
          // How wide it and its page are against what they hold: content past the right edge shows as
          // scrollWidth > clientWidth.
          box: {
            scrollWidth: e.scrollWidth,
            clientWidth: e.clientWidth,
            right: e.getBoundingClientRect().right,
            pageScrollWidth: document.documentElement.scrollWidth,
            pageClientWidth: document.documentElement.clientWidth,
          },
        })),
      )
      .catch(() => []);
    found.push(...els);
  }
  return found;
}

/**
 * Runs `act` on the first frame where it succeeds (the page, then each webview). The statistics page
 * re-renders as results come, so an element is found afresh each time rather than held.
 */
async function inSomeFrame(page, act) {
  for (let attempt = 0; attempt < 3; attempt++)
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      const done = await act(frame).then(
        (ok) => ok,
        () => false,
      );
      if (done) return [{ text: 'done', attrs: {} }];
    }
  return [];
}

/** Chooses `value` in the first <select> matching `selector`; answers whether one was found. */
const choose = (page, selector, value) =>
  inSomeFrame(
    page,
    async (frame) =>
      (await frame.$(selector)) && (await frame.selectOption(selector, value, { timeout: 2000 })).length > 0,
  );

/**
 * Acts on the first visible element matching `selector` (in the page or a webview) with one of
 * Playwright's frame actions, as a mouse or keyboard would; answers whether there was one.
 */
const onVisible = (page, selector, act) =>
  inSomeFrame(page, async (frame) => {
    const handle = await frame.$(selector);
    if (!handle || !(await handle.isVisible())) return false;
    await act(frame);
    return true;
  });

/** Types `value` into a field (as fill does: the page sees input events). */
const fill = (page, selector, value) => onVisible(page, selector, (f) => f.fill(selector, value, { timeout: 2000 }));

/** Presses `key` (Enter, Escape…) in an element. */
const press = (page, selector, key) => onVisible(page, selector, (f) => f.press(selector, key, { timeout: 2000 }));

/** A screenshot of the first visible element matching `selector` in the page (a webview's frame, say). */
async function shotOf(page, selector, file) {
  for (const handle of await page.$$(selector))
    if (await handle.isVisible()) {
      await handle.screenshot({ path: file });
      return true;
    }
  await page.screenshot({ path: file });
  return false;
}

/** Clicks the first visible element matching `selector`; answers whether one was clicked. */
const click = (page, selector) => onVisible(page, selector, (f) => f.click(selector, { timeout: 2000 }));

/** Right-clicks (a context menu) the first visible element matching `selector`. */
const rightClick = (page, selector) =>
  onVisible(page, selector, (f) => f.click(selector, { button: 'right', timeout: 2000 }));

(async () => {
  const t0 = Date.now();
  const cs = await startCodeServer({ verbose: !!process.env.VERBOSE });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let finish;
  const done = new Promise((r) => {
    finish = r;
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  let shots = 0;
  fs.mkdirSync(shotDir, { recursive: true });
  fs.rmSync(probeDir, { recursive: true, force: true });
  fs.mkdirSync(probeDir, { recursive: true });
  await page.exposeFunction('codeAutomationLog', async (_type, args) => {
    console.log(...args);
    // `##screenshot`: the whole window, test-results/editor-N.png; `##screenshot <name> <css selector>`:
    // the first visible element matching the selector (the whole window if none), test-results/<name>.png.
    const shot = args.map(String).find((a) => a.startsWith('##screenshot'));
    if (shot) {
      const [, name, ...css] = shot.split(' ');
      const file = path.join(shotDir, name ? `${name.replace(/[^\w-]/g, '')}.png` : `editor-${++shots}.png`);
      // The pointer off the element first (onto the activity bar's empty part): no hover or tooltip over it.
      if (name && css.length) {
        await page.mouse.move(24, 600);
        await new Promise((r) => setTimeout(r, 800)); // a workbench hover fades out
        await shotOf(page, css.join(' '), file);
      } else await page.screenshot({ path: file });
      console.log(`[harness] screenshot ${path.relative(root, file)}`);
    }
    // `##probe <id> <css selector>`: what the page shows, written to probes/<id>.json (atomically);
    // `##click <id> <css selector>`: a mouse click on the first match (in the page or a webview), as a person would.
    // `##select <id> <value> <css selector>`: chooses an option of a <select>, as a person would.
    // `##fill <id> <value, URI-encoded> <css selector>`: types into a field; `##press <id> <key> <css selector>`;
    // `##rightclick <id> <css selector>`: opens a context menu.
    const line = args.map(String).find((a) => /^##(probe|click|rightclick|select|fill|press) /.test(a));
    if (line) {
      const [verb, id, ...rest] = line.split(' ');
      const value = ['##select', '##fill', '##press'].includes(verb) ? rest.shift() : undefined;
      const selector = rest.join(' ');
      const answer =
        verb === '##click'
          ? await click(page, selector)
          : verb === '##rightclick'
            ? await rightClick(page, selector)
            : verb === '##select'
              ? await choose(page, selector, value)
              : verb === '##fill'
                ? await fill(page, selector, decodeURIComponent(value))
                : verb === '##press'
                  ? await press(page, selector, value)
                  : await probe(page, selector);
      const file = path.join(probeDir, `${id}.json`);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(answer));
      fs.renameSync(`${file}.tmp`, file);
    }
  });
  page.on('console', (m) => {
    if (process.env.VERBOSE) console.log(`[browser:${m.type()}]`, m.text().slice(0, 500));
  });
  const auth = `127.0.0.1:${cs.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${auth}${root}`],
    ['extensionTestsPath', `vscode-remote://${auth}${extensionTests}`],
  ];
  await page.goto(
    `http://${auth}/?folder=${encodeURIComponent(path.join(root, 'sample'))}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  const code = await Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
  console.log(`editor tests finished: exit code ${code} after ${Date.now() - t0} ms`);
  if (code === 'timeout') {
    console.log('editor: 0 passed, 1 failed (the suite did not finish in time)');
    console.log(cs.log().slice(-4000));
  }
  await browser.close();
  cs.stop();
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  console.log('editor: 0 passed, 1 failed (the launcher crashed)');
  process.exit(2);
});
