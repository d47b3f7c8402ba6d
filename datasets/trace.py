#!/usr/bin/env python3
"""Trace every shipped figure back to the reference table.

Usage (from the repository root):

    python3 datasets/trace.py PUBLISHED_FIGURES_CSV GOVERNORATES_CSV

For every dataset in the directory of this script (each <name>.csv with its
<name>.meta.yaml), every non-blank value must match exactly one row of
published-figures.csv on metric, category, perpetrator, governorate
(canonicalised through the governorates table), period_start, period_end,
value, and the row's source (title and url equal to the sidecar's source,
a reference row without a url matching the sidecar's url of that title;
date, kind and, for secondary sources, the cited report are checked too).

It also checks what a curator would otherwise catch by eye: sidecar keys,
undefined sources, non-canonical governorate names, duplicate keys, parts
above their whole and governorates summing above the national figure.

Every problem is printed as `file:line: what is wrong`; the exit status is 1
if there was any, 0 otherwise. A curator's tool: stdlib only, not used by
the build or the tests.
"""

import csv
import io
import os
import re
import sys

KEY_COLUMNS = ("period", "governorate", "category", "perpetrator", "metric")
OTHER_COLUMNS = ("value", "source", "note")

METRICS = {
    "civilians_killed": "people",
    "people_displaced": "people",
    "massacres": "incidents",
    "attacks_on_vital_facilities": "incidents",
    "cluster_munition_attacks": "incidents",
    "incendiary_weapon_attacks": "incidents",
    "barrel_bombs": "incidents",
    "un_security_council_vetoes": "incidents",
    "human_rights_council_votes_against": "incidents",
}

# category: (unit or None for any, parent, group)
CATEGORIES = {
    "all": (None, None, None),
    "children": ("people", "all", "age-sex"),
    "women": ("people", "all", "age-sex"),
    "medical_and_civil_defence_personnel": ("people", "all", None),
    "medical_personnel": ("people", "medical_and_civil_defence_personnel", "role"),
    "civil_defence_personnel": ("people", "medical_and_civil_defence_personnel", "role"),
    "medical_personnel_women": ("people", "medical_personnel", None),
    "media_workers": ("people", "all", None),
    "schools": ("incidents", "all", "facility"),
    "medical_facilities": ("incidents", "all", "facility"),
    "markets": ("incidents", "all", "facility"),
    "mosques": ("incidents", "all", "facility"),
}

PERPETRATORS = {"russian_forces", "syrian_regime_forces", "all_parties", "russia"}

SIDECAR_KEYS = {
    "title", "publisher", "publisher_short", "period_semantics",
    "documented_minimum", "licence", "notes", "defaults", "default_source",
    "sources", "inferred_periods",
}
SOURCE_KEYS = {"title", "date", "url", "kind", "cites", "outlet"}
SEMANTICS = {"cumulative", "intervention_year", "calendar_year", "window"}

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SOURCE_DATE_RE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


# --------------------------------------------------------------------------
# A small YAML reader for the sidecars: nested mappings by indentation, plain,
# single- or double-quoted scalars, `{}`, and folded (>) or literal (|) blocks.
# Anything else (lists, anchors, flow mappings with content) is an error.


class YAMLError(Exception):
    pass


def _scalar(text, lineno):
    text = text.strip()
    if text == "":
        return None
    if text == "{}":
        return {}
    if text[0] == '"':
        out, i = [], 1
        while i < len(text):
            ch = text[i]
            if ch == "\\":
                i += 1
                if i >= len(text):
                    break
                esc = text[i]
                out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}.get(esc, "\\" + esc))
            elif ch == '"':
                rest = text[i + 1:].strip()
                if rest and not rest.startswith("#"):
                    raise YAMLError(f"line {lineno}: text after a quoted string")
                return "".join(out)
            else:
                out.append(ch)
            i += 1
        raise YAMLError(f"line {lineno}: unterminated double-quoted string")
    if text[0] == "'":
        m = re.match(r"'((?:[^']|'')*)'\s*(#.*)?$", text)
        if not m:
            raise YAMLError(f"line {lineno}: bad single-quoted string")
        return m.group(1).replace("''", "'")
    if text[0] in "[{&*!|>" or text == "-" or text.startswith("- "):
        raise YAMLError(f"line {lineno}: unsupported YAML construct {text!r}")
    text = re.sub(r"\s+#.*$", "", text)
    if text in ("true", "True"):
        return True
    if text in ("false", "False"):
        return False
    if text in ("null", "~"):
        return None
    return text


def load_yaml(raw):
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    root = {}
    stack = [(-1, root)]  # (indent, mapping)
    i = 0
    while i < len(lines):
        line = lines[i]
        lineno = i + 1
        stripped = line.strip()
        if stripped == "" or stripped.startswith("#"):
            i += 1
            continue
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise YAMLError(f"line {lineno}: tab in indentation")
        indent = len(line) - len(line.lstrip(" "))
        while stack and indent <= stack[-1][0]:
            stack.pop()
        if not stack:
            raise YAMLError(f"line {lineno}: bad indentation")
        parent = stack[-1][1]
        m = re.match(r"^([A-Za-z0-9_\-/]+)\s*:(?:\s+(.*))?$", stripped)
        if not m:
            raise YAMLError(f"line {lineno}: expected `key: value`, got {stripped!r}")
        key, rest = m.group(1), (m.group(2) or "")
        if key in parent:
            raise YAMLError(f"line {lineno}: duplicate key {key!r}")
        rest_nc = re.sub(r"\s+#.*$", "", rest) if not rest.startswith(('"', "'")) else rest
        if rest_nc.strip() in (">", "|", ">-", "|-", ">+", "|+"):
            style = rest_nc.strip()
            block, j, bindent = [], i + 1, None
            while j < len(lines):
                ln = lines[j]
                if ln.strip() == "":
                    block.append("")
                    j += 1
                    continue
                ind = len(ln) - len(ln.lstrip(" "))
                if ind <= indent:
                    break
                if bindent is None:
                    bindent = ind
                block.append(ln[bindent:] if ind >= bindent else ln.lstrip(" "))
                j += 1
            while block and block[-1] == "":
                block.pop()
            if style.startswith("|"):
                value = "\n".join(block)
            else:
                paras, cur = [], []
                for b in block:
                    if b == "":
                        paras.append(" ".join(cur))
                        cur = []
                    else:
                        cur.append(b.strip())
                paras.append(" ".join(cur))
                value = "\n".join(p for p in paras)
            if not style.endswith("-"):
                value += "\n"
            parent[key] = value
            i = j
            continue
        if rest.strip() == "" or rest.strip().startswith("#"):
            child = {}
            parent[key] = child
            stack.append((indent, child))
            i += 1
            continue
        parent[key] = _scalar(rest, lineno)
        i += 1
    return root


# --------------------------------------------------------------------------


def read_csv_text(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def sniff_delimiter(header_line):
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


ARABIC_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
ARABIC_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})


def parse_value(text):
    """Whole number as the README allows it, or None and a reason."""
    t = text.strip().translate(ARABIC_DIGITS)
    for sep in (",", " ", "\u00a0", "\u2009", "\u202f", "\u066c"):
        t = t.replace(sep, "")
    if not t.isdigit():
        return None, f"value {text!r} is not a whole number"
    return int(t), None


def parse_period(text):
    """(start, end) as ISO strings, start may be ''; or None and a reason."""
    t = text.strip()
    if re.fullmatch(r"\d{4}", t):
        return (f"{t}-01-01", f"{t}-12-31"), None
    if "/" in t:
        a, b = (s.strip() for s in t.split("/", 1))
        if (a and not DATE_RE.match(a)) or not DATE_RE.match(b):
            return None, f"period {text!r} is not YYYY-MM-DD/YYYY-MM-DD"
        if a and a > b:
            return None, f"period {text!r} ends before it starts"
        return (a, b), None
    return None, f"period {text!r} is neither YYYY nor a dated window"


class Governorates:
    def __init__(self, path):
        self.by_name = {}
        self.canonical = {}
        text = read_csv_text(path)
        for row in csv.DictReader(io.StringIO(text)):
            pcode = row["adm1_pcode"].strip()
            self.canonical[pcode] = row["name_en_ocha"].strip()
            names = [row[c] for c in ("adm1_pcode", "iso_3166_2", "hasc", "name_en_ocha",
                                      "name_ar", "name_iso_romanized", "name_naturalearth")]
            names += row.get("alt_spellings", "").split("|")
            # FIPS codes are deliberately not accepted: they collide with P-codes.
            for n in names:
                n = n.strip()
                if n:
                    self.by_name.setdefault(n.casefold(), pcode)

    def resolve(self, name):
        name = name.strip()
        if name == "":
            return ""
        return self.by_name.get(name.casefold())


def secondary_cites(title):
    """The SNHR report named in a reference title's '(secondary: X citing Y)'."""
    if not title.startswith("(secondary:"):
        return None
    depth = 0
    for i, ch in enumerate(title):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            inner = title[1:i]
            k = inner.find("citing ")
            return inner[k + len("citing "):] if k >= 0 else None
    return None


def load_reference(path, gov):
    refs = []
    text = read_csv_text(path)
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        g = row["governorate"].strip()
        pc = gov.resolve(g)
        refs.append({
            "line": n,
            "metric": row["metric"].strip(),
            "category": row["category"].strip(),
            "perpetrator": row["perpetrator"].strip(),
            "gov": pc if pc is not None else "?" + g.casefold(),
            "gov_raw": g,
            "start": row["period_start"].strip(),
            "end": row["period_end"].strip(),
            "value": int(row["value"]) if row["value"].strip().isdigit() else None,
            "kind": row["source_kind"].strip(),
            "title": row["source_title"].strip(),
            "date": row["source_date"].strip(),
            "url": row["source_url"].strip(),
        })
    return refs


def check_sidecar(path, meta):
    where = os.path.basename(path)
    for k in meta:
        if k not in SIDECAR_KEYS:
            problem(where, f"unknown key {k!r}")
    for k in SIDECAR_KEYS - {"inferred_periods"}:
        if k not in meta:
            problem(where, f"missing key {k!r}")
    if meta.get("publisher") != "Syrian Network for Human Rights":
        problem(where, "publisher must be 'Syrian Network for Human Rights'")
    if meta.get("publisher_short") != "SNHR":
        problem(where, "publisher_short must be 'SNHR'")
    if meta.get("period_semantics") not in SEMANTICS:
        problem(where, f"period_semantics must be one of {sorted(SEMANTICS)}")
    if meta.get("documented_minimum") is not True:
        problem(where, "documented_minimum must be true")
    defaults = meta.get("defaults")
    if defaults is None:
        defaults = {}
    if not isinstance(defaults, dict):
        problem(where, "defaults must be a mapping")
        defaults = {}
    for k in defaults:
        if k not in KEY_COLUMNS:
            problem(where, f"defaults: unknown column {k!r}")
    sources = meta.get("sources")
    if not isinstance(sources, dict) or not sources:
        problem(where, "sources must be a non-empty mapping")
        sources = {}
    for key, s in sources.items():
        if not isinstance(s, dict):
            problem(where, f"source {key!r} must be a mapping")
            continue
        for k in s:
            if k not in SOURCE_KEYS:
                problem(where, f"source {key!r}: unknown key {k!r}")
        for k in ("title", "date", "url", "kind"):
            if k not in s:
                problem(where, f"source {key!r}: missing {k!r}")
        if s.get("kind") not in ("primary", "secondary"):
            problem(where, f"source {key!r}: kind must be primary or secondary")
        if s.get("kind") == "secondary" and not (s.get("cites") and s.get("outlet")):
            problem(where, f"source {key!r}: a secondary source must name the report it cites and the outlet quoting it")
        if s.get("date") != "n.d." and not SOURCE_DATE_RE.match(str(s.get("date") or "")):
            problem(where, f"source {key!r}: date must be YYYY, YYYY-MM, YYYY-MM-DD or n.d.")
    if meta.get("default_source") not in sources:
        problem(where, f"default_source {meta.get('default_source')!r} is not one of the sources")
    return defaults, sources


def read_dataset(path, defaults, gov, used_sources):
    """(line, record) for every non-blank value; the source keys of every row,
    blank or not, are appended to used_sources. Shape problems are reported."""
    where = os.path.basename(path)
    text = read_csv_text(path)
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(first))
    rows = list(reader)
    if not rows:
        problem(where, "empty file")
        return []
    header = [h.strip().casefold() for h in rows[0]]
    if len(set(header)) != len(header):
        problem(f"{where}:1", "duplicated header")
    wide = "value" not in header
    if wide and "category" in header:
        problem(f"{where}:1", "a `category` column without a `value` column")
    cat_cols = [h for h in header if h not in KEY_COLUMNS + OTHER_COLUMNS] if wide else []
    if not wide:
        extra = [h for h in header if h not in KEY_COLUMNS + OTHER_COLUMNS]
        if extra:
            problem(f"{where}:1", f"unknown columns {extra}")
    for need in ("period",) + (() if wide else ("category",)) + ("perpetrator", "metric"):
        if need not in header and need not in defaults:
            problem(f"{where}:1", f"no `{need}` column and no default for it")
    out = []
    for n, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problem(f"{where}:{n}", f"{len(cells)} fields, header has {len(header)}")
            continue
        row = dict(zip(header, cells))
        used = row.get("source", "").strip()
        if used:
            used_sources.append((n, used))

        def col(name):
            v = row.get(name, "").strip()
            return v if v else str(defaults.get(name, "") or "").strip()

        period, why = parse_period(col("period"))
        if period is None:
            problem(f"{where}:{n}", why)
            continue
        g_raw = col("governorate")
        pc = gov.resolve(g_raw)
        if pc is None:
            problem(f"{where}:{n}", f"unknown governorate {g_raw!r}")
            continue
        if g_raw and g_raw != gov.canonical[pc]:
            problem(f"{where}:{n}", f"governorate {g_raw!r} is not canonical; write {gov.canonical[pc]!r}")
        cells_to_check = [(c, row[c]) for c in cat_cols] if wide else [(col("category"), row["value"])]
        for cat, v in cells_to_check:
            if v.strip() == "":
                continue
            value, why = parse_value(v)
            if value is None:
                problem(f"{where}:{n}", why)
                continue
            rec = {
                "period": period, "gov": pc, "category": cat,
                "perpetrator": col("perpetrator"), "metric": col("metric"),
                "value": value, "source": row.get("source", "").strip(),
            }
            if rec["metric"] not in METRICS:
                problem(f"{where}:{n}", f"unknown metric {rec['metric']!r}")
            if cat not in CATEGORIES:
                problem(f"{where}:{n}", f"unknown category {cat!r}")
            elif CATEGORIES[cat][0] and rec["metric"] in METRICS and CATEGORIES[cat][0] != METRICS[rec["metric"]]:
                problem(f"{where}:{n}", f"category {cat!r} does not fit metric {rec['metric']!r}")
            if rec["perpetrator"] not in PERPETRATORS:
                problem(f"{where}:{n}", f"unknown perpetrator {rec['perpetrator']!r}")
            out.append((n, rec))
    return out


def check_consistency(where, recs):
    seen = {}
    for n, r in recs:
        key = (r["period"], r["gov"], r["category"], r["perpetrator"], r["metric"])
        if key in seen:
            problem(f"{where}:{n}", f"duplicate key, first at line {seen[key]}")
        else:
            seen[key] = n
    vals = {(r["period"], r["gov"], r["category"], r["perpetrator"], r["metric"]): r["value"] for _, r in recs}
    # parts above their whole
    groups = {}
    for (period, gov, cat, perp, metric), v in vals.items():
        if cat not in CATEGORIES or CATEGORIES[cat][1] is None:
            continue
        parent, group = CATEGORIES[cat][1], CATEGORIES[cat][2]
        gk = (period, gov, perp, metric, parent, group or cat)
        groups.setdefault(gk, []).append((cat, v))
    for (period, gov, perp, metric, parent, _), parts in groups.items():
        whole = vals.get((period, gov, parent, perp, metric))
        total = sum(v for _, v in parts)
        if whole is not None and total > whole:
            names = " + ".join(c for c, _ in parts)
            problem(where, f"{names} = {total} > {parent} = {whole} for {period[0]}/{period[1]} {gov or 'Syria'} {perp} {metric}")
    # governorates above the national figure
    sums = {}
    for (period, gov, cat, perp, metric), v in vals.items():
        if gov:
            sums[(period, cat, perp, metric)] = sums.get((period, cat, perp, metric), 0) + v
    for (period, cat, perp, metric), total in sums.items():
        national = vals.get((period, "", cat, perp, metric))
        if national is not None and total > national:
            problem(where, f"governorates sum to {total} > national {national} for {period[0]}/{period[1]} {cat} {perp} {metric}")


def trace(where, recs, sources, default_source, refs):
    for n, r in recs:
        skey = r["source"] or default_source
        src = sources.get(skey)
        if not isinstance(src, dict):
            continue  # already reported by the sidecar and source checks
        title = str(src.get("title") or "").strip()
        url = str(src.get("url") or "").strip()
        start, end = r["period"]
        same_figure = [x for x in refs if x["metric"] == r["metric"] and x["category"] == r["category"]
                       and x["perpetrator"] == r["perpetrator"] and x["gov"] == r["gov"]
                       and x["start"] == start and x["end"] == end and x["value"] == r["value"]]
        hits = ([x for x in same_figure if x["title"] == title and x["url"] == url]
                or [x for x in same_figure if x["title"] == title and x["url"] == ""])
        desc = (f"{r['metric']}/{r['category']}/{r['perpetrator']}/{r['gov'] or 'Syria'} "
                f"{start}/{end} = {r['value']} from {skey!r}")
        if len(hits) != 1:
            if len(hits) > 1:
                why = "matches " + ", ".join(f"line {x['line']}" for x in hits) + " (ambiguous)"
            elif same_figure:
                why = ("the figure is in the reference but under another source: "
                       + ", ".join(f"line {x['line']} ({x['kind']}, {x['title'][:60]!r})" for x in same_figure))
            else:
                near = [x for x in refs if x["metric"] == r["metric"] and x["category"] == r["category"]
                        and x["perpetrator"] == r["perpetrator"] and x["gov"] == r["gov"]
                        and x["start"] == start and x["end"] == end]
                why = "no reference row has this figure"
                if near:
                    why += "; same key with values " + ", ".join(f"{x['value']} (line {x['line']})" for x in near)
            problem(f"{where}:{n}", f"{desc}: {why}")
            continue
        x = hits[0]
        ref_date = x["date"]
        if str(src.get("date") or "") != ref_date:
            problem(f"{where}:{n}", f"source {skey!r} date {src.get('date')!r} != reference {ref_date!r} (line {x['line']})")
        if src.get("kind") != x["kind"]:
            problem(f"{where}:{n}", f"source {skey!r} kind {src.get('kind')!r} != reference {x['kind']!r} (line {x['line']})")
        if x["kind"] == "secondary":
            cites = secondary_cites(x["title"])
            if cites is not None and src.get("cites") != cites:
                problem(f"{where}:{n}", f"source {skey!r} cites {src.get('cites')!r} != reference {cites!r} (line {x['line']})")


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    gov = Governorates(argv[2])
    refs = load_reference(argv[1], gov)
    here = os.path.dirname(os.path.abspath(__file__))
    names = sorted(f[:-4] for f in os.listdir(here) if f.endswith(".csv"))
    checked = 0
    for name in names:
        csv_path = os.path.join(here, name + ".csv")
        meta_path = os.path.join(here, name + ".meta.yaml")
        if not os.path.exists(meta_path):
            problem(name + ".csv", "no sidecar " + name + ".meta.yaml")
            continue
        try:
            with open(meta_path, encoding="utf-8") as f:
                meta = load_yaml(f.read())
        except YAMLError as e:
            problem(name + ".meta.yaml", str(e))
            continue
        defaults, sources = check_sidecar(meta_path, meta)
        used = []
        recs = read_dataset(csv_path, defaults, gov, used)
        for n, key in used:
            if key not in sources:
                problem(f"{name}.csv:{n}", f"source {key!r} is not defined in the sidecar")
        check_consistency(name + ".csv", recs)
        trace(name + ".csv", recs, sources, meta.get("default_source"), refs)
        checked += len(recs)
        print(f"{name}: {len(recs)} values")
    for p in problems:
        print(p)
    if problems:
        print(f"FAIL: {len(problems)} problem(s) in {len(names)} dataset(s)")
        return 1
    print(f"OK: {checked} values in {len(names)} datasets, each traced to exactly one reference row")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
