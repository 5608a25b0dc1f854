# R side of bench/score.js: read with data.table::fread, score with GSVA 1.46 ssgsea
# (the same three built-in sets), write the scores. Usage: Rscript bench/ssgsea.R matrix.tsv out.tsv
suppressMessages({ library(data.table); library(GSVA) })
args <- commandArgs(trailingOnly = TRUE)
dt <- fread(args[1])
ids <- sub("\\|.*$", "", dt[[1]])
m <- as.matrix(dt[, -1]); rownames(m) <- ids
sets <- list(
  "migrasome-core" = c("TSPAN4","TSPAN7","ITGA5","ITGB1","NDST1","C3orf64","PIGK","PGCP","PIP5K1A","RAB35","SGMS2"),
  "migrasome-markers" = c("TSPAN4","TSPAN7","ITGB1","ITGA5","NDST1","C3orf64","PIGK","PGCP"),
  "migrasome-tetraspanins" = c("TSPAN1","TSPAN2","TSPAN4","TSPAN6","TSPAN7","TSPAN9","TSPAN18","CD82","CD81"))
es <- gsva(m, sets, method = "ssgsea", verbose = FALSE)
fwrite(data.table(sample = colnames(es), t(es)), args[2], sep = "\t")
