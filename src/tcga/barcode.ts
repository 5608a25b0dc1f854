// TCGA barcodes: TCGA-TSS-PPPP[-SSV[-PPA-AAAA-CC]], also as R's make.names leaves
// them (dots) or with underscores. https://docs.gdc.cancer.gov/Encyclopedia/pages/TCGA_Barcode/
const BARCODE = /^TCGA[-._]([A-Z0-9]{2})[-._]([A-Z0-9]{4})(?:[-._](\d{2})([A-Z])?)?/i;

export interface TcgaBarcode {
  /** Normalised with '-' separators and upper case. */
  barcode: string;
  /** First 12 characters: TCGA-XX-XXXX. */
  patient: string;
  /** Two-digit sample-type code (01–09 tumour, 10–19 normal, 20–29 control), or null for a patient barcode. */
  sampleType: string | null;
  /** Vial letter (A, B, …) or null. */
  vial: string | null;
}

export function parseTcgaBarcode(id: string): TcgaBarcode | null {
  const m = BARCODE.exec(id.trim());
  if (!m) return null;
  const barcode = id.trim().toUpperCase().replace(/[._]/g, '-');
  return {
    barcode,
    patient: `TCGA-${m[1]}-${m[2]}`.toUpperCase(),
    sampleType: m[3] ?? null,
    vial: m[4] ? m[4].toUpperCase() : null,
  };
}

export const TUMOUR_SAMPLE_TYPES: readonly string[] = ['01', '02', '03', '04', '05', '06', '07', '08', '09'];

/** The contract's rule for one sample per patient: lowest sample-type code, then lowest vial letter, then smallest barcode. */
export function compareSamplesForPatient(a: TcgaBarcode, b: TcgaBarcode): number {
  const ta = a.sampleType ?? '00';
  const tb = b.sampleType ?? '00';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const va = a.vial ?? '';
  const vb = b.vial ?? '';
  if (va !== vb) return va < vb ? -1 : 1;
  return a.barcode < b.barcode ? -1 : a.barcode > b.barcode ? 1 : 0;
}
