/** Corpus text shown in hovers and tooltips is data, never markup: every markdown character is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&').replace(/\r?\n/g, '  \n');
}
