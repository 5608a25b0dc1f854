// Colour-blind-safe colours (Okabe & Ito, 2008, "Color Universal Design").

/** The eight Okabe–Ito colours in their canonical order. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/**
 * Okabe–Ito reordered for group curves and coloured text on white: the first two
 * (blue, vermillion) make the strongest pair for two-group plots, and yellow, which
 * is hard to read as text on white, comes last.
 */
export const GROUP_PALETTE: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** `n` group colours from GROUP_PALETTE (cycled when n exceeds its length). */
export function groupColors(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(GROUP_PALETTE[i % GROUP_PALETTE.length]);
  return out;
}

/** Marks of a significant hazard ratio > 1 (higher risk) in forest plots: Okabe–Ito vermillion. */
export const RISK_COLOR = OKABE_ITO.vermillion;
/** Marks of a significant hazard ratio < 1 (lower risk) in forest plots: Okabe–Ito blue. */
export const PROTECTIVE_COLOR = OKABE_ITO.blue;
/** Marks that are not significant: dark grey. */
export const NEUTRAL_MARK = '#4d4d4d';
/** Cells without a value (not estimable, no data). */
export const MISSING_FILL = '#d9d9d9';

/**
 * Diverging blue–white–red (ColorBrewer RdBu, 9 classes, blue end first): colour-blind
 * safe, for values centred on 0 such as log2 hazard ratios (blue < 0 < red).
 */
export const DIVERGING_BLUE_RED: readonly string[] = [
  '#2166ac',
  '#4393c3',
  '#92c5de',
  '#d1e5f0',
  '#f7f7f7',
  '#fddbc7',
  '#f4a582',
  '#d6604d',
  '#b2182b',
];
