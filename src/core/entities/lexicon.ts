/** Curated Vietnamese cue lists; compared folded (no tone marks, lower case). */
import { foldDiacritics } from '../text/fold';

// Hyphens count as spaces: `Á-Âu` is read as the words `Á` `Âu`.
const fold = (xs: string[]) => new Set(xs.map((x) => foldDiacritics(x).replace(/\s*-\s*/g, ' ')));
/** Lower case with tone marks kept: `Viện` (an institute) is not `Viễn` (far). */
export const lowerKey = (x: string) => x.normalize('NFC').toLowerCase().replace(/\s*-\s*/g, ' ');
const lower = (xs: string[]) => new Set(xs.map(lowerKey));

/** Countries and major cities in their Vietnamese spellings. */
export const PLACE_LIST = [
  'Nga', 'Liên bang Nga', 'Mỹ', 'Hoa Kỳ', 'Trung Quốc', 'Ấn Độ', 'Nhật Bản', 'Hàn Quốc', 'Triều Tiên', 'Việt Nam', 'Lào',
  'Campuchia', 'Thái Lan', 'Malaysia', 'Singapore', 'Indonesia', 'Philippines', 'Myanmar', 'Brunei', 'Belarus', 'Ukraine',
  'Pháp', 'Đức', 'Anh', 'Italy', 'Tây Ban Nha', 'Thổ Nhĩ Kỳ', 'Iran', 'Israel', 'Ai Cập', 'Australia', 'New Zealand',
  'Canada', 'Brazil', 'Kazakhstan', 'Moskva', 'Minsk', 'Kuala Lumpur', 'Washington', 'Bắc Kinh', 'New Delhi', 'Hà Nội',
  'Tokyo', 'Seoul', 'Paris', 'Berlin', 'London', 'Kiev', 'Kyiv', 'Jakarta', 'Bangkok', 'Manila', 'Alaska', 'Geneva',
  'châu Á', 'châu Âu', 'Á-Âu', 'Á - Âu', 'Đông Nam Á', 'Trung Đông', 'Phương Tây', 'châu Á-Thái Bình Dương', 'Á-Thái Bình Dương', 'Thái Bình Dương', 'Đại Tây Dương', 'Ấn Độ Dương', 'Bắc Cực', 'Viễn Đông', 'Thượng Hải',
];
export const PLACES = lower(PLACE_LIST);

/** Words that say the capitalised name after them is a person; kept as the person's role. */
export const CUE_LIST = [
  'Bộ trưởng Ngoại giao', 'Bộ trưởng', 'Ngoại trưởng', 'Tổng thống', 'Thủ tướng', 'Phó Thủ tướng', 'Chủ tịch',
  'Đặc phái viên', 'Đại sứ', 'Thứ trưởng', 'Tổng Bí thư', 'Người phát ngôn', 'Nhà lãnh đạo', 'ông', 'bà', 'Giám đốc',
];
export const PERSON_CUES = fold(CUE_LIST);

/** Capitalised words that start sentences or titles and are no entity on their own. */
export const NOT_NAMES = fold([
  'Bộ', 'Ngoại', 'Tổng', 'Thủ', 'Phó', 'Chủ', 'Đặc', 'Đại', 'Người', 'Ông', 'Bà', 'Theo', 'Ngày', 'Hai', 'Trong', 'Trước',
  'Sau', 'Tại', 'Do', 'Về', 'Liên', 'Chỉ', 'Để', 'Khi', 'Tuy', 'Nhưng', 'Các', 'Những', 'Một', 'Đây', 'Đó', 'Hôm', 'Tin',
  'Phát', 'Tuyên', 'Ảnh', 'Nguồn', 'Báo', 'Hội', 'Tổ', 'Cũng', 'Việc', 'Nếu', 'Với', 'Từ', 'Năm', 'Tháng', 'Điều',
]);

/** Organisation heads: a capitalised run starting with these is an organisation. */
export const ORG_HEAD_LIST = [
  'Bộ Ngoại giao', 'Bộ Quốc phòng', 'Bộ Công an', 'Bộ Tài chính', 'Bộ Công Thương', 'Tổ chức', 'Liên minh', 'Hội nghị', 'Hội đồng',
  'Liên hợp quốc', 'Liên minh châu Âu', 'Quỹ', 'Ngân hàng', 'Báo', 'Hãng', 'Tập đoàn', 'Hiệp hội', 'Diễn đàn', 'Đảng', 'Quốc hội',
  'Công ty', 'Viện', 'Trường Đại học', 'Đại học', 'Thông tấn xã', 'Đài', 'Ủy ban', 'Uỷ ban', 'Cơ quan', 'Văn phòng',
];
export const ORG_HEADS = lower(ORG_HEAD_LIST);
/** Heads that are a whole name by themselves. */
export const WHOLE_ORGS = lower(['Liên hợp quốc', 'Liên minh châu Âu', 'Quốc hội']);

/** Words that end a name: a lower-case syllable after a capitalised one belongs to the name unless it is one of these. */
export const FUNCTION_WORDS = fold([
  'và', 'với', 'của', 'ở', 'tại', 'về', 'cho', 'trong', 'là', 'đã', 'sẽ', 'đang', 'từ', 'đến', 'theo', 'có', 'không', 'được',
  'bị', 'này', 'đó', 'khi', 'nhưng', 'thì', 'mà', 'để', 'vì', 'do', 'như', 'cũng', 'các', 'những', 'một', 'hai', 'năm', 'ngày',
  'nói', 'cho biết', 'rằng', 'lên', 'ra', 'vào', 'trên', 'dưới', 'sau', 'trước', 'hôm',
]);

/** Compass words: `Bắc Nam` names a direction, not a person. */
export const COMPASS = fold(['Bắc', 'Nam', 'Đông', 'Tây']);
