// What a file that is not UTF-8 text is, from its first bytes, so a reader can say
// "this is an Excel workbook" instead of echoing binary garbage as a cell; and a
// printable form of any text echoed back in messages (no raw control bytes).

/** Why `head` (the first bytes, already gunzipped) is not readable text, or null when it is. */
export function describeNonText(head: Uint8Array): string | null {
  const b = head;
  const starts = (...bytes: number[]) => bytes.every((x, i) => b[i] === x);
  const ascii = (s: string) => starts(...Array.from(s, (c) => c.charCodeAt(0)));
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return `UTF-16 text (${b[0] === 0xff ? 'little' : 'big'}-endian, with a byte-order mark), as Excel's "Unicode Text" and some Windows tools write. Save it as UTF-8 (Excel: "CSV UTF-8" or "Tab-delimited Text"; or iconv -f UTF-16 -t UTF-8 FILE > FILE.tsv)`;
  }
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    return 'a zip archive, such as an Excel workbook (.xlsx) or an OpenDocument sheet (.ods). Export the sheet as tab-separated text (Excel: File > Save As > "Text (Tab delimited)" or "CSV UTF-8"; in R: write.table(readxl::read_excel(FILE), "expr.tsv", sep = "\\t", quote = FALSE, row.names = FALSE)), or unzip the archive and give the text file inside';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return 'an old-style Excel workbook (.xls). Export the sheet as tab-separated text (File > Save As > "Text (Tab delimited)") or "CSV UTF-8"';
  }
  if (ascii('%PDF')) return 'a PDF document, not a table';
  if (starts(0x89, 0x48, 0x44, 0x46)) {
    return 'an HDF5 file (.h5, .h5ad, .loom). Export the expression matrix as a TSV with genes in rows (e.g. in R: write.table(as.matrix(m), "expr.tsv", sep = "\\t", quote = FALSE, col.names = NA))';
  }
  if (ascii('RDX2\n') || ascii('RDX3\n') || ascii('RDA2\n') || ascii('RDA3\n') || (ascii('X\n') && starts(0x58, 0x0a, 0, 0, 0) && (b[5] === 2 || b[5] === 3)) || ascii('A\n2\n') || ascii('A\n3\n')) {
    return 'an R data file (.rds or .RData). In R, write the matrix as text: write.table(m, "expr.tsv", sep = "\\t", quote = FALSE, col.names = NA)';
  }
  if (ascii('BZh')) return 'bzip2-compressed; decompress it first (bunzip2) or re-compress it with gzip';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz-compressed; decompress it first (unxz) or re-compress it with gzip';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'zstd-compressed; decompress it first (unzstd) or re-compress it with gzip';
  if (ascii('PAR1')) return 'a Parquet file; export it as TSV or CSV';
  // UTF-16 without a byte-order mark: NULs at every other byte of ASCII text.
  const n = Math.min(b.length, 512);
  let nul = 0;
  let evenNul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) { nul++; if (i % 2 === 0) evenNul++; }
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (n >= 4 && nul >= n / 4) {
    if (nul >= 0.9 * Math.floor(n / 2) && (evenNul >= 0.9 * nul || evenNul <= 0.1 * nul)) {
      return `UTF-16 text (${evenNul > nul / 2 ? 'big' : 'little'}-endian, no byte-order mark). Save it as UTF-8 (Excel: "CSV UTF-8"; or iconv -f UTF-16${evenNul > nul / 2 ? 'BE' : 'LE'} -t UTF-8 FILE > FILE.tsv)`;
    }
  }
  if (nul > 0 || control > n / 10) {
    return `a binary file (${nul > 0 ? 'NUL bytes' : 'control characters'} in its first ${n} bytes), not a text table. Give a tab- or comma-separated text file (optionally .gz)`;
  }
  return null;
}

/** `s` with control characters shown as \xNN (tab as \t), safe to put in a one-line message. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\t') return '\\t';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}
