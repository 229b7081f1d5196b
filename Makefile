# Brief — the two Quick start commands, plus the benchmark.
.PHONY: bootstrap demo test benchmark install

PREFIX ?= /usr/local
SHARE = $(DESTDIR)$(PREFIX)/share

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

## Install brief (Swift's runtime linked in) with its data under PREFIX/share/brief, and shell completions.
install: bootstrap
	swift build -c release --static-swift-stdlib --product brief --scratch-path .build-install
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/brief $(SHARE)/bash-completion/completions \
		$(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d
	install -m 755 .build-install/release/brief $(DESTDIR)$(PREFIX)/bin/brief
	rm -rf $(SHARE)/brief/Dictionaries $(SHARE)/brief/Pipelines
	cp -R Dictionaries Pipelines $(SHARE)/brief/
	.build-install/release/brief --generate-completion-script bash > $(SHARE)/bash-completion/completions/brief
	.build-install/release/brief --generate-completion-script zsh > $(SHARE)/zsh/site-functions/_brief
	.build-install/release/brief --generate-completion-script fish > $(SHARE)/fish/vendor_completions.d/brief.fish
