// The browser's SHA-256 compression (FIPS 180-4 §6.2.2): 8 passes of 8 rounds over a 64-word message schedule, the
// working variables renamed round by round instead of shifted, the constants computed — where `_compress.ts` unrolls
// all 64 rounds for speed. A third of the unrolled form's minified size: about 1.5 KB less min+gz in each draw bundle,
// at 1.05–1.3× its time per hash (issue 15; docs/benchmarks.md "Bundle size"). Browsers get it through the
// package.json "browser" field, which maps the built `dist/esm/draw/_shared/_compress.js` to this module's build
// (esbuild `--platform=browser`, Vite/Rolldown, webpack and Rollup's node-resolve with `browser: true` honour it); Node
// and CommonJS keep the unrolled one. The same exports; the hashers of `_sha256.ts` are shared. Differential-tested
// through every hasher against node:crypto and @noble/hashes (test/draw/sha256Compact.test.ts), and
// test/draw/sha256Browser.test.ts bundles the draw for the browser and checks this is the compression in it.

// The round constants K (FIPS 180-4 §4.2.2) and the initial hash value (§5.3.3): the first 32 bits of the fractional
// parts of the cube roots of the first 64 primes, and of the square roots of the first 8. Computed rather than listed
// (the listed numbers are 0.4 KB min+gz of every draw bundle), and exactly: the integer k-th root of p·2^(32k), from a
// floating-point estimate corrected by BigInt arithmetic, so that an engine whose Math.cbrt or Math.sqrt rounds
// differently still gets the published constants (test/draw/sha256.test.ts skews both and compares with node:crypto).
// Pure calls: a bundle that takes only the hex helpers of this module carries neither.
function fractionalRoots(k: bigint, n: number, estimate: (p: number) => number): Int32Array {
  const out = new Int32Array(n);
  for (let p = 2, i = 0; i < n; p++) {
    let prime = true;
    for (let q = 2; q * q <= p; q++) if (p % q === 0) prime = false;
    if (!prime) continue;
    const target = BigInt(p) << (32n * k);
    let x = BigInt(Math.floor(estimate(p) * 2 ** 32));
    while (x ** k > target) x--;
    while ((x + 1n) ** k <= target) x++;
    out[i++] = Number(x & 0xffffffffn);
  }
  return out;
}
const K = /* @__PURE__ */ fractionalRoots(3n, 64, Math.cbrt);
/** The initial hash value H(0) (FIPS 180-4 §5.3.3). */
export const IV: readonly number[] = /* @__PURE__ */ Array.from(fractionalRoots(2n, 8, Math.sqrt));
/** The message schedule of the block being compressed (compressions never nest: one array serves them all). */
const W = /* @__PURE__ */ new Int32Array(64);

// One compression: dst[d..d+8) = src[0..8) + rounds(src[0..8), block m[o..o+64)). src and dst may be one array (d = 0).
// The block's words are read through a DataView (getInt32: big-endian, one load and a byte swap once optimised), which
// measured 10 % faster on a 3.9 MiB text than four byte loads per word (docs/benchmarks.md, Stage 2, last pass). The
// schedule is expanded first (W[16..64) from W[0..16)); then 8 passes of 8 rounds, each round one statement per step
// with the roles of a…h rotated in the text (after 8 rounds every variable is back in its role), so no variable is
// copied per round.
export function compressBytes(src: Int32Array, m: DataView, o: number, dst: Int32Array | Uint32Array, d: number): void {
  const w = W;
  for (let i = 0; i < 16; i++) w[i] = m.getInt32(o + 4 * i);
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15] as number, y = w[i - 2] as number;
    w[i] = ((w[i - 16] as number) + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + (w[i - 7] as number) + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
  }
  let a = src[0] as number, b = src[1] as number, c = src[2] as number, d0 = src[3] as number, e = src[4] as number, f = src[5] as number, g = src[6] as number, h = src[7] as number;
  let t: number;
  for (let i = 0; i < 64; i += 8) {
    t = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + (K[i + 0] as number) + (w[i + 0] as number)) | 0;
    d0 = (d0 + t) | 0;
    h = (t + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
    t = (g + (((d0 >>> 6) | (d0 << 26)) ^ ((d0 >>> 11) | (d0 << 21)) ^ ((d0 >>> 25) | (d0 << 7))) + (f ^ (d0 & (e ^ f))) + (K[i + 1] as number) + (w[i + 1] as number)) | 0;
    c = (c + t) | 0;
    g = (t + (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) + ((h & a) | (b & (h | a)))) | 0;
    t = (f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + (e ^ (c & (d0 ^ e))) + (K[i + 2] as number) + (w[i + 2] as number)) | 0;
    b = (b + t) | 0;
    f = (t + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & h) | (a & (g | h)))) | 0;
    t = (e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + (d0 ^ (b & (c ^ d0))) + (K[i + 3] as number) + (w[i + 3] as number)) | 0;
    a = (a + t) | 0;
    e = (t + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) | (h & (f | g)))) | 0;
    t = (d0 + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + (K[i + 4] as number) + (w[i + 4] as number)) | 0;
    h = (h + t) | 0;
    d0 = (t + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) | (g & (e | f)))) | 0;
    t = (c + (((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + (K[i + 5] as number) + (w[i + 5] as number)) | 0;
    g = (g + t) | 0;
    c = (t + (((d0 >>> 2) | (d0 << 30)) ^ ((d0 >>> 13) | (d0 << 19)) ^ ((d0 >>> 22) | (d0 << 10))) + ((d0 & e) | (f & (d0 | e)))) | 0;
    t = (b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + (K[i + 6] as number) + (w[i + 6] as number)) | 0;
    f = (f + t) | 0;
    b = (t + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d0) | (e & (c | d0)))) | 0;
    t = (a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + (K[i + 7] as number) + (w[i + 7] as number)) | 0;
    e = (e + t) | 0;
    a = (t + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) | (d0 & (b | c)))) | 0;
  }
  dst[d] = ((src[0] as number) + a) | 0; dst[d + 1] = ((src[1] as number) + b) | 0; dst[d + 2] = ((src[2] as number) + c) | 0; dst[d + 3] = ((src[3] as number) + d0) | 0;
  dst[d + 4] = ((src[4] as number) + e) | 0; dst[d + 5] = ((src[5] as number) + f) | 0; dst[d + 6] = ((src[6] as number) + g) | 0; dst[d + 7] = ((src[7] as number) + h) | 0;
}
