#!/usr/bin/env python3
"""Recall on more planted changes of one half: runs eval/quality.py once per
seed, each in its own work directory, and sums the recall per kind.

    eval/seeds.py [--half tune] [--seeds 1-5] [--kinds number,date] [--work DIR]
                  [--binary PATH] [--fnc DIR]

Seed 1 uses DIR itself (default: quality.py's default work directory), seed
N > 1 uses DIR-sN, so the plants of each seed stay where a `--misses` run
of quality.py with the same `--seed` and `--work` finds them. Rules are
tuned on the tuning half; a rule that gains on seed 1 alone is fitted to
its plants, so compare the sums.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
QUALITY = os.path.join(HERE, "quality.py")


def seed_range(text):
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def default_work():
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(cache, "parallax-eval")


def run_seed(args, seed):
    work = args.work if seed == 1 else f"{args.work}-s{seed}"
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = [sys.executable, QUALITY, "--half", args.half, "--seed", str(seed),
               "--kinds", args.kinds, "--work", work, "--json", out.name]
        for flag in ("binary", "fnc"):
            if getattr(args, flag):
                cmd += [f"--{flag}", getattr(args, flag)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"quality.py failed on seed {seed}:\n{done.stderr}")
        try:
            figures = json.load(open(out.name))
        except json.JSONDecodeError:
            # quality.py says what it needs and exits 0 when the data is
            # absent: so does this.
            print(done.stdout.strip() or done.stderr.strip())
            sys.exit(0)
    return figures["halves"][args.half]["recall"]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--half", default="tune", choices=["tune", "check", "train"])
    p.add_argument("--seeds", default="1-5", type=seed_range)
    p.add_argument("--kinds", default="name,officeholder,number,date,polarity")
    p.add_argument("--work", default=default_work())
    p.add_argument("--binary")
    p.add_argument("--fnc")
    args = p.parse_args()
    totals = {}
    per_seed = {}
    for seed in args.seeds:
        for kind, r in run_seed(args, seed).items():
            t = totals.setdefault(kind, [0, 0])
            t[0] += r["found"]
            t[1] += r["planted"]
            per_seed.setdefault(kind, []).append(r["found"])
    print(f"{args.half} half, seeds {args.seeds.start}-{args.seeds.stop - 1}")
    for kind in sorted(totals, key=lambda k: (k.split("/")[0], "/" in k, k)):
        found, planted = totals[kind]
        share = found / planted if planted else 0.0
        seeds = ",".join(str(n) for n in per_seed[kind])
        print(f"  {kind:<28} {found:>5}/{planted:<5} {share:6.1%}  ({seeds})")


if __name__ == "__main__":
    main()
