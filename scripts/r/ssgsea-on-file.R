# Dev-only: GSVA 1.46 ssgsea on a reference case's expr.tsv *as written*, for
# tests/fixtures/scoring/<case>/expected_ssgsea.on-file.tsv. Needed because the shared
# expected_ssgsea.tsv of synthetic-log and bladder-microarray were computed on values
# held in R's memory that differ by one ulp from the 15-digit text in expr.tsv; ssGSEA
# ranks turn those near-ties into ties (see tests/fixtures/scoring/README.md).
# Usage: Rscript scripts/r/ssgsea-on-file.R tests/fixtures/scoring/synthetic-log
suppressMessages(library(GSVA))
dir <- commandArgs(trailingOnly = TRUE)[1]
x <- as.matrix(read.delim(file.path(dir, "expr.tsv"), row.names = 1, check.names = FALSE))
lines <- strsplit(readLines(file.path(dir, "genesets.gmt")), "\t")
sets <- setNames(lapply(lines, function(f) f[-(1:2)]), sapply(lines, `[`, 1))
es <- gsva(x, sets, method = "ssgsea", kcdf = "Gaussian", min.sz = 1, max.sz = Inf, verbose = FALSE)
out <- data.frame(sample = colnames(es), t(es), check.names = FALSE)
out[-1] <- lapply(out[-1], function(v) sprintf("%.17g", v))
write.table(out, file.path(dir, "expected_ssgsea.on-file.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
