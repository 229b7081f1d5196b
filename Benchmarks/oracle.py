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

from rouge import load_references, print_mean, scorer_for


def best_three(candidates, reference, scorer):
    """The greedy oracle's picks, in reading order."""
    chosen = []
    for _ in range(min(3, len(candidates))):
        def gain(index):
            picked = sorted(chosen + [index])
            return scorer.score(reference, "\n".join(candidates[i] for i in picked))["rouge2"].fmeasure
        chosen.append(max((i for i in range(len(candidates)) if i not in chosen), key=lambda i: (gain(i), -i)))
    return sorted(chosen)


def main():
    references_path, sentences_path, language = sys.argv[1:4]
    references = load_references(references_path)
    greedy = scorer_for(language, ["rouge2"])
    pairs = []
    for line in open(sentences_path, encoding="utf-8"):
        row = json.loads(line)
        candidates = [sentence["text"] for sentence in row.get("sentences", [])]
        reference = references[row["id"]]
        picks = best_three(candidates, reference, greedy)
        pairs.append((reference, "\n".join(candidates[i] for i in picks)))
    print_mean(scorer_for(language), pairs)


if __name__ == "__main__":
    main()
