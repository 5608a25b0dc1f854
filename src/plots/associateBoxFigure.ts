// The score by the levels of one categorical variable (stage, grade, immune subtype) in
// `migrascore associate`, as papers draw it with ggpubr (ggboxplot + stat_compare_means):
// one panel per cancer (facet_wrap), a box per level in the given order over the samples
// as jittered points, n under each box, the overall test in the panel's title (R
// kruskal.test; wilcox.test for two levels) and brackets for the pairs whose BH-adjusted
// pairwise.wilcox.test p is below the threshold, with ggpubr's stars — only those, so that
// six pairs of four stages stay readable. Levels dropped by --min-level are not drawn
// (the test did not see them) and are listed under the figure.
// Pure: same input → same JSON (jitter from a hash of the sample ID, data inline).

import type { TopLevelSpec } from 'vega-lite';
import { formatCount } from '../format/numbers.js';
import { mulberry32 } from '../random.js';
import { moreStarsText, testPhrases, wrapPhrases } from './associateStyle.js';
import type { AssociatePair, AssociateRow, AssociateSkipped } from '../associate/types.js';
import { variableLabel, type VariableLabels } from './associateTypes.js';
import { boxLayers, bracket, fdrStars, scorePointLayer, scoreY, segmentLayer, wrapWords, yDomain, type DrawnBox, type Segment } from './compareStyle.js';
import { AXIS_COLOR, LABEL_SIZE, MUTED_TEXT_COLOR, NOTE_SIZE, TEXT_COLOR, TITLE_SIZE, textLayers, type TextCell } from './figureStyle.js';
import { GROUP_PALETTE } from './palette.js';
import { gridColumns, panelGrid, panelTitle, rowMax } from './panelGrid.js';
import { estimateTextWidth } from './render.js';
import { boxStats, hashString } from './scoreDistributionFigure.js';

export interface AssociateBoxSample {
  sample: string;
  cancer: string;
  /** The sample's level of the variable; null when missing. */
  level: string | null;
  score: number;
}

export interface AssociateBoxInput {
  variable: string;
  labels?: VariableLabels;
  /** The levels in drawing order (e.g. Stage I, II, III, IV); samples of other levels are not drawn. */
  levels: string[];
  /** Panels, in reading order ("all" when pooled). */
  cancers: string[];
  samples: AssociateBoxSample[];
  /** associate.tsv rows (those of `variable` are used). */
  tests: AssociateRow[];
  pairs?: AssociatePair[];
  /** associate_skipped.tsv rows: dropped levels are not drawn; an untested variable's reason is shown. */
  skipped?: AssociateSkipped[];
  /** y-axis title, e.g. "migrasome-core score (ssGSEA)". */
  scoreLabel: string;
  /** Default: "<scoreLabel> by <variable label>". */
  title?: string;
  subtitle?: string;
  /** Level colours, in the order of `levels` (cycled); default the Okabe–Ito group palette. */
  palette?: string[];
  /** Pairs with BH-adjusted p below this get a bracket (default 0.05). */
  pairThreshold?: number;
  /** Panels per row (default: as many as fit in 1100 px). */
  columns?: number;
}

const TIER = 17;

/** Bracket tiers: narrower pairs lower; pairs sharing a level never on the same tier. */
export function bracketTiers(spans: readonly [number, number][]): number[] {
  const order = spans.map((_s, i) => i).sort((a, b) => spans[a][1] - spans[a][0] - (spans[b][1] - spans[b][0]) || spans[a][0] - spans[b][0]);
  const tiers: [number, number][][] = [];
  const out = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const [lo, hi] = spans[i];
    let t = 0;
    while (tiers[t]?.some(([a, b]) => lo <= b && a <= hi)) t++;
    (tiers[t] ??= []).push([lo, hi]);
    out[i] = t;
  }
  return out;
}

/** The box-and-points panels of one categorical variable as a Vega-Lite spec. */
export function associateBoxFigure(input: AssociateBoxInput): TopLevelSpec {
  const threshold = input.pairThreshold ?? 0.05;
  const label = variableLabel(input.variable, input.labels);
  const levels = [...new Set(input.levels)];
  const given = [...new Set(input.cancers)];
  const palette = input.palette && input.palette.length > 0 ? input.palette : GROUP_PALETTE;
  const colorOf = (level: string) => palette[levels.indexOf(level) % palette.length];
  const ofVariable = <T extends { variable: string }>(rows: readonly T[] | undefined) => (rows ?? []).filter((r) => r.variable === input.variable);
  const skipped = ofVariable(input.skipped);
  const untestedOf = (c: string) => skipped.find((s) => s.cancer === c && s.level === null);
  const dropped = new Set(skipped.filter((s) => s.level !== null).map((s) => `${s.cancer}\u0000${s.level}`));

  // the drawn samples by cancer and level
  const byCancer = new Map(given.map((c) => [c, new Map<string, AssociateBoxSample[]>()]));
  for (const s of input.samples) {
    const m = byCancer.get(s.cancer);
    if (!m || s.level === null || !levels.includes(s.level) || !Number.isFinite(s.score) || dropped.has(`${s.cancer}\u0000${s.level}`)) continue;
    const list = m.get(s.level);
    if (list) list.push(s);
    else m.set(s.level, [s]);
  }
  // a panel per cancer with samples to draw (all of them when none has any); the others in a note
  const withData = given.filter((c) => byCancer.get(c)!.size > 0);
  const cancers = withData.length > 0 ? withData : given;
  const single = cancers.length === 1;
  const drawnLevels = new Map(cancers.map((c) => [c, levels.filter((l) => byCancer.get(c)!.has(l))]));
  const kMax = Math.max(1, ...[...drawnLevels.values()].map((l) => l.length));

  // geometry shared by the panels
  const labelWide = Math.max(0, ...levels.map((l) => estimateTextWidth(l, LABEL_SIZE)));
  const step = Math.max(single ? 64 : 40, Math.min(single ? 96 : 72, Math.ceil(labelWide) + 10));
  const W = Math.max(single ? 200 : 130, kMax * step);
  const boxW = Math.min(single ? 44 : 30, step * 0.55);
  const flat = labelWide <= step - 4;
  const H0 = single ? 280 : 190;

  // brackets per cancer (significant pairs of drawn levels), and the strip they need
  const pairs = ofVariable(input.pairs).filter((p) => p.p_adjusted !== null && p.p_adjusted < threshold);
  const panelPairs = new Map(
    cancers.map((c) => {
      const drawn = drawnLevels.get(c)!;
      const list = pairs.filter((p) => p.cancer === c && drawn.includes(p.level1) && drawn.includes(p.level2));
      const spans = list.map((p) => [drawn.indexOf(p.level1), drawn.indexOf(p.level2)].sort((a, b) => a - b) as [number, number]);
      return [c, { list, spans, tiers: bracketTiers(spans) }];
    }),
  );
  const allScores = cancers.flatMap((c) => [...byCancer.get(c)!.values()].flat().map((s) => s.score));
  const domain = yDomain(allScores);
  const columns = Math.max(1, Math.floor(input.columns ?? gridColumns(cancers.length, W + 60)));
  const anyTest = new Map(ofVariable(input.tests).map((r) => [r.cancer, r]));
  // the strip above the boxes holds the row's highest bracket (panels of a row stay aligned)
  const tiersOf = (c: string) => Math.max(0, ...panelPairs.get(c)!.tiers.map((t) => t + 1));
  const tiers = cancers.map(tiersOf);
  const tests = cancers.map((c) => wrapPhrases(testPhrases(anyTest.get(c), untestedOf(c)), W + 30));
  const names = cancers.map((c) => (c === 'all' && single ? '' : c));
  const titleLines = tests.map((t, i) => t.length + (names[i] ? 1 : 0));

  const panels = cancers.map((cancer, ci) => {
    const top = 10 + TIER * rowMax(tiers, columns, ci);
    const H = H0 + top;
    const drawn = drawnLevels.get(cancer)!;
    const slot = W / Math.max(1, drawn.length);
    const centre = (j: number) => (j + 0.5) * slot;
    const boxes: (DrawnBox & { cancer: string; level: string; n: number })[] = [];
    const points: { x: number; score: number; color: string; sample: string }[] = [];
    const text: TextCell[] = [];
    drawn.forEach((level, j) => {
      const samples = byCancer.get(cancer)!.get(level)!;
      const color = colorOf(level);
      const x = centre(j);
      const st = boxStats(samples.map((s) => s.score));
      if (st) boxes.push({ ...st, cancer, level, color, x, x0: x - boxW / 2, x1: x + boxW / 2 });
      for (const s of samples) points.push({ x: Number((x + (mulberry32(hashString(s.sample))() - 0.5) * boxW * 0.8).toFixed(2)), score: s.score, color, sample: s.sample });
      text.push({ x, y: H + 5, text: `n=${formatCount(samples.length)}`, align: 'center', baseline: 'top', size: NOTE_SIZE, color: MUTED_TEXT_COLOR });
      text.push(flat ? { x, y: H + 21, text: level, align: 'center', baseline: 'top' } : { x: x + 4, y: H + 21, text: level, align: 'right', baseline: 'top', angle: 315 });
    });
    const segments: Segment[] = [];
    const pp = panelPairs.get(cancer)!;
    pp.list.forEach((p, i) => {
      const [a, b] = pp.spans[i];
      const br = bracket(centre(a) + 2, centre(b) - 2, fdrStars(p.p_adjusted, threshold), top - 6 - pp.tiers[i] * TIER);
      segments.push(...br.segments);
      // stars sit low in their line box: moved down onto the bracket (as the compare figure)
      text.push({ ...br.text, y: br.text.y + 6, bold: true, size: 14, color: TEXT_COLOR });
    });
    text.push(...panelTitle(names[ci], tests[ci], rowMax(titleLines, columns, ci)));
    if (drawn.length === 0) text.push({ x: W / 2, y: (H + top) / 2, text: 'no samples', align: 'center', italic: true, color: MUTED_TEXT_COLOR });

    const firstColumn = ci % columns === 0;
    const yv = (field: string) => scoreY(field, domain, H, firstColumn ? wrapWords(input.scoreLabel, H - top, TITLE_SIZE) : null, top);
    const boxTooltip = [
      { field: 'cancer', type: 'nominal', title: 'Cancer' },
      { field: 'level', type: 'nominal', title: label },
      { field: 'n', type: 'quantitative', title: 'n' },
      { field: 'median', type: 'quantitative', title: 'Median', format: '.4~g' },
      { field: 'q1', type: 'quantitative', title: 'Q1', format: '.4~g' },
      { field: 'q3', type: 'quantitative', title: 'Q3', format: '.4~g' },
    ];
    const many = points.length;
    return {
      width: W,
      height: H,
      layer: [
        scorePointLayer(points, yv, { size: many > 2000 ? 6 : many > 500 ? 10 : 16, opacity: many > 2000 ? 0.35 : 0.5, stroke: null, aria: false }, { field: 'sample', title: 'Sample' }),
        ...boxLayers(boxes, yv, boxTooltip),
        segmentLayer(segments),
        segmentLayer([{ x: 0, x2: W, y: H, y2: H }], 1),
        ...textLayers(text),
      ],
    };
  });

  // under the grid: the key, dropped levels and the tests named
  const left = given.filter((c) => !cancers.includes(c)).map((c) => `${c}${untestedOf(c) ? ` (${untestedOf(c)!.reason})` : ''}`);
  const drops = skipped.filter((s) => s.level !== null && cancers.includes(s.cancer));
  const dropText = drops.slice(0, 6).map((s) => `${s.level} in ${s.cancer} (n = ${s.n ?? 'NA'})`);
  if (drops.length > 6) dropText.push(`${drops.length - 6} more (associate_skipped.tsv)`);
  const kruskal = ofVariable(input.tests).some((r) => r.method === 'kruskal');
  const notes = [
    `${single ? 'Above the plot' : 'Above each panel'}: ${kruskal ? 'Kruskal\u2013Wallis test (Wilcoxon rank-sum for two levels)' : 'two-sided Wilcoxon rank-sum test'}${single && cancers[0] === 'all' ? '' : ' within each cancer'}; FDR: Benjamini\u2013Hochberg over all tests of the run.`,
  ];
  if (kruskal) notes.push(`Brackets: pairwise Wilcoxon tests, p BH-adjusted within ${single ? 'the cohort' : 'each cancer'}, drawn where < ${threshold}: * < ${threshold}${moreStarsText(threshold) ? `, ${moreStarsText(threshold)}` : ''}.`);
  if (left.length > 0) notes.push(`No samples with a level, not drawn: ${left.join(', ')}.`);
  if (dropText.length > 0) notes.push(`Not drawn (fewer than --min-level samples): ${dropText.join(', ')}.`);

  return panelGrid({
    description: `${input.scoreLabel} by ${label}${single ? '' : ' per cancer'} (box and points; overall test and significant pairwise tests)`,
    title: input.title ?? `${input.scoreLabel} by ${label}`,
    subtitle: input.subtitle,
    panels,
    columns,
    panelWidth: W + 60,
    key: [{ kind: 'box', color: AXIS_COLOR, label: 'median and quartiles; whiskers to 1.5 \u00d7 IQR; points: samples' }],
    notes,
  });
}
