#!/usr/bin/env python3
"""The headline's weight in the default summarizer, chosen by 4-fold cross-validation by article.

    python3 Benchmarks/headline.py BRIEF EVAL_DIR SET...      (sets with a `title`: fr, vi)

Each article is given as a scraped page would have it — the headline on its own first line, a blank line, the
body — so Brief finds the headline itself. For every weight on the grid, every article is summarized once (three
sentences); then each fold's weight is the one with the best mean ROUGE-2 F1 on the other three folds, and the
fold is scored with it. Prints, per set, each fold's weight and gain over Lead-3 on its held-out articles, and the
gain of every grid weight on the whole set; then the same for one weight shared by all the sets, which is how the
default was chosen: on each fold's training articles, the weight whose smallest gain over the no-headline summaries
across the sets is largest (a weight that helps one language and costs another is no gain).
"""
import json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(__file__))
from rouge import load_references, scorer_for, sentences  # noqa: E402

GRID = [0.0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0]
DEFAULT = 0.4  # Summarizer.Parameters.headlineWeight


def summaries(brief, rows, method, weight):
    options = f"{{ method: {method}, sentences: 3" + (f", headline: {weight}" if method == "default" else "") + " }"
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as pipeline:
        pipeline.write("version: 1\nsource: auto\nstages:\n  - use: normalize\n  - use: clean\n    with: { packs: [web, voa] }\n"
                       f"  - use: detect\n  - use: segment\n  - use: summarize\n    with: {options}\n")
    records = "".join(json.dumps({"id": r["id"], "text": r["title"] + "\n\n" + r["text"], "lang": r["lang"]}) + "\n"
                      for r in rows)
    out = subprocess.run([brief, "stream", "--pipeline", pipeline.name], input=records, capture_output=True,
                         text=True, check=True).stdout
    os.unlink(pipeline.name)
    return {o["id"]: "\n".join(s["text"] for s in o["sentences"]) for o in map(json.loads, out.splitlines())}


def main():
    brief, folder, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
    shared = {}  # set → (lead, by_weight, folds)
    for name in sets:
        path = os.path.join(folder, f"{name}.jsonl")
        rows = [json.loads(line) for line in open(path, encoding="utf-8")]
        references = load_references(path)
        scorer = scorer_for(rows[0]["lang"], ("rouge2",))
        def rouge2(predictions):
            return {i: scorer.score(references[i], p)["rouge2"].fmeasure for i, p in predictions.items()}
        lead = rouge2(summaries(brief, rows, "lead", 0))
        by_weight = {w: rouge2(summaries(brief, rows, "default", w)) for w in GRID}
        ids = [r["id"] for r in rows]
        folds = [ids[k::4] for k in range(4)]
        mean = lambda scores, keys: 100 * sum(scores[k] for k in keys) / len(keys)
        gains = []
        for k, held in enumerate(folds):
            train = [i for j, f in enumerate(folds) if j != k for i in f]
            best = max(GRID, key=lambda w: (mean(by_weight[w], train), -w))
            gain = mean(by_weight[best], held) - mean(lead, held)
            gains.append(gain)
            print(f"{name} fold {k + 1}: weight {best}, ROUGE-2 over Lead-3 on its held-out articles {gain:+.2f}")
        spread = max(gains) - min(gains)
        print(f"{name} cross-validated gain over Lead-3: {sum(gains) / 4:+.2f} (folds {min(gains):+.2f} … {max(gains):+.2f}, spread {spread:.2f})")
        print(f"{name} whole set, ROUGE-2 over Lead-3 by weight: " +
              ", ".join(f"{w}: {mean(by_weight[w], ids) - mean(lead, ids):+.2f}" for w in GRID))
        shared[name] = (lead, by_weight, folds)
    mean = lambda scores, keys: 100 * sum(scores[k] for k in keys) / len(keys)
    for k in range(4):
        # A weight that helps one language and costs another is no gain: the shared weight is the one whose
        # smallest gain over the no-headline summaries, across the sets, is largest on the training folds.
        def worst_gain(w):
            gains = []
            for lead, by_weight, folds in shared.values():
                train = [i for j, f in enumerate(folds) if j != k for i in f]
                gains.append(mean(by_weight[w], train) - mean(by_weight[0.0], train))
            return min(gains)
        best = max(GRID, key=lambda w: (round(worst_gain(w), 2), -w))
        held = ", ".join(f"{name} {mean(b[best], f[k]) - mean(l, f[k]):+.2f}" for name, (l, b, f) in shared.items())
        print(f"shared weight, fold {k + 1}: {best}; held-out gain over Lead-3: {held}")
    for name, (lead, by_weight, folds) in shared.items():
        per_fold = [mean(by_weight[DEFAULT], f) - mean(lead, f) for f in folds]
        print(f"{name} at the default weight {DEFAULT}: ROUGE-2 over Lead-3 per fold "
              + ", ".join(f"{g:+.2f}" for g in per_fold) + f"; mean {sum(per_fold) / 4:+.2f}")


main()
