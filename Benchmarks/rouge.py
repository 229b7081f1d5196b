#!/usr/bin/env python3
"""ROUGE-1/2/Lsum F1 of Brief's summaries against reference summaries (Google's rouge-score package).

usage: rouge.py REFERENCES.jsonl SUMMARIES.jsonl LANG
English is scored with rouge-score's own tokenizer and Porter stemming; other languages with lower-cased Unicode
\\w+ words (rouge-score's default tokenizer drops accented letters), as ../shared/eval/README.md prescribes.
"""
import json
import re
import sys

from rouge_score import rouge_scorer


class UnicodeWords:
    def tokenize(self, text):
        return re.findall(r"\w+", text.lower())


def sentences(text):
    parts = [line.strip() for line in text.split("\n") if line.strip()]
    if len(parts) > 1:
        return parts
    return [p for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p]


def scorer_for(language, metrics=("rouge1", "rouge2", "rougeLsum")):
    if language == "en":
        return rouge_scorer.RougeScorer(list(metrics), use_stemmer=True)
    return rouge_scorer.RougeScorer(list(metrics), tokenizer=UnicodeWords())


def load_references(path):
    """Reference id → its reference summary, one sentence per line (as ROUGE-Lsum wants)."""
    rows = (json.loads(line) for line in open(path, encoding="utf-8"))
    return {row["id"]: "\n".join(sentences(row["reference"])) for row in rows}


def print_mean(scorer, pairs):
    """Prints the mean ROUGE-1/2/Lsum F1 over (reference, prediction) pairs."""
    keys = ("rouge1", "rouge2", "rougeLsum")
    totals = dict.fromkeys(keys, 0.0)
    count = 0
    for reference, prediction in pairs:
        scores = scorer.score(reference, prediction)
        for key in keys:
            totals[key] += scores[key].fmeasure
        count += 1
    print("%.1f/%.1f/%.1f" % tuple(100 * totals[key] / count for key in keys))


def main():
    references_path, summaries_path, language = sys.argv[1:4]
    references = load_references(references_path)
    rows = (json.loads(line) for line in open(summaries_path, encoding="utf-8"))
    print_mean(scorer_for(language), ((references[row["id"]], "\n".join(row["sentences"])) for row in rows))


if __name__ == "__main__":
    main()
