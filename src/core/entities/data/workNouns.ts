/**
 * Nouns of works (films, songs, books, shows, games) that put a work's title right after them: `bộ phim Harry
 * Potter`, `ca khúc Champs Elysees`, `chương trình Early Childhood`. The title is no one's name (the conventions
 * leave works of art out). `vai` (a part, `vai Lữ Bố`) is not here: a character is a person. Written by hand
 * from common Vietnamese vocabulary.
 */
export const WORK_NOUNS: readonly string[] = [
  'phim',
  'bộ phim',
  'loạt phim',
  'bài hát',
  'ca khúc',
  'album',
  'MV',
  'tác phẩm',
  'cuốn sách',
  'tiểu thuyết',
  'truyện',
  'điệu nhảy',
  'vở kịch',
  'chương trình',
  'trò chơi',
  'game',
];
