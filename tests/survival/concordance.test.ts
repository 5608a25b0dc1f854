import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, SURVIVAL_CASES, expectClose, num, readTsv } from '../helpers/fixtures.js';
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

describe("Uno's concordance (timewt = \"n/G2\")", () => {
  test('ties in time and in the predictor: C, se and the weighted pair counts as R', () => {
    // R 4.2.2, survival 3.5-3, the data of the block above:
    //   cc <- concordance(Surv(t,s) ~ x, reverse=TRUE, timewt="n/G2")
    //   0.627655245824316532 0.071569866106026531; count 47.792857142857144 26.521678004535151
    //   9.0004081632653055 1.0000000000000002 1.5804081632653062
    const t = [2, 3, 3, 3, 5, 6, 6, 8, 9, 9, 11, 12, 12, 14];
    const s = [1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1];
    const x = [0.4, 1.0, 1.0, 0.2, 0.4, 0.9, 0.9, -0.1, 0.2, 0.2, 0.4, -0.5, 0.0, -0.1];
    const u = concordance(t, s, x, { timewt: 'n/G2' });
    expectClose(u.c, 0.627655245824316532, 1e-12, 'C');
    expectClose(u.se, 0.071569866106026531, 1e-12, 'se');
    expectClose(u.counts.concordant, 47.792857142857144, 1e-12, 'concordant');
    expectClose(u.counts.discordant, 26.521678004535151, 1e-12, 'discordant');
    expectClose(u.counts.tiedX, 9.0004081632653055, 1e-12, 'tied.x');
    const fwd = concordance(t, s, x, { timewt: 'n/G2', reverse: false });
    expectClose(fwd.c, 0.372344754175683412, 1e-12, 'C forward');
  });

  test('lung (ph.karno, tied times and markers) and pbc (log bilirubin) as R', () => {
    // d <- lung[!is.na(lung$ph.karno), ]; concordance(Surv(time, status) ~ ph.karno, d, timewt="n/G2")
    //   0.581461404106250690 0.023958102576475595 (100 − ph.karno with reverse=TRUE: the same)
    const lung = readTsv(join(FIXTURES, 'roc', 'lung-ties', 'input.tsv')).filter((r) => !Number.isNaN(num(r.marker)));
    const l = concordance(lung.map((r) => num(r.time)), lung.map((r) => num(r.status) - 1), lung.map((r) => num(r.marker)), { timewt: 'n/G2' });
    expectClose(l.c, 0.58146140410625069, 1e-10, 'lung C');
    expectClose(l.se, 0.023958102576475595, 1e-10, 'lung se');
    // p <- pbc[!is.na(pbc$trt), ]; concordance(Surv(time, status == 2) ~ log(bili), p, reverse=TRUE, timewt="n/G2")
    //   0.76800895913445988 0.02176122292109231
    const pbc = readTsv(join(FIXTURES, 'roc', 'pbc-bili', 'input.tsv'));
    const p = concordance(pbc.map((r) => num(r.time)), pbc.map((r) => num(r.status)), pbc.map((r) => num(r.marker)), { timewt: 'n/G2' });
    expectClose(p.c, 0.76800895913445988, 1e-10, 'pbc C');
    expectClose(p.se, 0.02176122292109231, 1e-10, 'pbc se');
  });

  test('falls back to Harrell weights with fewer than two events, as concordancefit', () => {
    const t = [1, 2, 3, 4];
    const s = [0, 1, 0, 0];
    const x = [0.3, 0.9, 0.1, 0.5];
    expect(concordance(t, s, x, { timewt: 'n/G2' })).toEqual(concordance(t, s, x));
  });
});
