/**
 * Links that a hover card renders. A card is trusted to run a few commands, so a link built from
 * corpus or gazetteer text must not be able to close its markdown destination and open another
 * link, image or command of its own: web links are parsed and re-serialised, and every character
 * that markdown reads inside `(…)` is percent-encoded; command links are built only for the
 * commands listed here, their arguments JSON- then URI-encoded the same way.
 */
export const CARD_COMMANDS = [
  'corpusExplorer.search',
  'corpusExplorer.showMentions',
  'corpusExplorer.entities.reveal',
  'corpusExplorer.articles.filterByEntity',
  'corpusExplorer.showStatistics',
] as const;

export type CardCommand = (typeof CARD_COMMANDS)[number];

/** What URL serialisation leaves as it is but a markdown link destination reads: it could end the destination, or start a title. */
const WEB_SIGNIFICANT = /[()[\]<>"'`\\\s]/gu;
/** What `encodeURIComponent` leaves as it is that markdown reads. */
const COMPONENT_SIGNIFICANT = /[!'()*]/g;

const percent = (c: string) =>
  [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** An http(s) URL as a safe markdown link destination, or undefined when it is not one. */
export function safeWebLink(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // user:password@ in a link shown to a person is a disguise, never a source citation.
  if (!url.hostname || url.username || url.password) return undefined;
  return url.href.replace(WEB_SIGNIFICANT, percent);
}

/** A `command:` link to one of the card's commands with these arguments. */
export function commandLink(command: CardCommand, args: readonly unknown[]): string {
  if (!CARD_COMMANDS.includes(command)) throw new Error(`${command} is not a card command`);
  return `command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(COMPONENT_SIGNIFICANT, percent)}`;
}

/** Whether a markdown link destination is one these functions could have built. */
export function isOwnLinkTarget(target: string): boolean {
  const command = /^command:([\w.]+)\?[\w%.~-]*$/.exec(target);
  if (command) return (CARD_COMMANDS as readonly string[]).includes(command[1]);
  return /^https?:\/\/[^\s()[\]<>"'`\\]+$/.test(target) && safeWebLink(target) === target;
}
