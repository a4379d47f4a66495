import * as assert from 'node:assert';
import { foundIn } from '../support/entityMentions';

// The rule classes behind the last codes and common words of `corpus entities news-dev.dump` (issue 12), on
// real sentences of news-dev.dump outside every gold part (article numbers in the test names), with the spans
// the gold conventions (test/fixtures/gold/CONVENTIONS.md) ask for.
const found = (...articles: string[]) => foundIn('society', ...articles);

describe('entity rules: codes, titles and units are no organisations', () => {
  it('drops a title or a unit as a source credit, keeps a real one (94, 1278)', () => {
    const article = (source: string) =>
      `Cô nàng thường xuyên khiến cho các fans hâm mộ phải trầm trồ với loạt ảnh khoe dáng.\nDung Nhi\nTheo ${source}`;
    assert.deepStrictEqual(found(article('TS')), ['PER Dung Nhi']);
    assert.deepStrictEqual(found(article('GB')), ['PER Dung Nhi']);
    assert.deepStrictEqual(found(article('Reuters')), ['PER Dung Nhi', 'ORG Reuters']);
  });

  it('reads capitals after a number as its unit (147, 1492)', () => {
    assert.deepStrictEqual(
      found(
        'Theo đó, phiên bản 64 GB và 256 GB của máy có giá bán lần lượt khoảng 7,3 triệu đồng và 9 triệu đồng.',
        'Viên pin đi kèm có dung lượng 4.300 mAh, tích hợp sạc nhanh 65 W.',
      ),
      [],
    );
  });

  it('reads `Viên` opening a sentence or a common word as no Vienna (1492, 39)', () => {
    assert.deepStrictEqual(found('Viên pin đi kèm có dung lượng 4.300 mAh.'), []);
    assert.deepStrictEqual(found('Nội dung này được quy định trong Luật Viên chức.'), []);
    assert.deepStrictEqual(found('Hội nghị được tổ chức tại thủ đô Viên của Áo.'), ['LOC Viên', 'LOC Áo']);
  });

  it('reads a company form or a school level as the start of the name after it (716, 372)', () => {
    assert.deepStrictEqual(found('Đến nay đã có công ty TNHH Festo tham gia.'), ['ORG TNHH Festo']);
    assert.deepStrictEqual(
      found('Giám đốc Sở đã khen thưởng 3 nam sinh trường TH&THCS Gio Hải, huyện Gio Linh vì đã cứu bạn.'),
      ['ORG TH&THCS Gio Hải', 'LOC huyện Gio Linh'],
    );
  });

  it('reads a one-syllable head ending a compound as no head: thị trường, Môi trường (160, 2177)', () => {
    assert.ok(
      !found(
        'Ngoài ra, chính quyền TP đề nghị Sở Công Thương, Cục quản lý thị trường TP tăng cường công tác kiểm tra các kho hàng.',
      ).includes('ORG TP'),
    );
    assert.ok(
      !found(
        'Trả lời về vấn đề này, ông Tô Hùng - Giám đốc Sở Tài nguyên & Môi trường TP chia sẻ, bài toán vẫn là bài toán khó.',
      ).includes('ORG TP'),
    );
  });
});

describe('entity rules: common words are no names', () => {
  it('reads a lone letter as a name only after a cue (181, 2329, 1800, 333)', () => {
    // `trường Y` (the medical school) votes ORG for `Y`; `ngành Y` (medicine) takes no type from it.
    assert.deepStrictEqual(
      found(
        'Bên cạnh đó, tỉnh phải huy động toàn bộ sinh viên trường Y để tập huấn về công tác lấy mẫu xét nghiệm.',
        'Tổng chỉ tiêu là 1.150, trong đó ngành Y đa khoa là 400 chỉ tiêu.',
      ),
      ['ORG Y'],
    );
    assert.deepStrictEqual(
      found('Các tế bào miễn dịch đặc hiệu như bạch cầu, lympho T, lympho B, đại thực bào,… sẽ giúp cơ thể.'),
      [],
    );
    assert.deepStrictEqual(
      found('Tuy nhiên cho đến nay anh T chỉ mới đặt hàng được 1.500 m3 cát và phải đợi rất lâu.'),
      ['PER T'],
    );
  });

  it('never cuts `Bệnh` out of `Bệnh viện`, after a place noun or a kinship word inside a verb (953, 1854)', () => {
    assert.deepStrictEqual(
      found(
        'Tuy nhiên, hệ thống xử lý nước thải tại khu Trung tâm văn hóa TP Hà Tiên cũng như khu vực Bệnh viện dã chiến chưa hoàn chỉnh.',
      ).filter((m) => m.includes('Bệnh')),
      [],
    );
    assert.deepStrictEqual(
      found('Chiều 20/4, BV Việt Đức đã tổ chức lễcông bố Bệnh viện hạng đặc biệt lần thứ 2.').filter((m) =>
        m.includes('Bệnh'),
      ),
      [],
    );
  });

  it('reads `bố`, `cụ` ending a verb or a noun as no kinship cue (184)', () => {
    assert.deepStrictEqual(
      found(
        'Vào tháng 3/2021, OpenSignal công bố Báo cáo Trải nghiệm mạng di động Việt Nam 2021 cũng cho kết quả tương tự.',
      ),
      ['LOC Việt Nam'],
    );
  });

  it('reads a head word alone after a role as the body (804)', () => {
    assert.deepStrictEqual(
      found('Ông Lê Quốc Việt, nguyên Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy, được bầu làm Chủ tịch Hội.'),
      ['PER Lê Quốc Việt', 'ORG Ủy ban Kiểm tra Tỉnh ủy'],
    );
  });

  it('reads rank words and capitalised common words as no names: Cựu, Danh mục, Cửa khẩu (1344, 39, 293, 1124)', () => {
    assert.deepStrictEqual(found('Các sản phẩm, dịch vụ được công nhận Danh hiệu Sao Khuê đều được đánh giá cao.'), []);
    assert.deepStrictEqual(found('Cựu HLV Glenn Hoddle từng chỉ ra rằng cầu thủ Tottenham không đủ trách nhiệm.'), [
      'PER Glenn Hoddle',
      'ORG Tottenham',
    ]);
    assert.deepStrictEqual(
      found(
        'Trước đó, Bộ GD&ĐT ký Quyết định phê duyệt Danh mục sách giáo khoa lớp 2 và sách lớp 6 sử dụng trong cơ sở giáo dục phổ thông.',
      ),
      ['ORG Bộ GD&ĐT'],
    );
    assert.deepStrictEqual(
      found(
        'Hiện các bệnh nhân được cách ly, điều trị tại Bệnh viện Đa khoa khu vực Cửa khẩu quốc tế Cầu Treo.',
      ).filter((m) => m.includes('Cửa')),
      [],
    );
  });
});

describe('entity rules: lists of places', () => {
  it('reads every name of a list after a plural place noun as a place (505)', () => {
    assert.deepStrictEqual(
      found('Dọc các tuyến phố Mễ Trì, Lê Trọng Tấn, Bạch Mai, Trung Hòa (Hà Nội)… không khó để bắt gặp cảnh này.'),
      ['LOC Mễ Trì', 'LOC Lê Trọng Tấn', 'LOC Bạch Mai', 'LOC Trung Hòa', 'LOC Hà Nội'],
    );
    // One street, then its city: no list.
    assert.deepStrictEqual(found('Cô gái được phát hiện trên phố Bạch Mai, Hai Bà Trưng lúc 9h.'), [
      'LOC Bạch Mai',
      'LOC Hai Bà Trưng',
    ]);
  });
});

describe('entity rules: whole organisation names', () => {
  it('keeps a lower-case second syllable inside the name: Hữu nghị, An toàn, Bóng chuyền (770, 472, 186)', () => {
    assert.deepStrictEqual(
      found('Đồng thời, ông Nam cho biết, BN2391 trước đó được điều trị tại Bệnh viện Hữu nghị Việt Tiệp (Hải Phòng).'),
      ['PER Nam', 'ORG Bệnh viện Hữu nghị Việt Tiệp', 'LOC Hải Phòng'],
    );
    assert.ok(
      found(
        'Theo PGS.TS Nguyễn Thanh Phong, Cục trưởng Cục An toàn thực phẩm, tình trạng quảng cáo rất phổ biến.',
        // `thực phẩm` after it is left out: `thực` would run too many names into a verb (`Bộ Y tế thực hiện`).
      ).includes('ORG Cục An toàn'),
    );
    assert.ok(
      found(
        'Ngay trong ngày khai mạc, Liên đoàn Bóng chuyền Việt Nam bất ngờ ra quyết định cảnh cáo HLV Phạm Kim Huệ.',
      ).includes('ORG Liên đoàn Bóng chuyền Việt Nam'),
    );
    // Not after a place: `Bộ Ngoại giao Nga` stops before `toàn`.
    assert.ok(found('Bộ Ngoại giao Nga toàn quyền quyết định việc này.').includes('ORG Bộ Ngoại giao Nga'));
  });
});

describe('entity rules: business names', () => {
  it('reads a brand before its model as a product, the brand alone as the company (1300, 965)', () => {
    assert.deepStrictEqual(
      found(
        'Cụ thể, hai mẫu xe nhập có doanh số rất cao là Toyota Cross và Ford Ranger trong 3 tháng đầu năm 2021.',
        'Chưa dừng lại ở đó, iOS 14.5 còn mang đến hàng loạt tính năng mới như mở khóa iPhone bằng Apple Watch.',
      ),
      [],
    );
    assert.deepStrictEqual(found('Ford cho biết sẽ đóng cửa nhà máy.'), ['ORG Ford']);
  });

  it('knows the world banks the business pages name bare (1463, 1020)', () => {
    assert.deepStrictEqual(
      found(
        'Chew Shou Yi có kinh nghiệm điều hành các công ty công nghệ lớn của Trung Quốc và cả các ngân hàng như Goldman Sachs, nơi ông từng phụ trách mảng ngân hàng đầu tư.',
      ).filter((m) => m.includes('Goldman')),
      ['ORG Goldman Sachs'],
    );
    assert.deepStrictEqual(
      found('Mất hàng tỷ USD vì sự sụp đổ của công ty, các ngân hàng lớn như Morgan Stanley và UBS đều bị ảnh hưởng.'),
      ['ORG Morgan Stanley', 'ORG UBS'],
    );
  });
});
