// The Cox model design matrix, as R's model.frame + model.matrix build it for
// coxph: complete cases only (na.omit), numeric terms as one column each, factors
// as treatment-contrast indicator columns against their first level.

/** One model term: a numeric column (NaN = missing) or a factor (null = missing). */
export type DesignTerm =
  | { name: string; kind: 'numeric'; values: Float64Array }
  | {
      name: string;
      kind: 'factor';
      values: (string | null)[];
      /**
       * Levels with the reference first, kept even when a level has no complete
       * case (an all-zero column, aliased in the fit, as R does for a factor).
       * Omitted: the sorted distinct values of the complete cases (what R does for
       * a character column, whose levels are formed after missing rows are dropped).
       */
      levels?: string[];
    };

export interface Design {
  /** One column per coefficient, complete-case rows only. */
  columns: Float64Array[];
  /** `name` for numeric terms, `name=level` for each non-reference factor level. */
  termNames: string[];
  /** Indices (into the input rows) of the complete cases, ascending. */
  rows: Int32Array;
}

const collator = new Intl.Collator('und');

/**
 * Distinct non-missing values sorted as R sorts text in a UTF-8 locale (ICU root
 * collation), i.e. the level order of R's factor(x); the first is the reference.
 */
export function sortLevels(values: readonly (string | null)[]): string[] {
  const distinct = new Set<string>();
  for (const v of values) if (v !== null) distinct.add(v);
  return [...distinct].sort(collator.compare);
}

/**
 * A covariate as a design term: numeric when every non-missing value is a finite
 * number (R's type.convert would read the column as numeric), otherwise a factor
 * whose levels are formed from the complete cases. `null` marks a missing value.
 */
export function covariateTerm(name: string, values: readonly (string | null)[]): DesignTerm {
  const numbers = new Float64Array(values.length);
  let numeric = true;
  for (let i = 0; i < values.length && numeric; i++) {
    const v = values[i];
    if (v === null) {
      numbers[i] = NaN;
      continue;
    }
    const x = v.trim() === '' ? NaN : Number(v);
    if (Number.isFinite(x)) numbers[i] = x;
    else numeric = false;
  }
  if (numeric) return { name, kind: 'numeric', values: numbers };
  return { name, kind: 'factor', values: [...values] };
}

/**
 * Builds the coxph design for `n` rows (R: model.matrix(~ terms, na.omit(frame))
 * without the intercept, treatment contrasts). A row is kept when every term is
 * present in it.
 */
export function buildDesign(terms: readonly DesignTerm[], n: number): Design {
  for (const t of terms) {
    if (t.values.length !== n) {
      throw new Error(`design term '${t.name}' has ${t.values.length} values, expected ${n}`);
    }
  }
  const complete: number[] = [];
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (const t of terms) {
      if (t.kind === 'numeric' ? Number.isNaN(t.values[i]) : t.values[i] === null) {
        ok = false;
        break;
      }
    }
    if (ok) complete.push(i);
  }
  const rows = Int32Array.from(complete);

  const columns: Float64Array[] = [];
  const termNames: string[] = [];
  for (const t of terms) {
    if (t.kind === 'numeric') {
      const col = new Float64Array(rows.length);
      for (let r = 0; r < rows.length; r++) col[r] = t.values[rows[r]];
      columns.push(col);
      termNames.push(t.name);
      continue;
    }
    const levels = t.levels ?? sortLevels(Array.from(rows, (r) => t.values[r]));
    const index = new Map(levels.map((level, k) => [level, k]));
    const cols = levels.slice(1).map(() => new Float64Array(rows.length));
    for (let r = 0; r < rows.length; r++) {
      const value = t.values[rows[r]] as string;
      const k = index.get(value);
      if (k === undefined) throw new Error(`design term '${t.name}': value '${value}' is not one of its levels`);
      if (k > 0) cols[k - 1][r] = 1;
    }
    levels.slice(1).forEach((level, k) => {
      columns.push(cols[k]);
      termNames.push(`${t.name}=${level}`);
    });
  }
  return { columns, termNames, rows };
}
