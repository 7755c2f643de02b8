"""Write the Responses CSV fixtures that the reference figures are computed from.

Run from the repository root:

    pip install -r scripts/reference/requirements.txt
    python3 scripts/reference/make_fixtures.py   # (re)writes tests/fixtures/responses/*.csv
    python3 scripts/reference/compute.py         # (re)writes tests/fixtures/reference/*.json

The output is deterministic (seeded numpy Generator, hand-written tables), so rerunning
reproduces the committed CSVs byte for byte. Files written:

* servqual_two_waves.csv -- all 22 SERVQUAL items, scale 1-7, waves "2026 Q1" (45 customers)
  and "2026 Q2" (38 customers), 3 management rows (wave "2026 Q1", blank wave, "2026 Q2"),
  ~8 % of customer cells blank (each cell with probability 0.09), answers driven by shared latent factors so that Cronbach's alpha
  is clearly positive; some items with clearly negative P-E gaps, some near zero.
* degenerate.csv -- a handful of hand-written rows hitting edge cases (see DEGENERATE_NOTES).
* small_n.csv -- 12 customers, REL1-REL5, wave "W1": Holm and the finding rule at 10 <= n < 30.
"""

import csv
import os
import sys

import numpy as np

OUT_DIR = os.path.join("tests", "fixtures", "responses")

TEMPLATE = (
    [("TAN%d" % i, "tan") for i in range(1, 5)]
    + [("REL%d" % i, "rel") for i in range(1, 6)]
    + [("RES%d" % i, "res") for i in range(1, 5)]
    + [("ASS%d" % i, "ass") for i in range(1, 5)]
    + [("EMP%d" % i, "emp") for i in range(1, 6)]
)

# Intended mean P - E per item (before rounding/clipping to the 1-7 scale).
SERVQUAL_GAP = {
    "TAN1": 0.0, "TAN2": 0.1, "TAN3": -0.2, "TAN4": 0.05,
    "REL1": -1.3, "REL2": -1.0, "REL3": -0.3, "REL4": -1.5, "REL5": -0.1,
    "RES1": -0.8, "RES2": -1.1, "RES3": -0.4, "RES4": 0.0,
    "ASS1": 0.1, "ASS2": -0.2, "ASS3": 0.0, "ASS4": -0.5,
    "EMP1": -0.6, "EMP2": -0.9, "EMP3": 0.0, "EMP4": -0.3, "EMP5": -1.2,
}


def _fmt(v):
    """Cell text: '' for missing, integer text otherwise."""
    if v is None:
        return ""
    return str(int(v))


def _write(name, header, rows):
    path = os.path.join(OUT_DIR, name)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)
    print("wrote", path)


def make_servqual():
    rng = np.random.default_rng(20260415)
    codes = [c for c, _ in TEMPLATE]
    dims = ["tan", "rel", "res", "ass", "emp"]
    header = ["id", "source", "wave"]
    for c in codes:
        header += ["E:" + c, "P:" + c]

    def clip(x):
        return int(min(7, max(1, round(float(x)))))

    rows = []
    n_cust = 0
    waves = [("2026 Q1", 45, 0.0), ("2026 Q2", 38, 0.25)]
    mgmt = {
        "2026 Q1": ("M01", "2026 Q1"),
        "": ("M02", ""),
        "2026 Q2": ("M03", "2026 Q2"),
    }

    def mgmt_row(mid, wave):
        r = [mid, "management", wave]
        for c in codes:
            m = clip(5.6 + rng.normal(0, 0.7))  # management's estimate of E
            s = clip(6.3 + rng.normal(0, 0.5))  # management's self-assessment
            r += [_fmt(m), _fmt(s)]
        return r

    for wi, (wave, count, improvement) in enumerate(waves):
        for _ in range(count):
            n_cust += 1
            cid = "C%03d" % n_cust
            # Blank and explicit "customer" source both mean a customer.
            source = "customer" if rng.random() < 0.5 else ""
            e_level = rng.normal(5.9, 0.5)
            quality = rng.normal(0.0, 0.8)  # shared across all items -> positive alpha
            dim_e = {d: rng.normal(0.0, 0.3) for d in dims}
            dim_q = {d: rng.normal(0.0, 0.5) for d in dims}
            r = [cid, source, wave]
            for c, d in TEMPLATE:
                e = clip(e_level + dim_e[d] + rng.normal(0, 0.6))
                p = clip(e_level + SERVQUAL_GAP[c] + improvement + quality + dim_q[d]
                         + rng.normal(0, 0.7))
                e_cell = None if rng.random() < 0.09 else e
                p_cell = None if rng.random() < 0.09 else p
                r += [_fmt(e_cell), _fmt(p_cell)]
            rows.append(r)
        # A management row after each wave's customers; the blank-wave one between the waves.
        mid, mw = mgmt[wave]
        rows.append(mgmt_row(mid, mw))
        if wi == 0:
            mid, mw = mgmt[""]
            rows.append(mgmt_row(mid, mw))
    _write("servqual_two_waves.csv", header, rows)


DEGENERATE_NOTES = """
degenerate.csv (customers c1..c9; m1 is management and must be ignored):
  XTRA1 columns come first: unknown code, dimension "other" (single item -> alpha null, k<2);
        pairs c1..c3 (wave A) and c9 (wave B): n=4 all, n=3 in A, n=1 in B.
  TAN1  exactly one paired answer (c1) -> item n=1; dimension tan single item (alpha null, k<2),
        dimension gap n=1.
  REL1  every P-E = -1 (c1..c6) -> n=6, SD=0 (m1 would break this if counted).
  REL2  n=5 (c1..c5), plus c6 with P only.
  REL3  nobody has both E and P (c1..c3 E only, c4..c6 P only) -> n=0.
        rel alpha: exactly 3 complete P cases (c4..c6), alpha negative.
  RES1, RES2  4 complete P cases whose total score is constant -> alpha null (zero variance).
  ASS1  only an E: column -> perception n=0, gap n=0, dimension ass gap n=0, alpha null.
  EMP1, EMP2  only 2 complete P cases -> alpha null (cases<3).
  c7 (blank wave) has REL1 E only; c8 (blank wave) has no answers at all.
  Wave B (c9 only) has every p null -> every p_holm null.
"""


def make_degenerate():
    header = ["id", "source", "wave",
              "E:XTRA1", "P:XTRA1",
              "E:TAN1", "P:TAN1",
              "E:REL1", "P:REL1", "E:REL2", "P:REL2", "E:REL3", "P:REL3",
              "E:RES1", "P:RES1", "E:RES2", "P:RES2",
              "E:ASS1",
              "E:EMP1", "P:EMP1", "E:EMP2", "P:EMP2"]
    N = None
    # id, source, wave, then the cells in header order
    table = [
        ("c1", "customer", "A", 5, 5, 6, 4, 7, 6, 6, 4, 6, N, 5, 3, 5, 6, 6, 6, 5, 6, 4),
        ("c2", "", "A", 6, 4, 5, N, 6, 5, 7, 7, 5, N, 5, 4, 5, 5, 7, 5, 6, 6, 6),
        ("c3", "customer", "A", 4, 5, N, 3, 5, 4, 5, 3, 7, N, 6, 5, 5, 4, 5, 6, 4, N, N),
        ("c4", "", "A", N, N, N, N, 7, 6, 6, 6, N, 3, 6, 6, 5, 3, N, N, N, 5, 3),
        ("c5", "customer", "A", N, N, N, N, 4, 3, 7, 4, N, 6, N, N, N, N, N, N, N, N, N),
        ("c6", "customer", "A", N, N, N, N, 6, 5, N, 5, N, 6, N, N, N, N, N, N, N, N, N),
        ("m1", "management", "A", 7, 1, 7, 7, 3, 7, 1, 7, 7, 7, 1, 7, 7, 1, 7, 7, 7, 1, 7),
        ("c7", "", "", N, N, N, N, 7, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
        ("c8", "customer", "", N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
        ("c9", "", "B", 7, 6, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
    ]
    rows = []
    for t in table:
        assert len(t) == len(header), (t[0], len(t), len(header))
        rows.append(list(t[:3]) + [_fmt(v) for v in t[3:]])
    _write("degenerate.csv", header, rows)


def make_small_n():
    N = None
    # (E, P) per customer for REL1..REL5; 12 customers, wave W1.
    e = {
        "REL1": [6, 7, 6, 7, 5, 6, 7, N, 7, 6, 5, 7],
        "REL2": [6, 6, 5, 7, 6, 5, 6, 6, 7, 5, 6, 6],
        "REL3": [5, 6, 5, 6, 4, 6, 5, 5, 6, 5, 4, 6],
        "REL4": [7, 6, 7, N, 6, 7, 6, N, 7, 6, N, 7],
        "REL5": [5, 5, 4, 6, 5, 4, 5, 5, 6, 4, 5, 5],
    }
    p = {
        "REL1": [4, 5, 3, 5, 4, 4, 5, 3, N, 4, 3, 5],
        "REL2": [5, 6, 5, 5, 6, 4, 6, 5, 7, 5, 4, 6],
        "REL3": [5, 7, 4, 6, 5, 5, 5, 6, 5, 5, 4, 7],
        "REL4": [5, 5, 5, 5, 4, 5, 6, 5, 6, 4, 5, 5],
        "REL5": [6, 5, 5, 6, 5, 5, 5, 6, 6, 4, 6, 5],
    }
    header = ["id", "source", "wave"]
    for c in ["REL1", "REL2", "REL3", "REL4", "REL5"]:
        header += ["E:" + c, "P:" + c]
    rows = []
    for i in range(12):
        r = ["S%02d" % (i + 1), "customer", "W1"]
        for c in ["REL1", "REL2", "REL3", "REL4", "REL5"]:
            r += [_fmt(e[c][i]), _fmt(p[c][i])]
        rows.append(r)
    _write("small_n.csv", header, rows)


def main():
    if not os.path.isdir(os.path.join("scripts", "reference")):
        sys.exit("run from the repository root")
    os.makedirs(OUT_DIR, exist_ok=True)
    make_servqual()
    make_degenerate()
    make_small_n()


if __name__ == "__main__":
    main()
