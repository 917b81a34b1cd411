//go:build !windows

package launch

import (
	"fmt"
	"os"
)

// showMessage prints the message: outside Windows the program is started
// from a terminal or a desktop file whose output is logged.
func showMessage(title, text string) {
	fmt.Fprintf(os.Stderr, "%s\n%s\n", title, text)
}
