# Dev-only: R's answer for `migrascore compare` on the embedded demo data, as conformance
# cases in tests/fixtures/compare/: mini-dlbc-uvm (a sample table's two levels, 48 and 80
# samples: the normal approximation; per gene) and synthetic-min-samples (the shared
# synthetic TCGA case with --min-samples 7: LIHC, with 6 normals, is skipped).
# Usage: Rscript scripts/r/compare-fixture.R   (from the project root; R 4.2, GSVA 1.46)
suppressMessages({ library(GSVA) })
f17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write_tsv <- function(d, path) write.table(d, path, sep = "\t", quote = FALSE, row.names = FALSE)

# --- mini-dlbc-uvm: DLBC (case) versus UVM (reference), one cohort ("all")
out <- "tests/fixtures/compare/mini-dlbc-uvm"
dir.create(file.path(out, "expected"), recursive = TRUE, showWarnings = FALSE)
x <- as.matrix(read.delim(gzfile("examples/tcga-mini-pancan.rsem.tsv.gz"), row.names = 1, check.names = FALSE))
st <- read.delim("examples/tcga-mini-pancan.samples.tsv", header = FALSE, col.names = c("sample", "cancer_type"))
write_tsv(st, file.path(out, "samples.tsv"))
cancer <- setNames(st$cancer_type, st$sample)[colnames(x)]
keep <- colnames(x)[cancer %in% c("DLBC", "UVM")]          # matrix column order
core <- c(TSPAN4 = "TSPAN4|7106", TSPAN7 = "TSPAN7|7102", ITGA5 = "ITGA5|3678", ITGB1 = "ITGB1|3688", NDST1 = "NDST1|3340",
          EOGT = "C3orf64|285203", PIGK = "PIGK|10026", CPQ = "PGCP|10404", PIP5K1A = "PIP5K1A|8394", RAB35 = "RAB35|11021",
          SGMS2 = "SGMS2|166929")
es <- gsva(x[, keep], list(`migrasome-core` = unname(core)), method = "ssgsea", verbose = FALSE)[1, ]
grp <- cancer[keep]
a <- es[grp == "DLBC"]; b <- es[grp == "UVM"]
t <- wilcox.test(a, b)
write_tsv(data.frame(cancer = "all", n_case = length(a), n_reference = length(b), median_case = f17(median(a)),
                     median_reference = f17(median(b)), diff_median = f17(median(a) - median(b)), statistic = t$statistic,
                     p = f17(t$p.value), method = "normal", fdr = f17(p.adjust(t$p.value, "BH"))),
          file.path(out, "expected", "compare.tsv"))
write_tsv(data.frame(sample = keep, patient = substr(keep, 1, 12), cancer = "all", group = grp, `migrasome-core` = f17(es), check.names = FALSE),
          file.path(out, "expected", "scores.tsv"))
# per gene on log2(x + 1): the matrix is unlogged RSEM (--log2 auto decides so)
g <- do.call(rbind, lapply(names(core), function(gene) {
  v <- log2(x[core[[gene]], keep] + 1)
  va <- v[grp == "DLBC"]; vb <- v[grp == "UVM"]
  tt <- suppressWarnings(wilcox.test(va, vb))
  data.frame(cancer = "all", gene = gene, n_case = length(va), n_reference = length(vb), mean_case = f17(mean(va)),
             mean_reference = f17(mean(vb)), log2fc = f17(mean(va) - mean(vb)), statistic = tt$statistic, p = tt$p.value)
}))
g$fdr <- f17(p.adjust(g$p, "BH")); g$p <- f17(g$p)
write_tsv(g, file.path(out, "expected", "compare_genes.tsv"))
writeLines("compare --expr ../../../../examples/tcga-mini-pancan.rsem.tsv.gz --samples samples.tsv --id sample --group cancer_type --levels DLBC,UVM --per-gene --out OUT",
           file.path(out, "call.txt"))

# --- synthetic-min-samples: R's scores of the shared synthetic case (its expected/scores.tsv,
# copied to tests/fixtures/compare/synthetic-tcga-rules), KIRC only: LIHC has 6 normals < 7
out <- "tests/fixtures/compare/synthetic-min-samples"
dir.create(file.path(out, "expected"), recursive = TRUE, showWarnings = FALSE)
s <- read.delim("tests/fixtures/compare/synthetic-tcga-rules/expected/scores.tsv", check.names = FALSE)
s <- s[s$cancer == "KIRC", ]
a <- s[s$group == "tumour", "migrasome-core"]; b <- s[s$group == "normal", "migrasome-core"]
t <- suppressWarnings(wilcox.test(a, b))
write_tsv(data.frame(cancer = "KIRC", n_case = length(a), n_reference = length(b), median_case = f17(median(a)),
                     median_reference = f17(median(b)), diff_median = f17(median(a) - median(b)), statistic = t$statistic,
                     p = f17(t$p.value), method = "normal", fdr = f17(p.adjust(t$p.value, "BH"))),
          file.path(out, "expected", "compare.tsv"))
write_tsv(s, file.path(out, "expected", "scores.tsv"))
write_tsv(data.frame(cancer = "LIHC", n_case = 10, n_reference = 6), file.path(out, "expected", "compare_skipped.tsv"))
