// The genes of a LASSO Cox model as a bar chart: each selected gene's coefficient (per
// unit of log2 expression), sorted, positive (higher risk) and negative apart by colour.
// Pure: same input → same JSON.
import type { TopLevelSpec } from 'vega-lite';
import { layeredFigure, MUTED_TEXT_COLOR, textLayers } from './figureStyle.js';
import { OKABE_ITO } from './palette.js';

export interface CoefficientFigureInput {
  genes: { gene: string; coef: number }[];
  /** Axis title: what one unit of the gene is (e.g. "log2(x + 1)"). */
  unit: string;
  title?: string;
  subtitle?: string;
}

export function coefficientFigure(input: CoefficientFigureInput): TopLevelSpec {
  const genes = [...input.genes].sort((a, b) => b.coef - a.coef || (a.gene < b.gene ? -1 : 1))
    .map((g) => ({ ...g, direction: g.coef > 0 ? 'higher risk' : 'lower risk' }));
  const W = 480;
  const H = Math.max(60, 20 * genes.length);
  const layers: object[] = genes.length === 0
    ? textLayers([{ x: W / 2, y: H / 2, text: 'no gene selected at this \u03bb', align: 'center', italic: true, color: MUTED_TEXT_COLOR }])
    : [
      {
        data: { values: genes },
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y: { field: 'gene', type: 'nominal', sort: null, axis: { title: null, labelFontStyle: 'italic' } },
          x: { field: 'coef', type: 'quantitative', axis: { title: `Coefficient (per unit of ${input.unit})`, grid: true, gridColor: '#ececec' } },
          color: { field: 'direction', type: 'nominal', scale: { domain: ['higher risk', 'lower risk'], range: [OKABE_ITO.vermillion, OKABE_ITO.blue] }, legend: { title: null, orient: 'bottom' } },
          tooltip: [{ field: 'gene', type: 'nominal', title: 'Gene' }, { field: 'coef', type: 'quantitative', title: 'Coefficient', format: '.4~g' }],
        },
      },
      { data: { values: [{ coef: 0 }] }, mark: { type: 'rule', color: '#444444' }, encoding: { x: { field: 'coef', type: 'quantitative' } } },
    ];
  return layeredFigure({ description: 'LASSO Cox coefficients of the selected genes', title: input.title, subtitle: input.subtitle, width: W, height: H, layer: layers });
}
