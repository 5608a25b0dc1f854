// The bundled TCGA Pan-Cancer Clinical Data Resource (Liu et al. 2018, Cell 173:400–416),
// usable anywhere a clinical table is: `--clinical tcga-cdr`.
import { fileURLToPath } from 'node:url';

export const TCGA_CDR = {
  name: 'tcga-cdr',
  path: fileURLToPath(new URL('../../data/tcga-cdr.tsv.gz', import.meta.url)),
  idColumn: 'bcr_patient_barcode',
  cancerColumn: 'type',
  citation:
    'Liu J, Lichtenberg T, Hoadley KA, et al. An Integrated TCGA Pan-Cancer Clinical Data Resource to Drive ' +
    'High-Quality Survival Outcome Analytics. Cell. 2018;173(2):400-416.e11.',
  doi: '10.1016/j.cell.2018.02.052',
} as const;

/** A --clinical value resolved: the built-in name maps to the bundled file and its known columns. */
export function resolveClinical(spec: string): { path: string; builtIn: boolean; idColumn?: string; cancerColumn?: string } {
  if (spec === TCGA_CDR.name) return { path: TCGA_CDR.path, builtIn: true, idColumn: TCGA_CDR.idColumn, cancerColumn: TCGA_CDR.cancerColumn };
  return { path: spec, builtIn: false };
}
