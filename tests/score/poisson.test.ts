import { describe, expect, it } from 'vitest';
import { poissonCdf, poissonPmf } from '../../src/score/poisson.js';
import { expectClose } from '../helpers/fixtures.js';

describe('poissonCdf (R ppois)', () => {
  it('matches R across small and large rates, where incomplete-gamma libraries drift', () => {
    // R 4.2.2: ppois(k, lambda), printed with sprintf("%.17g"); lambda up to ~1e5
    const r: [number, number, number][] = [
      [29, 1, 1],
      [29, 36.920901470662088, 0.1079478742093684],
      [48, 56.100239237740169, 0.15477061346549681],
      [16, 17.472384143007908, 0.42297137435151355],
      [2, 1.2451461638964694, 0.86955252275678918],
      [3527, 3570.6919483849347, 0.23530595400322923],
      [1314, 1205.9674012763571, 0.99898166741783301],
      [3664, 3684.7175311851256, 0.37046587096770228],
      [1773, 1771.080785753921, 0.52449228775370504],
      [644, 687.55889908974325, 0.049133953171316032],
      [93682, 93625.093993594972, 0.57461565593984076],
      [37920, 37363.434782117416, 0.99798413084312254],
      [77143, 77428.577085457349, 0.15279259468909806],
      [73985, 73870.161235227293, 0.66453387099468231],
      [81000, 81230.200537428187, 0.21019747764070168],
      [11811, 11755.613951398769, 0.69727234563113949],
      [91312, 90776.399685252007, 0.96231023934615079],
      [25493, 25323.188917124531, 0.85771197652567366],
      [1000, 1000.5, 0.50210232422301759], [999, 1000.5, 0.48948928907682099],
    ];
    for (const [k, lambda, p] of r) expectClose(poissonCdf(k, lambda), p, 1e-12, `ppois(${k}, ${lambda})`);
  });

  it('floors x + 1e-7 as R, and handles the edges', () => {
    expect(poissonCdf(2.9999999, 2.5)).toBe(poissonCdf(3, 2.5));
    expect(poissonCdf(-0.5, 2.5)).toBe(0);
    expect(poissonCdf(4, 0)).toBe(1);
    expectClose(poissonCdf(0, 2), Math.exp(-2), 1e-15, 'P(X <= 0)');
  });

  it('has probabilities that sum to 1 (R: dpois(3, 2.5) = 0.21376301724973648)', () => {
    expectClose(poissonPmf(3, 2.5), 0.21376301724973648, 1e-14, 'dpois');
    let s = 0;
    for (let k = 0; k < 400; k++) s += poissonPmf(k, 150.5);
    expectClose(s, 1, 1e-13, 'sum');
  });
});
