#!/usr/bin/env bash
# Runs Examples/spark/job.py end to end in Spark local mode and checks that every record came back.
#
#   Examples/spark/run.sh            # builds brief (release), makes a folder of articles, runs the job, checks it
#   BRIEF=/path/to/brief Examples/spark/run.sh      # use an existing brief binary
#
# Needs: pip install pyspark (4.x), Java 17, python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$repo/Examples/spark/.work"
cd "$repo"

if [[ -z "${BRIEF:-}" ]]; then
    swift build -c release --scratch-path .build-bench --product brief >&2
    BRIEF="$repo/.build-bench/release/brief"
fi
python3 -c "import pyspark" 2>/dev/null || { echo "run.sh: pip install pyspark first" >&2; exit 1; }

# The articles: every fixture article (48 languages, detected per article), 300 generated English ones in
# subfolders, and one empty file, which must come back as an error record.
rm -rf "$work"
mkdir -p "$work/articles/fixtures"
cp Tests/BriefTests/Fixtures/articles/*.txt "$work/articles/fixtures/"
python3 Benchmarks/batch/generate.py "$work/articles/generated" 300 --seed 7 >/dev/null
: > "$work/articles/empty.txt"

export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=python3
spark_submit="$(python3 -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit"))')"
start=$(date +%s.%N)
"$spark_submit" --master "local[2]" --conf spark.ui.enabled=false --driver-java-options "-Dlog4j2.level=warn" \
    "$here/job.py" "$work/articles" "$work/results" --brief "$BRIEF" --partitions 4 2> "$work/spark.log" \
    || { tail -40 "$work/spark.log" >&2; exit 1; }
printf 'run.sh: spark job finished in %.1f s (log: %s)\n' "$(echo "$(date +%s.%N) - $start" | bc)" "${work#$repo/}/spark.log"
python3 "$here/check.py" "$work/articles" "$work/results"
echo "run.sh: first result:"
head -c 400 "$(ls "$work"/results/part-* | head -1)"; echo " …"
