#!/usr/bin/env bash
# Brief's benchmark: throughput, memory and quality figures in one run, so any change can be compared before/after.
#
#   Benchmarks/run.sh            everything (the batch part takes a few minutes)
#   BATCH=0 Benchmarks/run.sh    skip the batch/stream part
#
# Quality figures need the development sets in ../shared/eval (segmentation Golden Rules, summarization sets);
# without them, only Brief's own cases and throughput are measured.
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=${EVAL:-../shared/eval}
WORK=Benchmarks/.work
mkdir -p "$WORK"

echo "== build (release)"
swift build -c release --product brief-bench -q
swift build -c release --product brief -q
BENCH=.build/release/brief-bench

echo "== sentence segmentation: pass rate (Brief vs ICU's sentence break alone)"
dirs=(Tests/BriefTests/Fixtures/segmentation)
[ -d "$EVAL/segmentation" ] && dirs=("$EVAL/segmentation" "${dirs[@]}")
$BENCH segmentation "${dirs[@]}"

echo "== sentence segmentation: how often each rule ends a sentence or removes a break"
$BENCH rules "${dirs[@]}"

echo "== sentence segmentation: speed on ~10 MB of English news, one core"
python3 - "$EVAL" "$WORK/news-en.txt" <<'PY'
import json, os, sys
source = os.path.join(sys.argv[1], "summarization", "en-cnndm.jsonl")
texts = [json.loads(l)["text"] for l in open(source, encoding="utf-8")] if os.path.exists(source) \
    else [open("Tests/BriefTests/Fixtures/articles/en.txt", encoding="utf-8").read()]
out, size = [], 0
while size < 10_000_000:
    for t in texts:
        out.append(t); size += len(t.encode())
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(out))
PY
$BENCH segspeed "$WORK/news-en.txt" en

echo "== language detection: paragraphs of >= 200 characters of every supported language's article"
$BENCH detect Tests/BriefTests/Fixtures/articles

echo "== end to end: default pipeline on one core (normalize, clean, detect, segment, summarize)"
if [ -f "$EVAL/summarization/en-cnndm.jsonl" ]; then
    $BENCH throughput "$EVAL/summarization/en-cnndm.jsonl" 10
fi

# Three sets: the development set the glossaries were grown on; a first held-out set, whose misses once guided which
# categories the third pass of the pivot lists covered (never its terms); and a second, written blind to the
# glossaries and scored once they were done — the figure to trust.
for set in glossary glossary-heldout glossary-heldout2; do
    echo "== glossary translation: terms rendered on hand-annotated English news (Benchmarks/$set), per target"
    python3 Benchmarks/glossary.py .build/release/brief Benchmarks/$set/articles Benchmarks/$set/terms.tsv \
        ru fa es fr zh-Hans
done

echo "== glossary translation: loading, and the draft's share of the default pipeline's time, one core"
articles="$EVAL/summarization/en-cnndm.jsonl"
if [ ! -f "$articles" ]; then
    articles="$WORK/glossary-articles.jsonl"
    python3 -c 'import json, pathlib, sys
for f in sorted(pathlib.Path("Benchmarks/glossary/articles").glob("*.txt")): print(json.dumps({"text": f.read_text()}))' > "$articles"
fi
$BENCH translate "$articles" 5 ru fa es fr zh-Hans
if command -v valgrind > /dev/null; then
    # Instruction counts are repeatable on a noisy machine: one article and 200 articles, with and without a draft,
    # give the start-up cost (glossaries loaded) and the cost per article. Valgrind cannot read Swift's DWARF, so
    # the binary is stripped of it.
    strip --strip-debug -o "$WORK/brief-stripped" .build/release/brief
    head -200 "$articles" > "$WORK/200.jsonl"; head -1 "$articles" > "$WORK/1.jsonl"
    count() { BRIEF_DATA="$PWD/Dictionaries" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$WORK/brief-stripped" \
        stream --lang en "$@" < "$WORK/$n.jsonl" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'; }
    n=1; base1=$(count); ru1=$(count --to ru); n=200; base200=$(count); ru200=$(count --to ru)
    python3 -c "import sys; b1,r1,b2,r2=map(int,sys.argv[1:]); per=(b2-b1)/199; draft=(r2-r1)/199
print(f'instructions: start {b1/1e6:.0f}M, +{(r1-b1)/1e6:.0f}M to load the Russian glossaries; per article {per/1e6:.2f}M, with the draft {draft/1e6:.2f}M (+{100*(draft/per-1):.0f}%, JSON out)')" \
        "$base1" "$ru1" "$base200" "$ru200"
fi

if [ -d "$EVAL/summarization" ]; then
    echo "== summarization: ROUGE-1/2/Lsum F1 on the development sets (3 sentences), and articles/s; oracle = best 3 sentences"
    python3 -c "import rouge_score" 2>/dev/null || python3 -m pip install -q rouge-score
    printf "%-10s %-9s %-18s %s\n" set method ROUGE-1/2/Lsum articles/s
    for set in en-cnndm en-xsum fr vi; do
        lang=$set; case $set in en-*) lang=en;; esac
        for method in lead default textrank lexrank centroid; do
            rate=$($BENCH summarize "$EVAL/summarization/$set.jsonl" $method "$WORK/$set-$method.jsonl" | awk '{print $4}')
            rouge=$(python3 Benchmarks/rouge.py "$EVAL/summarization/$set.jsonl" "$WORK/$set-$method.jsonl" $lang)
            printf "%-10s %-9s %-18s %s\n" $set $method "$rouge" "$rate"
        done
        # The ceiling for whole-sentence summaries: the best three sentences for each reference (greedy).
        .build/release/brief stream --lang $lang --method lead --sentences 1000 --format json \
            < "$EVAL/summarization/$set.jsonl" > "$WORK/$set-sentences.jsonl"
        rouge=$(python3 Benchmarks/oracle.py "$EVAL/summarization/$set.jsonl" "$WORK/$set-sentences.jsonl" $lang)
        printf "%-10s %-9s %-18s %s\n" $set oracle "$rouge" "(reads the references)"
    done
fi

if [ "${BATCH:-1}" != 0 ] && [ -x Benchmarks/batch/run.sh ]; then
    echo "== batch and stream at archive scale"
    BRIEF=.build/release/brief Benchmarks/batch/run.sh
fi
