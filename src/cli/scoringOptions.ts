// Flags shared by `score` and `survival --expr`: which sets, which method, which scale.
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { positiveInt } from './parsers.js';
import type { ScoreRequest } from '../pipeline/scoreMatrix.js';
import { SCORE_METHOD_NAMES } from '../score/methods.js';
import type { ScoreMethodName } from '../score/types.js';


function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function addScoringOptions(command: Command): Command {
  return command
    .option('--geneset <spec>', 'built-in set name, .gmt or .json file, or inline NAME=G1,G2 (repeatable; default migrasome-core)', collect)
    .addOption(new Option('--method <m>', 'scoring method').choices([...SCORE_METHOD_NAMES]).default('ssgsea'))
    .addOption(new Option('--log2 <mode>', 'log2(x+1) for unlogged data before methods that assume log scale').choices(['auto', 'yes', 'no']).default('auto'))
    .addOption(new Option('--kcdf <kernel>', 'gsva kernel: gaussian (log-scale data) or poisson (counts)').choices(['gaussian', 'poisson']).default('gaussian'))
    .option('--min-size <n>', 'score only sets with at least n genes in the matrix (GSVA min.sz)', positiveInt('--min-size'), 1)
    .option('--max-size <n>', 'score only sets with at most n genes in the matrix (GSVA max.sz)', positiveInt('--max-size'))
    .option('--threads <n>', 'worker threads for ssgsea, gsva and the gene correlations of associate --genes (default: all cores)', positiveInt('--threads'))
    .option('--transpose', 'the --expr matrix has samples in rows and genes across the header (as pandas and many spreadsheets write it)');
}

/** The scoring request from parsed flags. */
export function scoreRequest(o: Record<string, any>, expr: string): ScoreRequest {
  if (o.kcdf === 'poisson' && o.method !== 'gsva') throw new UsageError('--kcdf poisson applies to --method gsva only.');
  return {
    expr,
    genesets: o.geneset ?? [],
    method: o.method as ScoreMethodName,
    log2: o.log2,
    kcdf: o.kcdf,
    minSize: o.minSize,
    maxSize: o.maxSize ?? Infinity,
    threads: o.threads,
    ...(o.transpose ? { transpose: true } : {}),
  };
}
