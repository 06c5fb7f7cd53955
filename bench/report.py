"""The Markdown layout of BENCHMARKS.md, from the measurements bench/run.py collects."""

from __future__ import annotations

from datetime import date


def _rate(n: float, seconds: float) -> str:
    return f"{n / seconds:,.1f}" if seconds else "-"


def _throughput(name: str, run: dict) -> list[str]:
    ours, floor = run["ours"], run["floor"]
    stages = ", ".join(f"{k} {v:.1f} s" for k, v in ours["stages"].items())
    return [
        f"| {name} | {ours['docs']} | {ours['words']:,} | {ours['seconds']:.1f} | {_rate(ours['docs'], ours['seconds'])} "
        f"| {_rate(ours['words'], ours['seconds'])} | {floor['seconds']:.1f} | **{run['ratio']:.2f}** "
        f"| {ours['peak_mb']:,.0f} | {floor['peak_mb']:,.0f} |",
        f"|  | per stage: {stages} |||||||||",
    ]


def render(r: dict) -> str:
    out = [
        "# Storyline benchmarks",
        "",
        f"Measured {date.today().isoformat()} on: {r['machine']}.",
        "Reproduce every figure with `make bench` (`.venv/bin/python bench/run.py`); the raw numbers are in "
        "`BENCHMARKS.json`.",
        "",
        "## Throughput and the floor",
        "",
        "Ours: the whole `analyze` job (ingest and clean, NLP, cross-source, render). Floor: bare spaCy "
        "`nlp.pipe` with the same model and the same excluded component (lemmatizer) over the same cleaned texts, "
        "in the same run. Ratio = floor seconds / our seconds (1.0 would mean our extraction and analysis cost "
        "nothing on top of parsing; the target is at least 0.75).",
        "",
        "| corpus | docs | words | ours s | docs/s | words/s | floor s | ratio | peak MB (ours) | peak MB (floor) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in ("seeds x20", "447 articles"):
        if name in r:
            out += _throughput(name, r[name])
    failed = [f"- {k}: {v['error']}" for k, v in r.items() if isinstance(v, dict) and "error" in v]
    if failed:
        out += ["", "Measurements that failed in this run:", *failed]
    if "scaling" in r and "error" not in r["scaling"]:
        s = r["scaling"]
        out += ["", "## Scaling of the cross-source stage", "",
                "Synthetic corpora made by joining pairs of the 447 corpus's analysed documents (records shifted "
                "with their texts); embeddings cached, so the time is the stage's own work.", "",
                "| documents | statements | seconds | clusters | conflicts |", "|---|---|---|---|---|"]
        for p in s["points"]:
            out.append(f"| {p['docs']:,} | {p['statements']:,} | {p['seconds']:.2f} | {p['clusters']:,} | {p['conflicts']:,} |")
        out += ["", f"Growth exponent (log-log fit): **{s['exponent']:.2f}** (target at most 1.2); "
                f"peak memory {s['peak_mb']:,.0f} MB."]
    if "incremental" in r and "error" not in r["incremental"] and r["incremental"].get("adds"):
        i = r["incremental"]
        built = i["build"]
        add = min(i["adds"], key=lambda a: a["seconds"])
        out += ["", "## Incremental update", "",
                f"Adding one report to a store of {built['docs']:,} distinct analysed reports took {add['seconds']:.1f} s "
                f"(cpu {add['cpu']:.1f} s), against {built['seconds']:.1f} s (cpu {built['cpu']:.1f} s) for the full "
                f"analysis that built the store: a ratio of **{add['seconds'] / built['seconds']:.3f}** "
                f"(cpu {add['cpu'] / built['cpu']:.3f})."]
    out += _cores(r)
    if r.get("issue16"):
        from issue16 import render as speed_table  # bench/issue16.py

        out += ["", "## Issue 16: speed figures against their targets", "", speed_table(r["issue16"])]
    if isinstance(r.get("cold_start"), float):
        out += ["", "## Cold start", "",
                f"`storyline analyze` on the five seeds in a fresh process, to `briefing.html`: "
                f"**{r['cold_start']:.1f} s**."]
    q = r.get("quality", {}) if "error" not in r.get("quality", {}) else {}
    if "polnear" in q:
        p = q["polnear"]
        out += ["", "## Quality: PolNeAR attribution (dev split)", "", "```", _polnear(p), "```"]
    if "quality" in q:
        from quality import render_section  # bench/quality.py

        out += ["", render_section(q["quality"])]
    return "\n".join(out) + "\n"


def _cores(r: dict) -> list[str]:
    """Workers against spaCy's n_process, bulk saves, and the encoder (bench/cores.py, saves.py, encoder.py)."""
    out: list[str] = []
    cores = r.get("cores")
    if isinstance(cores, dict) and "error" not in cores:
        from cores import render as table

        out += ["", "## Workers: ours against bare spaCy at the same process count", "",
                "Interleaved (floor, ours) per worker count, each in a fresh process; CPU seconds include the "
                "worker processes. Load average at the start of each measurement beside it.", "", *table(cores)]
    ray = r.get("ray")
    if isinstance(ray, dict) and "error" not in ray:
        from cores import render as table

        out += ["", "## Ray engine beside local processes", "",
                "The 447 corpus at 2 workers: local processes, then a local two-CPU Ray started for the run "
                "(start-up included). The CPU column of a Ray run counts only the driver.", "", *table(ray)]
    saves = r.get("saves")
    if isinstance(saves, dict) and "error" not in saves:
        out += ["", "## Saving records", "",
                f"The 447 corpus's {saves['records']:,} records of {saves['docs']} documents: per-document VALUES "
                f"lists {min(saves['before']):.1f} s, bulk column inserts 16 documents a transaction "
                f"{min(saves['after']):.1f} s. {saves['embeddings']['rows']:,} cached embeddings: executemany "
                f"{saves['embeddings']['executemany']:.1f} s, one bulk insert {saves['embeddings']['bulk']:.1f} s."]
    enc = r.get("encoder")
    if isinstance(enc, dict) and "error" not in enc:
        out += ["", "## Sentence encoder", "", f"{enc['sentences']:,} sentences of the 447 corpus.", "",
                "| variant | sentences/s (best of runs) |", "|---|---|"]
        out += [f"| {k} | {max(v):.0f} |" for k, v in enc["runs"].items()]
    return out


def _polnear(p: dict) -> str:
    lines = []
    for key, value in p.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in value.items()
                              if not isinstance(v, (dict, list)))
            lines.append(f"{key}: {inner}")
        elif not isinstance(value, list):
            lines.append(f"{key}: {value}")
    return "\n".join(lines)
