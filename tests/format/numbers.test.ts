import { describe, expect, it } from 'vitest';
import { formatConfLevel, formatHr, formatP, formatPValue, formatRatio, pEquals } from '../../src/format/numbers.js';

describe('numbers for people', () => {
  it('formats p-values like R with 3 significant digits', () => {
    expect(formatPValue(0.302591116989095)).toBe('0.303');
    expect(formatPValue(0.0325901685216718)).toBe('0.0326');
    expect(formatPValue(0.05)).toBe('0.05');
    expect(formatPValue(1)).toBe('1');
    expect(formatPValue(0.001)).toBe('0.001');
    expect(formatPValue(0.000999)).toBe('9.99e-04');
    expect(formatPValue(1.2e-5)).toBe('1.2e-05');
    expect(formatPValue(2.54823804856681e-24)).toBe('2.55e-24');
    expect(formatPValue(1e-320)).toBe('< 1e-300');
    expect(formatPValue(0)).toBe('< 1e-300');
    expect(formatPValue(NaN)).toBe('NA');
    expect(formatP(null)).toBe('NA');
  });
  it('labels a p-value with = or <', () => {
    expect(pEquals(0.0123)).toBe('p = 0.0123');
    expect(pEquals(0)).toBe('p < 1e-300');
    expect(pEquals(0.2, 'FDR')).toBe('FDR = 0.2');
  });
  it('formats ratios with 2 decimals and confidence levels as percentages', () => {
    expect(formatRatio(2.63296546641128)).toBe('2.63');
    expect(formatRatio(0.0456)).toBe('0.046');
    expect(formatRatio(265573880)).toBe('265573880');
    expect(formatHr(null)).toBe('NA');
    expect(formatConfLevel(0.95)).toBe('95%');
    expect(formatConfLevel(0.995)).toBe('99.5%');
  });
});
