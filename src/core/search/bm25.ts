/** BM25's term-frequency saturation, the same for words and for the proximity tier's pairs. */
export const K1 = 1.2;

/** BM25's inverse document frequency of a term (or pair) in `df` of `n` articles, never negative. */
export const bm25Idf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));
