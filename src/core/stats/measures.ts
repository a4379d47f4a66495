/**
 * The association and keyness measures, each as its source writes it. Logs of zero counts are
 * taken as 0 (x ln x → 0 as x → 0), as log-likelihood calculators do.
 */

const xlnx = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);

/**
 * Log-likelihood G² of a 2×2 contingency table (Dunning 1993, "Accurate methods for the statistics
 * of surprise and coincidence"; Evert 2008): G² = 2 Σ O_ij ln(O_ij / E_ij), E_ij = R_i C_j / N.
 * o11 the pair, o12 row 1 without it, o21 column 1 without it, o22 the rest.
 */
export function logLikelihood2x2(o11: number, o12: number, o21: number, o22: number): number {
  const n = o11 + o12 + o21 + o22;
  if (n <= 0) return 0;
  const r1 = o11 + o12;
  const r2 = o21 + o22;
  const c1 = o11 + o21;
  const c2 = o12 + o22;
  return (
    2 * (xlnx(o11, (r1 * c1) / n) + xlnx(o12, (r1 * c2) / n) + xlnx(o21, (r2 * c1) / n) + xlnx(o22, (r2 * c2) / n))
  );
}

/** logDice = 14 + log2(2·f(x,y) / (f(x) + f(y))) (Rychlý 2008, "A lexicographer-friendly association score"). */
export function logDice(o: number, fNode: number, fCollocate: number): number {
  return 14 + Math.log2((2 * o) / (fNode + fCollocate));
}

/** Mutual information MI = log2(O / E) (Church & Hanks 1990), E from the window (see collocates.ts). */
export function mutualInformation(o: number, e: number): number {
  return Math.log2(o / e);
}

/** t-score = (O − E) / √O (Church, Gale, Hanks & Hindle 1991). */
export function tScore(o: number, e: number): number {
  return (o - e) / Math.sqrt(o);
}

/**
 * Keyness log-likelihood (Rayson & Garside 2000, "Comparing corpora using frequency profiling"):
 * a = frequency in the focus corpus of size c, b = in the reference of size d;
 * E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), LL = 2(a ln(a/E1) + b ln(b/E2)).
 */
export function keynessLogLikelihood(a: number, b: number, c: number, d: number): number {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  return 2 * (xlnx(a, e1) + xlnx(b, e2));
}

/**
 * Log ratio = log2((a/c) / (b/d)) (Hardie 2014, "Log Ratio: an informal introduction", CASS): a zero
 * frequency is taken as 0.5, as Hardie advises, so the ratio stays finite.
 */
export function logRatio(a: number, b: number, c: number, d: number): number {
  return Math.log2(Math.max(a, 0.5) / c / (Math.max(b, 0.5) / d));
}

/**
 * Simple maths = (fpm_focus + N) / (fpm_reference + N), frequencies per million words
 * (Kilgarriff 2009, "Simple maths for keywords"; Sketch Engine's keyword score, N = 1 by default).
 */
export function simpleMaths(a: number, b: number, c: number, d: number, n = 1): number {
  return ((a / c) * 1e6 + n) / ((b / d) * 1e6 + n);
}

/**
 * Gries' DP (Gries 2008, "Dispersions and adjusted frequencies in corpora"): with parts i of relative
 * size s_i and v_i the share of the word's frequency in part i, DP = ½ Σ |v_i − s_i|; 0 is perfectly
 * even, near 1 all in one small part. Parts here are articles. Accumulated over the parts that have
 * the word only: the parts without it add Σ s_i over them = 1 − Σ s_i over the parts with it.
 */
export function dpFrom(sumAbsWithWord: number, sumSizeWithWord: number): number {
  return 0.5 * (sumAbsWithWord + Math.max(0, 1 - sumSizeWithWord));
}

/** Per million: f / N · 10⁶. */
export const perMillion = (f: number, n: number) => (n > 0 ? (f / n) * 1e6 : 0);

/** Least-squares slope of y over x = 0, 1, …: Σ(x−x̄)(y−ȳ) / Σ(x−x̄)². */
export function slope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) * (x - mx);
  });
  return num / den;
}
