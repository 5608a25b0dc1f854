// The calibration plot at one time, as rms's plot(calibrate(..., cmethod = "KM")) draws
// its apparent curve: per risk group the mean predicted survival (x) against the
// Kaplan–Meier observed survival (y) with its interval, the 45° line of perfect
// calibration, and the number of patients of each group.
import type { TopLevelSpec } from 'vega-lite';
import type { Calibration } from '../model/calibration.js';
import { layeredFigure, MUTED_TEXT_COLOR, NOTE_SIZE } from './figureStyle.js';

export interface CalibrationFigureInput {
  calibration: Calibration;
  /** e.g. "1-year survival". */
  timeLabel: string;
  title?: string;
  subtitle?: string;
  size?: number;
}

const POINT_COLOR = '#0072B2';

export function calibrationFigure(input: CalibrationFigureInput): TopLevelSpec {
  const S = input.size ?? 360;
  const conf = Math.round(input.calibration.confLevel * 100);
  const groups = input.calibration.groups
    .filter((g) => Number.isFinite(g.predicted) && Number.isFinite(g.observed))
    .map((g) => ({ group: g.group, predicted: g.predicted, observed: g.observed, lower: g.lower, upper: g.upper, n: g.n, events: g.events, label: `n=${g.n}` }));
  const x = { field: 'predicted', type: 'quantitative', scale: { domain: [0, 1] }, title: `Predicted ${input.timeLabel} (Cox model, mean of the group)` };
  const y = { field: 'observed', type: 'quantitative', scale: { domain: [0, 1] }, title: `Observed ${input.timeLabel} (Kaplan–Meier, ${conf}% CI)` };
  return layeredFigure({
    description: `Calibration of the Cox model at ${input.timeLabel}: predicted against Kaplan–Meier observed survival in groups of predicted risk.`,
    title: input.title,
    subtitle: input.subtitle,
    width: S,
    height: S,
    layer: [
      {
        data: { values: [{ predicted: 0, observed: 0 }, { predicted: 1, observed: 1 }] },
        mark: { type: 'line', color: '#999999', strokeDash: [5, 4], strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values: groups },
        layer: [
          { mark: { type: 'rule', color: POINT_COLOR, strokeWidth: 1.5 }, encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } } },
          { mark: { type: 'line', color: POINT_COLOR, strokeWidth: 1.5 }, encoding: { x, y, order: { field: 'predicted' } } },
          {
            mark: { type: 'point', filled: true, size: 50, color: POINT_COLOR },
            encoding: {
              x, y,
              tooltip: [
                { field: 'group', title: 'group' }, { field: 'n', title: 'patients' }, { field: 'events', title: 'events' },
                { field: 'predicted', title: 'predicted', format: '.3f' }, { field: 'observed', title: 'observed (KM)', format: '.3f' },
                { field: 'lower', title: `lower ${conf}%`, format: '.3f' }, { field: 'upper', title: `upper ${conf}%`, format: '.3f' },
              ],
            },
          },
          // Group sizes under the lower end of each interval, clear of the curve.
          { mark: { type: 'text', align: 'center', baseline: 'top', dy: 4, fontSize: NOTE_SIZE, color: MUTED_TEXT_COLOR }, encoding: { x, y: { field: 'lower', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
    ],
  });
}
