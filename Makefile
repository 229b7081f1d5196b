# Brief — the two Quick start commands, plus the benchmark.
.PHONY: bootstrap demo test benchmark

bootstrap:
	@scripts/bootstrap.sh

## Summarize the sample article.
demo: bootstrap
	@swift build --product brief -q
	@.build/debug/brief Examples/sample-article.txt

## Run the tests.
test: bootstrap
	swift test

## Throughput, memory and quality figures (needs ../shared/eval for the quality part).
benchmark: bootstrap
	Benchmarks/run.sh
