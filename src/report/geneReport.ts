// The gene-matching section: per gene set, how many genes were found (directly or via
// another identifier), missing, ambiguous or duplicated, with the details.

import type { GeneSetReport } from '../genes/resolve.js';
import { escapeHtml } from './format.js';
import type { ReportModel } from './model.js';

function geneSetRow(r: GeneSetReport): string {
  const via = r.genes.filter((g) => g.status === 'via-id' && g.duplicateOf === undefined).length;
  const share = r.size > 0 ? Math.min(1, r.found / r.size) : 0;
  return (
    `<tr><td><strong>${escapeHtml(r.set)}</strong></td><td>${escapeHtml(r.source)}</td>` +
    `<td class="num">${r.size}</td>` +
    `<td class="num"><span class="coverage" title="${Math.round(share * 100)}% of the set's genes"><span style="width:${(share * 100).toFixed(1)}%"></span></span>${r.found}</td>` +
    `<td class="num">${via}</td><td class="num">${r.missing.length}</td>` +
    `<td class="num">${r.ambiguous.length}</td><td class="num">${r.duplicates.length}</td></tr>`
  );
}

function geneSetDetails(r: GeneSetReport): string {
  const items: string[] = [];
  const hinted = (g: string) => {
    const s = r.genes.find((x) => x.gene === g)?.suggestions;
    return s?.length ? `${escapeHtml(g)} (did you mean ${s.map(escapeHtml).join(' or ')}?)` : escapeHtml(g);
  };
  if (r.missing.length) items.push(`<li>Missing (${r.missing.length}): <span class="gene-list">${r.missing.map(hinted).join(', ')}</span></li>`);
  for (const g of r.genes) {
    if (g.duplicateOf !== undefined) {
      items.push(`<li><span class="gene-list">${escapeHtml(g.gene)}</span>: same row as ${escapeHtml(g.duplicateOf)}${g.row ? ` (<span class="gene-list">${escapeHtml(g.row)}</span>)` : ''}, kept once</li>`);
    } else if (g.status === 'via-id') {
      // `how` is the resolver's whole sentence ("CPQ → PGCP|10404 via Entrez 10404")
      items.push(`<li>${g.how ? escapeHtml(g.how) : `${escapeHtml(g.gene)} → ${escapeHtml(g.row ?? '?')}`}</li>`);
    } else if (g.status === 'dropped') {
      items.push(`<li><span class="gene-list">${escapeHtml(g.gene)}</span>: ${escapeHtml(g.how ?? 'row dropped')}</li>`);
    } else if (g.status === 'ambiguous') {
      items.push(`<li><span class="gene-list">${escapeHtml(g.gene)}</span>: ambiguous, left out${g.how ? ` (${escapeHtml(g.how)})` : ''}${g.candidates?.length ? `: ${g.candidates.map(escapeHtml).join(', ')}` : ''}</li>`);
    }
  }
  if (!items.length) return '';
  const count = items.length - (r.missing.length ? 1 : 0) + r.missing.length;
  return `<details class="genes-detail" open><summary>${escapeHtml(r.set)}: ${count} gene${count === 1 ? '' : 's'} not found as given</summary><ul>${items.join('')}</ul></details>`;
}

export function genesSection(model: ReportModel): string {
  if (!model.geneReport.length) return `<section id="genes"><h2>Gene matching</h2><p class="muted">No gene set was scored (scores given).</p></section>`;
  return (
    `<section id="genes"><h2>Gene matching</h2>` +
    `<div class="table-wrap"><table class="data genes"><thead><tr><th>Gene set</th><th>Source</th><th class="num">Genes</th>` +
    `<th class="num">Found</th><th class="num">via another ID</th><th class="num">Missing</th><th class="num">Ambiguous</th><th class="num">Duplicates</th></tr></thead>` +
    `<tbody>${model.geneReport.map(geneSetRow).join('')}</tbody></table></div>` +
    `<p class="table-note">Found: distinct expression rows scored (including those matched through another identifier).</p>` +
    model.geneReport.map(geneSetDetails).join('') +
    `</section>`
  );
}
