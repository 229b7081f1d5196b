#!/usr/bin/env python3
"""Glossary coverage on hand-annotated English news: the share of glossary-worthy terms the draft rendered.

    python3 Benchmarks/glossary.py BRIEF ARTICLES_DIR TERMS_TSV TAG...

Each article is drafted whole (`brief translate --lang en --to TAG --format json`). An annotated term counts as
rendered when a glossary entry was applied to it or to a longer term around it (Donetsk in Donetsk region): the
words agree after lowercasing, dropping possessive 's and the periods of U.N.-style acronyms, and Snowball English
stemming. A term drafted in pieces (United Nations + Security Council for United Nations Security Council) does not
count.
"""
import collections, json, os, re, subprocess, sys

try:
    import snowballstemmer
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "snowballstemmer"], check=True)
    import snowballstemmer

stem = snowballstemmer.stemmer("english").stemWord


def normalize(term):
    words = []
    for word in re.findall(r"[\w.'’-]+", term.lower().replace("’", "'")):
        word = re.sub(r"'s?$", "", word)
        if re.fullmatch(r"(\w\.)+\w?\.?", word):
            word = word.replace(".", "")
        words.append(stem(word.strip(".")))
    return " ".join(words)


def main():
    brief, folder, terms_file, targets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    annotated = collections.defaultdict(list)
    for line in open(terms_file, encoding="utf-8"):
        if line.startswith("#") or line.startswith("article\t"):
            continue
        article, term, kind = line.rstrip("\n").split("\t")
        annotated[article].append((term, kind))
    print(f"{'target':8} {'all':>14} {'core':>14} {'name':>14} {'place':>14}  coverage of content words")
    for target in targets:
        hit, total = collections.Counter(), collections.Counter()
        coverage = []
        missed = collections.Counter()
        for article in sorted(annotated):
            path = os.path.join(folder, article)
            if not os.path.exists(path):
                path += ".txt"  # the held-out annotation names articles without their extension
            out = subprocess.run([brief, "translate", path, "--lang", "en", "--to", target,
                                  "--format", "json"], capture_output=True, text=True, check=True)
            translation = json.loads(out.stdout)["translation"]
            applied = {normalize(use["source"]) for use in translation["report"]["applied"]}
            coverage.append(translation["report"]["coverage"])
            for term, kind in annotated[article]:
                for key in (kind, "all"):
                    total[key] += 1
                key = f" {normalize(term)} "
                if any(key in f" {source} " for source in applied):
                    hit[kind] += 1
                    hit["all"] += 1
                else:
                    missed[term] += 1
        cells = [f"{hit[k]}/{total[k]} {100 * hit[k] / max(total[k], 1):4.1f}%" for k in ("all", "core", "name", "place")]
        print(f"{target:8} " + " ".join(f"{c:>14}" for c in cells) + f"  {100 * sum(coverage) / len(coverage):.1f}%")
        print("  most missed: " + ", ".join(t for t, _ in missed.most_common(int(os.environ.get("MISSED", "12")))))


main()
