package transfer

// Keeps Fyne's init from logging "Error parsing user locale C" into the test
// output on machines without a locale, as main does for the app.
import _ "branchledger/ui/posixlocale"
