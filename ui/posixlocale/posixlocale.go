// Package posixlocale keeps Fyne from complaining about the "C" locale.
//
// On a Linux machine whose locale is unset or "C"/"POSIX" (CI runners, cron,
// ssh sessions), Fyne's lang package logs "Error parsing user locale C" three
// times from its init, before main runs — noise on stderr that breaks the
// command line's promise of one clear line per failure. Packages are
// initialised in import-path order where they do not depend on each other,
// and "branchledger/…" sorts before "fyne.io/…", so this package's init runs
// first and names a real locale instead. The UI language is chosen by the
// app's own setting, never by this value.
package posixlocale

import "os"

func init() {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		switch os.Getenv(v) {
		case "":
			continue
		case "C", "POSIX", "C.UTF-8", "C.utf8":
			os.Setenv(v, "en_US.UTF-8")
			continue
		}
		return // a real locale is set: leave it
	}
	if os.Getenv("LANG") == "" && os.Getenv("LC_ALL") == "" {
		os.Setenv("LANG", "en_US.UTF-8")
	}
}
