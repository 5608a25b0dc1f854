// The ROC and AUC(t) figure specs: one curve per time with AUC (CI) in the legend and the
// chance diagonal; AUC(t) with its band, the 0.5 line and the time axis in the display unit.
import { describe, expect, it } from 'vitest';
import { aucTimeFigure, rocFigure, rocLegendLabel } from '../../src/plots/rocFigure.js';
import { renderSvg } from '../../src/plots/render.js';

type Layer = { mark: { type: string }; data: { values: Record<string, number | string>[] }; encoding: Record<string, any> };

const curves = [
  { time: 365, auc: 0.8559, lower: 0.7871, upper: 0.9246, fpr: [0, 0.1, 0.5, 1], tpr: [0, 0.6, 0.9, 1] },
  { time: 1095, auc: 0.8502, lower: 0.7978, upper: 0.9027, fpr: [0, 0.2, 1], tpr: [0, 0.7, 1] },
];

describe('rocFigure', () => {
  const spec = rocFigure({ curves, inputUnit: 'days', confLevel: 0.95, title: 'OS: time-dependent ROC', note: 'No AUC at 5000 days (no controls: last follow-up 4556 days).' }) as unknown as { layer: Layer[]; title: { text: string } };
  it('draws one curve per time in roc.tsv order, the diagonal, and AUC (CI) per time in the legend', () => {
    const lines = spec.layer.filter((l) => l.mark.type === 'line');
    expect(lines[0].data.values).toEqual([{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }]);
    const rows = lines[1].data.values;
    expect(rows.filter((r) => r.label === rocLegendLabel(curves[0], 'days')).map((r) => [r.fpr, r.tpr])).toEqual([[0, 0], [0.1, 0.6], [0.5, 0.9], [1, 1]]);
    expect(lines[1].encoding.color.scale.domain).toEqual(['365 days: AUC 0.856 (0.787\u20130.925)', '1095 days: AUC 0.850 (0.798\u20130.903)']);
    expect(lines[1].encoding.color.legend.title).toBe('Time: AUC (95% CI)');
    expect(lines[1].encoding.order.field).toBe('i');
    expect(spec.title.text).toBe('OS: time-dependent ROC');
  });
  it('renders, with the note under the plot', async () => {
    const svg = await renderSvg(spec as never);
    expect(svg).toContain('No AUC at 5000 days');
    expect(svg).toContain('1 \u2212 specificity (false-positive rate)');
  });
});

describe('aucTimeFigure', () => {
  const points = [
    { time: 1825, auc: 0.876, lower: 0.831, upper: 0.921, cases: 85, controls: 159 },
    { time: 365, auc: 0.856, lower: -0.05, upper: 1.02, cases: 22, controls: 290 },
  ];
  const spec = aucTimeFigure({ points, inputUnit: 'days', timeUnit: 'years', confLevel: 0.9 }) as unknown as { layer: Layer[] };
  it('draws AUC(t) over time in the display unit with its band and the chance line', () => {
    const band = spec.layer.find((l) => l.mark.type === 'area')!;
    expect(band.data.values.map((p) => [p.t, p.lower, p.upper])).toEqual([[365 / 365.25, -0.05, 1.02], [1825 / 365.25, 0.831, 0.921]]);
    expect(spec.layer.find((l) => l.mark.type === 'rule')!.data.values).toEqual([{ auc: 0.5 }]);
    const line = spec.layer.find((l) => l.mark.type === 'line')!;
    expect(line.encoding.x.axis.title).toBe('Time (years)');
    expect(line.encoding.y.axis.title).toBe('AUC(t) with 90% CI');
    // intervals are not clipped: the axis widens to hold them
    expect(line.encoding.y.scale.domain).toEqual([-0.1, 1.1]);
  });
});
