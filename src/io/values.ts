// Cell-level parsing shared by clinical and score tables: numbers and event codes.
import { isMissingToken } from './missing.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number as written in a table (` 12 `, `+5`, `1e-3`, `Inf`), NaN for a missing token, undefined when not a number. */
export function parseNumberCell(cell: string): number | undefined {
  if (isMissingToken(cell)) return NaN;
  const s = cell.trim();
  if (NUMBER.test(s)) return Number(s);
  const lower = s.toLowerCase();
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  return undefined;
}

const EVENT_WORDS: Record<string, 0 | 1> = {
  '0': 0, '1': 1, 'true': 1, 'false': 0, 't': 1, 'f': 0,
  'alive': 0, 'dead': 1, 'living': 0, 'deceased': 1, 'censored': 0, 'event': 1,
  '0:living': 0, '1:deceased': 1, '0:alive': 0, '1:dead': 1,
  '0:diseasefree': 0, '1:recurred/progressed': 1, '0:censored': 0, '1:event': 1,
};

export interface EventParse {
  /** 0/1, or -1 where missing. */
  codes: Int8Array;
  /** Offending distinct values (original text) with the first row index where each appears. */
  unknown: Map<string, number>;
  coding: '0/1' | '1/2' | 'words';
}

/** Event codes per the contract: 0/1, R's 1/2 (only when every value is 1 or 2 and some are 2), TRUE/FALSE, alive/dead, 0:LIVING/1:DECEASED. */
export function parseEventCells(cells: string[]): EventParse {
  const codes = new Int8Array(cells.length);
  const unknown = new Map<string, number>();
  let allOneTwo = true;
  let anyTwo = false;
  let anyWord = false;
  const normalized: string[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    if (isMissingToken(cells[i])) { normalized[i] = ''; continue; }
    let s = cells[i].trim().toLowerCase().replace(/\s+/g, '');
    const n = parseNumberCell(s);
    if (n !== undefined && Number.isFinite(n) && Number.isInteger(n)) s = String(n); // "1.0", "+1" → "1"
    normalized[i] = s;
    if (s === '2') anyTwo = true;
    else if (s !== '1') allOneTwo = false;
    if (!/^\d+$/.test(s)) anyWord = true;
  }
  const oneTwo = allOneTwo && anyTwo;
  for (let i = 0; i < cells.length; i++) {
    const s = normalized[i];
    if (s === '') { codes[i] = -1; continue; }
    if (oneTwo) { codes[i] = s === '2' ? 1 : 0; continue; }
    const code = EVENT_WORDS[s];
    if (code === undefined) {
      codes[i] = -1;
      const original = cells[i].trim();
      if (!unknown.has(original)) unknown.set(original, i);
    } else codes[i] = code;
  }
  return { codes, unknown, coding: oneTwo ? '1/2' : anyWord ? 'words' : '0/1' };
}
