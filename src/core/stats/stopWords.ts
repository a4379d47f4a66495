import { foldWord } from '../text/fold';
import { terms } from '../text/tokenize';

/**
 * Vietnamese stop words: the one-syllable entries of the `vi` list of stopwords-iso 1.1.0
 * (https://github.com/stopwords-iso/stopwords-iso, MIT licence, by Gene Diaz and contributors), less the
 * hyphenated `a-lô` and these content words that news text needs counted: bộ, năm, tháng, ngày,
 * người, nhà, cây, cao, lớn, chính, quyết, hỏi, nói, muốn, biết, thấy, nhận, làm, đi, bài, bản,
 * chuyện, số, nơi, cuộc, việc; and the entries that fold to one of those (bớ, ngươi, ngay, so, bạn,
 * dì, thẩy: \`ngay\` would stop \`ngày\`). Multi-syllable entries are left out: statistics here count syllables.
 *
 * Words are compared folded, as every statistic groups them (tone marks, case, đ/d ignored), so
 * `là` also stops `lá` and `la`: the price of tone-insensitive grouping, said in the README.
 */
export const VIETNAMESE_STOP_WORDS_SOURCE = 'stopwords-iso 1.1.0 (vi), MIT';

const LIST = `
  ai alô amen anh bà bác bèn béng bông bấy bằng bển bệt bị bỗng bởi bức cha chiếc cho choa chú
  chăng chưa chậc chắc chỉ chỉn chớ chợt chủn chứ con cuốn càng các cái còn có cô cùng căn cũng cơ
  cơn cả cần cậu của cứ do duy dào dưới dạ dẫu dữ em giữa gì hay hoặc hơn họ khi khác không luôn
  là lên lúc lại lần mà mình mỗi một mới mợ nghen nghỉm ngoài ngoải ngôi ngọn ngọt nh nhau nhiều
  nhé như nhưng nhất nhỉ những nào này nên nó nóc nấy nếu nền nọ nớ nữa oái pho phè phóc phót phải
  phắt phỏng phốc phụt phứt qua quyển quá quả ra riêng riệt rày ráo rén rích răng rất rằng rồi rứa
  sao sau suýt sì sạch sất sắp sẽ sự tanh thanh theo thoạt thoắt thuần thà thì thím thôi thường
  thậm thế thếch thỏm thốc thốt thộc thửa toà toẹt trong trên trước trển trệt trỏng tuy tênh tôi
  tại tấm tấn tắp tọt tột tớ tới từ từng veo và vào vâng vèo vì vẫn vậy về với vở vụt vừa xoét
  xoẳn xoẹt xuể xuống xệp à ào á ái áng ông úi ý đang điều đây đã đó được đến đều để ơ ơi ư ạ ấy
  ắt ồ ổng ớ ờ ở ủa ừ ử
`;

export const VIETNAMESE_STOP_WORDS: readonly string[] = LIST.split(/\s+/).filter(Boolean);

/** A set of folded stop words from any list of words (one a line or separated by spaces); empty for none. */
export function stopWordSet(words: readonly string[] | string = VIETNAMESE_STOP_WORDS): ReadonlySet<string> {
  const list = typeof words === 'string' ? terms(words) : words.flatMap((w) => terms(w));
  return new Set(list.map(foldWord));
}

export const NO_STOP_WORDS: ReadonlySet<string> = new Set();
