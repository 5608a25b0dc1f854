// The statistics box of the Kaplan–Meier figure: log-rank p (for a searched cutpoint
// maxstat's adjusted p first, the log-rank p marked as not adjusted), hazard ratios (or
// why not estimable) and the confidence-band note, as layers (a white rect and one text mark a line) placed in the
// corner of the plot area that the curves cross least.

import { MUTED_TEXT_COLOR, TEXT_COLOR } from './figureStyle.js';
import { formatConfLevel } from '../format/numbers.js';
import { adjustedPText, hazardRatioText, logrankText, naiveLogrankText } from './format.js';
import type { KmFigureGroup, KmFigureInput } from './kmTypes.js';
import { estimateTextWidth } from './render.js';
import { convertTime, type TimeUnit } from './timeUnits.js';

const ANNOT_SIZE = 12;

/** Plot-area size in pixels. */
export interface PlotArea { width: number; height: number }

interface Box { x0: number; y0: number; corner: string }

/**
 * Where the statistics box goes: bottom-left (as survminer) unless the curves run through
 * it, then top-right or bottom-right — whichever crosses the least curve length (in px;
 * confidence bands count a little by area). Pixel coordinates of the plot area.
 */
function placeAnnotation(groups: KmFigureGroup[], unit: TimeUnit, inputUnit: TimeUnit, bands: boolean, xMax: number, w: number, h: number, area: PlotArea): Box {
  const W = area.width;
  const H = area.height;
  const m = 6; // margin from the plot edges
  const candidates: Box[] = [
    { x0: m, y0: H - m - h, corner: 'bottom-left' },
    { x0: W - m - w, y0: m, corner: 'top-right' },
    { x0: W - m - w, y0: H - m - h, corner: 'bottom-right' },
  ];
  const px = (t: number) => (convertTime(t, inputUnit, unit) / xMax) * W;
  const py = (s: number) => (1 - s) * H;
  const overlap = (a0: number, a1: number, b0: number, b1: number) =>
    Math.max(0, Math.min(Math.max(a0, a1), b1) - Math.max(Math.min(a0, a1), b0));
  let best = candidates[0];
  let bestScore = Infinity;
  for (const c of candidates) {
    const x1 = c.x0 + w;
    const y1 = c.y0 + h;
    let score = 0;
    for (const g of groups) {
      let tPrev = 0;
      let sPrev = 1;
      let loPrev = 1;
      let upPrev = 1;
      for (let j = 0; j < g.time.length; j++) {
        const t = g.time[j];
        if (!Number.isFinite(t)) continue;
        const xa = px(tPrev);
        const xb = px(t);
        // horizontal run at sPrev from tPrev to t, and its band
        const yS = py(sPrev);
        if (yS >= c.y0 && yS <= y1) score += overlap(xa, xb, c.x0, x1);
        if (bands && Number.isFinite(loPrev) && Number.isFinite(upPrev)) {
          score += 0.01 * overlap(xa, xb, c.x0, x1) * overlap(py(upPrev), py(loPrev), c.y0, y1);
        }
        // vertical drop at t
        const s = g.surv[j];
        if (Number.isFinite(s)) {
          if (xb >= c.x0 && xb <= x1) score += overlap(py(sPrev), py(s), c.y0, y1);
          sPrev = s;
        }
        tPrev = t;
        loPrev = g.lower[j];
        upPrev = g.upper[j];
      }
    }
    if (score < bestScore - 1e-9) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The annotation layers (box, then its lines) for a plot area whose x axis ends at `xMax`
 * (display unit); the band note only when `input.ci` is 'on' (the figure resolves 'auto').
 */
export function annotationLayers(input: KmFigureInput, xMax: number, area: PlotArea) {
  const bands = input.ci === 'on';
  const confText = `Shaded: ${formatConfLevel(input.confLevel)} confidence intervals`;
  const search = input.cutpointSearch;
  const tests = search
    ? [
      { text: adjustedPText(search.pAdjusted, search.pMethod), size: ANNOT_SIZE, color: TEXT_COLOR },
      { text: naiveLogrankText(input.logrank.p), size: ANNOT_SIZE - 1, color: MUTED_TEXT_COLOR },
    ]
    : [{ text: logrankText(input.logrank.p), size: ANNOT_SIZE, color: TEXT_COLOR }];
  const lines: { text: string; size: number; color: string }[] = [
    ...tests,
    ...(input.hazardRatio ?? []).map((h) => ({ text: hazardRatioText(h, input.confLevel, !search), size: ANNOT_SIZE, color: h.note ? MUTED_TEXT_COLOR : TEXT_COLOR })),
    ...(bands ? [{ text: confText, size: ANNOT_SIZE - 1, color: MUTED_TEXT_COLOR }] : []),
  ];
  const lineHeight = ANNOT_SIZE + 5;
  const pad = 6;
  const boxWidth = Math.ceil(Math.max(...lines.map((l) => estimateTextWidth(l.text, l.size))) + 2 * pad);
  const boxHeight = lines.length * lineHeight + 2 * pad - 2;
  const box = placeAnnotation(input.groups, input.timeUnit, input.inputUnit ?? 'days', bands, xMax, boxWidth, boxHeight, area);
  return [
    {
      data: { values: [{}] },
      mark: {
        type: 'rect',
        x: box.x0,
        x2: box.x0 + boxWidth,
        y: box.y0,
        y2: box.y0 + boxHeight,
        fill: 'white',
        fillOpacity: 0.85,
        stroke: null,
        cornerRadius: 3,
      },
    },
    ...lines.map((l, i) => ({
      data: { values: [{}] },
      mark: {
        type: 'text',
        x: box.x0 + pad,
        y: box.y0 + pad + (i + 1) * lineHeight - 4,
        align: 'left',
        baseline: 'alphabetic',
        text: l.text,
        fontSize: l.size,
        color: l.color,
        limit: 0,
      },
    })),
  ];
}
