package model

// TransferRules are the numbers of the transfer letter (党员组织关系介绍信):
// how long it may be valid and when its receipt (回执) should be back
// (RULES.md §5). The standard three-part form — 存根, 介绍信, 回执 — and how
// it is filled in are set by the 中组部 notice named in Document.
type TransferRules struct {
	Document  string
	Effective Date

	// ValidDaysDefault is what a new letter offers: local practice (10
	// days within a city, 30 beyond), not a national number.
	ValidDaysDefault Limit
	// ValidDaysMax: a letter is valid at most this many days.
	ValidDaysMax Limit
	// ReceiptMonths: the receiving committee sends the 回执 back within
	// this many months of receiving the member.
	ReceiptMonths Limit
}

// TransferRules2007 is the letter as revised by 组通字〔2006〕45号 (issued
// 2006-12-08, in use from 2007-01-01): three parts, the member's sex, age,
// ethnicity, ID number and phone, the sending committee's address, and the
// receipt returned within a month.
var TransferRules2007 = TransferRules{
	Document:         "中共中央组织部关于印发《中国共产党流动党员活动证》和《中国共产党党员组织关系介绍信》修订式样的通知（组通字〔2006〕45号）",
	Effective:        NewDate(2007, 1, 1),
	ValidDaysDefault: Limit{N: 30, Local: true},
	ValidDaysMax:     Limit{N: 90, Article: "介绍信有效期"},
	ReceiptMonths:    Limit{N: 1, Article: "回执联填写使用说明"},
}

// MobileRules are the numbers of mobile-member management (流动党员, RULES.md
// §5): when a member away should transfer instead, how often they report to
// the home branch, and how often the 流动党员活动证 is reviewed.
type MobileRules struct {
	Document  string
	Effective Date

	// TransferAfterMonths: a member away this long at a settled place
	// should transfer the relationship rather than stay mobile; the same
	// holds for a member from elsewhere working here.
	TransferAfterMonths Limit
	// ReportMonths: a mobile member reports to the home branch at least
	// once in this many months.
	ReportMonths Limit
	// CardReviewMonths: the activity card is reviewed (年审) this often;
	// local practice.
	CardReviewMonths Limit
	// CardDueSoonDays: a review this close is mentioned ahead (the app's
	// own notice period).
	CardDueSoonDays int
}

// MobileRules2007 go with the activity card of 组通字〔2006〕45号: the card
// is for members away up to 6 months or unable to transfer; away longer at a
// settled place, the relationship is transferred; they report to the home
// branch at least once a year.
var MobileRules2007 = MobileRules{
	Document:            "《中国共产党流动党员活动证》使用说明（组通字〔2006〕45号）",
	Effective:           NewDate(2007, 1, 1),
	TransferAfterMonths: Limit{N: 6, Article: "活动证适用范围"},
	ReportMonths:        Limit{N: 12, Article: "流动党员每年至少汇报一次"},
	CardReviewMonths:    Limit{N: 12, Local: true},
	CardDueSoonDays:     30,
}

// ProbationTransferRules say how long the 转正 discussion of a probationary
// member who transferred in may be put off: 《中国共产党发展党员工作细则》
// (2026) §35. 转正 still dates from the end of probation.
type ProbationTransferRules struct {
	Document  string
	Edition   string
	Effective Date
	// PostponeMonths: the discussion may come at most this many months
	// after the end of probation.
	PostponeMonths Limit
}

// ProbationTransfer2026 is §35 of the 2026 edition (RULES.md §3a), which
// applies to transfers in from 2026-05-11.
var ProbationTransfer2026 = ProbationTransferRules{
	Document:       "中国共产党发展党员工作细则",
	Edition:        "2026",
	Effective:      NewDate(2026, 5, 11),
	PostponeMonths: Limit{N: 6, Article: "第三十五条"},
}

// ProbationTransferRulesOn returns the rules for a transfer in on d; ok is
// false before any edition allowed a postponement.
func ProbationTransferRulesOn(d Date) (ProbationTransferRules, bool) {
	if d.Before(ProbationTransfer2026.Effective) {
		return ProbationTransferRules{}, false
	}
	return ProbationTransfer2026, true
}

// CurrentTransferRules and CurrentMobileRules are the editions in force.
func CurrentTransferRules() TransferRules { return TransferRules2007 }

// CurrentMobileRules is the edition of the mobile-member rules in force.
func CurrentMobileRules() MobileRules { return MobileRules2007 }
