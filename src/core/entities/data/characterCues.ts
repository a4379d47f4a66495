/**
 * Words that put a character's name right after them: `vai Thúy Kiều`, `vai diễn Đường Tăng`, `nhân vật Tú Bà`,
 * `nàng Kiều`, `chàng Leo`. A character is a person (the conventions tag `vai Lữ Bố` → `Lữ Bố`), and the cue is
 * no role of theirs, so none is kept. Written by hand from common Vietnamese vocabulary (film and literature
 * pages of news-dev.dump: `vai` 151 times before a capital, `nhân vật` 49, `nàng` 27); `vai trò` (a role in the
 * abstract) is followed by a lower-case word and never reaches a name.
 */
export const CHARACTER_CUES: readonly string[] = ['vai', 'vai diễn', 'nhân vật', 'nàng', 'chàng'];
