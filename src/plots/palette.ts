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
