#!/usr/bin/env bash
# Writes a Windows resource object (.syso, which `go build` links into the
# program of the package it lies in) holding the icon (assets/icon.ico: 16,
# 24, 32, 48 and 256 px), the version resource (company, product, copyright
# and version, shown in Explorer's Properties → Details) and the manifest
# (supported Windows versions, per-monitor DPI awareness, common controls 6
# for the system's own dialogs and message boxes).
#
#   windows/resources.sh OUT.syso gui|console VERSION BUILD COMPANY COPYRIGHT
#
# Needs x86_64-w64-mingw32-windres (Debian package binutils-mingw-w64-x86-64).
set -euo pipefail

out=$1 kind=$2 version=$3 build=$4 company=$5 copyright=$6
root=$(cd "$(dirname "$0")/.." && pwd)
IFS=. read -r major minor patch <<<"$version"
quad="$major,$minor,$patch,$build"
dotted="$major.$minor.$patch.$build"
case $kind in
gui)
	description="支部台账"
	file=branchledger.exe
	;;
console)
	description="支部台账（命令行）"
	file=branchledger.com
	;;
*)
	echo "resources.sh: kind must be gui or console" >&2
	exit 2
	;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The assembly name is the app ID: Windows refuses to start a program whose
# manifest it cannot parse, and an ASCII name is the documented form.
cat >"$tmp/app.manifest" <<MANIFEST
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="cn.branchledger.app" version="$dotted" processorArchitecture="amd64"/>
  <description>$description</description>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application>
      <!-- Windows 10 and 11 -->
      <supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>
    </application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <!-- Fyne scales to each monitor itself: Windows must not blur it. -->
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">PerMonitorV2, PerMonitor</dpiAwareness>
      <longPathAware xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">true</longPathAware>
    </windowsSettings>
  </application>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security>
      <requestedPrivileges>
        <requestedExecutionLevel level="asInvoker" uiAccess="false"/>
      </requestedPrivileges>
    </security>
  </trustInfo>
  <dependency>
    <dependentAssembly>
      <assemblyIdentity type="win32" name="Microsoft.Windows.Common-Controls" version="6.0.0.0" processorArchitecture="*" publicKeyToken="6595b64144ccf1df" language="*"/>
    </dependentAssembly>
  </dependency>
</assembly>
MANIFEST

cp "$root/assets/icon.ico" "$tmp/icon.ico"
# 0x0804 0x04B0: Chinese (PRC), Unicode.
cat >"$tmp/app.rc" <<RC
#include <winver.h>
1 ICON "icon.ico"
1 24 "app.manifest"
1 VERSIONINFO
FILEVERSION $quad
PRODUCTVERSION $quad
FILEFLAGSMASK VS_FFI_FILEFLAGSMASK
FILEFLAGS 0
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
FILESUBTYPE 0
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "080404B0"
    BEGIN
      VALUE "CompanyName", "$company"
      VALUE "FileDescription", "$description"
      VALUE "FileVersion", "$dotted"
      VALUE "InternalName", "branchledger"
      VALUE "LegalCopyright", "$copyright"
      VALUE "OriginalFilename", "$file"
      VALUE "ProductName", "支部台账 Branch Ledger"
      VALUE "ProductVersion", "$version"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0804, 0x04B0
  END
END
RC
(cd "$tmp" && x86_64-w64-mingw32-windres --codepage=65001 -O coff -i app.rc -o app.syso)
mv "$tmp/app.syso" "$out"
