"""Reference figures for Gaplens' statistics, computed with SciPy and pingouin.

Rerun from the repository root:

    pip install -r scripts/reference/requirements.txt
    python3 scripts/reference/make_fixtures.py   # only if the fixture CSVs should be regenerated
    python3 scripts/reference/compute.py

Reads every tests/fixtures/responses/*.csv (canonical Responses CSV, comma separated, decimal
point, blank cell = missing) and writes tests/fixtures/reference/<stem>.json, plus
tests/fixtures/reference/t_distribution.json (Student's t quantiles and two-sided p-values from
scipy.stats.t). Output is deterministic: lists in a fixed order, floats in Python's shortest
round-trip repr, JSON null for anything not computable (never NaN).

Definitions (see docs in DESIGN.md, "The figures, exactly" / "Statistics every figure carries"):

* Customers are rows whose `source` is blank or `customer`; management rows are ignored here.
* Views: wave null = every customer row; then one view per distinct non-blank wave, in order of
  first appearance in the file (over all rows). Blank-wave rows count in the null view only.
* Items: template items (TAN1..TAN4, REL1..REL5, RES1..RES4, ASS1..ASS4, EMP1..EMP5) with an E:
  or P: column, in template order; then unknown codes in order of first column appearance,
  dimension "other".
* STATS {n, mean, sd (ddof=1), se = sd/sqrt(n), ci_low/ci_high = mean -/+ t.ppf(0.975, n-1)*se}.
  Means and sums of squares use math.fsum (correctly rounded); every value is cross-checked
  against numpy / scipy.stats.ttest_1samp / ttest_rel / pingouin (relative 1e-12).
* TEST = STATS + {t = mean/se, df = n-1, p two-sided (scipy ttest_1samp of the differences
  against 0, cross-checked with ttest_rel(P, E)), dz = mean/sd, finding, indicative}; items also
  get p_holm = Holm step-down over every non-null item perception-gap p of the view
  (pingouin.multicomp(method="holm"), cross-checked with statsmodels multipletests "holm").
* Degenerate: n=0 all numbers null; n=1 only mean; n>=2 with every value identical (SD=0):
  sd=0, se=0, ci_low=ci_high=mean, df=n-1, t/p/dz null.
* indicative = n < 30; finding = n >= 10 and (p_holm for items | p for dimensions/overall) < 0.05.
* Dimension/overall perception gap: per customer the mean of (P-E) over the group's listed items
  where that customer gave both answers (customers with none are left out); one-sample statistics
  of those respondent means against 0.
* Cronbach's alpha per dimension on P of its listed items, listwise complete customer rows
  (pingouin.cronbach_alpha(nan_policy="listwise")); null when k<2, cases<3 or the total score has
  zero variance; negative values reported as computed.

The full gap model (added fields; see also DESIGN.md "Results JSON" and
"Turning figures into decisions"):

* Project: tests/fixtures/projects/<stem>.project.json, when present, is the project the CLI gets
  with --project. Then the listed items are the project's items with an E: or P: column, in
  project order, and dimensions follow the project's order. Without a project there are no
  promises and no standards (communication_gap null, standards_coverage_pct null, delivery []).
* View = wave filter (null = all rows, managers included) AND optional segment filter
  "key=value" (SEGMENT_VIEWS below). The segment filter applies to customers only; management
  rows never are filtered by segment.
* One-sample gaps (no dz): knowledge_gap: L = managers' mean E (M), mean = L - mean(E);
  experience_gap: L = managers' mean P (S), mean = mean(P) - L; communication_gap: L = highest
  promised level of the item, mean = mean(P) - L. sd/se/n are those of the customers' answers,
  CI = mean -/+ t.ppf(.975, n-1)*se, t = mean/se, df = n-1, two-sided p (cross-checked with
  scipy.stats.ttest_1samp(answers, L) and pingouin). Null when there is no level. Each gap its
  own Holm family over the view's items.
* importance_weight: customers in the view with at least one I: value whose points sum > 0;
  blank cells of such a row count 0; rescaled to 100; weight = mean rescaled points / 100 (0.0
  for a dimension without an I: column when such rows exist); null without such rows.
  weighted_perception_gap = sum w_d * gap_d.mean over dimensions where both are non-null;
  null when no dimension contributes.
* knowledge_rank_correlation: scipy.stats.spearmanr of customers' mean E vs managers' mean M
  over items having both (>= 3 items, neither side constant), checked with pandas ranks.
* experience_gap_top_box: pooled shares of P answers >= top box (6 on 1-7, 5 on 1-5, 9 on 1-10)
  of customers and of managers (S), in %; gap_pp = customers - management.
* standards_coverage_pct: item importance = its dimension weight / listed items in that
  dimension when the view has stated importance, else 1; 100 * sum over items with a standard /
  sum over all listed items.
* nps (% 9-10 minus % 0-6), csat (% 4-5), ces (mean): {"value", "n"} over customers, null if n=0.
* trends: segment filter only (wave filter ignored); per wave (non-blank, in file order) the
  overall perception-gap TEST and each item's perception-gap TEST (dz, no p_holm; finding =
  n >= 10 and plain p < 0.05); changes between consecutive waves: difference = mean(to) -
  mean(from), Welch's t-test scipy.stats.ttest_ind(to, from, equal_var=False) (checked by hand
  and with pingouin); t/df/p null when either side has n < 2 or both variances are 0.
* ipa: stated importance (dimension weight * 100) when any dimension has a weight, else derived
  (Pearson r of the item's P with the customer's mean P over all listed items; >= 3 customers,
  non-constant); performance = mean P; items with either null left out; splits at the means.
* delivery: per standard with a KPI, the view's measurements (wave filter only): n, met_pct,
  mean_deviation (target - value for "<=", value - target for ">=").
"""

import csv
import glob
import json
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
import pingouin
import scipy
import scipy.stats as st
import statsmodels
from statsmodels.stats.multitest import multipletests

RESP_DIR = os.path.join("tests", "fixtures", "responses")
OUT_DIR = os.path.join("tests", "fixtures", "reference")
PROJECT_DIR = os.path.join("tests", "fixtures", "projects")

# Extra views (wave, "key=value") per fixture stem, after the per-wave views.
SEGMENT_VIEWS = {
    "full_model": [(None, "channel=web"), ("W2", "channel=web")],
}

TEMPLATE = (
    [("TAN%d" % i, "tan") for i in range(1, 5)]
    + [("REL%d" % i, "rel") for i in range(1, 6)]
    + [("RES%d" % i, "res") for i in range(1, 5)]
    + [("ASS%d" % i, "ass") for i in range(1, 5)]
    + [("EMP%d" % i, "emp") for i in range(1, 6)]
)
DIM_ORDER = ["tan", "rel", "res", "ass", "emp", "other"]

RTOL_CHECK = 1e-12


def generated_by():
    return {
        "script": "scripts/reference/compute.py",
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "scipy": scipy.__version__,
        "pingouin": pingouin.__version__,
        "statsmodels": statsmodels.__version__,
    }


def close(a, b, rtol=RTOL_CHECK, atol=1e-300):
    return abs(a - b) <= max(atol, rtol * max(abs(a), abs(b)))


def check(a, b, what, rtol=RTOL_CHECK, atol=1e-15):
    if not close(float(a), float(b), rtol=rtol, atol=atol):
        raise AssertionError("cross-check failed for %s: %r vs %r" % (what, a, b))


# --------------------------------------------------------------------------------------------
# Reading


def read_responses(path, project=None):
    """Return (rows, items) for a canonical Responses CSV.

    rows: list of dicts {id, source, wave, E: {code: float}, P: {code: float},
          seg: {name: text}, I: {dimension: float} (non-blank cells only),
          nps/csat/ces: float or None}
    items: list of (code, dimension) in listing order (the project's, when given).
    """
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        data = [r for r in reader]
    cols = [h.strip() for h in header]
    lower = [c.lower() for c in cols]
    template_codes = {c for c, _ in TEMPLATE}
    item_cols = []  # (index, kind, code)
    seg_cols = []  # (index, name)
    imp_cols = []  # (index, dimension)
    seen_codes = []
    for i, c in enumerate(cols):
        if len(c) > 2 and c[:2].lower() in ("e:", "p:"):
            code = c[2:].strip()
            item_cols.append((i, c[0].upper(), code))
            if code not in seen_codes:
                seen_codes.append(code)
        elif c[:8].lower() == "segment:":
            seg_cols.append((i, c[8:].strip()))
        elif c[:2].lower() == "i:":
            imp_cols.append((i, c[2:].strip()))
    if project is None:
        items = [(c, d) for c, d in TEMPLATE if c in seen_codes]
        items += [(c, "other") for c in seen_codes if c not in template_codes]
    else:
        items = [(it["code"], it["dimension"]) for it in project["items"]
                 if it["code"] in seen_codes]

    def cell(r, name):
        if name not in lower:
            return ""
        i = lower.index(name)
        return r[i].strip() if i < len(r) else ""

    def num(r, name):
        v = cell(r, name)
        return None if v == "" else float(v)

    rows = []
    for r in data:
        row = {"id": cell(r, "id"), "source": cell(r, "source").lower(), "wave": cell(r, "wave"),
               "E": {}, "P": {}, "seg": {}, "I": {},
               "nps": num(r, "nps"), "csat": num(r, "csat"), "ces": num(r, "ces")}
        for i, kind, code in item_cols:
            v = r[i].strip() if i < len(r) else ""
            if v != "":
                row[kind][code] = float(v)
        for i, name in seg_cols:
            v = r[i].strip() if i < len(r) else ""
            if v != "":
                row["seg"][name] = v
        for i, dim in imp_cols:
            v = r[i].strip() if i < len(r) else ""
            if v != "":
                row["I"][dim] = float(v)
        rows.append(row)
    return rows, items


# --------------------------------------------------------------------------------------------
# Statistics


def fmean(x):
    return math.fsum(x) / len(x)


def stats_block(x):
    """STATS plus the test fields that depend only on the sample (t, df, p, dz).

    Returns an ordered dict with n, mean, sd, se, ci_low, ci_high, t, df, p, dz.
    """
    x = [float(v) for v in x]
    n = len(x)
    out = {"n": n, "mean": None, "sd": None, "se": None, "ci_low": None, "ci_high": None,
           "t": None, "df": None, "p": None, "dz": None}
    if n == 0:
        return out
    if all(v == x[0] for v in x):
        mean = x[0]
    else:
        mean = fmean(x)
    check(mean, np.mean(x), "mean")
    out["mean"] = mean
    if n == 1:
        return out
    df = n - 1
    out["df"] = df
    if all(v == x[0] for v in x):
        out["sd"] = 0.0
        out["se"] = 0.0
        out["ci_low"] = mean
        out["ci_high"] = mean
        return out
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in x) / df)
    check(sd, np.std(x, ddof=1), "sd")
    se = sd / math.sqrt(n)
    check(se, st.sem(x), "se")
    q = float(st.t.ppf(0.975, df))
    ci_low = mean - q * se
    ci_high = mean + q * se
    res = st.ttest_1samp(x, 0.0)
    t = float(res.statistic)
    p = float(res.pvalue)
    check(t, mean / se, "t")
    check(p, 2.0 * st.t.sf(abs(mean / se), df), "p", rtol=1e-10)
    ci = res.confidence_interval(0.95)
    check(ci.low, ci_low, "ci_low", atol=1e-12)
    check(ci.high, ci_high, "ci_high", atol=1e-12)
    # pingouin's one-sample ttest: same t and p; its cohen_d is |mean|/sd.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pg = pingouin.ttest(np.asarray(x), 0.0)
    check(pg["T"].iloc[0], t, "pingouin T")
    check(pg["p_val"].iloc[0], p, "pingouin p", rtol=1e-10)
    check(pg["cohen_d"].iloc[0], abs(mean / sd), "pingouin cohen_d")
    out.update({"sd": sd, "se": se, "ci_low": ci_low, "ci_high": ci_high,
                "t": t, "p": p, "dz": mean / sd})
    return out


def stats_only(x):
    s = stats_block(x)
    return {k: s[k] for k in ("n", "mean", "sd", "se", "ci_low", "ci_high")}


def test_block(x, paired=None):
    """TEST without p_holm/finding (filled in by the caller)."""
    s = stats_block(x)
    if paired is not None and s["p"] is not None:
        p_vals, e_vals = paired
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rel = st.ttest_rel(p_vals, e_vals)
            dz = pingouin.compute_effsize(np.asarray(p_vals), np.asarray(e_vals),
                                          paired=True, eftype="cohen_dz")
        check(rel.statistic, s["t"], "ttest_rel t")
        check(rel.pvalue, s["p"], "ttest_rel p", rtol=1e-10)
        check(dz, s["dz"], "pingouin dz")
    return {
        "n": s["n"], "mean": s["mean"], "sd": s["sd"], "se": s["se"],
        "ci_low": s["ci_low"], "ci_high": s["ci_high"],
        "t": s["t"], "df": s["df"], "p": s["p"], "dz": s["dz"],
        "finding": False, "indicative": s["n"] < 30,
    }


def holm(pvals):
    """Holm-adjust a list of floats; returns list of floats (pingouin, checked vs statsmodels)."""
    if not pvals:
        return []
    _, adj = pingouin.multicomp(list(pvals), method="holm")
    _, adj_sm, _, _ = multipletests(list(pvals), method="holm")
    for a, b in zip(adj, adj_sm):
        check(a, b, "holm pingouin vs statsmodels")
    # Independent hand-rolled step-down as a third check.
    m = len(pvals)
    order = sorted(range(m), key=lambda i: pvals[i])
    hand = [0.0] * m
    run = 0.0
    for rank, i in enumerate(order):
        run = max(run, min(1.0, (m - rank) * pvals[i]))
        hand[i] = run
    for a, b in zip(adj, hand):
        check(a, b, "holm by hand")
    return [float(a) for a in adj]


def cronbach(customers, codes):
    k = len(codes)
    if k < 2:
        return None
    frame = pd.DataFrame(
        [[r["P"].get(c, np.nan) for c in codes] for r in customers],
        columns=codes, dtype=float)
    complete = frame.dropna(axis=0, how="any")
    cases = len(complete)
    if cases < 3:
        return None
    total = complete.sum(axis=1).to_numpy()
    if np.all(total == total[0]):
        return None
    value, _ci = pingouin.cronbach_alpha(data=frame, nan_policy="listwise")
    # Independent formula check: k/(k-1) * (1 - sum item var / total var).
    item_var = sum(float(np.var(complete[c].to_numpy(), ddof=1)) for c in codes)
    total_var = float(np.var(total, ddof=1))
    check(value, k / (k - 1) * (1 - item_var / total_var), "alpha", rtol=1e-10)
    return {"value": float(value), "items": k, "cases": cases}


def group_gap(customers, codes):
    means = []
    for r in customers:
        d = [r["P"][c] - r["E"][c] for c in codes if c in r["P"] and c in r["E"]]
        if d:
            means.append(fmean(d))
    return test_block(means)


def with_holm(tests):
    """Insert p_holm (Holm over the non-null p of `tests`, a list of TEST dicts or None) right
    after p and set finding = n >= 10 and p_holm < 0.05. Returns the new list."""
    idx = [i for i, g in enumerate(tests) if g is not None and g["p"] is not None]
    adj_by = dict(zip(idx, holm([tests[i]["p"] for i in idx])))
    out = []
    for i, g in enumerate(tests):
        if g is None:
            out.append(None)
            continue
        ph = adj_by.get(i)
        h = {}
        for k, v in g.items():
            h[k] = v
            if k == "p":
                h["p_holm"] = ph
        h["finding"] = bool(g["n"] >= 10 and ph is not None and ph < 0.05)
        out.append(h)
    return out


def perception_view(customers, items, wave, dim_order):
    """The perception-gap figures (the original reference content), unchanged."""
    out_items = []
    for code, dim in items:
        e = [r["E"][code] for r in customers if code in r["E"]]
        p = [r["P"][code] for r in customers if code in r["P"]]
        both = [r for r in customers if code in r["E"] and code in r["P"]]
        d = [r["P"][code] - r["E"][code] for r in both]
        pg = test_block(d, paired=([r["P"][code] for r in both], [r["E"][code] for r in both]))
        out_items.append({"code": code, "dimension": dim,
                          "expectation": stats_only(e), "perception": stats_only(p),
                          "perception_gap": pg})
    # Holm family: every non-null item p of the perception gap in this view.
    adjusted = with_holm([it["perception_gap"] for it in out_items])
    for it, g in zip(out_items, adjusted):
        it["perception_gap"] = g

    dims = []
    for dcode in dim_order:
        codes = [c for c, d in items if d == dcode]
        if not codes:
            continue
        gap = group_gap(customers, codes)
        gap["finding"] = bool(gap["n"] >= 10 and gap["p"] is not None and gap["p"] < 0.05)
        dims.append({"code": dcode, "alpha": cronbach(customers, codes), "perception_gap": gap})

    overall = group_gap(customers, [c for c, _ in items])
    overall["finding"] = bool(overall["n"] >= 10 and overall["p"] is not None
                              and overall["p"] < 0.05)
    return {"wave": wave, "items": out_items, "dimensions": dims,
            "overall": {"perception_gap": overall}}


# --------------------------------------------------------------------------------------------
# The full gap model


def one_sample(x, level, kind):
    """TEST (no dz, no p_holm yet) of answers x against a stated level.

    kind "L-x": gap = level - mean(x) (knowledge gap); kind "x-L": gap = mean(x) - level.
    sd, se, n are those of x. Returns None when level is None.
    """
    if level is None:
        return None
    x = [float(v) for v in x]
    n = len(x)
    out = {"n": n, "mean": None, "sd": None, "se": None, "ci_low": None, "ci_high": None,
           "t": None, "df": None, "p": None, "finding": False, "indicative": n < 30}
    if n == 0:
        return out
    s = stats_block(x)  # n, mean, sd, se of the answers (cross-checked there)
    mx = s["mean"]
    gap = level - mx if kind == "L-x" else mx - level
    out["mean"] = gap
    if n == 1:
        return out
    df = n - 1
    out["df"] = df
    out["sd"] = s["sd"]
    out["se"] = s["se"]
    if s["sd"] == 0.0:
        out["ci_low"] = gap
        out["ci_high"] = gap
        return out
    se = s["se"]
    q = float(st.t.ppf(0.975, df))
    t = gap / se
    p = float(2.0 * st.t.sf(abs(t), df))
    out.update({"ci_low": gap - q * se, "ci_high": gap + q * se, "t": t, "p": p})
    # Cross-check: scipy's one-sample test of x against the level.
    res = st.ttest_1samp(x, level)
    sign = -1.0 if kind == "L-x" else 1.0
    check(sign * float(res.statistic), t, "one-sample t vs ttest_1samp", rtol=1e-10)
    check(float(res.pvalue), p, "one-sample p vs ttest_1samp", rtol=1e-9, atol=1e-15)
    ci = res.confidence_interval(0.95)
    lo, hi = (level - ci.high, level - ci.low) if kind == "L-x" else (ci.low - level,
                                                                      ci.high - level)
    check(lo, out["ci_low"], "one-sample ci_low", rtol=1e-10, atol=1e-12)
    check(hi, out["ci_high"], "one-sample ci_high", rtol=1e-10, atol=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pg = pingouin.ttest(np.asarray(x), level)
    check(sign * pg["T"].iloc[0], t, "pingouin one-sample T", rtol=1e-10)
    check(pg["p_val"].iloc[0], p, "pingouin one-sample p", rtol=1e-9, atol=1e-15)
    return out


def importance_weights(customers, dim_codes):
    """{dimension: weight or None} over the view's customers (see module docstring)."""
    rows = [r["I"] for r in customers if r["I"] and math.fsum(r["I"].values()) > 0]
    if not rows:
        return {d: None for d in dim_codes}
    weights = {}
    for d in dim_codes:
        vals = []
        for pts in rows:
            total = math.fsum(pts.values())
            vals.append(pts.get(d, 0.0) * 100.0 / total)
        weights[d] = fmean(vals) / 100.0
    # Cross-check with pandas: fill blanks with 0, divide by row sums.
    cols = sorted({k for pts in rows for k in pts})
    frame = pd.DataFrame([[pts.get(c, np.nan) for c in cols] for pts in rows], columns=cols,
                         dtype=float).fillna(0.0)
    share = frame.div(frame.sum(axis=1), axis=0)
    for d in dim_codes:
        expect = float(share[d].mean()) if d in share.columns else 0.0
        check(weights[d], expect, "importance weight " + d, atol=1e-15)
    return weights


def spearman_e_m(customers, managers, codes):
    me, mm = [], []
    for code in codes:
        e = [r["E"][code] for r in customers if code in r["E"]]
        m = [r["E"][code] for r in managers if code in r["E"]]
        if e and m:
            me.append(fmean(e))
            mm.append(fmean(m))
    if len(me) < 3 or len(set(me)) < 2 or len(set(mm)) < 2:
        return None
    rho = float(st.spearmanr(me, mm).statistic)
    ranks_e = pd.Series(me).rank(method="average").to_numpy()
    ranks_m = pd.Series(mm).rank(method="average").to_numpy()
    check(rho, np.corrcoef(ranks_e, ranks_m)[0, 1], "spearman vs pandas ranks", atol=1e-15)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pg = pingouin.corr(me, mm, method="spearman")
    check(rho, pg["r"].iloc[0], "spearman vs pingouin", atol=1e-15)
    return rho


def top_box_from(scale):
    return 5.0 if scale["max"] == 5 else float(scale["max"] - 1)


def top_box(customers, managers, codes, scale):
    thr = top_box_from(scale)
    cp = [r["P"][c] for r in customers for c in codes if c in r["P"]]
    mp = [r["P"][c] for r in managers for c in codes if c in r["P"]]
    if not cp or not mp:
        return None
    cust = 100.0 * sum(1 for v in cp if v >= thr) / len(cp)
    mgmt = 100.0 * sum(1 for v in mp if v >= thr) / len(mp)
    # Second method: numpy boolean means.
    check(cust, 100.0 * float(np.mean(np.asarray(cp) >= thr)), "top box customers", atol=1e-12)
    check(mgmt, 100.0 * float(np.mean(np.asarray(mp) >= thr)), "top box management", atol=1e-12)
    return {"customers": cust, "management": mgmt, "gap_pp": cust - mgmt}


def score_figures(customers):
    """nps, csat, ces objects (customers only)."""
    out = {}
    nps = [r["nps"] for r in customers if r["nps"] is not None]
    csat = [r["csat"] for r in customers if r["csat"] is not None]
    ces = [r["ces"] for r in customers if r["ces"] is not None]
    if nps:
        prom = sum(1 for v in nps if v >= 9)
        det = sum(1 for v in nps if v <= 6)
        value = 100.0 * prom / len(nps) - 100.0 * det / len(nps)
        cats = pd.cut(pd.Series(nps), bins=[-0.5, 6.5, 8.5, 10.5],
                      labels=["d", "p0", "p"]).value_counts(normalize=True)
        check(value, 100.0 * (cats["p"] - cats["d"]), "nps", atol=1e-12)
        out["nps"] = {"value": value, "n": len(nps)}
    else:
        out["nps"] = None
    if csat:
        value = 100.0 * sum(1 for v in csat if v >= 4) / len(csat)
        check(value, 100.0 * float(np.isin(csat, [4.0, 5.0]).mean()), "csat", atol=1e-12)
        out["csat"] = {"value": value, "n": len(csat)}
    else:
        out["csat"] = None
    if ces:
        value = fmean(ces)
        check(value, float(np.mean(ces)), "ces")
        out["ces"] = {"value": value, "n": len(ces)}
    else:
        out["ces"] = None
    return out


def welch(to_vals, from_vals):
    """{difference, t, df, p}: Welch's t-test of to_vals vs from_vals."""
    n1, n2 = len(to_vals), len(from_vals)
    out = {"difference": None, "t": None, "df": None, "p": None}
    if n1 == 0 or n2 == 0:
        return out
    m1 = to_vals[0] if all(v == to_vals[0] for v in to_vals) else fmean(to_vals)
    m2 = from_vals[0] if all(v == from_vals[0] for v in from_vals) else fmean(from_vals)
    out["difference"] = m1 - m2
    if n1 < 2 or n2 < 2:
        return out
    const1 = all(v == to_vals[0] for v in to_vals)
    const2 = all(v == from_vals[0] for v in from_vals)
    if const1 and const2:
        return out
    # By hand (Welch-Satterthwaite).
    v1 = 0.0 if const1 else math.fsum((v - m1) ** 2 for v in to_vals) / (n1 - 1)
    v2 = 0.0 if const2 else math.fsum((v - m2) ** 2 for v in from_vals) / (n2 - 1)
    a, b = v1 / n1, v2 / n2
    t_hand = (m1 - m2) / math.sqrt(a + b)
    df_hand = (a + b) ** 2 / (a * a / (n1 - 1) + b * b / (n2 - 1))
    p_hand = float(2.0 * st.t.sf(abs(t_hand), df_hand))
    res = st.ttest_ind(to_vals, from_vals, equal_var=False)
    t, df, p = float(res.statistic), float(res.df), float(res.pvalue)
    check(t, t_hand, "welch t by hand", rtol=1e-10)
    check(df, df_hand, "welch df by hand", rtol=1e-10)
    check(p, p_hand, "welch p by hand", rtol=1e-9, atol=1e-15)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pg = pingouin.ttest(np.asarray(to_vals), np.asarray(from_vals), correction=True)
    check(pg["T"].iloc[0], t, "pingouin welch T", rtol=1e-10)
    check(pg["dof"].iloc[0], df, "pingouin welch dof", rtol=1e-10)
    check(pg["p_val"].iloc[0], p, "pingouin welch p", rtol=1e-9, atol=1e-15)
    out.update({"t": t_hand, "df": df_hand, "p": p_hand})
    return out


def respondent_means(customers, codes):
    means = []
    for r in customers:
        d = [r["P"][c] - r["E"][c] for c in codes if c in r["P"] and c in r["E"]]
        if d:
            means.append(fmean(d))
    return means


def plain_finding(g):
    g["finding"] = bool(g["n"] >= 10 and g["p"] is not None and g["p"] < 0.05)
    return g


def trends(seg_customers, items, waves):
    codes = [c for c, _ in items]
    by_wave = [[r for r in seg_customers if r["wave"] == w] for w in waves]
    overall_vals = [respondent_means(cs, codes) for cs in by_wave]
    overall = [plain_finding(test_block(v)) for v in overall_vals]
    changes = []
    for i in range(1, len(waves)):
        c = {"from": waves[i - 1], "to": waves[i]}
        c.update(welch(overall_vals[i], overall_vals[i - 1]))
        changes.append(c)
    out_items = []
    for code, _dim in items:
        vals = []
        tests = []
        for cs in by_wave:
            both = [r for r in cs if code in r["E"] and code in r["P"]]
            d = [r["P"][code] - r["E"][code] for r in both]
            vals.append(d)
            tests.append(plain_finding(test_block(
                d, paired=([r["P"][code] for r in both], [r["E"][code] for r in both]))))
        ch = []
        for i in range(1, len(waves)):
            c = {"from": waves[i - 1], "to": waves[i]}
            c.update(welch(vals[i], vals[i - 1]))
            ch.append(c)
        out_items.append({"code": code, "waves": tests, "changes": ch})
    return {"waves": list(waves), "overall": overall, "changes": changes, "items": out_items}


def ipa(customers, items, weights):
    codes = [c for c, _ in items]
    stated = any(w is not None for w in weights.values())
    rows = []
    for code, dim in items:
        p = [r["P"][code] for r in customers if code in r["P"]]
        perf = fmean(p) if p else None
        if stated:
            w = weights.get(dim)
            imp = None if w is None else w * 100.0
        else:
            xs, ys = [], []
            for r in customers:
                if code in r["P"]:
                    xs.append(r["P"][code])
                    ys.append(fmean([r["P"][c] for c in codes if c in r["P"]]))
            if len(xs) < 3 or len(set(xs)) < 2 or len(set(ys)) < 2:
                imp = None
            else:
                imp = float(st.pearsonr(xs, ys).statistic)
                check(imp, np.corrcoef(xs, ys)[0, 1], "derived importance vs corrcoef",
                      rtol=1e-10, atol=1e-14)
        if imp is not None and perf is not None:
            rows.append({"code": code, "importance": imp, "performance": perf})
    if rows:
        x_split = fmean([r["importance"] for r in rows])
        y_split = fmean([r["performance"] for r in rows])
    else:
        x_split = y_split = None
    for r in rows:
        hi_imp = r["importance"] >= x_split
        hi_perf = r["performance"] >= y_split
        # Near-ties would make the quadrant depend on rounding: report them.
        for what, v, split in (("importance", r["importance"], x_split),
                               ("performance", r["performance"], y_split)):
            if abs(v - split) < 1e-9 * max(1.0, abs(split)):
                print("WARNING: ipa %s of %s within 1e-9 of the split" % (what, r["code"]))
        r["quadrant"] = {(True, False): "concentrate_here", (True, True): "keep_up",
                         (False, False): "low_priority", (False, True): "possible_overkill"}[
            (hi_imp, hi_perf)]
    return {"importance_source": "stated" if stated else "derived",
            "x_split": x_split, "y_split": y_split, "items": rows}


def standards_coverage(project, items, weights):
    if project is None:
        return None
    stated = any(w is not None for w in weights.values())
    covered = {s["item"] for s in project.get("standards", []) if s.get("item")}
    imp = {}
    for code, dim in items:
        if stated:
            w = weights.get(dim)
            k = sum(1 for _c, d in items if d == dim)
            imp[code] = (w or 0.0) / k
        else:
            imp[code] = 1.0
    den = math.fsum(imp.values())
    if den == 0:
        return None
    num = math.fsum(v for c, v in imp.items() if c in covered)
    return 100.0 * num / den


def delivery(project, wave):
    if project is None:
        return []
    out = []
    for s in project.get("standards", []):
        kpi = s.get("kpi")
        if not kpi:
            continue
        vals = [m["value"] for m in project.get("measurements", [])
                if m["standard"] == s["id"] and (wave is None or m["wave"] == wave)]
        n = len(vals)
        if n == 0:
            out.append({"standard": s["id"], "n": 0, "met_pct": None, "mean_deviation": None})
            continue
        if kpi["direction"] == "<=":
            met = sum(1 for v in vals if v <= kpi["target"])
            dev = [kpi["target"] - v for v in vals]
        else:
            met = sum(1 for v in vals if v >= kpi["target"])
            dev = [v - kpi["target"] for v in vals]
        out.append({"standard": s["id"], "n": n, "met_pct": 100.0 * met / n,
                    "mean_deviation": fmean(dev)})
        check(fmean(dev), float(np.mean(dev)), "delivery deviation", atol=1e-12)
    return out


def view(rows, items, dim_order, wave, segment, project, scale, waves):
    def seg_ok(r):
        if segment is None:
            return True
        key, value = segment.split("=", 1)
        return r["seg"].get(key, "") == value

    seg_customers = [r for r in rows if r["source"] in ("", "customer") and seg_ok(r)]
    customers = [r for r in seg_customers if wave is None or r["wave"] == wave]
    managers = [r for r in rows if r["source"] == "management"
                and (wave is None or r["wave"] == wave)]
    base = perception_view(customers, items, wave, dim_order)
    codes = [c for c, _ in items]

    # Gap 1, 4 and CX per item, each its own Holm family.
    promised = {}
    if project is not None:
        for pr in project.get("promises", []):
            promised[pr["item"]] = max(promised.get(pr["item"], -math.inf), float(pr["level"]))
    know, comm, expe = [], [], []
    for code in codes:
        e = [r["E"][code] for r in customers if code in r["E"]]
        p = [r["P"][code] for r in customers if code in r["P"]]
        m = [r["E"][code] for r in managers if code in r["E"]]
        s = [r["P"][code] for r in managers if code in r["P"]]
        know.append(one_sample(e, fmean(m) if m else None, "L-x"))
        comm.append(one_sample(p, promised.get(code), "x-L"))
        expe.append(one_sample(p, fmean(s) if s else None, "x-L"))
    know, comm, expe = with_holm(know), with_holm(comm), with_holm(expe)
    for it, k, c, x in zip(base["items"], know, comm, expe):
        it["knowledge_gap"] = k
        it["communication_gap"] = c
        it["experience_gap"] = x

    dim_codes = [d["code"] for d in base["dimensions"]]
    weights = importance_weights(customers, dim_codes)
    for d in base["dimensions"]:
        d["importance_weight"] = weights[d["code"]]
    terms = [weights[d["code"]] * d["perception_gap"]["mean"] for d in base["dimensions"]
             if weights[d["code"]] is not None and d["perception_gap"]["mean"] is not None]
    overall = base["overall"]
    overall["weighted_perception_gap"] = math.fsum(terms) if terms else None
    overall["knowledge_rank_correlation"] = spearman_e_m(customers, managers, codes)
    overall["experience_gap_top_box"] = top_box(customers, managers, codes, scale)
    overall["standards_coverage_pct"] = standards_coverage(project, items, weights)
    overall.update(score_figures(customers))

    out = {"wave": wave}
    if segment is not None:
        out["segment"] = segment
    out["items"] = base["items"]
    out["dimensions"] = base["dimensions"]
    out["overall"] = overall
    out["trends"] = trends(seg_customers, items, waves)
    out["ipa"] = ipa(customers, items, weights)
    out["delivery"] = delivery(project, wave)
    return out


def compute_file(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    project_path = os.path.join(PROJECT_DIR, stem + ".project.json")
    project = None
    if os.path.exists(project_path):
        with open(project_path, encoding="utf-8") as fh:
            project = json.load(fh)
    rows, items = read_responses(path, project)
    if project is None:
        dim_order = DIM_ORDER
        scale = {"min": 1, "max": 7}
    else:
        dim_order = [d["code"] for d in project["dimensions"]]
        dim_order += [d for _, d in items if d not in dim_order]
        scale = project.get("scale", {"min": 1, "max": 7})
    waves = []
    for r in rows:
        if r["wave"] != "" and r["wave"] not in waves:
            waves.append(r["wave"])
    specs = [(None, None)] + [(w, None) for w in waves] + SEGMENT_VIEWS.get(stem, [])
    views = [view(rows, items, dim_order, w, seg, project, scale, waves) for w, seg in specs]
    out = {"generated_by": generated_by(), "source": os.path.basename(path)}
    if project is not None:
        # The CLI gets this file with --project (and --segment for views that have "segment").
        out["project"] = project_path.replace(os.sep, "/")
    out["views"] = views
    return out


def t_distribution():
    qs = [0.975, 0.995, 0.95, 0.025]
    dfs = [1, 2, 3, 4, 5, 7, 9, 10, 15, 29, 30, 44, 60, 100, 250, 1000, 100000]
    ppf = []
    for q in qs:
        for df in dfs:
            v = float(st.t.ppf(q, df))
            # Round trip: cdf(ppf(q)) == q.
            check(st.t.cdf(v, df), q, "t.cdf(t.ppf)", rtol=1e-12)
            ppf.append({"df": df, "q": q, "value": v})
    pairs = [
        (0.0, 10), (0.5, 3), (-0.5, 3), (1.0, 1), (-1.0, 1), (12.0, 1), (2.0, 5), (-2.5, 12),
        (1.96, 29), (2.045229642132703, 29), (-3.5, 44), (2.5, 100), (1.959963984540054, 100000),
        (4.0, 2), (6.0, 20), (12.0, 40), (-12.0, 40), (8.5, 82), (20.0, 100), (0.1, 1000),
    ]
    sf2 = []
    for t, df in pairs:
        p = float(2.0 * st.t.sf(abs(t), df))
        sf2.append({"t": t, "df": df, "p": p})
    return {"generated_by": generated_by(), "ppf": ppf, "sf2": sf2}


def write_json(path, obj):
    text = json.dumps(obj, indent=2, allow_nan=False, ensure_ascii=False)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text + "\n")
    print("wrote", path)


def main():
    files = sorted(glob.glob(os.path.join(RESP_DIR, "*.csv")))
    if not files:
        sys.exit("no %s/*.csv: run from the repository root" % RESP_DIR)
    os.makedirs(OUT_DIR, exist_ok=True)
    for f in files:
        stem = os.path.splitext(os.path.basename(f))[0]
        write_json(os.path.join(OUT_DIR, stem + ".json"), compute_file(f))
    write_json(os.path.join(OUT_DIR, "t_distribution.json"), t_distribution())


if __name__ == "__main__":
    main()
