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


def main():
    references_path, summaries_path, language = sys.argv[1:4]
    references = {}
    for line in open(references_path, encoding="utf-8"):
        row = json.loads(line)
        references[row["id"]] = row["reference"]
    scorer = scorer_for(language)
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    count = 0
    for line in open(summaries_path, encoding="utf-8"):
        row = json.loads(line)
        reference = "\n".join(sentences(references[row["id"]]))
        prediction = "\n".join(row["sentences"])
        scores = scorer.score(reference, prediction)
        for key in totals:
            totals[key] += scores[key].fmeasure
        count += 1
    print("%.1f/%.1f/%.1f" % tuple(100 * totals[k] / count for k in ("rouge1", "rouge2", "rougeLsum")))


if __name__ == "__main__":
    main()
