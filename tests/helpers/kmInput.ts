import type { KmFigureInput } from '../../src/plots/kmFigure.js';

// Hand-built KM rows (summary(survfit, censored=TRUE) style), times in days.
// A: 5 subjects — event 10, censored 20, event + censored 35, event 50.
// B: 3 subjects — two events 15, censored 40.
export function smallKmInput(overrides: Partial<KmFigureInput> = {}, names: [string, string] = ['A', 'B']): KmFigureInput {
  return {
    groups: [
      {
        name: names[0], n: 5, events: 3,
        time: [10, 20, 35, 50], nRisk: [5, 4, 3, 1], nEvent: [1, 0, 1, 1], nCensor: [0, 1, 1, 0],
        surv: [0.8, 0.8, 0.8 * (2 / 3), 0], lower: [0.52, 0.52, 0.2, NaN], upper: [1, 1, 1, NaN],
      },
      {
        name: names[1], n: 3, events: 2,
        time: [15, 40], nRisk: [3, 1], nEvent: [2, 0], nCensor: [0, 1],
        surv: [1 / 3, 1 / 3], lower: [0.06, 0.06], upper: [1, 1],
      },
    ],
    timeUnit: 'days',
    groupingLabel: 'arm',
    logrank: { chisq: 6.25, df: 1, p: 0.0124 },
    hazardRatio: [{ label: 'B vs A', hr: 2.634, lower: 2.1694, upper: 3.1955, p: 1.13e-22 }],
    confLevel: 0.95,
    ...overrides,
  };
}
