package model

// StartEffectText is what the 建账月份 dialog says a new start leaves to
// record, each group of members with its own months, as the home reminder
// groups them (RecordFindings): one range for all promised "14名党员…
// 2026年6月至11月…待补录" to twelve members whose only month was November
// (review s8-8 #9). Months to record are in the ledger, so they are settled
// by recording the payments in 收缴, not by a 党费已交至 (s8-8 #13). The zero
// Text when nothing is left to record.
func StartEffectText(gaps []RecordGap) Text {
	if len(gaps) == 0 {
		return Text{}
	}
	return Textf("保存后，%d名党员开始用本软件记党费账之前的月份将显示为“待补录”（不算欠交，不会提示脱党）：%s。已交过的，请在“收缴”中按实际交纳日期逐笔补录",
		len(gaps), spanGroups(gaps))
}
