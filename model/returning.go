package model

// CheckReturningPaidTo questions the 党费交至 of a letter bringing back a
// member who left this branch by transfer, when it is earlier than what
// this ledger records them paid to (ledgerPaid, PaidThrough; 0 when the
// ledger holds no month of theirs): the months between were paid here, and
// a letter cannot unpay them. Recorded as written, the letter made January
// to July 2026 — paid here — months before the 建账月份, and the summary's
// 应交 fell by 839.51 元 (review s14-attack8 #20).
func CheckReturningPaidTo(in *TransferIn, name string, ledgerPaid Month) error {
	if ledgerPaid == 0 || in.PaidTo == 0 || in.PaidTo >= ledgerPaid {
		return nil
	}
	return ValidationErrors{Problem(InPaidToField,
		"本账记录%s已交至%s，晚于介绍信所写的%s，请核对：本账记录的交纳不因转入而改变，请填写%s或更晚的月份", name, ledgerPaid, in.PaidTo, ledgerPaid)}
}

// KeepsLedgerOpening reports whether a returning member's opening position
// (党费已交至) stays as it is on their return rather than becoming the
// letter's 党费交至: when the letter says no more than this ledger already
// records (ledgerPaid from PaidThrough, inside the ledger, from start on),
// the letter adds nothing, and moving the opening to it would turn months
// paid in this ledger into months before it (review s14-attack8 #20b: all
// eight of a year's payments left 应交 and the 收缴率).
func KeepsLedgerOpening(in *TransferIn, ledgerPaid, start Month) bool {
	return ledgerPaid != 0 && start != 0 && ledgerPaid >= start && in.PaidTo <= ledgerPaid
}
