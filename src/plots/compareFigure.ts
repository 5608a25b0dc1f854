// The pan-cancer case-versus-reference figure of `migrascore compare` as a Vega-Lite spec,
// as papers draw it (ggpubr ggboxplot + stat_compare_means, GEPIA2, TIMER2): per cancer
// (x, in the order of the rows) the case and reference boxes side by side — box = quartiles
// as R quantile type 7, whiskers to the most extreme values within 1.5 × IQR (ggplot2's
// stat_boxplot) — over the samples as small jittered points, n under each box, and the
// FDR stars above each cancer. One cancer is drawn as a two-box figure with its p written
// out. Positions are computed here in pixels (x) so that 1 to 33+ cancers lay out alike.
// Pure: same input → same JSON (jitter from a hash of the sample ID, data inline, no NaN).

import type { TopLevelSpec } from 'vega-lite';
import type { CompareLevels, CompareRow, CompareSample } from '../compare/types.js';
import { pEquals } from '../format/numbers.js';
import { mulberry32 } from '../random.js';
import { AXIS_COLOR, LABEL_SIZE, layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE, TEXT_COLOR, textLayers, type TextCell } from './figureStyle.js';
import { boxLayers, bracket, scorePointLayer, compareColors, fdrStars, keyMarkLayers, keyRow, px, scoreY, segmentLayer, starKeyText, STRIP, wrapWords, yDomain, type DrawnBox, type Segment } from './compareStyle.js';
import { estimateTextWidth } from './render.js';
import { boxStats, hashString } from './scoreDistributionFigure.js';

export interface CompareFigureInput {
  samples: CompareSample[];
  /** One row per compared cancer, in drawing order (skipped cancers are not drawn). */
  rows: CompareRow[];
  levels: CompareLevels;
  /** y-axis title with the method, e.g. "migrasome-core score (ssGSEA)". */
  scoreLabel: string;
  /** Default: "<scoreLabel>: <case> vs <reference>". */
  title?: string;
  subtitle?: string;
  /** Case and reference colours (the first two); default Okabe–Ito vermillion and blue. */
  palette?: string[];
  /** The largest FDR marked significant ('*'; default 0.05). */
  fdrThreshold?: number;
  /** Plot width in pixels (default: grows with the cancers) and height (default 300). */
  width?: number;
  height?: number;
}

const TEST_NOTE = 'two-sided Wilcoxon rank-sum test';

/** Plot width per cancer: 240 px for one, else 900 px shared, within 44–110 px. */
function cancerStep(k: number, width?: number): number {
  if (width !== undefined && width > 0) return width / Math.max(1, k);
  return k <= 1 ? 240 : Math.max(44, Math.min(110, Math.floor(900 / k)));
}

/** The case-versus-reference box-and-points figure as a layered Vega-Lite spec. */
export function compareFigure(input: CompareFigureInput): TopLevelSpec {
  const threshold = input.fdrThreshold ?? 0.05;
  const { case: caseName, reference } = input.levels;
  const seen = new Set<string>();
  const rows = input.rows.filter((r) => !seen.has(r.cancer) && seen.add(r.cancer));
  const k = rows.length;
  const single = k === 1;
  const colors = compareColors(input.palette);
  const H = input.height ?? 300;
  const step = cancerStep(k, input.width);
  const W = step * Math.max(1, k);
  const offset = step * (single ? 0.24 : 0.22);
  const boxW = Math.max(6, Math.min(56, step * (single ? 0.3 : 0.3)));

  // the drawn samples, by cancer and group
  const index = new Map(rows.map((r, i) => [r.cancer, i]));
  const roles = [caseName, reference];
  const scores: number[][][] = rows.map(() => [[], []]);
  const pointsOf: { sample: string; score: number; i: number; g: number }[] = [];
  for (const s of input.samples) {
    const i = index.get(s.cancer);
    const g = roles.indexOf(s.group);
    if (i === undefined || g < 0 || !Number.isFinite(s.score)) continue;
    scores[i][g].push(s.score);
    pointsOf.push({ sample: s.sample, score: s.score, i, g });
  }
  const [y0, y1] = yDomain(pointsOf.map((p) => p.score));
  const centre = (i: number, g: number) => (i + 0.5) * step + (g === 0 ? -offset : offset);

  const boxes: (DrawnBox & { cancer: string; group: string; n: number })[] = [];
  rows.forEach((r, i) => {
    for (const g of [0, 1]) {
      const st = boxStats(scores[i][g]);
      const x = centre(i, g);
      if (st) boxes.push({ ...st, cancer: r.cancer, group: roles[g], color: colors[g], x, x0: x - boxW / 2, x1: x + boxW / 2 });
    }
  });
  const jitterW = boxW * 0.8;
  const points = pointsOf.map((p) => ({
    x: Number((centre(p.i, p.g) + (mulberry32(hashString(p.sample))() - 0.5) * jitterW).toFixed(2)),
    score: p.score,
    color: colors[p.g],
    sample: p.sample,
  }));
  const many = points.length;
  const pointSize = many > 4000 ? 5 : many > 1000 ? 8 : many > 200 ? 12 : 18;
  const pointOpacity = many > 4000 ? 0.3 : many > 1000 ? 0.4 : 0.55;

  // text: FDR marks (or the p of the single comparison) above, n and labels below
  const text: TextCell[] = [];
  const brackets: Segment[] = [];
  rows.forEach((r, i) => {
    const mark = single ? pEquals(r.p, 'Wilcoxon p') : fdrStars(r.fdr, threshold);
    const br = bracket(centre(i, 0), centre(i, 1), mark);
    brackets.push(...br.segments);
    const starred = mark.startsWith('*');
    // stars sit low in their line box: moved down onto the bracket
    if (single) text.push(br.text);
    else text.push({ ...br.text, y: starred ? br.text.y + 6 : br.text.y + 1, bold: starred, size: starred ? 14 : NOTE_SIZE, color: starred ? TEXT_COLOR : MUTED_TEXT_COLOR });
  });

  const nSize = NOTE_SIZE - (k > 12 ? 1 : 0);
  const nTexts = rows.flatMap((r) => [`n=${r.n_case}`, `n=${r.n_reference}`]);
  const nWide = Math.max(0, ...nTexts.map((t) => estimateTextWidth(t, nSize)));
  const nFlat = nWide <= 2 * offset - 4;
  let below = H + 5;
  if (single) {
    // one comparison: the group names under the boxes, n under the names
    roles.forEach((name, g) => {
      text.push({ x: centre(0, g), y: below, text: name, align: 'center', baseline: 'top', size: LABEL_SIZE });
      text.push({ x: centre(0, g), y: below + 16, text: nTexts[g], align: 'center', baseline: 'top', size: nSize, color: MUTED_TEXT_COLOR });
    });
    below += 16 + nSize + 4;
    if (rows[0].cancer !== 'all') {
      text.push({ x: W / 2, y: below + 4, text: rows[0].cancer, align: 'center', baseline: 'top', bold: true });
      below += LABEL_SIZE + 6;
    }
  } else {
    rows.forEach((_r, i) =>
      [0, 1].forEach((g) => {
        const t = nTexts[2 * i + g];
        text.push(nFlat ? { x: centre(i, g), y: below, text: t, align: 'center', baseline: 'top', size: nSize, color: MUTED_TEXT_COLOR } : { x: centre(i, g), y: below, text: t, align: 'right', angle: 270, size: nSize, color: MUTED_TEXT_COLOR });
      }),
    );
    below += (nFlat ? nSize + 2 : Math.ceil(nWide)) + 7;
    const labelWide = Math.max(0, ...rows.map((r) => estimateTextWidth(r.cancer, LABEL_SIZE)));
    const flat = labelWide <= step - 6;
    rows.forEach((r, i) => {
      const x = (i + 0.5) * step;
      text.push(flat ? { x, y: below, text: r.cancer, align: 'center', baseline: 'top' } : { x, y: below, text: r.cancer, align: 'right', angle: 270 });
    });
    below += flat ? LABEL_SIZE + 2 : Math.ceil(labelWide);
  }
  if (k === 0) text.push({ x: W / 2, y: (H + STRIP) / 2, text: 'no cancers compared', align: 'center', italic: true, color: MUTED_TEXT_COLOR });

  // key and notes under the figure
  const keyLeft = -40;
  const right = Math.max(W, 360);
  const key = keyRow(
    [
      ...(single ? [] : roles.map((name, g) => ({ kind: 'swatch' as const, color: colors[g], label: name }))),
      { kind: 'box', color: AXIS_COLOR, label: 'median and quartiles; whiskers to 1.5 \u00d7 IQR; points: samples' },
    ],
    keyLeft,
    below + 22,
    right,
  );
  text.push(...key.text);
  const method = rows[0]?.method === 'exact' ? 'exact' : rows[0]?.method === 'normal' ? 'normal approximation' : null;
  const notes = single
    ? [`p: ${TEST_NOTE}${method ? ` (${method})` : ''}.`]
    : [`${starKeyText(threshold)}.`, `p: ${TEST_NOTE} per cancer; FDR: Benjamini\u2013Hochberg over cancers.`];
  const lines = notes.flatMap((t) => wrapWords(t, right - keyLeft));
  lines.forEach((t, j) => text.push({ x: keyLeft, y: key.bottom + 20 + 15 * j, text: t, size: NOTE_SIZE, color: MUTED_TEXT_COLOR }));

  // layers: zebra bands, points, boxes, brackets, the x axis line, key, text
  const yv = (field: string) => scoreY(field, [y0, y1], H, input.scoreLabel);
  const bands = rows.map((_r, i) => ({ x: i * step, x2: (i + 1) * step })).filter((_b, i) => i % 2 === 1);
  const boxTooltip = [
    { field: 'cancer', type: 'nominal', title: 'Cancer' },
    { field: 'group', type: 'nominal', title: 'Group' },
    { field: 'n', type: 'quantitative', title: 'n' },
    { field: 'median', type: 'quantitative', title: 'Median', format: '.4~g' },
    { field: 'q1', type: 'quantitative', title: 'Q1', format: '.4~g' },
    { field: 'q3', type: 'quantitative', title: 'Q3', format: '.4~g' },
  ];
  const layers: object[] = [
    { data: { values: bands }, mark: { type: 'rect', y: STRIP, y2: H, color: '#f6f6f6', stroke: null }, encoding: { x: px('x'), x2: { field: 'x2' } } },
    // no ARIA label per point: it would triple the SVG of a TCGA run (11,000 samples)
    scorePointLayer(points, yv, { size: pointSize, opacity: pointOpacity, stroke: null, aria: false }, { field: 'sample', title: 'Sample' }),
    ...boxLayers(boxes, yv, boxTooltip),
    segmentLayer(brackets),
    segmentLayer([{ x: 0, x2: W, y: H, y2: H }], 1),
    ...keyMarkLayers(key.marks),
    ...textLayers(text),
  ];

  return layeredFigure({
    description: `${input.scoreLabel}: ${caseName} vs ${reference} per cancer (box and points; ${TEST_NOTE}, FDR marks)`,
    title: input.title ?? `${input.scoreLabel}: ${caseName} vs ${reference}`,
    subtitle: input.subtitle,
    width: W,
    height: H,
    layer: layers,
  });
}
