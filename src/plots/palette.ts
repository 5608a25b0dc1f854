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

/**
 * Journal palettes of the R package ggsci (Xiao N., hex codes as in its data-raw), for
 * `--palette`; 'default' is the colour-blind-safe GROUP_PALETTE above. The journal
 * palettes are not designed for colour-blind readers.
 */
export const PALETTES = {
  default: GROUP_PALETTE,
  npg: ['#E64B35', '#4DBBD5', '#00A087', '#3C5488', '#F39B7F', '#8491B4', '#91D1C2', '#DC0000', '#7E6148', '#B09C85'],
  aaas: ['#3B4992', '#EE0000', '#008B45', '#631879', '#008280', '#BB0021', '#5F559B', '#A20056', '#808180', '#1B1919'],
  nejm: ['#BC3C29', '#0072B5', '#E18727', '#20854E', '#7876B1', '#6F99AD', '#FFDC91', '#EE4C97'],
  lancet: ['#00468B', '#ED0000', '#42B540', '#0099B4', '#925E9F', '#FDAF91', '#AD002A', '#ADB6B6', '#1B1919'],
  jama: ['#374E55', '#DF8F44', '#00A1D5', '#B24745', '#79AF97', '#6A6599', '#80796B'],
  jco: ['#0073C2', '#EFC000', '#868686', '#CD534C', '#7AA6DC', '#003C67', '#8F7700', '#3B3B3B', '#A73030', '#4A6990'],
} as const satisfies Record<string, readonly string[]>;

export type PaletteName = keyof typeof PALETTES;

export const PALETTE_NAMES = Object.keys(PALETTES) as PaletteName[];

/** `n` group colours from a palette (default GROUP_PALETTE), cycled when n exceeds its length. */
export function groupColors(n: number, palette: PaletteName = 'default'): string[] {
  const colors: readonly string[] = PALETTES[palette] ?? GROUP_PALETTE;
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(colors[i % colors.length]);
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
