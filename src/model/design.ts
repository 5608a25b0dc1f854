// The gene matrix a penalised Cox model is fitted on: samples × genes, column-major
// (one contiguous Float64Array per gene, in the order given: glmnet's answer
// depends on column order), and glmnet's standardisation of it.

export interface DesignMatrix {
  /** Samples. */
  nrow: number;
  /** Genes. */
  ncol: number;
  /** Column-major values: gene j of sample i at values[j * nrow + i]. */
  values: Float64Array;
}

/** A design matrix from one array per gene (all the same length). */
export function designFromColumns(columns: ArrayLike<number>[]): DesignMatrix {
  const ncol = columns.length;
  const nrow = ncol > 0 ? columns[0].length : 0;
  const values = new Float64Array(nrow * ncol);
  for (let j = 0; j < ncol; j++) {
    const c = columns[j];
    if (c.length !== nrow) throw new RangeError(`design matrix: column ${j + 1} has ${c.length} values, expected ${nrow}`);
    for (let i = 0; i < nrow; i++) values[j * nrow + i] = c[i];
  }
  return { nrow, ncol, values };
}

/** The given rows of x, in the order given (R's x[rows, , drop = FALSE]). */
export function designRows(x: DesignMatrix, rows: ArrayLike<number>): DesignMatrix {
  const m = rows.length;
  const values = new Float64Array(m * x.ncol);
  for (let j = 0; j < x.ncol; j++) {
    const src = j * x.nrow;
    const dst = j * m;
    for (let k = 0; k < m; k++) values[dst + k] = x.values[src + rows[k]];
  }
  return { nrow: m, ncol: x.ncol, values };
}

export interface Standardized {
  /** (x − mean) / sd, column-major; columns left out hold zeros. */
  values: Float64Array;
  mean: Float64Array;
  /** Standard deviation with divisor n (glmnet's weights 1/n), 1 for columns left out. */
  scale: Float64Array;
  /** 1 for columns that vary, 0 for columns equal in every row (glmnet's chkvars). */
  varies: Uint8Array;
}

/**
 * glmnet's cstandard with weights 1/n: m_j = Σ q x_ij, s_j = sqrt(Σ q (x_ij − m_j)²),
 * summed in row order as the Fortran does. Constant columns are flagged, not scaled.
 */
export function standardize(x: DesignMatrix): Standardized {
  const { nrow: n, ncol: p } = x;
  const q = 1 / n;
  const values = new Float64Array(n * p);
  const mean = new Float64Array(p);
  const scale = new Float64Array(p).fill(1);
  const varies = new Uint8Array(p);
  for (let j = 0; j < p; j++) {
    const o = j * n;
    const first = x.values[o];
    for (let i = 1; i < n; i++) {
      if (x.values[o + i] !== first) {
        varies[j] = 1;
        break;
      }
    }
    if (!varies[j]) continue;
    let m = 0;
    for (let i = 0; i < n; i++) m += q * x.values[o + i];
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const c = x.values[o + i] - m;
      values[o + i] = c;
      ss += q * (c * c);
    }
    const s = Math.sqrt(ss);
    for (let i = 0; i < n; i++) values[o + i] /= s;
    mean[j] = m;
    scale[j] = s;
  }
  return { values, mean, scale, varies };
}
