"""The benchmark's SciPy column: the same figures as Gaplens' Results::compute, with pandas,
SciPy and pingouin, timed per view (median of --runs runs after one warm-up).

    python3 scripts/reference/bench.py FILE.csv [--runs 5] [--json]

FILE.csv is a canonical Responses CSV with SERVQUAL item columns (E:TAN1 ... P:EMP5), e.g.
the one `cargo run --release --example make_bench_data -- FILE.csv` writes. Reading the CSV
(pandas.read_csv) is not timed; the timed part starts from the parsed table and includes
picking the view's rows, as Rust's timed part starts from the parsed project.

Per view (all waves pooled, then each wave in file order), like scripts/reference/compute.py
and DESIGN.md "Statistics every figure carries":
* per item: n/mean/SD of E and of P (pandas); the perception gap P - E as a paired t-test
  (scipy.stats.ttest_rel on the pairs with both answers: t, p, 95 % CI) with Cohen's d_z;
  the knowledge gap (mean M - E) and the experience gap (P - mean S) as one-sample tests
  against management's mean (scipy.stats.ttest_1samp); each gap Holm-adjusted over the items
  (pingouin.multicomp);
* per dimension and overall: each customer's mean P - E over the group's items they answered
  both parts of, one-sample t-test against 0 (scipy.stats.ttest_1samp, CI, d_z); Cronbach's
  alpha on P, listwise (pingouin.cronbach_alpha).
Gaplens computes more in the same call (trends per wave with Welch tests, IPA, top box,
Spearman's rho, priorities, journey), so the SciPy time is a lower bound for equal work.

compute.py's own helpers cross-check every figure against two or three libraries; timing
them would time the checks, so only its TEMPLATE is reused here. `--json` prints one line:
{"runs", "versions", "read_ms", "views": [{"view", "median_ms", "min_ms", "samples_ms",
"digest"}]}, the digest named like gaplens::bench::digest so scripts/bench.mjs can compare.
"""

import json
import math
import os
import statistics
import sys
import time
import warnings

try:
    import numpy as np
    import pandas as pd
    import pingouin
    import scipy
    import scipy.stats as st
except ImportError as missing:  # pragma: no cover - reported, not tested
    sys.stderr.write(
        "bench.py needs numpy, pandas, scipy and pingouin (%s); install them with\n"
        "  pip install -r scripts/reference/requirements.txt\n" % missing)
    sys.exit(3)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compute import TEMPLATE  # noqa: E402  (the 22 SERVQUAL codes and their dimensions)

DIM_ORDER = ["tan", "rel", "res", "ass", "emp"]


def read(path):
    """The file as a DataFrame with the listed items: (frame, [(code, dimension)], waves)."""
    frame = pd.read_csv(path, dtype={"id": str, "source": str, "wave": str})
    frame.columns = [c.strip() for c in frame.columns]
    for column in ("source", "wave"):
        if column not in frame.columns:
            frame[column] = ""
        frame[column] = frame[column].fillna("").str.strip()
    frame["source"] = frame["source"].str.lower()
    codes = {c[2:].strip() for c in frame.columns if c[:2] in ("E:", "P:")}
    items = [(code, dim) for code, dim in TEMPLATE if code in codes]
    for code, _ in items:
        for kind in ("E:", "P:"):
            if kind + code not in frame.columns:
                frame[kind + code] = np.nan
    waves = [w for w in pd.unique(frame["wave"]) if w != ""]
    return frame, items, waves


def put_summary(out, prefix, values):
    n = int(values.size)
    out[prefix + ".n"] = n
    if n >= 1:
        out[prefix + ".mean"] = float(values.mean())
    if n >= 2:
        out[prefix + ".sd"] = float(values.std(ddof=1))


def put_test(out, prefix, values, gap, test, dz=True):
    """A TEST: n, mean (= gap), SD of `values`, and `test` = (t, p, ci_low, ci_high) from
    SciPy, or None when the SD is 0 (then the CI is the gap and t, p are null)."""
    n = int(values.size)
    out[prefix + ".n"] = n
    if n == 0:
        return
    out[prefix + ".mean"] = gap
    if n == 1:
        return
    sd = float(values.std(ddof=1))
    out[prefix + ".sd"] = sd
    if test is None:
        out[prefix + ".ci_low"] = gap
        out[prefix + ".ci_high"] = gap
        return
    t, p, low, high = test
    out.update({prefix + ".ci_low": low, prefix + ".ci_high": high, prefix + ".t": t, prefix + ".p": p})
    if dz:
        out[prefix + ".dz"] = gap / sd


def scipy_test(result, level=0.0, flip=False):
    """(t, p, ci_low, ci_high) of a SciPy t-test result, as the gap mean - level, or as
    level - mean when `flip` (the knowledge gap)."""
    ci = result.confidence_interval(0.95)
    t, p = float(result.statistic), float(result.pvalue)
    if flip:
        return -t, p, level - float(ci.high), level - float(ci.low)
    return t, p, float(ci.low) - level, float(ci.high) - level


def varies(values):
    return values.size >= 2 and values.min() != values.max()


def holm(out, prefixes):
    keys = [p + ".p" for p in prefixes if p + ".p" in out]
    if keys:
        _, adjusted = pingouin.multicomp([out[k] for k in keys], method="holm")
        for key, value in zip(keys, adjusted):
            out[key + "_holm"] = float(value)


def compute(frame, items, wave):
    """Every compared figure of one view, as {name: number}."""
    rows = frame if wave is None else frame[frame["wave"] == wave]
    customers = rows[rows["source"] != "management"]
    managers = rows[rows["source"] == "management"]
    codes = [c for c, _ in items]
    e = customers[["E:" + c for c in codes]].to_numpy(dtype=float)
    p = customers[["P:" + c for c in codes]].to_numpy(dtype=float)
    m_mean = managers[["E:" + c for c in codes]].mean(axis=0).to_numpy()
    s_mean = managers[["P:" + c for c in codes]].mean(axis=0).to_numpy()
    gaps = p - e
    out = {}
    for j, code in enumerate(codes):
        ej, pj = e[:, j], p[:, j]
        ej, pj = ej[~np.isnan(ej)], pj[~np.isnan(pj)]
        both = ~np.isnan(gaps[:, j])
        d = gaps[both, j]
        put_summary(out, code + ".E", ej)
        put_summary(out, code + ".P", pj)
        test = scipy_test(st.ttest_rel(p[both, j], e[both, j])) if varies(d) else None
        put_test(out, code + ".gap", d, float(d.mean()) if d.size else None, test)
        level = float(m_mean[j]) if len(managers) else math.nan
        if not math.isnan(level):
            test = scipy_test(st.ttest_1samp(ej, level), level, flip=True) if varies(ej) else None
            put_test(out, code + ".knowledge", ej, level - float(ej.mean()) if ej.size else None,
                     test, dz=False)
        level = float(s_mean[j]) if len(managers) else math.nan
        if not math.isnan(level):
            test = scipy_test(st.ttest_1samp(pj, level), level) if varies(pj) else None
            put_test(out, code + ".experience", pj, float(pj.mean()) - level if pj.size else None,
                     test, dz=False)
    for family in ("gap", "knowledge", "experience"):
        holm(out, [c + "." + family for c in codes])

    gap_frame = pd.DataFrame(gaps, columns=codes)
    p_frame = pd.DataFrame(p, columns=codes)
    groups = [(d, [c for c, dim in items if dim == d]) for d in DIM_ORDER]
    for name, group in [g for g in groups if g[1]] + [("overall", codes)]:
        means = gap_frame[group].mean(axis=1, skipna=True).dropna().to_numpy()
        test = scipy_test(st.ttest_1samp(means, 0.0)) if varies(means) else None
        put_test(out, name + ".gap", means, float(means.mean()) if means.size else None, test)
        if name == "overall" or len(group) < 2:
            continue
        complete = p_frame[group].dropna()
        if len(complete) >= 3 and varies(complete.sum(axis=1).to_numpy()):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                alpha, _ci = pingouin.cronbach_alpha(data=p_frame[group], nan_policy="listwise")
            out[name + ".alpha"] = float(alpha)
            out[name + ".alpha_cases"] = len(complete)
    return out


def main(argv):
    args = list(argv)
    as_json = "--json" in args
    if as_json:
        args.remove("--json")
    runs = 5
    if "--runs" in args:
        i = args.index("--runs")
        runs = max(1, int(args[i + 1]))
        del args[i:i + 2]
    if len(args) != 1:
        sys.stderr.write("usage: python3 scripts/reference/bench.py FILE.csv [--runs N] [--json]\n")
        return 2
    start = time.perf_counter()
    frame, items, waves = read(args[0])
    read_ms = (time.perf_counter() - start) * 1000.0
    views = []
    for wave in [None] + waves:
        digest = compute(frame, items, wave)  # warm-up, and the figures to compare
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            compute(frame, items, wave)
            samples.append((time.perf_counter() - start) * 1000.0)
        views.append({"view": "all" if wave is None else wave, "median_ms": statistics.median(samples),
                      "min_ms": min(samples), "samples_ms": samples, "digest": digest})
    versions = {"python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__,
                "scipy": scipy.__version__, "pingouin": pingouin.__version__}
    if as_json:
        print(json.dumps({"runs": runs, "versions": versions, "read_ms": read_ms, "views": views}))
        return 0
    customers = int((frame["source"] != "management").sum())
    print("%s: %d customers + %d managers, %d items; read %.1f ms (not compared)"
          % (args[0], customers, len(frame) - customers, len(items), read_ms))
    print("SciPy/pandas/pingouin, median of %d runs:" % runs)
    for v in views:
        print("  %-6s %9.2f ms  (min %.2f ms)" % (v["view"], v["median_ms"], v["min_ms"]))
    print("  %-6s %9.2f ms" % ("total", sum(v["median_ms"] for v in views)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
