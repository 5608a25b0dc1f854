// The paired figure of `migrascore compare --paired` for one cancer as a Vega-Lite spec,
// as ggpubr's ggpaired draws it: a box per group, each patient's two scores as points
// joined by a grey line, and the paired Wilcoxon (signed-rank) p with the number of
// pairs above. The reference is on the left and the case on the right: ggpaired puts
// its first condition (the baseline, e.g. "before") on the left, so a line reads as the
// change from the reference to the case; the colours stay those of the box figure.
// Pure: same input → same JSON (data inline, no NaN).

import type { TopLevelSpec } from 'vega-lite';
import type { CompareLevels, ComparePair } from '../compare/types.js';
import { pEquals } from '../format/numbers.js';
import { AXIS_COLOR, LABEL_SIZE, layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE, textLayers, type TextCell } from './figureStyle.js';
import { boxLayers, bracket, scorePointLayer, compareColors, keyMarkLayers, keyRow, px, scoreY, segmentLayer, wrapWords, yDomain, type DrawnBox } from './compareStyle.js';
import { boxStats } from './scoreDistributionFigure.js';

export interface PairedFigureInput {
  /** Patients with both samples; only those of `cancer` are drawn. */
  pairs: ComparePair[];
  cancer: string;
  levels: CompareLevels;
  /** y-axis title with the method, e.g. "migrasome-core score (ssGSEA)". */
  scoreLabel: string;
  /** R's wilcox.test(case, reference, paired = TRUE)$p.value; null or absent: "NA". */
  p?: number | null;
  /** Default: "<scoreLabel>: paired <case> vs <reference> (<cancer>)". */
  title?: string;
  subtitle?: string;
  /** Case and reference colours (the first two); default as compareFigure. */
  palette?: string[];
  /** Plot width and height in pixels (defaults 240 and 300). */
  width?: number;
  height?: number;
}

const LINE_COLOR = '#9a9a9a';

/** The paired line plot as a layered Vega-Lite spec. */
export function pairedFigure(input: PairedFigureInput): TopLevelSpec {
  const { case: caseName, reference } = input.levels;
  const [caseColor, refColor] = compareColors(input.palette);
  const pairs = input.pairs.filter((q) => q.cancer === input.cancer && Number.isFinite(q.case) && Number.isFinite(q.reference));
  const W = input.width ?? 240;
  const H = input.height ?? 300;
  const xRef = W * 0.27;
  const xCase = W * 0.73;
  const boxW = Math.min(56, W * 0.22);
  const [y0, y1] = yDomain(pairs.flatMap((q) => [q.case, q.reference]));
  const yv = (field: string) => scoreY(field, [y0, y1], H, input.scoreLabel);

  const boxes: (DrawnBox & { group: string; n: number })[] = [];
  for (const [x, group, color, values] of [
    [xRef, reference, refColor, pairs.map((q) => q.reference)],
    [xCase, caseName, caseColor, pairs.map((q) => q.case)],
  ] as const) {
    const st = boxStats(values);
    if (st) boxes.push({ ...st, group, color, x, x0: x - boxW / 2, x1: x + boxW / 2 });
  }
  const lines = pairs.map((q) => ({ patient: q.patient, x: xRef, x2: xCase, reference: q.reference, case: q.case }));
  const points = pairs.flatMap((q) => [
    { patient: q.patient, x: xRef, score: q.reference, color: refColor },
    { patient: q.patient, x: xCase, score: q.case, color: caseColor },
  ]);
  const up = pairs.filter((q) => q.case > q.reference).length;
  const down = pairs.filter((q) => q.case < q.reference).length;
  const equal = pairs.length - up - down;

  const text: TextCell[] = [];
  const br = bracket(xRef, xCase, `${pEquals(input.p, 'Wilcoxon signed-rank p')}, ${pairs.length} ${pairs.length === 1 ? 'pair' : 'pairs'}`);
  text.push(br.text);
  text.push(
    { x: xRef, y: H + 5, text: reference, align: 'center', baseline: 'top', size: LABEL_SIZE },
    { x: xCase, y: H + 5, text: caseName, align: 'center', baseline: 'top', size: LABEL_SIZE },
  );
  let below = H + 5 + LABEL_SIZE + 4;
  if (input.cancer !== 'all') {
    text.push({ x: W / 2, y: below + 4, text: input.cancer, align: 'center', baseline: 'top', bold: true });
    below += LABEL_SIZE + 6;
  }
  if (pairs.length === 0) text.push({ x: W / 2, y: (H + 30) / 2, text: 'no pairs', align: 'center', italic: true, color: MUTED_TEXT_COLOR });

  const keyLeft = -40;
  const right = Math.max(W, 320);
  const key = keyRow(
    [
      { kind: 'line', color: LINE_COLOR, label: 'one patient' },
      { kind: 'box', color: AXIS_COLOR, label: 'median and quartiles; whiskers to 1.5 \u00d7 IQR' },
    ],
    keyLeft,
    below + 22,
    right,
  );
  text.push(...key.text);
  const counts = `${caseName} higher in ${up}, lower in ${down}${equal > 0 ? `, equal in ${equal}` : ''} of ${pairs.length} patients.`;
  const test = `p: two-sided Wilcoxon signed-rank test of the paired differences${equal > 0 ? ' (zero differences dropped, as R does)' : ''}.`;
  [counts, test]
    .flatMap((t) => wrapWords(t, right - keyLeft))
    .forEach((t, j) => text.push({ x: keyLeft, y: key.bottom + 20 + 15 * j, text: t, size: NOTE_SIZE, color: MUTED_TEXT_COLOR }));

  const boxTooltip = [
    { field: 'group', type: 'nominal', title: 'Group' },
    { field: 'n', type: 'quantitative', title: 'n' },
    { field: 'median', type: 'quantitative', title: 'Median', format: '.4~g' },
  ];
  const layers: object[] = [
    ...boxLayers(boxes, yv, boxTooltip),
    {
      data: { values: lines },
      mark: { type: 'rule', color: LINE_COLOR, strokeWidth: 1, opacity: 0.8 },
      encoding: { x: px('x'), x2: { field: 'x2' }, y: yv('reference'), y2: { field: 'case' }, tooltip: [{ field: 'patient', type: 'nominal', title: 'Patient' }] },
    },
    scorePointLayer(points, yv, { size: pairs.length > 200 ? 14 : 28, opacity: 0.85, stroke: 'white', strokeWidth: 0.5 }, { field: 'patient', title: 'Patient' }),
    segmentLayer(br.segments),
    segmentLayer([{ x: 0, x2: W, y: H, y2: H }], 1),
    ...keyMarkLayers(key.marks),
    ...textLayers(text),
  ];

  return layeredFigure({
    description: `${input.scoreLabel}: paired ${caseName} vs ${reference} in ${input.cancer} (Wilcoxon signed-rank test)`,
    title: input.title ?? `${input.scoreLabel}: paired ${caseName} vs ${reference}`,
    subtitle: input.subtitle,
    width: W,
    height: H,
    layer: layers,
  });
}
