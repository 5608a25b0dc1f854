# R side of bench/coxnet.js: times cv.glmnet(x, Surv(time, status), family = "cox", foldid)
# on the cohort bench/coxnet.js writes, and saves lambda.min, lambda.1se and the coefficients
# at lambda.min for the comparison. Usage: Rscript bench/coxnet.R DATA.tsv OUT.json [runs=3]
suppressMessages({ library(glmnet); library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
runs <- if (length(args) >= 3) as.integer(args[3]) else 3L
d <- read.delim(args[1], check.names = FALSE)
x <- as.matrix(d[, -(1:4)])
y <- Surv(d$time, d$status)
wall <- cpu <- numeric(runs)
for (r in seq_len(runs)) {
  t <- system.time(cv <- cv.glmnet(x, y, family = "cox", foldid = d$fold))
  wall[r] <- t[["elapsed"]]; cpu[r] <- t[["user.self"]]
}
num <- function(v) structure(paste0("[", paste(sprintf("%.17g", v), collapse = ","), "]"), class = "json")
writeLines(toJSON(list(wall = num(wall), cpu = num(cpu), lambda_min = num(cv$lambda.min), lambda_1se = num(cv$lambda.1se),
  coef_min = num(as.numeric(as.matrix(coef(cv, s = "lambda.min")))), cvm = num(cv$cvm), path = length(cv$lambda),
  glmnet = as.character(packageVersion("glmnet"))), auto_unbox = TRUE, json_verbatim = TRUE), args[2])
