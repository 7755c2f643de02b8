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


def read_responses(path):
    """Return (rows, items) for a canonical Responses CSV.

    rows: list of dicts {id, source, wave, E: {code: float}, P: {code: float}}
    items: list of (code, dimension) in listing order.
    """
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        data = [r for r in reader]
    cols = [h.strip() for h in header]
    lower = [c.lower() for c in cols]
    template_codes = {c for c, _ in TEMPLATE}
    item_cols = []  # (index, kind, code)
    seen_codes = []
    for i, c in enumerate(cols):
        if len(c) > 2 and c[:2].lower() in ("e:", "p:"):
            code = c[2:].strip()
            item_cols.append((i, c[0].upper(), code))
            if code not in seen_codes:
                seen_codes.append(code)
    items = [(c, d) for c, d in TEMPLATE if c in seen_codes]
    items += [(c, "other") for c in seen_codes if c not in template_codes]

    def cell(r, name):
        if name not in lower:
            return ""
        i = lower.index(name)
        return r[i].strip() if i < len(r) else ""

    rows = []
    for r in data:
        row = {"id": cell(r, "id"), "source": cell(r, "source").lower(), "wave": cell(r, "wave"),
               "E": {}, "P": {}}
        for i, kind, code in item_cols:
            v = r[i].strip() if i < len(r) else ""
            if v != "":
                row[kind][code] = float(v)
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


def view(customers, items, wave):
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
    idx = [i for i, it in enumerate(out_items) if it["perception_gap"]["p"] is not None]
    adj = holm([out_items[i]["perception_gap"]["p"] for i in idx])
    adj_by = dict(zip(idx, adj))
    for i, it in enumerate(out_items):
        g = it["perception_gap"]
        ph = adj_by.get(i)
        # Insert p_holm right after p, keeping a stable key order.
        it["perception_gap"] = {}
        for k, v in g.items():
            it["perception_gap"][k] = v
            if k == "p":
                it["perception_gap"]["p_holm"] = ph
        it["perception_gap"]["finding"] = bool(g["n"] >= 10 and ph is not None and ph < 0.05)

    dims = []
    for dcode in DIM_ORDER:
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


def compute_file(path):
    rows, items = read_responses(path)
    customers = [r for r in rows if r["source"] in ("", "customer")]
    waves = []
    for r in rows:
        if r["wave"] != "" and r["wave"] not in waves:
            waves.append(r["wave"])
    views = [view(customers, items, None)]
    for w in waves:
        views.append(view([r for r in customers if r["wave"] == w], items, w))
    return {"generated_by": generated_by(),
            "source": os.path.basename(path),
            "views": views}


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
