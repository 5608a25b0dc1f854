// Flag value parsers shared by the commands; a bad value is a usage error (exit 2).
import { UsageError } from '../errors.js';

export function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

export function numberList(flag: string) {
  return (value: string): number[] => {
    const xs = list(value).map(Number);
    if (xs.length === 0 || xs.some((x) => !Number.isFinite(x) || x < 0)) {
      throw new UsageError(`${flag} "${value}" must be a comma-separated list of non-negative numbers, e.g. 365,730.`);
    }
    return xs;
  };
}

export function numberIn(flag: string, lo: number, hi: number, openLo = true) {
  return (value: string): number => {
    const x = Number(value);
    if (!Number.isFinite(x) || (openLo ? x <= lo : x < lo) || x >= hi) {
      throw new UsageError(`${flag} "${value}" must be a number ${openLo ? 'above' : 'at least'} ${lo} and below ${hi}.`);
    }
    return x;
  };
}

export function positiveInt(flag: string) {
  return (v: string): number => {
    const x = Number(v);
    if (!Number.isInteger(x) || x < 1) throw new UsageError(`${flag} "${v}" must be a whole number of at least 1.`);
    return x;
  };
}

/** --roc-times: distinct positive times, kept as written too (pancan.tsv's `auc_<T>` columns). */
export function timeList(flag: string) {
  return (value: string): { times: number[]; labels: string[] } => {
    const labels = value.split(',').map((s) => s.trim());
    const bad = labels.filter((s) => s === '' || !Number.isFinite(Number(s)) || Number(s) <= 0);
    if (labels.length === 0 || bad.length > 0) {
      throw new UsageError(`${flag} "${value}" must be a comma-separated list of times above 0 in the --time-in unit, e.g. 365,1095,1825` +
        `${bad.length ? ` (not a positive number: ${bad.map((s) => JSON.stringify(s)).join(', ')})` : ''}.`);
    }
    const times = labels.map(Number);
    const repeated = labels.filter((_, i) => times.indexOf(times[i]) !== i);
    if (repeated.length) throw new UsageError(`${flag} "${value}" gives the time ${repeated.join(', ')} more than once; list each time once.`);
    return { times, labels };
  };
}
