/** VS Code does not hand documents over 50 MB to extensions: no hovers, outline or events there. */
export const EDITOR_LIMIT_BYTES = 50 * 1024 * 1024;
