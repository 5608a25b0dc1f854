// Display labels for the variables of `migrascore associate` (the rows it draws come
// from ../associate/types.ts: AssociateRow, AssociatePair, AssociateSkipped).

/** Display labels for variables (e.g. leukocyte_fraction → "Leukocyte fraction"); the column name where absent. */
export type VariableLabels = Readonly<Record<string, string>>;

/** The label of `variable`: its entry in `labels`, else the column name itself. */
export function variableLabel(variable: string, labels?: VariableLabels): string {
  const l = labels && Object.prototype.hasOwnProperty.call(labels, variable) ? labels[variable] : undefined;
  return l !== undefined && l.trim() !== '' ? l : variable;
}
