// The escape lives in the core (tested in Node); features keep importing it from here.
export { escapeMarkdown } from '../../core/text/markdown';
