import * as assert from 'node:assert';
import { parseDump } from '../../src/core/dump/reader';
import { extractEntities } from '../../src/core/entities/extract';
import { foundIn } from '../support/entityMentions';

// Each rule class on real sentences of news-dev.dump (development articles; article numbers in the
// comments), with the spans the gold conventions (test/fixtures/gold/CONVENTIONS) ask for.
const dumpOf = (articles: readonly string[]) =>
  articles.map((body, i) => `<<<FILE>>> ${i < 1 ? 'society' : 'society'}/a${i}.txt\n${body}\n`).join('');
const found = (...articles: string[]) => foundIn('society', ...articles);
function sportFound(body: string): string[] {
  const text = `<<<FILE>>> sport/a.txt\n${body}\n`;
  return extractEntities(text, parseDump(text)).mentions.map((m) => `${m.type} ${m.surface}`);
}

describe('entity rules: places', () => {
  it('reads provinces as places, with the unit word inside the span (182)', () => {
    assert.deepStrictEqual(
      found(
        'Theo báo cáo của Sở Y tế tỉnh Hà Nam, đến 14h chiều ngày 30/4/2021, toàn tỉnh có 07 trường hợp dương tính với SARS-CoV-2.',
      ),
      ['ORG Sở Y tế tỉnh Hà Nam'],
    );
    assert.deepStrictEqual(
      found(
        'Tính từ 6h đến 18h ngày 25/4, nước ta có 10 ca mắc mới được cách ly tại Hà Nội (1), Khánh Hòa (6), Đà Nẵng (3).',
      ),
      ['LOC Hà Nội', 'LOC Khánh Hòa', 'LOC Đà Nẵng'],
    );
    // `công dân Việt Nam` is a nationality, as the gold annotators read it (`người Anh`, `công dân Trung Quốc`).
    assert.deepStrictEqual(found('Bệnh nhân nam, 23 tuổi, công dân Việt Nam, địa chỉ tại tỉnh Bắc Ninh.'), [
      'LOC tỉnh Bắc Ninh',
    ]);
  });

  it('keeps TP.HCM one place, in every spelling (43, 614)', () => {
    assert.deepStrictEqual(found('Máy bay hạ cánh an toàn tại TP.HCM lúc 12h10 ngày 30/9/2020 với 158 khách.'), [
      'LOC TP.HCM',
    ]);
    assert.deepStrictEqual(found('(27 tuổi, ngụ tại TPHCM) vừa đến khám.', 'Khách về TP HCM và TP. HCM.'), [
      'LOC TPHCM',
      'LOC TP HCM',
      'LOC TP. HCM',
    ]);
    const text = dumpOf(['Máy bay hạ cánh tại TP.HCM.', 'Khách về TPHCM rồi về Thành phố Hồ Chí Minh.']);
    const index = extractEntities(text, parseDump(text));
    assert.deepStrictEqual(new Set(index.mentions.map((m) => m.entity)), new Set(['LOC:ho chi minh']));
  });

  it('compares with tone marks: Hải Phòng and Nam Định stay places (85, 162)', () => {
    assert.deepStrictEqual(found('Đặc biệt, cô gái Hải Phòng chủ động tích cóp một chút tiền.'), ['LOC Hải Phòng']);
    assert.deepStrictEqual(found('Trường hợp còn lại ở Nam Định chưa có kết quả.'), ['LOC Nam Định']);
    assert.deepStrictEqual(found('Hai Bà Trưng là một quận của Hà Nội.'), ['LOC Hai Bà Trưng', 'LOC Hà Nội']);
  });

  it('takes the name after a lower-case place noun, without the noun (2280)', () => {
    assert.deepStrictEqual(found('Máy bay hạ cánh xuống sân bay Nội Bài lúc 9h.'), ['LOC Nội Bài']);
    assert.deepStrictEqual(found('Tại khu vực đền Eo Bạch (thôn Hải Phong, xã Kỳ Lợi) có 19 nhà bè.'), [
      'LOC Eo Bạch',
      'LOC thôn Hải Phong',
      'LOC xã Kỳ Lợi',
    ]);
  });
});

describe('entity rules: organisations', () => {
  it('finds ministries, departments and hospitals whole (1150, 614)', () => {
    assert.deepStrictEqual(found('Theo Bộ Y tế, dịch có nguy cơ bùng phát trở lại.'), ['ORG Bộ Y tế']);
    assert.deepStrictEqual(found('Trước đó, vào năm 2014, Bộ GD&ĐT đã quyết định dừng tổ chức bồi dưỡng.'), [
      'ORG Bộ GD&ĐT',
    ]);
    assert.deepStrictEqual(found('Bệnh nhân vừa đến Bệnh viện Da Liễu thăm khám.'), ['ORG Bệnh viện Da Liễu']);
    assert.deepStrictEqual(found('Bệnh nhân được chuyển tới Bệnh viện Bạch Mai.'), ['ORG Bệnh viện Bạch Mai']);
  });

  it('pairs a long name with its acronym (71)', () => {
    const text = dumpOf(['Ngày 30/4, Trung tâm Kiểm soát bệnh tật (CDC) TP Đà Nẵng cho biết. CDC thực hiện lấy mẫu.']);
    const index = extractEntities(text, parseDump(text));
    const orgs = index.mentions.filter((m) => m.type === 'ORG');
    assert.deepStrictEqual(
      orgs.map((m) => m.surface),
      ['Trung tâm Kiểm soát bệnh tật', 'CDC', 'CDC'],
    );
    assert.strictEqual(new Set(orgs.map((m) => m.entity)).size, 1);
  });

  it('never takes codes, titles or degrees in capitals for organisations (182, 191, 60, 7)', () => {
    assert.deepStrictEqual(found('Sở đã điều tra được 359 trường hợp F1 còn lại.'), []);
    assert.deepStrictEqual(found('Người có bằng cử nhân phù hợp với các môn học của bậc THCS, THPT.'), []);
    assert.deepStrictEqual(
      found('Ngày 29/4, sau khi BN2899 có kết quả dương tính, anh K. được cách ly, xét nghiệm PCR.'),
      ['PER K.'],
    );
    assert.deepStrictEqual(found('Trong quá khứ, HLV Petrovic từng giành cúp C1 châu Âu.'), [
      'PER Petrovic',
      'LOC châu Âu',
    ]);
    assert.deepStrictEqual(found('Ca bệnh COVID mới, PGS.TS Trần Đắc Phu cho biết.'), ['PER Trần Đắc Phu']);
  });

  it('takes no title after a lower-case head or a verb ending in `báo` for an organisation', () => {
    assert.deepStrictEqual(
      found('Bayern Munich chính thức thông báo HLV Nagelsmann sẽ đảm nhiệm chiếc ghế HLV trưởng thay Hansi Flick.'),
      ['ORG Bayern Munich', 'PER Nagelsmann', 'PER Hansi Flick'],
    );
    assert.deepStrictEqual(
      found('Từ bài học của bệnh viện TS.BS Phan Văn Báu cho rằng, ngoài việc chi trả bảo hiểm y tế.'),
      ['PER Phan Văn Báu'],
    );
    assert.deepStrictEqual(found('Theo báo Dân trí, hôm qua.'), ['ORG Dân trí']);
  });

  it('reads clubs and teams as organisations (85, 162)', () => {
    assert.deepStrictEqual(sportFound('Ông Trần Mạnh Hùng thôi chức Chủ tịch CLB Hải Phòng.'), [
      'PER Trần Mạnh Hùng',
      'ORG CLB Hải Phòng',
    ]);
    assert.deepStrictEqual(sportFound('Man City, Chelsea rồi đến các CLB còn lại đều tuyên bố rút lui.'), [
      'ORG Man City',
      'ORG Chelsea',
    ]);
  });
});

describe('entity rules: people', () => {
  it('reads full names after roles, roles outside the span (1074, 614)', () => {
    assert.deepStrictEqual(found('Trương Thế Vinh đến chúc mừng nhạc sĩ Nguyễn Văn Chung.'), [
      'PER Trương Thế Vinh',
      'PER Nguyễn Văn Chung',
    ]);
    const text = dumpOf(['Thạc sĩ Bác sĩ Trình Ngô Bỉnh, khoa Lâm sàng 3, cho biết.']);
    const m = extractEntities(text, parseDump(text)).mentions;
    assert.deepStrictEqual(
      m.map((x) => [x.surface, x.role]),
      [['Trình Ngô Bỉnh', 'Thạc sĩ Bác sĩ']],
    );
  });

  it('never makes a name of a common word opening a sentence (334, 1341, 614, 183)', () => {
    assert.deepStrictEqual(found('Chúng tôi cảm nhận được tất cả tình yêu của bạn.'), []);
    assert.deepStrictEqual(found('Mọi người nên đeo khẩu trang, đứng cách xa nhau ít nhất 2m.'), []);
    assert.deepStrictEqual(found('Trái với suy đoán của nhiều người, mối quan hệ vẫn bền vững.'), []);
    assert.deepStrictEqual(found('Bệnh nhân cho biết đã sử dụng thuốc bôi ngoài da.'), []);
    // `Chúng` never joins `Nguyễn Văn Chung`, even in the same article: the tone marks differ.
    assert.deepStrictEqual(found('Nhạc sĩ Nguyễn Văn Chung sáng tác. Chúng tôi nghe.'), ['PER Nguyễn Văn Chung']);
  });

  it('joins a bare given name to the one person of the article, tone marks and all', () => {
    const text = dumpOf(['Ông Trần Mạnh Hùng thôi chức. Ông Hùng nói. Ông Hưng nói.']);
    const index = extractEntities(text, parseDump(text));
    const hung = index.mentions.filter((m) => m.surface === 'Hùng');
    assert.strictEqual(hung.length, 1);
    assert.strictEqual(index.entities.get(hung[0].entity)?.name, 'Trần Mạnh Hùng');
    assert.ok(!index.mentions.some((m) => m.surface === 'Hưng' && m.entity === hung[0].entity));
  });

  it('reads initials as one name', () => {
    assert.deepStrictEqual(found('Ngày 29/4, anh K. được cách ly. Ông N.T.D. cho biết.'), ['PER K.', 'PER N.T.D.']);
  });

  it('leaves nationalities and languages out (1341)', () => {
    assert.deepStrictEqual(found('Mối quan hệ giữa siêu mẫu người Anh và đồng hương vẫn bền vững.'), []);
    assert.deepStrictEqual(found('Cô học tiếng Anh ở Anh.'), ['LOC Anh']);
  });
});

describe('entity rules: one type per name across the corpus', () => {
  it('types a name with no evidence of its own from its other mentions', () => {
    // `Eo Bạch` is a place after `đền` in one article; alone in another it is still a place.
    const text = dumpOf(['Tại khu vực đền Eo Bạch có 19 nhà bè.', 'Du khách tới Eo Bạch rất đông.']);
    const index = extractEntities(text, parseDump(text));
    const eo = index.mentions.filter((m) => m.surface === 'Eo Bạch');
    assert.strictEqual(eo.length, 2);
    assert.ok(eo.every((m) => m.type === 'LOC'));
    assert.strictEqual(new Set(eo.map((m) => m.entity)).size, 1);
  });

  it('drops a name no mention gives evidence for', () => {
    assert.deepStrictEqual(found('Du khách tới Eo Bạch rất đông.'), []);
  });
});

describe('entity rules: landmarks after their noun', () => {
  it('reads the name after a lower-case landmark noun as a place, noun outside (1133)', () => {
    assert.deepStrictEqual(
      found('Du khách còn cảm nhận được sự mát mẻ và lãng mạn trên sông Hương, ngắm cảnh sông Hương, cầu Trường Tiền…'),
      ['LOC Hương', 'LOC Hương', 'LOC Trường Tiền'],
    );
    // A head word (`Trường`), a unit word (`Huyện`) or a kinship word (`Bà`) inside the name stays in it.
    assert.deepStrictEqual(
      found('Cả 2 đến khu vực đường Bà Huyện Thanh Quan đánh nhau trước sự chứng kiến của nhóm bạn.'),
      ['LOC Bà Huyện Thanh Quan'],
    );
    assert.deepStrictEqual(
      found(
        'Nhiều lăng tẩm nổi tiếng như lăng Gia Long (xã Hương Thọ, thị xã Hương Trà), lăng Tự Đức (phường Thủy Xuân, TP Huế),…',
      ),
      ['LOC Gia Long', 'LOC xã Hương Thọ', 'LOC thị xã Hương Trà', 'LOC Tự Đức', 'LOC phường Thủy Xuân', 'LOC TP Huế'],
    );
  });

  it('keeps a capitalised landmark noun inside the span (1133)', () => {
    assert.deepStrictEqual(
      found('Chùa Thiên Mụ chính thức khởi lập năm Tân Sửu (1601). Đến với Đồi Vọng Cảnh du khách sẽ được ngắm sông.'),
      ['LOC Chùa Thiên Mụ', 'LOC Đồi Vọng Cảnh'],
    );
    assert.deepStrictEqual(found('Nhiều lăng tẩm nổi tiếng như Lăng Khải Định.'), ['LOC Lăng Khải Định']);
  });

  it('leaves landmark nouns inside common words and organisations alone', () => {
    assert.deepStrictEqual(found('Theo yêu cầu Apple, gia đình Beckham đến Bệnh viện Chợ Rẫy.'), [
      'ORG Apple',
      'ORG Bệnh viện Chợ Rẫy',
    ]);
  });

  it('makes a one-word name after a noun no place elsewhere: `sông Hương` is not the given name `Hương`', () => {
    const text = dumpOf(['Ngắm cảnh sông Hương.', 'Chị Nguyễn Thị Hương cho biết. Chị Hương nói thêm.']);
    const index = extractEntities(text, parseDump(text));
    assert.deepStrictEqual(
      index.mentions.map((m) => `${m.type} ${m.surface}`),
      ['LOC Hương', 'PER Nguyễn Thị Hương', 'PER Hương'],
    );
  });
});

describe('entity rules: bylines and sources', () => {
  it('splits a byline glued to its source line (1575, 17)', () => {
    assert.deepStrictEqual(
      found('Gia đình ông Lee cũng đang hiến hàng nghìn tác phẩm nghệ thuật.\nNhật LinhTheo Bloomberg'),
      ['PER Lee', 'PER Nhật Linh', 'ORG Bloomberg'],
    );
    assert.deepStrictEqual(found('Mức giá chưa được công bố.\nT.ThủyTheo PA'), ['PER T.Thủy', 'ORG PA']);
  });

  it('reads the writer after `Theo` and the source on the last line (1335)', () => {
    assert.deepStrictEqual(
      found('Khoa học kỹ thuật hiện thời vẫn còn những hạn chế nhất định.\nTheo Thùy Phương\nDân Việt'),
      ['PER Thùy Phương', 'ORG Dân Việt'],
    );
  });
});

describe('entity rules: a place before a name', () => {
  it('keeps Nhật Bản whole between a role and a name (348)', () => {
    assert.deepStrictEqual(
      found(
        'Sau cuộc gặp giữa Tổng thống Mỹ Joe Biden và Thủ tướng Nhật Bản Yoshihide Suga hôm 16/4, hai nước đã cho thấy một mặt trận.',
      ),
      ['LOC Mỹ', 'PER Joe Biden', 'LOC Nhật Bản', 'PER Yoshihide Suga'],
    );
  });

  it('ends a place at its last letter before a sentence: `Châu Á. Điều này` (373)', () => {
    assert.deepStrictEqual(
      found(
        'Sinh viên tham gia các hoạt động nghiên cứu khoa học của khối cảnh sát Châu Á. Điều này đòi hỏi sinh viên phải có trình độ.',
      ),
      ['LOC Châu Á'],
    );
  });
});

describe('entity rules: products are no entities', () => {
  const techFound = (body: string) => {
    const text = `<<<FILE>>> tech/a.txt\n${body}\n`;
    return extractEntities(text, parseDump(text)).mentions.map((m) => `${m.type} ${m.surface}`);
  };

  it('reads English product and feature words as no name (1180)', () => {
    assert.deepStrictEqual(
      techFound(
        'iPad Pro 2021 cũng tương thích các phụ kiện như bút cảm ứng Apple Pencil, bàn phím Smart Keyboard Folio và Magic Keyboard.',
      ),
      [],
    );
    assert.deepStrictEqual(
      techFound('iMac thế hệ mới đã có thiết kế vuông vức hơn với màn hình 24 inch True Tone. Ông Tim Cook nói.'),
      ['PER Tim Cook'],
    );
  });

  it('reads Wi-Fi and Type-C as codes, and a brand before its model as a product (2275)', () => {
    assert.deepStrictEqual(
      techFound(
        'Riêng với chiếc laptop HP 15s-fq1107TU, bạn không cần phải lo lắng khi máy được trang bị đầy đủ các cổng USB Type-A, cổng USB Type-C, bộ chuyển đổi điện xoay chiều thông minh. Kết nối Wi-Fi.',
      ),
      [],
    );
    assert.deepStrictEqual(techFound('Mẫu Apple TV 4K sẽ có giá cao. HP cho biết.'), ['ORG HP']);
  });
});

describe('entity rules: people in context', () => {
  it('stops an organisation at the person after it, rarer surnames too; reads photo credits (392)', () => {
    assert.deepStrictEqual(
      found(
        'Phó Chủ tịch UBND TP Hà Nội Chử Xuân Dũng (áo xanh) kiểm tra công tác phòng dịch tại khu cách ly tập trung vào sáng 1/5 (Ảnh: Thành Trung).',
      ),
      ['ORG UBND TP Hà Nội', 'PER Chử Xuân Dũng', 'PER Thành Trung'],
    );
    // A source after `Ảnh:` is no person.
    assert.deepStrictEqual(found('Hà Nội có thêm 2 ca (Ảnh: Bộ Y tế).'), ['LOC Hà Nội', 'ORG Bộ Y tế']);
  });

  it('reads an initial before a name as a person everywhere (2308)', () => {
    assert.deepStrictEqual(
      sportFound(
        'Ở tứ kết Champions League cách đây 14 năm, C.Ronaldo cùng đồng đội cũng vùi dập chính Roma với tỷ số 7-1.',
      ),
      ['PER C.Ronaldo', 'ORG Roma'],
    );
  });

  it('makes no name of kinship words and common words opening a phrase (334, 1990)', () => {
    assert.deepStrictEqual(
      found('"Gửi Jack của bố mẹ - Mẹ rất đau khổ vì ngay từ những giây phút đầu tiên của cuộc đời".'),
      [],
    );
    assert.deepStrictEqual(
      found('Thời gian tổng kết và trao giải vào dịp Kỷ niệm 47 năm Ngày Giải phóng miền Nam, thống nhất đất nước.'),
      [],
    );
  });

  it('reads a name after a place word with its place in parentheses as a place (2048)', () => {
    assert.deepStrictEqual(
      found('Triệu Lệ Dĩnh tham gia một sự kiện nhãn hàng ở Trịnh Châu (Hà Nam, Trung Quốc) vào ngày 16/4.'),
      ['PER Triệu Lệ Dĩnh', 'LOC Trịnh Châu', 'LOC Hà Nam', 'LOC Trung Quốc'],
    );
  });
});

describe('entity rules: organisations end where their name ends', () => {
  it('leaves the verb after a ministry out of its name (1191)', () => {
    assert.deepStrictEqual(found('Trong đợt này, tổng số vắc xin Bộ Y tế cấp cho tỉnh Quảng Trị là 3.000 liều.'), [
      'ORG Bộ Y tế',
      'LOC tỉnh Quảng Trị',
    ]);
  });

  it('reads `phá` as a verb in lower case and a lagoon capitalised (1990, 1133)', () => {
    assert.deepStrictEqual(
      found('Đấu tranh phản bác các quan điểm sai trái, thù địch, cơ hội chính trị chống phá Đảng, Nhà nước.'),
      ['ORG Đảng', 'ORG Nhà nước'],
    );
    assert.deepStrictEqual(found('Du khách ngắm cung đường tuyệt đẹp của Phá Tam Giang.'), ['LOC Phá Tam Giang']);
  });
});

describe('entity rules: what a card may state', () => {
  it("gives a person the role the text gives most often, not the first one met (world articles' Biden)", () => {
    const text = dumpOf(['Phó Tổng thống Joe Biden nói.', 'Tổng thống Joe Biden nói. Tổng thống Biden nói thêm.']);
    const index = extractEntities(text, parseDump(text));
    assert.strictEqual(index.entities.get('PER:j.biden')?.role, 'Tổng thống');
  });
});

describe('entity rules: names inside names', () => {
  it("reads a head word inside a person's name as the name (62)", () => {
    assert.deepStrictEqual(found('PGS.TS Nguyễn Trường Thịnh, Trưởng khoa Cơ khí chế tạo máy giữ chức Hiệu trưởng.'), [
      'PER Nguyễn Trường Thịnh',
    ]);
  });

  it("ends a body's name at `và` and the next body's head (1400)", () => {
    assert.deepStrictEqual(
      found('Đơn vị sẽ phối hợp với Trung tâm Y tế TP Sóc Trăng và Trung tâm Kiểm soát bệnh tật (CDC) tỉnh Sóc Trăng.'),
      ['ORG Trung tâm Y tế TP Sóc Trăng', 'ORG Trung tâm Kiểm soát bệnh tật', 'ORG CDC', 'LOC tỉnh Sóc Trăng'],
    );
  });

  it('reads a place before an organisation word as that organisation (15)', () => {
    assert.deepStrictEqual(found('Ông nói về eo biển Đài Loan, Taiwan News dẫn lời ông ngày 30/10.'), [
      'LOC Đài Loan',
      'ORG Taiwan News',
    ]);
  });

  it('keeps a one-word country at the start of a local name whole (189)', () => {
    assert.deepStrictEqual(found('Bệnh nhân nam, 26 tuổi, địa chỉ tại huyện Mỹ Đức, Thành phố Hà Nội.'), [
      'LOC huyện Mỹ Đức',
      'LOC Thành phố Hà Nội',
    ]);
  });

  it('makes no place or organisation of a letter or a place’s abbreviation (91, 824)', () => {
    assert.deepStrictEqual(
      found('Cũng từ đây, hành trình đẩy lùi virus viêm gan B của anh Nguyễn Trọng Trung kéo dài. Anh sống ở bản B.'),
      ['PER Nguyễn Trọng Trung'],
    );
    assert.deepStrictEqual(
      found('Đây là dòng thẻ đầu tiên tại Đông Nam Á (ĐNA) tích hợp.', 'Dấu vết trong DNA của con người.'),
      ['LOC Đông Nam Á'],
    );
  });
});

describe('entity rules: roles a card may show', () => {
  it('gives no role from a kinship word: `vợ chồng` says who someone is to another', () => {
    const text = dumpOf([
      'Từ giữa năm 2020, vợ chồng Triệu Lệ Dĩnh và Phùng Thiệu Phong không còn sánh đôi hay xuất hiện cùng nhau.',
    ]);
    const index = extractEntities(text, parseDump(text));
    assert.deepStrictEqual(
      index.mentions.map((m) => [m.surface, m.role]),
      [
        ['Triệu Lệ Dĩnh', undefined],
        ['Phùng Thiệu Phong', undefined],
      ],
    );
  });

  it('makes no person of a title word before a common word (89, 1194)', () => {
    assert.deepStrictEqual(
      found(
        'Trong năm này, Lara Dutta đăng quang Hoa hậu Hoàn vũ, Priyanka Chopra trở thành Hoa hậu Thế giới còn Dia Mirza giành vương miện.',
      ),
      ['PER Lara Dutta', 'PER Priyanka Chopra', 'PER Dia Mirza'],
    );
    assert.deepStrictEqual(found('Phe Dân chủ phải kêu gọi thêm khoảng 10 thượng nghị sĩ Cộng hòa ủng hộ.'), []);
  });
});

describe('entity rules: one person across articles', () => {
  it('reads Song as a Korean surname before a foreign given name, a conjunction before a Vietnamese one', () => {
    assert.deepStrictEqual(
      found('Song Hye Kyo từng muốn sinh con trước khi ly hôn Song Joong Ki. Song Hùng Dũng vẫn đến.'),
      ['PER Song Hye Kyo', 'PER Song Joong Ki'],
    );
  });
});

describe('entity rules: companies and sources', () => {
  it("reads a company's Vietnamese arm as one organisation (1050)", () => {
    assert.deepStrictEqual(
      found(
        'Người tiêu dùng đã thấy các sản phẩm nội thất văn phòng cho tập đoàn Samsung Việt Nam, Panasonic và nhiều hãng.',
      ),
      ['ORG Samsung Việt Nam'],
    );
  });

  it('never reads `Theo` and a source as a writer (1246)', () => {
    assert.deepStrictEqual(found('Đừng mong đợi họ sẽ quay lại với bạn.\nVĩnh Ngọc\nTheo Hot'), [
      'PER Vĩnh Ngọc',
      'ORG Hot',
    ]);
  });
});

describe('entity rules: places opening a sentence and plural units', () => {
  it('reads a place after a capitalised preposition opening the sentence (1287, 1322)', () => {
    assert.deepStrictEqual(found('Tại Anh, Thủ tướng Johnson công bố lệnh tái phong tỏa toàn quốc.'), [
      'LOC Anh',
      'PER Johnson',
    ]);
    assert.deepStrictEqual(found('Ở Hà Nam có 5 người.'), ['LOC Hà Nam']);
  });

  it('keeps a plural unit word outside the place (1108), and knows world regions (728)', () => {
    assert.deepStrictEqual(found('Địa bàn 3 gồm các tỉnh Bắc Trung Bộ: Thanh Hóa, Nghệ An.'), [
      'LOC Bắc Trung Bộ',
      'LOC Thanh Hóa',
      'LOC Nghệ An',
    ]);
    assert.deepStrictEqual(
      found('Loại quả lạ này được đưa tới một hòn đảo ở Jamaica từ một con tàu nô lệ từ Tây Phi.'),
      ['LOC Jamaica', 'LOC Tây Phi'],
    );
  });
});

describe('entity rules: fewer false people in business, travel and tech', () => {
  it('reads an acronym before a company word as one organisation (525, 1180)', () => {
    assert.deepStrictEqual(
      found(
        'Theo đó, VPBank đưa ra phương án chuyển nhượng tối đa 50% vốn góp của ngân hàng tại FE Credit cho các nhà đầu tư trong nước và nhà đầu tư nước ngoài.',
      ),
      ['ORG VPBank', 'ORG FE Credit'],
    );
    assert.deepStrictEqual(
      found(
        'Trao đổi với PV Dân trí, đại diện hệ thống bán lẻ FPT Shop cho biết loạt sản phẩm mới này sẽ được lên kệ chính thức tại thị trường Việt Nam.',
      ),
      ['ORG Dân trí', 'ORG FPT Shop', 'LOC Việt Nam'],
    );
  });

  it("reads a foreign company's Vietnamese arm after a list as an organisation (1050)", () => {
    const out = found(
      'Người tiêu dùng đã thấy một Xuân Hòa hoàn toàn mới thông qua các sản phẩm nội thất văn phòng cho tập đoàn Samsung Việt Nam, Panasonic Việt Nam, hệ thống ngân hàng trên toàn quốc.',
    );
    assert.ok(out.includes('ORG Panasonic Việt Nam'), out.join('; '));
    assert.ok(!out.some((m) => m.startsWith('PER')), out.join('; '));
  });

  it("reads a foreign name before a place as the company's branch or hotel there (1760, 214)", () => {
    const out = found(
      'Từ giữa năm 2019, Ngô Bội Từ cùng các con đã bị yêu cầu rời khỏi khách sạn sang trọng Four Seasons Hong Kong.',
      'Một số khu nghỉ như Flamingo Đại Lải, Flamingo Cát Bà đã kín khách từ những ngày đầu tháng 3.',
    );
    assert.ok(out.includes('ORG Four Seasons Hong Kong'), out.join('; '));
    assert.ok(out.includes('ORG Flamingo Cát Bà'), out.join('; '));
    assert.ok(out.includes('PER Ngô Bội Từ'), out.join('; '));
  });

  it('makes no person of a development, a sight or a thing with an English word in it (768, 245)', () => {
    assert.deepStrictEqual(
      found(
        'Sun Grand Boulevard ra đời với các hoạt động nghệ thuật, văn hóa, vui chơi giải trí, mua sắm sôi động ngày đêm, được kỳ vọng trở thành đòn bẩy cho sự phát triển của toàn thành phố Sầm Sơn.',
      ),
      ['LOC thành phố Sầm Sơn'],
    );
    assert.deepStrictEqual(found('Chuyện Bitcoin tăng giá khiến nhiều người bất ngờ.'), []);
  });

  it('reads a foreign name ending in a sight word as a place (314)', () => {
    assert.deepStrictEqual(
      found(
        'Chelsea đã suýt mất Stamford Bridge vào thập kỷ 1990 do nợ nần nên chủ tịch khi đó là Ken Bates đã lập ra CPO.',
      ),
      ['ORG Chelsea', 'LOC Stamford Bridge', 'PER Ken Bates'],
    );
  });

  it('reads capitals glued to a capitalised word as a company (1259)', () => {
    assert.deepStrictEqual(
      found(
        'Ông Đào Mạnh Kháng, Chủ tịch HĐQT ABBank, cho biết, năm 2021, phương án tăng vốn điều lệ đặt ngân hàng vào sân chơi với các ngân hàng lớn trong nước.',
      ),
      ['PER Đào Mạnh Kháng', 'ORG ABBank'],
    );
  });

  it("reads an organisation's short name in its article as that organisation (1583)", () => {
    const text = dumpOf([
      'Cuối tuần trước, Công ty Cổ phần Đầu tư và Công nghiệp Tân Tạo (mã chứng khoán: ITA) đã tổ chức họp đại hội đồng cổ đông thường niên 2021.\nNhà đầu tư cũng như cổ đông Tân Tạo tiếp tục dành sự quan tâm lớn đến sự xuất hiện của bà Đặng Thị Hoàng Yến.',
    ]);
    const index = extractEntities(text, parseDump(text));
    const tanTao = index.mentions.filter((m) => m.surface.endsWith('Tân Tạo'));
    assert.deepStrictEqual(
      tanTao.map((m) => `${m.type} ${m.surface}`),
      ['ORG Công ty Cổ phần Đầu tư và Công nghiệp Tân Tạo', 'ORG Tân Tạo'],
    );
    // One organisation, named by its full name.
    assert.strictEqual(new Set(tanTao.map((m) => m.entity)).size, 1);
    assert.strictEqual(index.entities.get(tanTao[0].entity)?.name, 'Công ty Cổ phần Đầu tư và Công nghiệp Tân Tạo');
  });

  it('makes no person of a state body’s head or a compound after a role (68, 1809)', () => {
    const out = found(
      'Sản phẩm giúp tối ưu hấp thu canxi theo ngưỡng nhu cầu hằng ngày được Viện dinh dưỡng Quốc gia khuyến nghị.',
    );
    assert.ok(!out.some((m) => m.startsWith('PER')), out.join('; '));
    assert.deepStrictEqual(
      found(
        'Phó Thủ tướng Thường trực Trương Hòa Bình nhấn mạnh, theo thông tin từ báo chí thì vấn nạn xe quá tải không chỉ mới tái diễn gần đây.',
      ),
      ['PER Trương Hòa Bình'],
    );
  });
});

describe('entity rules: one foreign person by the last name', () => {
  const sportIndex = (...articles: string[]) => {
    const text = articles.map((body, i) => `<<<FILE>>> sport/a${i}.txt\n${body}\n`).join('');
    return extractEntities(text, parseDump(text));
  };

  it('joins `HLV Kiatisuk` to the one Kiatisuk the corpus names in full (338, 116)', () => {
    const index = sportIndex(
      'HA Gia Lai dưới sự dẫn dắt của Zico Kiatisuk vẫn đang rất hot tại Việt Nam, họ có trận thắng 6 liên tiếp.',
      'HLV Kiatisuk đứng trước thời cơ giúp HA Gia Lai làm nên lịch sử.',
    );
    const people = index.mentions.filter((m) => m.type === 'PER');
    assert.deepStrictEqual(
      people.map((m) => m.surface),
      ['Zico Kiatisuk', 'Kiatisuk'],
    );
    assert.strictEqual(new Set(people.map((m) => m.entity)).size, 1);
  });

  it('keeps a Vietnamese given name with no cue apart from the one full name of another article (245, 554)', () => {
    const text = dumpOf([
      'Các nhà khoa học cho rằng có thể xảy ra khi nước hình thành trên bề mặt Hành tinh Đỏ.',
      'Tài năng của Củng Lợi được phát hiện vào năm 1987 khi đạo diễn Trương Nghệ Mưu tìm nữ chính cho bộ phim Cao Lương Đỏ.',
    ]);
    const index = extractEntities(text, parseDump(text));
    const first = index.mentions.filter((m) => m.articleIndex === 0);
    assert.deepStrictEqual(
      first.map((m) => `${m.type} ${m.surface}`),
      [],
    );
  });
});
