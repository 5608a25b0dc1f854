# R side of bench/gsva.js and bench/score.js: read with data.table::fread, score with
# GSVA 1.46 gsva(method = M) (kcdf = "Gaussian" for gsva) on the same three built-in sets
# as the migrascore run, write the scores. Prints the seconds spent in gsva() alone on stderr.
# Usage: Rscript bench/gsva.R matrix.tsv out.tsv [gsva|ssgsea]   (default gsva)
suppressMessages({ library(data.table); library(GSVA) })
args <- commandArgs(trailingOnly = TRUE)
method <- if (length(args) >= 3) args[3] else "gsva"
dt <- fread(args[1])
ids <- sub("\\|.*$", "", dt[[1]])
m <- as.matrix(dt[, -1]); rownames(m) <- ids
sets <- list(
  "migrasome-core" = c("TSPAN4","TSPAN7","ITGA5","ITGB1","NDST1","C3orf64","PIGK","PGCP","PIP5K1A","RAB35","SGMS2"),
  "migrasome-markers" = c("TSPAN4","TSPAN7","ITGB1","ITGA5","NDST1","C3orf64","PIGK","PGCP"),
  "migrasome-tetraspanins" = c("TSPAN1","TSPAN2","TSPAN4","TSPAN6","TSPAN7","TSPAN9","TSPAN18","CD82","CD81"))
t <- system.time(es <- gsva(m, sets, method = method, kcdf = "Gaussian", verbose = FALSE))
message(sprintf("gsva(method=\"%s\") %.2f s elapsed, %.2f s user", method, t[["elapsed"]], t[["user.self"]]))
fwrite(data.table(sample = colnames(es), t(es)), args[2], sep = "\t")
