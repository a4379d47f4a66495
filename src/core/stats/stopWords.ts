import { forEachWord } from '../text/tokenize';
import type { TokenStream } from './tokenStream';

/**
 * Vietnamese stop words: the one-syllable entries of the `vi` list of stopwords-iso 1.1.0
 * (https://github.com/stopwords-iso/stopwords-iso, MIT licence, by Gene Diaz and contributors), less the
 * hyphenated `a-lô` and these content words that news text needs counted: bộ, năm, tháng, ngày,
 * người, nhà, cây, cao, lớn, chính, quyết, hỏi, nói, muốn, biết, thấy, nhận, làm, đi, bài, bản,
 * chuyện, số, nơi, cuộc, việc. (Entries that fold to one of those — bớ, ngươi, ngay, so, bạn, dì,
 * thẩy — were left out while stop words compared folded; they compare as written now, so `ngay`
 * no longer stops `ngày`, and they are back.) Multi-syllable entries are left out: statistics here count syllables.
 *
 * Words are compared as written, NFC and lower-case, tone marks kept: the stop word `do` removes
 * `do` and `Do`, never `Độ` (Ấn Độ) nor `đó`, though all fold to one group. A stop word removes
 * only its own occurrences, in every statistic, and the group keeps the rest.
 */
export const VIETNAMESE_STOP_WORDS_SOURCE = 'stopwords-iso 1.1.0 (vi), MIT';

const LIST = `
  ai alô amen anh bà bác bạn bèn béng bông bấy bằng bển bệt bị bớ bỗng bởi bức cha chiếc cho choa chú
  chăng chưa chậc chắc chỉ chỉn chớ chợt chủn chứ con cuốn càng các cái còn có cô cùng căn cũng cơ
  cơn cả cần cậu của cứ do duy dào dì dưới dạ dẫu dữ em giữa gì hay hoặc hơn họ khi khác không luôn
  là lên lúc lại lần mà mình mỗi một mới mợ ngay nghen nghỉm ngoài ngoải ngươi ngôi ngọn ngọt nh nhau nhiều
  nhé như nhưng nhất nhỉ những nào này nên nó nóc nấy nếu nền nọ nớ nữa oái pho phè phóc phót phải
  phắt phỏng phốc phụt phứt qua quyển quá quả ra riêng riệt rày ráo rén rích răng rất rằng rồi rứa
  sao so sau suýt sì sạch sất sắp sẽ sự tanh thanh theo thoạt thoắt thuần thà thì thím thôi thường
  thậm thẩy thế thếch thỏm thốc thốt thộc thửa toà toẹt trong trên trước trển trệt trỏng tuy tênh tôi
  tại tấm tấn tắp tọt tột tớ tới từ từng veo và vào vâng vèo vì vẫn vậy về với vở vụt vừa xoét
  xoẳn xoẹt xuể xuống xệp à ào á ái áng ông úi ý đang điều đây đã đó được đến đều để ơ ơi ư ạ ấy
  ắt ồ ổng ớ ờ ở ủa ừ ử
`;

export const VIETNAMESE_STOP_WORDS: readonly string[] = LIST.split(/\s+/).filter(Boolean);

/** A word as stop words compare it: NFC, lower-case, tone marks kept. */
export const stopKey = (word: string) => word.normalize('NFC').toLowerCase();

/** A set of stop words (stopKey) from any list of words (one a line or separated by spaces); empty for none. */
export function stopWordSet(words: readonly string[] | string = VIETNAMESE_STOP_WORDS): ReadonlySet<string> {
  const set = new Set<string>();
  for (const w of typeof words === 'string' ? [words] : words)
    forEachWord(w, 0, w.length, (word) => {
      set.add(stopKey(word));
    });
  return set;
}

const computed = new WeakMap<TokenStream, { key: string; forms: Uint8Array }[]>();

/**
 * Per written form of a stream, 1 if it is a stop word: the words a statistic leaves out. Kept
 * for the stream's last few lists (read only): a statistic asks for them in each of its steps
 * (counts, scores, spellings), and a stopKey of every form is a tenth of a second at 100,000 articles.
 */
export function stopForms(stream: TokenStream, stop: ReadonlySet<string>): Uint8Array {
  const key = [...stop].sort().join('\n');
  let lists = computed.get(stream);
  if (!lists) computed.set(stream, (lists = []));
  const known = lists.find((l) => l.key === key);
  if (known) return known.forms;
  const forms = new Uint8Array(stream.formText.length);
  if (stop.size) for (let i = 0; i < forms.length; i++) forms[i] = stop.has(stopKey(stream.formText[i])) ? 1 : 0;
  lists.unshift({ key, forms });
  if (lists.length > 4) lists.pop();
  return forms;
}

export const NO_STOP_WORDS: ReadonlySet<string> = new Set();
