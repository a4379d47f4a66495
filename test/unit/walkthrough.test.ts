import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const manifest = JSON.parse(read('package.json'));
const en: Record<string, string> = JSON.parse(read('package.nls.json'));
const vi: Record<string, string> = JSON.parse(read('package.nls.vi.json'));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string | Record<string, string>; markdown?: string; altText?: string };
  completionEvents: string[];
}
const walkthroughs: { id: string; title: string; description: string; steps: Step[] }[] =
  manifest.contributes.walkthroughs;
const commands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
const views = new Set<string>(
  Object.values(manifest.contributes.views as Record<string, { id: string }[]>).flatMap((vs) => vs.map((v) => v.id)),
);

function mediaFiles(media: Step['media']): string[] {
  const files: string[] = [];
  if (media.svg) files.push(media.svg);
  if (media.markdown) files.push(media.markdown);
  if (typeof media.image === 'string') files.push(media.image);
  else if (media.image) files.push(...Object.values(media.image));
  return files;
}

/** Every file under src/, to find who sets a context key. */
function sourceText(dir = path.join(repoRoot, 'src')): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) =>
      e.isDirectory()
        ? sourceText(path.join(dir, e.name))
        : e.name.endsWith('.ts')
          ? fs.readFileSync(path.join(dir, e.name), 'utf8')
          : '',
    )
    .join('\n');
}

describe('Get Started walkthrough', () => {
  it('is contributed with the five steps of issue 15', () => {
    assert.strictEqual(walkthroughs.length, 1);
    assert.strictEqual(walkthroughs[0].id, 'corpusExplorer.getStarted');
    assert.deepStrictEqual(
      walkthroughs[0].steps.map((s) => s.id),
      ['open-sample', 'articles-view', 'search', 'hover', 'concordance'],
    );
  });

  it('completes each step on a command, view or context the extension contributes or sets', () => {
    const src = sourceText();
    for (const step of walkthroughs[0].steps) {
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents) {
        const [kind, name] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(commands.has(name), `${step.id}: ${event} is not a contributed command`);
        else if (kind === 'onView') assert.ok(views.has(name), `${step.id}: ${event} is not a contributed view`);
        else if (kind === 'onContext')
          assert.ok(
            src.includes(`'${name}'`) && src.includes("'setContext'"),
            `${step.id}: nothing in src/ sets the context key ${name}`,
          );
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('links only to contributed commands or to a contributed view', () => {
    for (const step of walkthroughs[0].steps)
      for (const text of [en, vi].map((b) => b[step.description.slice(1, -1)])) {
        const links = [...text.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
        assert.ok(links.length > 0, `${step.id} has no command link`);
        for (const c of links) assert.ok(commands.has(c) || views.has(c.replace(/\.focus$/, '')), `${step.id}: ${c}`);
      }
  });

  it('has a media file for every step, shipped, with no hard-coded theme colour', () => {
    const ignore = read('.vscodeignore').split('\n');
    for (const step of walkthroughs[0].steps) {
      const files = mediaFiles(step.media);
      assert.ok(files.length > 0, `${step.id} has no media`);
      for (const file of files) {
        assert.ok(fs.existsSync(path.join(repoRoot, file)), `${file} is missing`);
        assert.ok(
          ignore.some((l) => l.startsWith('!') && file.startsWith(l.slice(1).replace(/\*\*$/, ''))),
          `${file} is not in the .vscodeignore allow-list`,
        );
        if (file.endsWith('.svg')) {
          const svg = read(file);
          assert.ok(svg.includes('currentColor'), `${file} does not draw with currentColor`);
          assert.doesNotMatch(svg, /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i, `${file} hard-codes a colour`);
          assert.doesNotMatch(svg, /(fill|stroke)="(?!none|currentColor|var\()/i, `${file} names a colour`);
        }
      }
    }
  });

  it('has English and Vietnamese text for every %key%', () => {
    const w = walkthroughs[0];
    const keys = [w.title, w.description, ...w.steps.flatMap((s) => [s.title, s.description, s.media.altText ?? ''])];
    for (const k of keys) {
      assert.match(k, /^%[\w.-]+%$/, `${k} is not a %key%`);
      const key = k.slice(1, -1);
      assert.ok(en[key]?.trim(), `no English text for ${key}`);
      assert.ok(vi[key]?.trim(), `no Vietnamese text for ${key}`);
      assert.notStrictEqual(en[key], vi[key], `${key} is not translated`);
    }
  });
});
