// What the section renderers share: the thresholds and the figure counter of one page,
// and the significance rules of the pan-cancer table rows.

import { finite } from './format.js';
import type { FigureCounter } from './inlineSvg.js';
import type { EndpointSection, PancanTableRow } from './model.js';

export interface Context {
  fdr: number;
  conf: number;
  counter: FigureCounter;
}

export function isSignificant(row: PancanTableRow, fdr: number): boolean {
  return finite(row.fdr) && row.fdr < fdr;
}

export function significantCount(ep: EndpointSection, fdr: number): number {
  return ep.significantCount ?? ep.table.filter((r) => isSignificant(r, fdr)).length;
}

export function endpointName(ep: EndpointSection): string {
  return ep.label ? `${ep.endpoint} — ${ep.label}` : ep.endpoint;
}
