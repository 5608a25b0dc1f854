import { describe, expect, test } from 'vitest';
import { SURVIVAL_CASES, expectClose } from '../helpers/fixtures.js';
import { fixtureModels } from '../helpers/models.js';
import { concordance } from '../../src/survival/concordance.js';
import { coxProportionalHazards } from '../../src/survival/cox.js';

describe.each(SURVIVAL_CASES)('concordance of the coxph linear predictor, case %s', (name) => {
  test.each(fixtureModels(name).map((m) => [m.key, m] as const))('%s', (key, m) => {
    const fit = coxProportionalHazards(m.time, m.event, m.columns, m.termNames, { ties: m.ties });
    const c = concordance(m.time, m.event, fit.linearPredictor);
    expectClose(c.c, m.expected.concordance.c, 1e-6, `${name} ${key} C`);
    expectClose(c.se, m.expected.concordance.se, 1e-6, `${name} ${key} se(C)`);
  });
});

describe('ties in time and in the predictor', () => {
  // R 4.2.2, survival 3.5-3:
  //   t <- c(2,3,3,3,5,6,6,8,9,9,11,12,12,14); s <- c(1,1,0,1,1,0,1,1,1,1,0,1,0,1)
  //   x <- c(0.4,1.0,1.0,0.2,0.4,0.9,0.9,-0.1,0.2,0.2,0.4,-0.5,0.0,-0.1)
  //   cc <- concordance(Surv(t,s) ~ x, reverse=TRUE)
  //   cc$concordance 0.66176470588235292; sqrt(cc$var) 0.07958301205358756; cc$count 41 19 8 1 1
  //   concordance(Surv(t,s) ~ x): 0.33823529411764708, same se, count 19 41 8 1 1
  const t = [2, 3, 3, 3, 5, 6, 6, 8, 9, 9, 11, 12, 12, 14];
  const s = [1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1];
  const x = [0.4, 1.0, 1.0, 0.2, 0.4, 0.9, 0.9, -0.1, 0.2, 0.2, 0.4, -0.5, 0.0, -0.1];

  test('reverse (coxph) and forward agree with R, counts included', () => {
    const rev = concordance(t, s, x);
    expectClose(rev.c, 0.66176470588235292, 1e-12, 'C');
    expectClose(rev.se, 0.07958301205358756, 1e-12, 'se');
    expect(rev.counts).toEqual({ concordant: 41, discordant: 19, tiedX: 8, tiedY: 1, tiedXY: 1 });
    const fwd = concordance(t, s, x, { reverse: false });
    expectClose(fwd.c, 0.33823529411764708, 1e-12, 'C forward');
    expectClose(fwd.se, 0.07958301205358756, 1e-12, 'se forward');
    expect(fwd.counts).toEqual({ concordant: 19, discordant: 41, tiedX: 8, tiedY: 1, tiedXY: 1 });
  });

  test('pair counts equal a brute-force count on random data with many ties', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const n = 400;
    const time = Array.from({ length: n }, () => 1 + Math.floor(rnd() * 30));
    const event = Array.from({ length: n }, () => Number(rnd() < 0.6));
    const pred = Array.from({ length: n }, () => Math.floor(rnd() * 12) / 4);
    let conc = 0;
    let disc = 0;
    let tiedX = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        // comparable: i had an event strictly before j's time (censored at i's time still at risk)
        if (!event[i] || !(time[j] > time[i] || (time[j] === time[i] && !event[j]))) continue;
        if (pred[i] > pred[j]) conc++;
        else if (pred[i] < pred[j]) disc++;
        else tiedX++;
      }
    }
    const c = concordance(time, event, pred);
    expect([c.counts.concordant, c.counts.discordant, c.counts.tiedX]).toEqual([conc, disc, tiedX]);
    expectClose(c.c, (conc + tiedX / 2) / (conc + disc + tiedX), 1e-12, 'C');
  });
});
