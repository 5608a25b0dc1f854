// Byte-level parsing for the streaming expression-matrix reader (src/io/matrix.ts):
// numbers are read straight from the bytes of a line, without a string per cell.
//
// Number parsing is exact: the result always equals JavaScript's Number() of the same
// text. Up to 15 significant digits are accumulated as an integer m (< 2^53, exact)
// and scaled by an exact power of ten 10^k with |k| <= 22 — a single IEEE operation on
// exact operands, hence correctly rounded (Clinger's fast path). Longer mantissas and
// larger exponents fall back to Number() on the cell's text. Whatever the fast path
// does not recognise (spaces, quotes, `Inf`, missing tokens, words) goes through
// parseNumberCell, the rule every other table in the project uses.
import { parseNumberCell } from './values.js';

const POW10 = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

// Set by scanNumber: where the number's text ended, and whether it had number syntax.
let scanEnd = 0;
let scanValid = false;

/**
 * Reads `[+-]digits[.digits][(e|E)[+-]digits]` (at least one mantissa digit) starting
 * at `p`; stops at the first byte that cannot continue it. Leaves the end in scanEnd and
 * scanValid = false when the syntax is incomplete. `buf[end]` must not be a digit,
 * sign, `.` or `e` for a field ending at `end` (a line end or delimiter guarantees it).
 * Fast path: at most 15 mantissa digits in all (leading zeros included), so the
 * integer accumulated needs no checks; longer mantissas go through scanLong.
 */
function scanNumber(buf: Uint8Array, p: number): number {
  const start = p;
  let c = buf[p];
  let neg = false;
  if (c === 45) { neg = true; c = buf[++p]; } else if (c === 43) c = buf[++p];
  let mant = 0;
  const d0 = p;
  while (c >= 48 && c <= 57) { mant = mant * 10 + (c - 48); c = buf[++p]; }
  let digits = p - d0;
  let exp = 0;
  if (c === 46) {
    c = buf[++p];
    const f0 = p;
    while (c >= 48 && c <= 57) { mant = mant * 10 + (c - 48); c = buf[++p]; }
    exp = f0 - p;
    digits -= exp;
  }
  if (digits === 0) { scanValid = false; scanEnd = p; return NaN; }
  if (digits > 15) return scanLong(buf, start);
  if (c === 101 || c === 69) {
    c = buf[++p];
    let eneg = false;
    if (c === 45) { eneg = true; c = buf[++p]; } else if (c === 43) c = buf[++p];
    let ev = 0;
    const e0 = p;
    while (c >= 48 && c <= 57) {
      if (ev < 1e6) ev = ev * 10 + (c - 48);
      c = buf[++p];
    }
    if (p === e0) { scanValid = false; scanEnd = p; return NaN; }
    exp += eneg ? -ev : ev;
  }
  scanValid = true;
  scanEnd = p;
  let v: number;
  if (mant === 0) v = 0;
  else if (exp === 0) v = mant;
  else if (exp > 22 || exp < -22) return Number(latin1(buf, start, p));
  else if (exp > 0) v = mant * POW10[exp];
  else v = mant / POW10[-exp];
  return neg ? -v : v;
}

/** scanNumber for mantissas of more than 15 digits: keeps 15 significant digits, else Number(). */
function scanLong(buf: Uint8Array, p: number): number {
  const start = p;
  let c = buf[p];
  let neg = false;
  if (c === 45) { neg = true; c = buf[++p]; } else if (c === 43) c = buf[++p];
  let mant = 0;
  let sig = 0; // significant digits held in mant
  let exp = 0;
  let exact = true;
  while (c >= 48 && c <= 57) {
    if (sig < 15) {
      if (mant !== 0 || c !== 48) { mant = mant * 10 + (c - 48); sig++; }
    } else {
      exp++;
      if (c !== 48) exact = false;
    }
    c = buf[++p];
  }
  if (c === 46) {
    c = buf[++p];
    while (c >= 48 && c <= 57) {
      if (sig < 15) {
        if (mant !== 0 || c !== 48) { mant = mant * 10 + (c - 48); sig++; }
        exp--;
      } else if (c !== 48) exact = false;
      c = buf[++p];
    }
  }
  if (c === 101 || c === 69) {
    c = buf[++p];
    let eneg = false;
    if (c === 45) { eneg = true; c = buf[++p]; } else if (c === 43) c = buf[++p];
    let ev = 0;
    let ed = 0;
    while (c >= 48 && c <= 57) {
      if (ev < 1e6) ev = ev * 10 + (c - 48);
      ed++;
      c = buf[++p];
    }
    if (ed === 0) { scanValid = false; scanEnd = p; return NaN; }
    exp += eneg ? -ev : ev;
  }
  scanValid = true;
  scanEnd = p;
  let v: number;
  if (mant === 0) v = 0;
  else if (!exact || exp > 22 || exp < -22) return Number(latin1(buf, start, p));
  else if (exp === 0) v = mant;
  else if (exp > 0) v = mant * POW10[exp];
  else v = mant / POW10[-exp];
  return neg ? -v : v;
}

function latin1(buf: Uint8Array, s: number, e: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('latin1');
}

function utf8(buf: Uint8Array, s: number, e: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('utf8');
}

/**
 * The number in bytes [start, end) when they are exactly a plain decimal number
 * (the fast path of the reader), else undefined. Equals Number() of the same text.
 */
export function parseNumberBytes(buf: Uint8Array, start: number, end: number): number | undefined {
  if (end <= start) return undefined;
  // scanNumber needs a non-number byte at `end`: copy when the text continues.
  const c = end < buf.length ? buf[end] : -1;
  const terminated = !((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 69 || c === 101);
  const b = terminated ? buf : buf.subarray(start, end);
  const s = terminated ? start : 0;
  const e = terminated ? end : end - start;
  const v = scanNumber(b, s);
  return scanValid && scanEnd === e ? v : undefined;
}

/** A cell's text: quotes removed (`""` → `"`), surrounding spaces trimmed. Sets fieldEnd. */
let fieldEnd = 0;
function readField(buf: Uint8Array, p: number, e: number, delim: number): string {
  if (buf[p] === 34) {
    let text = '';
    let q = p + 1;
    let from = q;
    for (; q < e; q++) {
      if (buf[q] === 34) {
        if (buf[q + 1] === 34 && q + 1 < e) { text += utf8(buf, from, q + 1); q++; from = q + 1; continue; }
        break;
      }
    }
    text += utf8(buf, from, Math.min(q, e));
    q = Math.min(q + 1, e);
    const after = q;
    while (q < e && buf[q] !== delim) q++;
    if (q > after) text += utf8(buf, after, q);
    fieldEnd = q;
    return text.trim();
  }
  let q = p;
  while (q < e && buf[q] !== delim) q++;
  fieldEnd = q;
  return utf8(buf, p, q).trim();
}

/** The row ID (first field) of the line [p, e); the values start at idEnd + 1. */
export let idEnd = 0;
export function parseIdField(buf: Uint8Array, p: number, e: number, delim: number): string {
  const id = readField(buf, p, e, delim);
  idEnd = fieldEnd;
  return id;
}

/** Outcome of parseRowValues (one reused object; read it before the next call). */
export const rowResult = {
  /** 'ok', 'count' (wrong number of fields), 'text' (a cell that is not a number). */
  status: 'ok' as 'ok' | 'count' | 'text',
  /** Cells read as missing (NaN). */
  missing: 0,
  /** Cells read as Inf or -Inf (written so, or beyond the range of a double). */
  nonFinite: 0,
  /** 0-based value column of the bad cell ('text'). */
  field: -1,
  /** The bad cell's text ('text'). */
  text: '',
  /** Value fields on the line ('count'). */
  fields: 0,
};

/**
 * Parses the n value fields of the line [p, e) (p = first byte after the ID field's
 * delimiter, or e when there is none) into out[off .. off+n). `buf[e]` must be a line
 * end byte or past the end of buf. Missing tokens become NaN and are counted.
 */
export function parseRowValues(buf: Uint8Array, p: number, e: number, hasValues: boolean, delim: number, out: Float64Array, off: number, n: number): typeof rowResult {
  const res = rowResult;
  res.status = 'ok';
  res.missing = 0;
  res.nonFinite = 0;
  if (!hasValues) {
    if (n === 0) return res;
    res.status = 'count';
    res.fields = 0;
    return res;
  }
  let j = 0;
  for (;;) {
    if (j === n) {
      let extra = 1;
      for (let q = p; q < e; q++) if (buf[q] === delim) extra++;
      res.status = 'count';
      res.fields = n + extra;
      return res;
    }
    // Inline fast path for the common `[-]digits[.digits]` of at most 15 digits.
    let q = p;
    let c = buf[q];
    const neg = c === 45;
    if (neg) c = buf[++q];
    let mant = 0;
    const d0 = q;
    while (c >= 48 && c <= 57) { mant = mant * 10 + (c - 48); c = buf[++q]; }
    let digits = q - d0;
    let frac = 0;
    if (c === 46) {
      c = buf[++q];
      const f0 = q;
      while (c >= 48 && c <= 57) { mant = mant * 10 + (c - 48); c = buf[++q]; }
      frac = q - f0;
      digits += frac;
    }
    let v: number;
    if (digits > 0 && digits <= 15 && (c === delim || q === e)) {
      v = frac === 0 ? mant : mant / POW10[frac];
      if (neg) v = -v;
      p = q;
    } else if ((v = scanNumber(buf, p)), scanValid && (scanEnd === e || buf[scanEnd] === delim)) {
      p = scanEnd;
      if (v === Infinity || v === -Infinity) res.nonFinite++;
    } else {
      const text = readField(buf, p, e, delim);
      p = fieldEnd;
      const parsed = parseNumberCell(text);
      if (parsed === undefined) {
        res.status = 'text';
        res.field = j;
        res.text = text;
        return res;
      }
      if (Number.isNaN(parsed)) res.missing++;
      else if (parsed === Infinity || parsed === -Infinity) res.nonFinite++;
      v = parsed;
    }
    out[off + j] = v;
    j++;
    if (p >= e) break;
    p++; // the delimiter
  }
  if (j !== n) {
    res.status = 'count';
    res.fields = j;
  }
  return res;
}
