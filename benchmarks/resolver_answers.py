"""Every gold-span answer of the resolver on the three corpora, to check that a change meant only to make resolution
faster kept every answer, to the last bit.

    .venv/bin/python benchmarks/resolver_answers.py --out /tmp/answers-before      # on the old commit
    .venv/bin/python benchmarks/resolver_answers.py --compare /tmp/answers-before  # on the new one: exit 1 if any differs

One line per gold toponym of TR-News, LGL and GeoVirus, resolved by one ``Resolver`` cold (its first reading of
the corpora) and warm (the same articles again, from its kept readings), with the shipped calibration and with
the identity one (the raw share of the winner): the place id, its point and both scores, floats by ``repr``.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import eval_docs  # noqa: E402

from geo.places.calibration import ScoreCalibration  # noqa: E402
from geo.places.gazetteer import Gazetteer  # noqa: E402
from geo.places.resolution import Resolver  # noqa: E402
from geo.records import Mention  # noqa: E402
from geo.settings import load_settings  # noqa: E402


def _pass(resolver: Resolver, docs: list, tag: str) -> list[str]:
    lines = []
    for name, doc in docs:
        mentions = [Mention(t.start, t.end, doc.text[t.start:t.end], "place") for t in doc.toponyms]
        for pm in resolver.resolve(doc.text, mentions):
            place = pm.place
            where = f"{place.id}\t{place.lat!r}\t{place.lon!r}" if place is not None else "None\t-\t-"
            lines.append(f"{tag}\t{name}\t{doc.id}\t{pm.mention.start}\t{pm.mention.end}\t{where}\t{pm.score!r}")
    return lines


def answers() -> list[str]:
    docs = eval_docs()
    gazetteer = Gazetteer.open(load_settings().data_dir)
    lines = []
    for label, calibration in (("calibrated", None), ("raw", ScoreCalibration.identity())):
        resolver = Resolver(gazetteer, calibration=calibration)
        lines += _pass(resolver, docs, f"{label}-cold") + _pass(resolver, docs, f"{label}-warm")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write the answers to this file")
    group.add_argument("--compare", type=Path, help="compare with the file of an earlier --out")
    args = parser.parse_args()
    now = answers()
    if args.out:
        args.out.write_text("\n".join(now) + "\n", encoding="utf-8")
        print(f"{len(now)} answers written to {args.out}")
        return 0
    before = args.compare.read_text(encoding="utf-8").splitlines()
    if before == now:
        print(f"all {len(now)} answers the same")
        return 0
    sys.stdout.writelines(line + "\n" for line in list(difflib.unified_diff(before, now, lineterm=""))[:40])
    print(f"answers differ: {sum(a != b for a, b in zip(before, now)) + abs(len(before) - len(now))} lines")
    return 1


if __name__ == "__main__":
    sys.exit(main())
