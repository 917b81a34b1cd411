#!/usr/bin/env bash
# Cross-builds Mesa's software OpenGL for Windows (softpipe, no LLVM) from
# Debian's own mesa source package with the mingw-w64 toolchain, for the
# compatibility-mode folder of the Windows build (see windows/README.md).
#
#   windows/mesa.sh OUTDIR
#
# leaves OUTDIR/opengl32.dll, OUTDIR/libgallium_wgl.dll and
# OUTDIR/MESA-LICENSE.txt. The result is cached under
# ${XDG_CACHE_HOME:-~/.cache}/branchledger/mesa-<debian version>-win64, so only
# the first run builds (about 10 minutes on two cores; run it with nice).
# Needs Debian: it adds a deb-src line for the system's own suites when there
# is none, and installs meson, ninja, bison, flex, glslang-tools, python3-mako,
# dpkg-dev and the mingw-w64 C/C++ compilers when missing. The DLLs need
# nothing but Windows' own (no zlib, static libgcc and libstdc++).
set -euo pipefail

out=${1:?usage: windows/mesa.sh OUTDIR}
# Absolute: a first build works in the cache and ends in /, and a relative
# OUTDIR (make's dist/compat) then landed in /dist/compat, failing the
# first `make windows` on every fresh machine.
out=$(realpath -m -- "$out")
here=$(cd "$(dirname "$0")" && pwd)
cache_root=${XDG_CACHE_HOME:-$HOME/.cache}/branchledger
# Several people may share a machine: one apt at a time.
apt_lock=/work/.apt.lock
[ -w "$(dirname "$apt_lock")" ] || apt_lock=/tmp/branchledger-apt.lock
sudo=; [ "$(id -u)" = 0 ] || sudo=sudo

# Mesa's build runs python3 with mako: Debian's, not another on $PATH.
export PATH=/usr/bin:$PATH

apt() { flock "$apt_lock" $sudo env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }

need=
for p in meson ninja-build bison flex glslang-tools python3-mako dpkg-dev pkgconf \
	gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64; do
	dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || need="$need $p"
done
if [ -n "$need" ]; then
	echo "mesa: installing$need"
	apt update -q && apt install -y -q --no-install-recommends $need
fi

# Debian ships sources only through deb-src lines; add one for the suites the
# machine already uses, in a file of our own.
if ! apt-get source --print-uris mesa >/dev/null 2>&1; then
	src=/etc/apt/sources.list.d/branchledger-deb-src.sources
	echo "mesa: adding deb-src lines in $src"
	for f in /etc/apt/sources.list.d/*.sources; do
		[ "$f" = "$src" ] && continue
		sed -n 's/^Types: *deb$/Types: deb-src/p; /^Types:/!p' "$f"
		echo
	done | $sudo tee "$src" >/dev/null
	grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | sed 's/^deb /deb-src /' | $sudo tee -a "$src.list" >/dev/null || true
	[ -s "$src.list" ] && $sudo mv "$src.list" "${src%.sources}.list" || $sudo rm -f "$src.list"
	apt update -q
fi

version=$(apt-cache showsrc mesa | sed -n 's/^Version: //p' | sort -V | tail -1)
cache=$cache_root/mesa-$version-win64
if [ ! -f "$cache/libgallium_wgl.dll" ]; then
	work=$cache_root/mesa-build
	rm -rf "$work" && mkdir -p "$work" && cd "$work"
	echo "mesa: fetching the source of mesa $version"
	apt-get source --download-only "mesa=$version"
	dpkg-source --no-check -x ./*.dsc src >/dev/null
	# static libgcc and libstdc++: the DLLs must need nothing but Windows.
	meson setup build src --cross-file "$here/mingw-w64.meson" \
		--buildtype=release -Db_ndebug=true -Dstrip=true \
		-Dplatforms=windows -Dgallium-drivers=swrast -Dvulkan-drivers= \
		-Dllvm=disabled -Dshared-llvm=disabled -Dgles1=disabled -Dgles2=disabled \
		-Dosmesa=false -Dgbm=disabled -Degl=disabled -Dglx=disabled \
		--wrap-mode=nodownload -Dzlib=disabled -Dzstd=disabled -Dvalgrind=disabled -Dlibunwind=disabled \
		-Dbuild-tests=false -Dshader-cache=disabled \
		-Dc_link_args='-static-libgcc' \
		-Dcpp_link_args='-static-libgcc -static-libstdc++'
	ninja -C build src/gallium/targets/wgl/libgallium_wgl.dll src/gallium/targets/libgl-gdi/opengl32.dll
	mkdir -p "$cache.tmp"
	cp build/src/gallium/targets/wgl/libgallium_wgl.dll build/src/gallium/targets/libgl-gdi/opengl32.dll "$cache.tmp/"
	x86_64-w64-mingw32-strip "$cache.tmp"/*.dll
	{
		echo "These two DLLs are Mesa $version (https://www.mesa3d.org/), built from"
		echo "Debian's mesa source package for Windows with the softpipe software"
		echo "renderer. Mesa is free software; its licence terms follow."
		echo
		cat src/docs/license.rst
	} >"$cache.tmp/MESA-LICENSE.txt"
	rm -rf "$cache" && mv "$cache.tmp" "$cache"
	cd / && rm -rf "$work"
fi
mkdir -p "$out"
cp "$cache"/opengl32.dll "$cache"/libgallium_wgl.dll "$cache"/MESA-LICENSE.txt "$out/"
echo "mesa: $out holds Mesa $version for Windows ($(du -sh "$out" | cut -f1))"
