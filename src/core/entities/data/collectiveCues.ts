/**
 * Nouns of a class of people that a nationality follows as often as a name: `nghệ sĩ Việt` (Vietnamese artists),
 * `nhà khoa học Mỹ` (American scientists), `học sinh Việt`, `tỷ phú Việt`, `cầu thủ Brazil`, `du khách Hàn Quốc`.
 * After one of them a country (or `Việt`) with no name after it is that nationality, no person: a known place
 * stays a place, as `nghệ sĩ Hàn Quốc` always was, and `Việt` alone is nothing. Written by hand from common
 * Vietnamese vocabulary (news-dev.dump: these nouns stand before a country 700 times); single roles that name one
 * person (`ca sĩ`, `HLV`, `thủ môn`) are left out.
 */
export const COLLECTIVE_CUES: readonly string[] = [
  'cầu thủ',
  'học sinh',
  'sinh viên',
  'du học sinh',
  'nghệ sĩ',
  'nhà khoa học',
  'nhà nghiên cứu',
  'tỷ phú',
  'doanh nhân',
  'vận động viên',
  'VĐV',
  'du khách',
  'khách',
  'trẻ em',
  'người hâm mộ',
  'cổ động viên',
  'CĐV',
  'nhà đầu tư',
  'quan chức',
  'binh sĩ',
  'kỹ sư',
  'lao động',
];
