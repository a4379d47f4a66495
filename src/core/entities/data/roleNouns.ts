/**
 * More role words before a person's name (`giám mục Winstrup`, `thuyền trưởng Bligh`, `tuyển thủ quốc gia Hà
 * Đức Chinh`, `chủ nhà hàng Thanh Nhàn`, `tiền đạo ngoại Washington Brandao`): clergy, royalty, trades, sport
 * positions and jobs, beside the lexicon's ROLE_CUES. Written by hand from common Vietnamese vocabulary; words
 * that are as often something else before a capital are left out (`bầu`, to elect; `thần`, a god's domain;
 * `chúa`, the Lord).
 */
export const ROLE_NOUNS: readonly string[] = [
  'giám mục',
  'linh mục',
  'mục sư',
  'nhà sư',
  'hòa thượng',
  'thượng tọa',
  'vua',
  'hoàng đế',
  'nữ hoàng',
  'nữ vương',
  'hoàng tử',
  'công chúa',
  'thuyền trưởng',
  'tuyển thủ',
  'tuyển thủ quốc gia',
  'danh thủ',
  'tay vợt',
  'thủ thành',
  'cựu tiền đạo',
  'tiền đạo ngoại',
  'ngoại binh',
  'đồng hương',
  'chủ quán',
  'chủ nhà hàng',
  'nghệ nhân',
  'nhiếp ảnh gia',
  'biên kịch',
  'ca sỹ',
  'phi hành gia',
  'kiến trúc sư',
  'điều tra viên',
  'biên tập viên',
];
