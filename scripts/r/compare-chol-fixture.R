# Dev-only: R's answer for `migrascore compare --expr examples/tcga-chol.rsem.tsv.gz
# --clinical tcga-cdr --paired --per-gene` (36 CHOL tumours, 9 matched adjacent normals),
# written as the conformance case tests/fixtures/compare/chol-paired/ (call.txt,
# expect.json, expected/{compare,scores,compare_genes,compare_pairs}.tsv).
# Groups from the barcodes' sample-type codes (01-09 tumour, 10-19 normal), cancer from
# TCGA-CDR; GSVA 1.46 ssgsea of migrasome-core on the 45 samples together (rank-based:
# log2 does not change it); wilcox.test(tumour, normal) with R's defaults, and
# paired = TRUE on the patients with both samples; per gene: log2(x+1) means and
# wilcox.test, BH over the gene rows (one cancer, so fdr over cancers is p itself).
# Usage: Rscript scripts/r/compare-chol-fixture.R   (from the project root; R 4.2.2, GSVA 1.46.0)
suppressMessages({ library(GSVA); library(jsonlite) })
out <- "tests/fixtures/compare/chol-paired"
x <- as.matrix(read.delim(gzfile("examples/tcga-chol.rsem.tsv.gz"), row.names = 1, check.names = FALSE))
na <- c("", "NA", "[Not Available]", "[Not Applicable]", "[Unknown]", "[Discrepancy]", "[Not Evaluated]")
cdr <- read.delim(gzfile("data/tcga-cdr.tsv.gz"), na.strings = na, check.names = FALSE, stringsAsFactors = FALSE)
# migrasome-core as the Firehose rows it resolves to (EOGT is C3orf64, CPQ is PGCP in 2016)
core <- c(TSPAN4 = "TSPAN4|7106", TSPAN7 = "TSPAN7|7102", ITGA5 = "ITGA5|3678", ITGB1 = "ITGB1|3688",
          NDST1 = "NDST1|3340", EOGT = "C3orf64|285203", PIGK = "PIGK|10026", CPQ = "PGCP|10404",
          PIP5K1A = "PIP5K1A|8394", RAB35 = "RAB35|11021", SGMS2 = "SGMS2|166929")
stopifnot(all(core %in% rownames(x)))
bar <- colnames(x)
pat <- substr(bar, 1, 12); typ <- as.integer(substr(bar, 14, 15)); vial <- substr(bar, 16, 16)
group <- ifelse(typ >= 1 & typ <= 9, "tumour", ifelse(typ >= 10 & typ <= 19, "normal", NA))
# one sample per patient per group: lowest sample-type code, then vial, then barcode
ord <- order(pat, group, typ, vial, bar)
keep <- ord[!is.na(group[ord]) & !duplicated(paste(pat, group)[ord])]
keep <- keep[pat[keep] %in% cdr$bcr_patient_barcode]
stopifnot(length(keep) == 45, all(cdr$type[match(pat[keep], cdr$bcr_patient_barcode)] == "CHOL"))
keep <- sort(keep)  # file order
es <- gsva(x[, keep], list(`migrasome-core` = unname(core)), method = "ssgsea", verbose = FALSE)[1, ]
g <- group[keep]; p <- pat[keep]
tum <- es[g == "tumour"]; nor <- es[g == "normal"]
w <- wilcox.test(tum, nor)
both <- intersect(p[g == "tumour"], p[g == "normal"])
pt <- es[g == "tumour"][match(both, p[g == "tumour"])]; pn <- es[g == "normal"][match(both, p[g == "normal"])]
wp <- wilcox.test(pt, pn, paired = TRUE)
kind <- function(t) if (grepl("exact", t$method)) "exact" else "normal"
f <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
cmp <- data.frame(cancer = "CHOL", n_case = length(tum), n_reference = length(nor),
                  median_case = f(median(tum)), median_reference = f(median(nor)), diff_median = f(median(tum) - median(nor)),
                  statistic = f(w$statistic), p = f(w$p.value), method = kind(w), fdr = f(p.adjust(w$p.value, "BH")),
                  n_pairs = length(both), statistic_paired = f(wp$statistic), p_paired = f(wp$p.value),
                  fdr_paired = f(p.adjust(wp$p.value, "BH")), method_paired = kind(wp))
dir.create(file.path(out, "expected"), recursive = TRUE, showWarnings = FALSE)
tsv <- function(d, name) write.table(d, file.path(out, "expected", name), sep = "\t", quote = FALSE, row.names = FALSE)
tsv(cmp, "compare.tsv")
tsv(data.frame(cancer = "CHOL", patient = both, case = f(pt), reference = f(pn), difference = f(pt - pn)), "compare_pairs.tsv")
sc <- data.frame(sample = bar[keep], patient = p, cancer = "CHOL", group = g, score = f(es))
names(sc)[5] <- "migrasome-core"
tsv(sc, "scores.tsv")
lx <- log2(x[unname(core), keep] + 1)
genes <- do.call(rbind, lapply(names(core), function(s) {
  a <- lx[core[[s]], g == "tumour"]; b <- lx[core[[s]], g == "normal"]
  t <- wilcox.test(a, b)
  data.frame(cancer = "CHOL", gene = s, n_case = length(a), n_reference = length(b), mean_case = mean(a),
             mean_reference = mean(b), log2fc = mean(a) - mean(b), statistic = unname(t$statistic), p = t$p.value, method = kind(t))
}))
genes$fdr <- p.adjust(genes$p, "BH")
for (k in c("mean_case", "mean_reference", "log2fc", "statistic", "p", "fdr")) genes[[k]] <- f(genes[[k]])
tsv(genes[, c("cancer", "gene", "n_case", "n_reference", "mean_case", "mean_reference", "log2fc", "statistic", "p", "fdr")], "compare_genes.tsv")
writeLines("compare --expr ../../../../examples/tcga-chol.rsem.tsv.gz --clinical tcga-cdr --paired --per-gene --out OUT", file.path(out, "call.txt"))
writeLines(toJSON(list(compare = list(
  list(output = "compare.tsv", expected = "expected/compare.tsv", keys = list("cancer")),
  list(output = "scores.tsv", expected = "expected/scores.tsv", keys = list("sample")),
  list(output = "compare_genes.tsv", expected = "expected/compare_genes.tsv", keys = list("cancer", "gene")),
  list(output = "compare_pairs.tsv", expected = "expected/compare_pairs.tsv", keys = list("cancer", "patient")))),
  auto_unbox = TRUE, pretty = TRUE), file.path(out, "expect.json"))
# For the record (stdout): the tests as R prints them, and each gene test's branch
print(w); print(wp)
cat("tumour median", median(tum), " normal median", median(nor), "\n")
cat("paired: tumour median", median(pt), " normal median", median(pn), " differences", sort(pt - pn), "\n")
print(genes[, c("gene", "statistic", "p", "method", "fdr")])
