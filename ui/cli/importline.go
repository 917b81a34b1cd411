package cli

import "fmt"

// importedLine prints an import's last line on stdout: `imported N,
// rejected M`, or under --dry-run `would import N, rejected M`, so that a
// script or a person reading stdout does not take a dry run for a write
// (review s9-8 #14: "imported 14" after a dry run).
func importedLine(env Env, dryRun bool, imported, rejected int) {
	if dryRun {
		fmt.Fprintf(env.Stdout, "would import %d, rejected %d\n", imported, rejected)
		return
	}
	fmt.Fprintf(env.Stdout, "imported %d, rejected %d\n", imported, rejected)
}
