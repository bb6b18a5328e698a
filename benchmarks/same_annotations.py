"""Does newsmap's pipeline annotate exactly as spaCy's? ``geo.nlp.load_model`` swaps two of the model's rule
components for faster equivalents (``geo.nlp.rules``); this runs both pipelines over the evaluation corpora's texts
(TR-News, LGL, GeoVirus, and the WikiEvents dev articles) and compares every token's annotations.

    .venv/bin/python benchmarks/same_annotations.py [--limit N] [--model NAME]

Prints the tokens compared, the differences per attribute (with the first few), and each pipeline's CPU time in
the components that differ; exits 1 if any annotation differs.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SHARED, eval_texts  # noqa: E402

ATTRS = ("tag_", "pos_", "morph", "lemma_", "dep_", "head", "ent_iob_", "ent_type_", "is_sent_start")


def annotations(token) -> tuple:  # noqa: ANN001 - a spaCy Token
    return (token.tag_, token.pos_, str(token.morph), token.lemma_, token.dep_, token.head.i, token.ent_iob_,
            token.ent_type_, token.is_sent_start)


def timed_pipe(nlp, texts: list[str], times: Counter) -> list:  # noqa: ANN001 - a spaCy Language
    """The docs of ``texts``, each component run over a batch in turn and its CPU time added to ``times``."""
    docs = []
    for start in range(0, len(texts), 64):
        batch = [nlp.make_doc(t) for t in texts[start:start + 64]]
        for name, component in nlp.pipeline:
            cpu = time.process_time()
            batch = list(component.pipe(batch)) if hasattr(component, "pipe") else [component(d) for d in batch]
            times[name] += time.process_time() - cpu
        docs += batch
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts of the geoparsing corpora")
    ap.add_argument("--model", default=None, help="the spaCy pipeline (default: newsmap's configured model)")
    args = ap.parse_args()
    import spacy  # noqa: PLC0415

    from geo.nlp import keep_title_abbreviations, load_model  # noqa: PLC0415
    from geo.settings import load_settings  # noqa: PLC0415

    model = args.model or load_settings().model
    texts = [d["text"] for d in eval_texts(args.limit)]
    texts += [json.loads(line)["text"] for line in (SHARED / "eval" / "wikievents-dev.jsonl").open(encoding="utf-8")
              if line.strip()]
    stock, ours = spacy.load(model), load_model(model)
    keep_title_abbreviations(stock)  # the same tokens on both sides: the rule components are what is compared
    for nlp in (stock, ours):
        nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    stock_times, our_times = Counter(), Counter()
    stock_docs, our_docs = timed_pipe(stock, texts, stock_times), timed_pipe(ours, texts, our_times)
    differences: Counter = Counter()
    examples: list[str] = []
    tokens = 0
    for n, (a, b) in enumerate(zip(stock_docs, our_docs)):
        assert [t.text for t in a] == [t.text for t in b]
        tokens += len(a)
        for ta, tb in zip(a, b):
            for attr, x, y in zip(ATTRS, annotations(ta), annotations(tb)):
                if x != y:
                    differences[attr] += 1
                    if len(examples) < 10:
                        examples.append(f"  text {n}, token {ta.i} {ta.text!r}: {attr} {x!r} (spaCy) vs {y!r}")
    print(f"model {model}: {len(texts)} texts, {tokens} tokens compared on {', '.join(ATTRS)}")
    print(f"differences: {sum(differences.values())} {dict(differences) if differences else ''}")
    print("\n".join(examples))
    for name in stock.pipe_names:
        if type(stock.get_pipe(name)) is not type(ours.get_pipe(name)) or name == "lemmatizer":
            print(f"CPU in {name}: spaCy's {stock_times[name]:.2f} s, newsmap's {our_times[name]:.2f} s")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
