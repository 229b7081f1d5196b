#!/usr/bin/env python3
"""Summarize a folder of articles with Brief under Spark: each partition is piped through `brief stream`.

    spark-submit job.py INPUT_DIR OUTPUT_DIR [--brief PATH] [--partitions N] [--lang TAG]

Every file under INPUT_DIR becomes one record {"id": its path relative to INPUT_DIR, "text": its contents}. Spark's
RDD.pipe starts one `brief stream` per partition, writes the partition's records to its standard input, one JSON
line each, and reads one JSON line back per record, in order. The results are saved as text files (JSON Lines) in
OUTPUT_DIR/part-*. A bad article comes back as an error record {"id", "error": {"code", "message"}}, never as a
missing line, so the job does not fail on bad data; a crash of `brief` itself does fail it (checkCode=True).
"""
import argparse
import json
import os
import shlex

from pyspark.sql import SparkSession


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="folder of articles (searched recursively)")
    parser.add_argument("output", help="folder for the results (must not exist)")
    parser.add_argument("--brief", default="brief", help="the brief executable, on every worker (default: brief)")
    parser.add_argument("--partitions", type=int, default=4, help="how many partitions (= brief processes)")
    parser.add_argument("--lang", help="the articles' language, when known (default: detect per article)")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("brief-stream").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")

    root = "file:" + os.path.abspath(args.input).rstrip("/") + "/"

    def record(item):
        path, text = item
        identifier = path.split(root, 1)[1] if root in path else path
        return json.dumps({"id": identifier, "text": text}, ensure_ascii=False)

    command = [args.brief, "stream"] + (["--lang", args.lang] if args.lang else [])
    articles = sc.wholeTextFiles(args.input, minPartitions=args.partitions)
    results = articles.map(record).pipe(" ".join(map(shlex.quote, command)), checkCode=True).cache()
    results.saveAsTextFile(args.output)

    errors = results.filter(lambda line: '"error":{' in line[:400]).count()
    print(f"brief-stream: {results.count()} records out, {errors} error records, "
          f"{results.getNumPartitions()} partitions -> {args.output}")
    spark.stop()


if __name__ == "__main__":
    main()
