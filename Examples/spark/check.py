#!/usr/bin/env python3
"""Checks a Spark run: every input file came back exactly once, as a result or an error record.

    check.py INPUT_DIR OUTPUT_DIR
"""
import json
import pathlib
import sys

inputs_dir, output_dir = map(pathlib.Path, sys.argv[1:3])
expected = {str(p.relative_to(inputs_dir)) for p in inputs_dir.rglob("*") if p.is_file() and not p.name.startswith(".")}
seen, errors, languages = [], [], {}
for part in sorted(output_dir.glob("part-*")):
    for line in part.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        seen.append(record["id"])
        if "error" in record:
            errors.append(f'{record["id"]}: {record["error"]["message"]} (code {record["error"]["code"]})')
        else:
            languages[record["language"]] = languages.get(record["language"], 0) + 1

missing, extra = expected - set(seen), set(seen) - expected
duplicates = len(seen) - len(set(seen))
print(f"check: {len(expected)} input files, {len(seen)} records back, {len(seen) - len(errors)} summaries, "
      f"{len(errors)} error records, {len(missing)} missing, {len(extra)} unexpected, {duplicates} duplicates")
print("check: languages: " + ", ".join(f"{tag} {count}" for tag, count in sorted(languages.items(), key=lambda x: -x[1])))
for error in errors:
    print("check: error record: " + error)
if missing or extra or duplicates:
    print("check: FAILED: " + ", ".join(sorted(missing | extra)[:10]))
    sys.exit(1)
print("check: OK — every record came back")
