#!/usr/bin/env python3
"""Turns bench/compare.sh's measurements into the table of docs/performance.md.

Usage: table.py WORK_DIR PERFORMANCE_MD

Reads WORK_DIR/docket-N.json (hyperfine) and WORK_DIR/results.tsv (corpus sizes, peak memory,
the other tools' runs, serve rebuild times), prints the table and the targets, and replaces
the part of PERFORMANCE_MD between the `<!-- compare:begin -->` and `<!-- compare:end -->`
lines with them.
"""
import json
import os
import statistics
import sys

BEGIN, END = "<!-- compare:begin -->", "<!-- compare:end -->"
LABELS = {
    "floor-parse": "floor: read + parse (pulldown-cmark)",
    "floor-render": "floor: read + render + write HTML",
    "docket-export": "docket export",
    "docket-lint": "docket lint",
    "docket-build": "docket build",
    "mdbook-build": "mdbook build",
    "log4brains-build": "log4brains build",
    "adrs-doctor": "adrs doctor",
}
# Which floor each command is compared with.
BASE = {
    "docket-export": "floor-parse",
    "docket-lint": "floor-parse",
    "docket-build": "floor-render",
    "mdbook-build": "floor-render",
    "log4brains-build": "floor-render",
    "adrs-doctor": "floor-parse",
}


def load(work):
    sizes, times, peaks, serve = {}, {}, {}, {}
    others = {}
    for line in open(os.path.join(work, "results.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "corpus":
            sizes[int(f[1])] = int(f[2])
        elif f[0] == "peak":
            peaks[(int(f[1]), f[2])] = int(f[3])
        elif f[0] == "serve" and len(f) > 2 and f[2]:
            serve[int(f[1])] = float(f[2]) / 1000
        elif f[0] == "other":
            others.setdefault((int(f[1]), f[2]), []).append((float(f[3]), int(f[4])))
    for n in sizes:
        path = os.path.join(work, f"docket-{n}.json")
        for r in json.load(open(path, encoding="utf-8"))["results"]:
            times[(n, r["command"])] = r["median"]
    for (n, name), runs in others.items():
        times[(n, name)] = statistics.median(t for t, _ in runs)
        peaks[(n, name)] = max(m for _, m in runs)
    return sizes, times, peaks, serve


def table(sizes, times, peaks, serve):
    rows = [
        "| Records | Corpus | Command | Median | × floor | Peak memory | Peak ÷ corpus |",
        "|---:|---:|---|---:|---:|---:|---:|",
    ]
    for n in sorted(sizes):
        mb = sizes[n] / 2**20
        for name, label in LABELS.items():
            if (n, name) not in times:
                continue
            t = times[(n, name)]
            base = BASE.get(name)
            ratio = f"{t / times[(n, base)]:.1f}×" if base and (n, base) in times else "1.0×"
            peak = peaks.get((n, name))
            peak_text = f"{peak / 1024:.0f} MiB" if peak else ""
            share = f"{peak * 1024 / sizes[n]:.1f}×" if peak else ""
            rows.append(
                f"| {n:,} | {mb:.1f} MiB | {label} | {t:.3f} s | {ratio} | {peak_text} | {share} |"
            )
        if n in serve and (n, "docket-build") in times:
            share = serve[n] / times[(n, "docket-build")] * 100
            rows.append(
                f"| {n:,} | {mb:.1f} MiB | docket serve, one record changed | "
                f"{serve[n]:.3f} s | {share:.1f}% of build | | |"
            )
    return rows


def check(label, value, limit, fmt, better="below"):
    if value is None:
        return f"- {label}: not measured"
    ok = value <= limit if better == "below" else value >= limit
    return f"- {label}: {fmt.format(value)} (target {fmt.format(limit)}) — {'met' if ok else 'missed'}"


def targets(sizes, times, peaks, serve):
    big, small = 10000, 1000
    t = lambda n, c: times.get((n, c))
    ratio = lambda a, b: a / b if a is not None and b else None
    lines = [
        check("lint, 10,000 records, × floor read+parse", ratio(t(big, "docket-lint"), t(big, "floor-parse")), 2, "{:.1f}×"),
        check("build, 10,000 records, × floor render+write", ratio(t(big, "docket-build"), t(big, "floor-render")), 2.5, "{:.1f}×"),
        check("mdbook ÷ docket build, 10,000 records", ratio(t(big, "mdbook-build"), t(big, "docket-build")), 100, "{:.0f}×", "above"),
        check("mdbook ÷ docket build, 1,000 records", ratio(t(small, "mdbook-build"), t(small, "docket-build")), 20, "{:.0f}×", "above"),
    ]
    for c in ("docket-export", "docket-lint", "docket-build"):
        lines.append(check(f"{c.replace('-', ' ')}, time 1,000 → 10,000", ratio(t(big, c), t(small, c)), 11, "{:.1f}×"))
    for c in ("docket-export", "docket-lint", "docket-build"):
        p = peaks.get((big, c))
        lines.append(check(f"{c.replace('-', ' ')}, peak memory ÷ corpus, 10,000", p * 1024 / sizes[big] if p and big in sizes else None, 3, "{:.1f}×"))
    share = ratio(serve.get(big), t(big, "docket-build"))
    lines.append(check("serve, one record changed, share of a full build, 10,000", share * 100 if share is not None else None, 5, "{:.1f}%"))
    return lines


def main():
    work, doc = sys.argv[1], sys.argv[2]
    sizes, times, peaks, serve = load(work)
    block = table(sizes, times, peaks, serve) + ["", "Targets:", ""] + targets(sizes, times, peaks, serve)
    text = "\n".join(block)
    print(text)
    page = open(doc, encoding="utf-8").read() if os.path.exists(doc) else f"{BEGIN}\n{END}\n"
    head, rest = page.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(doc, "w", encoding="utf-8") as f:
        f.write(f"{head}{BEGIN}\n{text}\n{END}{tail}")


if __name__ == "__main__":
    main()
