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
