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
* full_model.csv + ../projects/full_model.project.json -- the full gap model (see FULL_MODEL_NOTES):
  12 items in rel/res/emp, waves W1-W3 plus blank-wave rows, segments, importance points,
  NPS/CSAT/CES, managers (M, S), and a project with journey, standards, measurements,
  promises and complaints.
"""

import csv
import json
import os
import sys

import numpy as np

OUT_DIR = os.path.join("tests", "fixtures", "responses")
PROJECT_DIR = os.path.join("tests", "fixtures", "projects")

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


FULL_MODEL_NOTES = """
full_model.csv (scale 1-7; columns id, source, wave, segment:channel, segment:type, E:/P: for
REL1-REL5, RES1-RES4, EMP1-EMP3, I:rel, I:res, I:emp, nps, csat, ces):
  Customers: 36 in W1, 34 in W2, 35 in W3, 4 with a blank wave (all-waves view only).
  source "customer" or blank at random. segment:channel web/shop/phone, ~8 % blank;
  segment:type private/business. Each E/P cell blank with probability 0.06.
  W2 perceptions are better than W1 (+0.35), W3 slightly worse than W2 (+0.15 over W1);
  web customers rate reliability lower (-0.4).
  Importance points: most rows sum to 100 (multiples of 5); ~10 % sum to 90 or 120
  (rescaled); ~10 % have one blank I: cell (counts 0; the rest usually does not sum to 100);
  ~10 % have every I: cell blank (no weight); rows F0007 and F0052 have 0/0/0 (left out).
  nps 0-10, csat 1-5, ces 1-7, each blank with probability 0.1.
  Managers (their E = M, P = S): MW1a, MW1b (W1), MW2a (W2), MW3a, MW3b (W3), MX (blank
  wave). Both W3 managers leave EMP3 blank (knowledge and experience gap null for EMP3 in W3).
  MW1a also fills I: points and nps/csat/ces: management answers must not count there.
  Managers never have segments.
full_model.project.json: the project (Rust serde form) with journey, standards s1-s4 (s3 no
  KPI; s4 measured in W1 only), measurements, promises (RES2 twice: highest level counts),
  complaints.
"""

FULL_ITEMS = [
    # code, dimension, intended mean E, intended P - E, touchpoint, text
    ("REL1", "rel", 6.3, -1.2, "booking", "The booking is confirmed exactly as agreed."),
    ("REL2", "rel", 6.1, -0.6, "booking", "What was promised at booking is delivered."),
    ("REL3", "rel", 5.8, 0.1, "checkin", "The room is ready at the time stated."),
    ("REL4", "rel", 6.0, -1.4, None, "Phone calls are answered quickly."),
    ("REL5", "rel", 5.6, -0.2, "invoice", "The invoice is correct the first time."),
    ("RES1", "res", 5.9, -0.9, "checkin", "Staff help at once when asked."),
    ("RES2", "res", 6.2, -1.1, None, "Questions by e-mail get a same-day answer."),
    ("RES3", "res", 5.4, -0.3, "checkin", "Queues at the desk are short."),
    ("RES4", "res", 5.2, 0.0, None, "Changes to a booking are handled without fuss."),
    ("EMP1", "emp", 5.5, -0.5, "checkin", "Staff take an interest in my wishes."),
    ("EMP2", "emp", 5.0, -0.8, None, "Opening hours suit me."),
    ("EMP3", "emp", 4.8, 0.2, "invoice", "Staff remember returning guests."),
]


def make_full_model():
    rng = np.random.default_rng(20260501)
    codes = [c for c, *_ in FULL_ITEMS]
    dims = ["rel", "res", "emp"]
    header = ["id", "source", "wave", "segment:channel", "segment:type"]
    for c in codes:
        header += ["E:" + c, "P:" + c]
    header += ["I:" + d for d in dims] + ["nps", "csat", "ces"]

    def clip(x, lo=1, hi=7):
        return int(min(hi, max(lo, round(float(x)))))

    def importance(n_row, special):
        """Importance cells for customer row number n_row (1-based)."""
        if special == "zero":
            return [0, 0, 0]
        u = rng.random()
        if u < 0.10:
            return [None, None, None]
        base = rng.dirichlet([9.0, 6.0, 5.0])
        pts = [int(round(b * 20)) * 5 for b in base]
        pts[0] = 100 - pts[1] - pts[2]  # sums to 100
        pts = [max(0, v) for v in pts]
        if u < 0.20:
            factor = 0.9 if rng.random() < 0.5 else 1.2
            pts = [int(round(v * factor)) for v in pts]  # sums to about 90 or 120
        elif u < 0.30:
            pts[int(rng.integers(0, 3))] = None  # a blank cell counts 0
        return [min(100, v) if v is not None else None for v in pts]

    def opt(v, p=0.10):
        return None if rng.random() < p else v

    rows = []
    n_cust = 0
    zero_rows = {7, 52}

    def customer(wave, shift):
        nonlocal n_cust
        n_cust += 1
        cid = "F%04d" % n_cust
        source = "customer" if rng.random() < 0.5 else ""
        u = rng.random()
        channel = "" if u < 0.08 else ("web" if u < 0.48 else ("shop" if u < 0.78 else "phone"))
        ctype = "business" if rng.random() < 0.35 else "private"
        e_level = rng.normal(0.0, 0.45)
        quality = rng.normal(0.0, 0.8)
        dim_q = {d: rng.normal(0.0, 0.4) for d in dims}
        r = [cid, source, wave, channel, ctype]
        for code, dim, e_mean, gap, _tp, _text in FULL_ITEMS:
            e = clip(e_mean + e_level + rng.normal(0, 0.6))
            web = -0.4 if (channel == "web" and dim == "rel") else 0.0
            p = clip(e_mean + e_level + gap + shift + web + quality + dim_q[dim]
                     + rng.normal(0, 0.7))
            r += [_fmt(opt(e, 0.06)), _fmt(opt(p, 0.06))]
        imp = importance(n_cust, "zero" if n_cust in zero_rows else None)
        r += [_fmt(v) for v in imp]
        nps = clip(7.0 + 1.6 * quality + shift + rng.normal(0, 1.4), 0, 10)
        csat = clip(3.7 + 0.8 * quality + rng.normal(0, 0.6), 1, 5)
        ces = clip(3.0 - 0.9 * quality + rng.normal(0, 1.0), 1, 7)
        r += [_fmt(opt(nps)), _fmt(opt(csat)), _fmt(opt(ces))]
        rows.append(r)

    def manager(mid, wave, skip=(), extras=False):
        r = [mid, "management", wave, "", ""]
        for code, dim, e_mean, gap, _tp, _text in FULL_ITEMS:
            m = clip(e_mean - 0.5 + rng.normal(0, 0.8))  # management's estimate of E
            s = clip(6.1 + rng.normal(0, 0.6))  # management's self-assessment
            if code in skip:
                m = s = None
            r += [_fmt(opt(m, 0.04)), _fmt(opt(s, 0.04))]
        if extras:
            r += ["80", "10", "10", "10", "5", "1"]
        else:
            r += ["", "", "", "", "", ""]
        rows.append(r)

    plan = [("W1", 36, 0.0), ("W2", 34, 0.35), ("W3", 35, 0.15)]
    for wave, count, shift in plan:
        for _ in range(count):
            customer(wave, shift)
        if wave == "W1":
            manager("MW1a", "W1", extras=True)
            manager("MW1b", "W1")
            for _ in range(2):
                customer("", 0.1)
            manager("MX", "")
        elif wave == "W2":
            manager("MW2a", "W2")
            for _ in range(2):
                customer("", 0.1)
        else:
            manager("MW3a", "W3", skip=("EMP3",))
            manager("MW3b", "W3", skip=("EMP3",))
    for r in rows:
        assert len(r) == len(header), (r[0], len(r), len(header))
    _write("full_model.csv", header, rows)

    project = {
        "id": "full-model",
        "name": "full_model",
        "scale": {"min": 1, "max": 7},
        "dimensions": [{"code": "rel", "name": "Reliability"},
                       {"code": "res", "name": "Responsiveness"},
                       {"code": "emp", "name": "Empathy"}],
        "items": [],
        "journey": {"stages": [
            {"name": "Buy", "touchpoints": [{"code": "booking", "name": "Booking", "channel": "web",
                                             "critical": True, "owner": "Anna"}]},
            {"name": "Stay", "touchpoints": [{"code": "checkin", "name": "Check-in",
                                              "channel": "shop", "critical": False,
                                              "owner": "Olle"}]},
            {"name": "After", "touchpoints": [{"code": "invoice", "name": "Invoice",
                                               "channel": "invoice", "critical": True,
                                               "owner": "Eva"}]},
        ]},
        "standards": [
            {"id": "s1", "text": "Answer the phone within 20 s.", "item": "REL4",
             "kpi": {"target": 20.0, "unit": "s", "direction": "<="}},
            {"id": "s2", "text": "Answer 95 % of e-mails the same day.", "item": "RES2",
             "kpi": {"target": 95.0, "unit": "%", "direction": ">="}},
            {"id": "s3", "text": "Greet every guest by name (no KPI).", "item": "EMP1"},
            {"id": "s4", "text": "Confirm booking changes within 2 days.", "item": "RES4",
             "kpi": {"target": 2.0, "unit": "days", "direction": "<="}},
        ],
        "measurements": [
            {"standard": "s1", "wave": "W1", "value": 18.0},
            {"standard": "s1", "wave": "W1", "value": 26.5},
            {"standard": "s1", "wave": "W1", "value": 20.0},
            {"standard": "s1", "wave": "W1", "value": 31.0},
            {"standard": "s1", "wave": "W2", "value": 17.5},
            {"standard": "s1", "wave": "W2", "value": 19.0},
            {"standard": "s1", "wave": "W2", "value": 22.0},
            {"standard": "s1", "wave": "W3", "value": 24.0},
            {"standard": "s1", "wave": "W3", "value": 21.5},
            {"standard": "s1", "wave": "W3", "value": 15.0},
            {"standard": "s2", "wave": "W1", "value": 91.0},
            {"standard": "s2", "wave": "W1", "value": 96.5},
            {"standard": "s2", "wave": "W1", "value": 88.0},
            {"standard": "s2", "wave": "W2", "value": 95.0},
            {"standard": "s2", "wave": "W2", "value": 97.0},
            {"standard": "s2", "wave": "W3", "value": 93.5},
            {"standard": "s2", "wave": "W3", "value": 94.0},
            {"standard": "s2", "wave": "W3", "value": 99.0},
            {"standard": "s4", "wave": "W1", "value": 1.5},
            {"standard": "s4", "wave": "W1", "value": 3.0},
        ],
        "promises": [
            {"item": "REL1", "text": "Your booking, exactly as you asked.", "channel": "web",
             "level": 6.5},
            {"item": "RES2", "text": "We answer every e-mail the same day.", "channel": "social",
             "level": 6.0},
            {"item": "RES2", "text": "Quick answers to your questions.", "channel": "web",
             "level": 5.5},
        ],
        "complaints": [
            {"date": "2026-02-03", "wave": "W1", "touchpoint": "invoice", "category": "billing",
             "text": "Charged twice for breakfast."},
            {"date": "2026-02-11", "wave": "W1", "touchpoint": "booking", "category": "booking",
             "text": "Confirmation never arrived."},
            {"date": "2026-05-20", "wave": "W2", "touchpoint": "checkin", "category": "waiting",
             "text": "Waited 40 minutes at the desk."},
            {"date": "2026-09-02", "wave": "W3", "category": "other",
             "text": "Parking was full."},
        ],
    }
    for code, dim, _e, _g, tp, text in FULL_ITEMS:
        item = {"code": code, "dimension": dim, "text": text}
        if tp is not None:
            item["touchpoint"] = tp
        project["items"].append(item)
    os.makedirs(PROJECT_DIR, exist_ok=True)
    path = os.path.join(PROJECT_DIR, "full_model.project.json")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(project, indent=2, ensure_ascii=False) + "\n")
    print("wrote", path)


def main():
    if not os.path.isdir(os.path.join("scripts", "reference")):
        sys.exit("run from the repository root")
    os.makedirs(OUT_DIR, exist_ok=True)
    make_servqual()
    make_degenerate()
    make_small_n()
    make_full_model()


if __name__ == "__main__":
    main()
