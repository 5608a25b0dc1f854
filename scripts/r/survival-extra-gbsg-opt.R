# Dev-only: R reference for tests/fixtures/survival-extra/gbsg-opt (run inside that folder). R 4.2.2, survival 3.5-3, maxstat 0.7-25.
suppressMessages({ library(survival); library(maxstat); library(jsonlite) })
d <- read.delim("input.tsv")
m <- maxstat.test(Surv(rfstime, status) ~ pgr, d, smethod = "LogRank", pmethod = "Lau92", minprop = 0.2, maxprop = 0.8)
d$group <- factor(ifelse(d$pgr > m$estimate, "high", "low"), levels = c("low", "high"))
fit <- coxph(Surv(rfstime, status) ~ group + grade, d, ties = "breslow")
s <- summary(fit)
exp <- list(cutpoint = list(value = unname(m$estimate), statistic = unname(m$statistic), p_adjusted = m$p.value, minprop = 0.2),
  cox_adjusted = list(terms = lapply(1:2, function(i) list(term = c("group=high","grade")[i], coef = s$coefficients[i,1], se = s$coefficients[i,3], hr = s$coefficients[i,2], p = s$coefficients[i,5])),
   loglik = fit$loglik, concordance = list(c = s$concordance[[1]], se = s$concordance[[2]])))
writeLines(toJSON(exp, auto_unbox = TRUE, digits = NA, pretty = TRUE), "expected.json")
km <- survfit(Surv(rfstime, status) ~ group, d); sk <- summary(km, censored = TRUE)
write.table(data.frame(group = sub("group=", "", sk$strata), time = sk$time, n_risk = sk$n.risk, surv = sprintf("%.17g", sk$surv)), "km.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
