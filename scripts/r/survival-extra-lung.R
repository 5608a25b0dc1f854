# Dev-only: R reference for tests/fixtures/survival-extra/lung (run inside that folder). R 4.2.2, survival 3.5-3.
suppressMessages({ library(survival); library(jsonlite) })
d <- survival::lung
d$id <- sprintf("L%03d", seq_len(nrow(d)))
d$sexf <- ifelse(d$sex == 1, "male", "female")
write.table(d[, c("id","time","status","age","sexf","ph.ecog","wt.loss","ph.karno")], "input.tsv", sep="\t", quote=FALSE, row.names=FALSE, na="NA")
cut <- median(d$age)
d$group <- factor(ifelse(d$age > cut, "high", "low"), levels=c("low","high"))
tests <- function(fit) {
  s <- summary(fit, conf.int = 0.9)
  z <- cox.zph(fit, transform = "km", terms = FALSE)$table
  list(terms = lapply(seq_len(nrow(s$coefficients)), function(i) list(term = sub("^sexf", "sexf=", sub("^group", "group=", rownames(s$coefficients)[i])),
      coef = s$coefficients[i,1], se = s$coefficients[i,3], hr = s$coefficients[i,2], hr_lower = s$conf.int[i,3], hr_upper = s$conf.int[i,4], z = s$coefficients[i,4], p = s$coefficients[i,5])),
    loglik = fit$loglik, lrt = list(chisq = 2*diff(fit$loglik), df = sum(!is.na(coef(fit))), p = s$logtest[["pvalue"]]),
    wald = list(chisq = fit$wald.test, df = sum(!is.na(coef(fit))), p = s$waldtest[["pvalue"]]),
    score = list(chisq = fit$score, df = sum(!is.na(coef(fit))), p = s$sctest[["pvalue"]]),
    concordance = list(c = s$concordance[[1]], se = s$concordance[[2]]),
    ph_test = lapply(seq_len(nrow(z)), function(i) list(term = sub("^sexf", "sexf=", sub("^group", "group=", rownames(z)[i])), chisq = z[i,1], df = z[i,2], p = z[i,3])))
}
km <- survfit(Surv(time, status) ~ group, d, conf.type = "plain", conf.int = 0.9)
tab <- summary(km, rmean = 500)$table
sd <- survdiff(Surv(time, status) ~ group, d)
at <- summary(km, times = c(180, 365, 2000))
exp <- list(n = nrow(d), events = sum(d$status == 2),
  groups = lapply(c("low","high"), function(g) { r <- tab[paste0("group=", g), ]; list(group = g, n = r[["records"]], events = r[["events"]],
    median = unname(r[["median"]]), median_lower = unname(r[["0.9LCL"]]), median_upper = if (is.na(r[["0.9UCL"]])) NULL else unname(r[["0.9UCL"]]), rmst = unname(r[["rmean"]]), rmst_se = unname(r[["se(rmean)"]])) }),
  logrank = list(chisq = sd$chisq, df = 1, p = pchisq(sd$chisq, 1, lower.tail = FALSE)),
  cox = tests(coxph(Surv(time, status) ~ group, d)),
  cox_continuous = { t <- tests(coxph(Surv(time, status) ~ age, d)); t },
  cox_adjusted = tests(coxph(Surv(time, status) ~ group + sexf + ph.ecog + wt.loss, d)),
  at_times = lapply(seq_along(at$time), function(i) list(group = sub("group=", "", as.character(at$strata[i])), time = at$time[i], n_risk = at$n.risk[i], surv = at$surv[i], std_err = at$std.err[i], lower = at$lower[i], upper = at$upper[i])))
writeLines(toJSON(exp, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), "expected.json")
sk <- summary(km, censored = TRUE)
write.table(data.frame(group = sub("group=", "", sk$strata), time = sk$time, n_risk = sk$n.risk, n_event = sk$n.event, n_censor = sk$n.censor, surv = sprintf("%.17g", sk$surv), std_err = sprintf("%.17g", sk$std.err), lower = sprintf("%.17g", sk$lower), upper = sprintf("%.17g", sk$upper)), "km.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
