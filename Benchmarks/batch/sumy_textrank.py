#!/usr/bin/env python3
"""sumy's TextRank on the first N articles of a generated folder: prints articles/s (summarizing only, files read
first), for comparison with `brief batch`.

    sumy_textrank.py DIR N [REPEAT]       (the fastest of REPEAT passes, default 1)

sumy's own tokenizer needs NLTK's punkt data, which cannot be downloaded here (no network but package registries),
so sentences and words come from the regular expressions below, passed to sumy's PlaintextParser. Stemming (NLTK's
Snowball) and stop words (shipped with sumy) need no downloads.
"""
import pathlib
import re
import sys
import time

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words


class RegexTokenizer:
    """English sentences and words by regular expression (a stand-in for NLTK's punkt)."""
    language = "english"
    _boundary = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“(]?[A-Z0-9])")
    _abbreviation = re.compile(r"\b(?:[A-Z]\.[A-Z]|Dr|Mr|Mrs|Ms|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$")
    _word = re.compile(r"[^\W_][\w'’-]*")

    def to_sentences(self, paragraph):
        sentences = []
        for piece in self._boundary.split(paragraph):
            if sentences and self._abbreviation.search(sentences[-1]):
                sentences[-1] += " " + piece
            else:
                sentences.append(piece.strip())
        return tuple(s for s in sentences if s)

    def to_words(self, sentence):
        return tuple(self._word.findall(sentence))


def main() -> None:
    folder, count = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.txt"))[:count]]
    tokenizer = RegexTokenizer()
    summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    seconds = float("inf")
    for _ in range(int(sys.argv[3]) if len(sys.argv) > 3 else 1):
        start = time.perf_counter()
        picked = 0
        for text in texts:
            picked += len(summarizer(PlaintextParser.from_string(text, tokenizer).document, 3))
        seconds = min(seconds, time.perf_counter() - start)
    print(f"sumy-textrank {len(texts)} articles {seconds:.2f} s {len(texts) / seconds:.1f} articles/s "
          f"({picked} sentences picked)")


if __name__ == "__main__":
    main()
