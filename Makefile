# Branch Ledger (支部台账): build, run, test and package.
#
#   make run       install what the build needs, build, open the app
#   make test      gofmt check, go vet, go test (GUI tests under Xvfb), a short fuzz
#   make bench     benchmarks, under Xvfb
#   make windows   dist/branchledger.exe, cross-built with MinGW
#   make clean     remove bin/ and dist/

BIN  := bin/branchledger
DIST := dist

# Debian packages the cgo build of Fyne needs (OpenGL and X11 headers) and
# those the tests need to open windows on a virtual display, find them
# (xdotool) and photograph them (imagemagick's import), and the age tool that
# the data-package test checks opens our encrypted packages.
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev xvfb xauth xdotool imagemagick age
WINDOWS_DEB_PACKAGES := gcc-mingw-w64-x86-64
WINDOWS_CC := x86_64-w64-mingw32-gcc

# The fyne CLI is pinned and installed under bin/ so that the version that
# packages the release is the one in this file, not whatever is on $PATH.
FYNE_TOOLS_VERSION := v1.7.4

# staticcheck, pinned like the fyne CLI; `make test` runs it after go vet.
STATICCHECK_VERSION := v0.8.2
FYNE := bin/tools/$(FYNE_TOOLS_VERSION)/fyne

# `fyne package` names the exe after Details.Name; we rename it to an ASCII
# file name, which is easier to type and to put in a script.
toml = $(shell sed -n 's/^ *$(1) *= *"*\([^"]*\)"*$$/\1/p' FyneApp.toml)
APP_NAME    := $(call toml,Name)
APP_ID      := $(call toml,ID)
APP_VERSION := $(call toml,Version)
APP_BUILD   := $(call toml,Build)

# fyne package would write the app name into the exe's side-by-side manifest
# as the assembly name. Windows refuses to start an exe whose manifest it
# cannot parse, and a Chinese assembly name is not something we can test here,
# so we hand fyne a manifest named after the app ID (the Organization.Name form
# Microsoft documents). The Chinese name still goes into the version resource.
WINDOWS_MANIFEST := branchledger.exe.manifest
# Windows wants four numbers: major.minor.patch.build
WINDOWS_VERSION := $(shell echo '$(APP_VERSION)' | awk -F. '{printf "%d.%d.%d", $$1, $$2, $$3}').$(APP_BUILD)

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# $(call apt_ensure,PACKAGES): install those PACKAGES that are missing, running
# apt-get update only then. Elsewhere than Debian, say what is needed and go on.
define apt_ensure
if [ ! -f /etc/debian_version ] || ! command -v dpkg >/dev/null 2>&1; then \
	echo "$@: not a Debian system, not installing packages; make sure you have the equivalents of: $(strip $(1))"; \
else \
	missing=; \
	for p in $(1); do \
		dpkg -s $$p 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "$@: installing$$missing"; \
		$(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi; \
fi
endef

# $(call headless,COMMAND): run COMMAND on a fresh virtual X display when
# xvfb-run exists (tests that need a display find it in $DISPLAY), else as is.
define headless
echo '$(subst ','\'',$(1))'; \
if command -v xvfb-run >/dev/null 2>&1; then \
	xvfb-run -a -s '-screen 0 1280x1024x24 -noreset' $(1); \
else \
	$(1); \
fi
endef

.PHONY: build deps run test bench windows clean

build:
	go build -o $(BIN) .

deps:
	@$(call apt_ensure,$(DEB_PACKAGES))

run: deps build
	./$(BIN) $(ARGS)

test: deps
	@unformatted=$$(gofmt -l .); \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt: these files are not formatted (run gofmt -w on them):"; \
		echo "$$unformatted"; \
		exit 1; \
	fi
	go vet ./...
	go run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...
	@$(call headless,go test -count=1 ./...)
	@# A few seconds of fuzzing whole workbooks and sheet XML (their seed
	@# corpora ran above); -fuzzminimizetime keeps one find from taking a minute.
	go test -run '^$$' -fuzz '^FuzzReadRosterWorkbook$$' -fuzztime 5s -fuzzminimizetime 20x ./storage/xlsx/
	go test -run '^$$' -fuzz '^FuzzReadRosterSheet$$' -fuzztime 5s -fuzzminimizetime 20x ./storage/xlsx/

bench: deps
	@$(call headless,go test -run '^$$' -bench . -skip ColdStart -benchmem ./...)
	@# startup: the real binary on 20,000 members against an empty Fyne
	@# window (main_test.go); 20 starts each, for a median to rely on.
	@$(call headless,go test -run '^$$' -bench '^BenchmarkColdStart' -benchtime 20x .)

$(FYNE):
	GOBIN=$(CURDIR)/$(dir $(FYNE)) go install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)

# fyne package increments Details.Build in FyneApp.toml after every package;
# the copy puts the file back so a release build leaves the tree clean.
windows: $(FYNE)
	@$(call apt_ensure,$(WINDOWS_DEB_PACKAGES))
	@mkdir -p $(DIST)
	@printf '%s\n' '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' \
		'<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">' \
		'<assemblyIdentity version="$(WINDOWS_VERSION)" processorArchitecture="*" name="$(APP_ID)" type="win32"/>' \
		'</assembly>' >$(WINDOWS_MANIFEST)
	@cp FyneApp.toml bin/FyneApp.toml.bak
	@echo "CC=$(WINDOWS_CC) CGO_ENABLED=1 GOOS=windows GOARCH=amd64 $(FYNE) package --target windows --release --app-id $(APP_ID)"
	@status=0; \
	CC=$(WINDOWS_CC) CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
		$(FYNE) package --target windows --release --app-id $(APP_ID) || status=$$?; \
	cp bin/FyneApp.toml.bak FyneApp.toml && rm -f bin/FyneApp.toml.bak $(WINDOWS_MANIFEST); \
	exit $$status
	mv -f "$(APP_NAME).exe" $(DIST)/branchledger.exe
	@echo "built $(DIST)/branchledger.exe"

clean:
	rm -rf bin $(DIST)
	rm -f fyne.syso fyne_metadata_init.go $(WINDOWS_MANIFEST)
