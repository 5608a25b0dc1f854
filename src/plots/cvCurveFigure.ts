// The cross-validation curve of a LASSO Cox fit as plot(cv.glmnet) draws it: mean
// partial-likelihood deviance ± one SD against log(lambda), dotted lines at lambda.min
// and lambda.1se, and the number of nonzero coefficients along the top.
// Pure: same input → same JSON.
import type { TopLevelSpec } from 'vega-lite';
import { formatSignificant } from '../format/numbers.js';
import { layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE, textLayers, type TextCell } from './figureStyle.js';
import { NEUTRAL_MARK, OKABE_ITO } from './palette.js';

export interface CvCurveInput {
  lambda: ArrayLike<number>;
  cvm: ArrayLike<number>;
  cvsd: ArrayLike<number>;
  nzero: ArrayLike<number>;
  lambdaMin: number;
  lambda1se: number;
  /** Which of the two the model uses. */
  chosen: 'min' | '1se';
  title?: string;
  subtitle?: string;
}

export const CV_PLOT_WIDTH = 560;
export const CV_PLOT_HEIGHT = 340;

/** About `count` indices spread evenly over 0..n-1 (the top axis labels, as glmnet's). */
function spread(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (count - 1);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round(i * step)))];
}

export function cvCurveFigure(input: CvCurveInput): TopLevelSpec {
  const points = Array.from({ length: input.lambda.length }, (_, i) => ({
    logLambda: Math.log(input.lambda[i]), lambda: input.lambda[i], cvm: input.cvm[i], cvsd: input.cvsd[i],
    lo: input.cvm[i] - input.cvsd[i], hi: input.cvm[i] + input.cvsd[i], nzero: input.nzero[i],
  }));
  const W = CV_PLOT_WIDTH;
  const H = CV_PLOT_HEIGHT;
  const xs = points.map((p) => p.logLambda);
  let x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  if (!(x1 > x0)) { x0 -= 1; x1 += 1; }
  const pad = (x1 - x0) * 0.03;
  const xDomain = [x0 - pad, x1 + pad];
  const lows = points.map((p) => p.lo).filter(Number.isFinite);
  const highs = points.map((p) => p.hi).filter(Number.isFinite);
  let y0 = Math.min(...lows);
  let y1 = Math.max(...highs);
  if (!(y1 > y0)) { y0 -= 1; y1 += 1; }
  const ypad = (y1 - y0) * 0.05;
  const x = { field: 'logLambda', type: 'quantitative', scale: { domain: xDomain, nice: false, zero: false }, axis: { title: 'log(\u03bb)', grid: false, tickCount: 8 } };
  const y = { field: 'cvm', type: 'quantitative', scale: { domain: [y0 - ypad, y1 + ypad], nice: false, zero: false }, axis: { title: 'Partial likelihood deviance (CV)', grid: true, gridColor: '#ececec', tickCount: 6 } };
  const px = (v: number) => ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * W;
  // Genes in the model along the top (as glmnet's top axis), and the key under the plot.
  const text: TextCell[] = spread(points.length, 12).map((i) => ({ x: px(points[i].logLambda), y: -8, text: String(points[i].nzero), align: 'center', size: NOTE_SIZE, color: MUTED_TEXT_COLOR }));
  text.push({ x: W, y: -24, text: 'genes in the model', align: 'right', size: NOTE_SIZE, italic: true, color: MUTED_TEXT_COLOR });
  const mark = (l: number) => formatSignificant(l, 4);
  const key = `Dotted lines: \u03bb.min = ${mark(input.lambdaMin)} (minimum mean deviance) and \u03bb.1se = ${mark(input.lambda1se)} (largest \u03bb within one SD of it); ` +
    `the model uses \u03bb.${input.chosen}.`;
  text.push({ x: 0, y: H + 48, text: key, size: NOTE_SIZE, color: MUTED_TEXT_COLOR });
  const rules = [
    { logLambda: Math.log(input.lambdaMin), which: 'min' },
    { logLambda: Math.log(input.lambda1se), which: '1se' },
  ];
  const layers: object[] = [
    {
      data: { values: points },
      mark: { type: 'rule', color: '#9a9a9a', strokeWidth: 1 },
      encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
    },
    {
      data: { values: rules },
      mark: { type: 'rule', strokeDash: [3, 3], strokeWidth: 1.2 },
      encoding: {
        x,
        color: { field: 'which', type: 'nominal', scale: { domain: ['min', '1se'], range: [OKABE_ITO.vermillion, NEUTRAL_MARK] }, legend: null },
      },
    },
    {
      data: { values: points },
      mark: { type: 'point', filled: true, size: 28, color: OKABE_ITO.vermillion, opacity: 0.95 },
      encoding: {
        x, y,
        tooltip: [
          { field: 'lambda', type: 'quantitative', title: '\u03bb', format: '.4~g' },
          { field: 'cvm', type: 'quantitative', title: 'Mean deviance', format: '.4~f' },
          { field: 'cvsd', type: 'quantitative', title: 'SD', format: '.3~f' },
          { field: 'nzero', type: 'quantitative', title: 'Genes' },
        ],
      },
    },
    ...textLayers(text),
  ];
  return layeredFigure({ description: 'Cross-validated partial likelihood deviance against log(lambda), as plot(cv.glmnet)', title: input.title, subtitle: input.subtitle, width: W, height: H, layer: layers });
}
