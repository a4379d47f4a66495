// Three articles, 21 words, for the statistics tests worked out by hand. Folded:
//   a (2022-01-10): hop tac kinh te hop tac va phat trien   (9)
//   b (2022-02-03): kinh te nga hop tac voi an do           (8)
//   c (2022-03-05): nga va an do                            (4)
export const STATS_FIXTURE = [
  '<<<FILE>>> a',
  ' date 2022-01-10 Hợp tác kinh tế. Hợp tác và phát triển.',
  '<<<FILE>>> b',
  'source: Ngày Nay',
  ' date 2022-02-03 Kinh tế Nga hợp tác với Ấn Độ.',
  '<<<FILE>>> c',
  ' date 2022-03-05 Nga và Ấn Độ.',
  '',
].join('\n');
