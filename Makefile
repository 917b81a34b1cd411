# Branch Ledger (支部台账): build, run, test and package.
#
#   make run       install what the build needs, build, open the app
#   make test      gofmt check, go vet, go test (GUI tests under Xvfb), a short fuzz
#   make bench     benchmarks, under Xvfb
#   make windows   dist/: branchledger.exe, its console twin branchledger.com
#                  and the compatibility-mode folder compat/, cross-built with
#                  MinGW (the first build compiles Mesa: see windows/README.md)
#   make windows-check  runs dist/ under Wine (not part of make test)
#   make clean     remove bin/ and dist/

BIN  := bin/branchledger
DIST := dist

# Debian packages the cgo build of Fyne needs (OpenGL and X11 headers) and
# those the tests need to open windows on a virtual display, find them
# (xdotool) and photograph them (imagemagick's import), and the age tool that
# the data-package test checks opens our encrypted packages.
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev xvfb xauth xdotool imagemagick age
WINDOWS_DEB_PACKAGES := gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64
WINDOWS_CC := x86_64-w64-mingw32-gcc

# staticcheck, pinned; `make test` runs it after go vet.
STATICCHECK_VERSION := v0.8.2

toml = $(shell sed -n 's/^ *$(1) *= *"*\([^"]*\)"*$$/\1/p' FyneApp.toml)
APP_VERSION := $(call toml,Version)
APP_BUILD   := $(call toml,Build)

# What the version resource of the Windows programs says (Explorer's
# Properties → Details).
WINDOWS_COMPANY   := 支部台账项目组
WINDOWS_COPYRIGHT := © 2026 支部台账项目组

# The Windows build is a plain `go build` with our own resources
# (windows/resources.sh: icon of five sizes, version, manifest), the tags
# `fyne package --release` would set, and opengl32.dll linked for delayed
# loading: an import library from dlltool that loads the DLL at its first
# call instead of at start, so that in compatibility mode the program can
# load Mesa's from compat/ first (ui/launch). -L on the external linker
# (not CGO_LDFLAGS, which would rebuild every cgo package) puts it before
# MinGW's own libopengl32.a.
WINDOWS_GO       := CC=$(WINDOWS_CC) CGO_ENABLED=1 GOOS=windows GOARCH=amd64 go
WINDOWS_DELAYLIB := bin/windows/delaylib
# no_emoji leaves out Fyne's colour emoji font (4.2 MB, a tenth of the
# program): the UI draws no emoji, and every character it does draw is in the
# bundled fonts (ui/glyphs_test.go).
WINDOWS_TAGS     := release,migrated_fynedo,no_emoji
WINDOWS_MAX_MB   := 40
COMPAT_MAX_MB    := 16

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

.PHONY: build deps run test bench windows windows-compat windows-check clean

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
	@# The GUI package runs for minutes on a loaded 2-core machine; go test
	@# would stop it at its default 10 minutes.
	@$(call headless,go test -count=1 -timeout 40m ./...)
	@# A few seconds of fuzzing whole workbooks and sheet XML (their seed
	@# corpora ran above); -fuzzminimizetime keeps one find from taking a minute.
	@# The budgets are counts of inputs (about 5 s each on an idle 2-core
	@# machine), not durations: Go 1.26's fuzz coordinator can fail a run with a
	@# bare "context deadline exceeded" when -fuzztime's clock ends while a
	@# worker is busy (golang/go#75804, fixed in Go 1.27), which it did in CI.
	go test -run '^$$' -fuzz '^FuzzReadRosterWorkbook$$' -fuzztime 700x -fuzzminimizetime 20x ./storage/xlsx/
	go test -run '^$$' -fuzz '^FuzzReadRosterSheet$$' -fuzztime 3000x -fuzzminimizetime 20x ./storage/xlsx/
	go test -run '^$$' -fuzz '^FuzzReadRosterLayout$$' -fuzztime 700x -fuzzminimizetime 20x ./storage/xlsx/
	go test -run '^$$' -fuzz '^FuzzReadRosterShownFormats$$' -fuzztime 350x -fuzzminimizetime 20x ./storage/xlsx/

bench: deps
	@$(call headless,go test -run '^$$' -bench . -skip ColdStart -benchmem ./...)
	@# startup: the real binary on 20,000 members against an empty Fyne
	@# window (main_test.go); 20 starts each, for a median to rely on.
	@$(call headless,go test -run '^$$' -bench '^BenchmarkColdStart' -benchtime 20x .)

# The Windows programs: dist/branchledger.exe (GUI), dist/branchledger.com
# (its console twin: typed as `branchledger` in cmd or PowerShell it runs
# first, waits and returns the exit status) and dist/compat/.
windows: windows-compat
	@$(call apt_ensure,$(WINDOWS_DEB_PACKAGES))
	@mkdir -p $(DIST) $(WINDOWS_DELAYLIB)
	@{ echo 'LIBRARY opengl32.dll'; echo 'EXPORTS'; \
		x86_64-w64-mingw32-nm "$$($(WINDOWS_CC) -print-file-name=libopengl32.a)" | awk '$$2 == "T" && $$3 !~ /^\./ {print $$3}' | sort -u; \
	} >$(WINDOWS_DELAYLIB)/opengl32.def
	x86_64-w64-mingw32-dlltool --input-def $(WINDOWS_DELAYLIB)/opengl32.def --dllname opengl32.dll --output-delaylib $(WINDOWS_DELAYLIB)/libopengl32.a
	windows/resources.sh rsrc_windows_amd64.syso gui $(APP_VERSION) $(APP_BUILD) '$(WINDOWS_COMPANY)' '$(WINDOWS_COPYRIGHT)'
	windows/resources.sh cmd/console/rsrc_windows_amd64.syso console $(APP_VERSION) $(APP_BUILD) '$(WINDOWS_COMPANY)' '$(WINDOWS_COPYRIGHT)'
	@status=0; \
	$(WINDOWS_GO) build -trimpath -tags $(WINDOWS_TAGS) -ldflags '-s -w -H windowsgui -extldflags=-L$(CURDIR)/$(WINDOWS_DELAYLIB)' -o $(DIST)/branchledger.exe . && \
	$(WINDOWS_GO) build -trimpath -ldflags '-s -w' -o $(DIST)/branchledger.com ./cmd/console || status=$$?; \
	rm -f rsrc_windows_amd64.syso cmd/console/rsrc_windows_amd64.syso; exit $$status
	@# Loaded at start, the system's opengl32.dll would leave compatibility mode no way in.
	@if x86_64-w64-mingw32-objdump -p $(DIST)/branchledger.exe | sed -n '/^The Import Tables/,/^The Delay Import/p' | grep -qi 'DLL Name: opengl32.dll'; then \
		echo "windows: $(DIST)/branchledger.exe loads opengl32.dll at start; it must be delay-loaded"; exit 1; fi
	@size=$$(stat -c %s $(DIST)/branchledger.exe); \
	echo "windows: $(DIST)/branchledger.exe $$((size / 1048576)).$$((size % 1048576 * 10 / 1048576)) MB (limit $(WINDOWS_MAX_MB) MB), $(DIST)/branchledger.com $$(($$(stat -c %s $(DIST)/branchledger.com) / 1024)) KB"; \
	[ $$size -le $$(($(WINDOWS_MAX_MB) * 1048576)) ] || { echo "windows: branchledger.exe is over $(WINDOWS_MAX_MB) MB"; exit 1; }

# dist/compat/: Mesa's software OpenGL, cross-built once from Debian's mesa
# source and cached under ~/.cache/branchledger (windows/mesa.sh; about 10
# minutes on two cores the first time), with its licence and a note.
windows-compat:
	nice -n 10 windows/mesa.sh $(DIST)/compat
	cp windows/compat-README.txt $(DIST)/compat/说明.txt
	@size=$$(du -sb $(DIST)/compat | cut -f1); \
	echo "windows: $(DIST)/compat $$((size / 1048576)).$$((size % 1048576 * 10 / 1048576)) MB (limit $(COMPAT_MAX_MB) MB)"; \
	[ $$size -le $$(($(COMPAT_MAX_MB) * 1048576)) ] || { echo "windows: compat/ is over $(COMPAT_MAX_MB) MB"; exit 1; }

# Runs dist/ under Wine in a folder with Chinese characters and spaces:
# version, import, export, the window (screenshots), portable mode and a PC
# without OpenGL 2.1. Screenshots and logs go to $(CHECK_OUT).
CHECK_OUT ?= bin/windows-check
windows-check: windows
	windows/check.sh $(DIST) $(CHECK_OUT)

clean:
	rm -rf bin $(DIST)
	rm -f rsrc_windows_amd64.syso cmd/console/rsrc_windows_amd64.syso
