#!/usr/bin/env python3
"""The extractive ceiling: ROUGE-1/2/Lsum F1 of the best three whole sentences of each article (greedy on ROUGE-2).

usage: oracle.py REFERENCES.jsonl SENTENCES.jsonl LANG
SENTENCES.jsonl is `brief stream --method lead --sentences 1000 --format json` output: every sentence a summary may
pick, in reading order. Each step adds the sentence that raises ROUGE-2 F1 against the reference the most (ties: the
earlier sentence), as in Nallapati et al. (2017). No method that picks whole sentences can do much better, so the
figure tells how much of the distance from Lead-3 to the ceiling a method covers. Scored as rouge.py scores.
"""
import json
import sys

from rouge import scorer_for, sentences


def main():
    references_path, sentences_path, language = sys.argv[1:4]
    references = {}
    for line in open(references_path, encoding="utf-8"):
        row = json.loads(line)
        references[row["id"]] = "\n".join(sentences(row["reference"]))
    scorer = scorer_for(language)
    greedy = scorer_for(language, ["rouge2"])
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    count = 0
    for line in open(sentences_path, encoding="utf-8"):
        row = json.loads(line)
        candidates = [sentence["text"] for sentence in row.get("sentences", [])]
        reference = references[row["id"]]
        chosen = []
        for _ in range(min(3, len(candidates))):
            def gain(index):
                picked = sorted(chosen + [index])
                return greedy.score(reference, "\n".join(candidates[i] for i in picked))["rouge2"].fmeasure
            best = max((i for i in range(len(candidates)) if i not in chosen), key=lambda i: (gain(i), -i))
            chosen.append(best)
        scores = scorer.score(reference, "\n".join(candidates[i] for i in sorted(chosen)))
        for key in totals:
            totals[key] += scores[key].fmeasure
        count += 1
    print("%.1f/%.1f/%.1f" % tuple(100 * totals[k] / count for k in ("rouge1", "rouge2", "rougeLsum")))


if __name__ == "__main__":
    main()
