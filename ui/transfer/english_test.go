package transfer

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"branchledger/model"
	"branchledger/ui/internal/langtest"
)

// In English the usual reasons are offered in English, and the one picked
// is printed on the letter in Chinese; the months in the texts are the
// rule tables'.
func TestReasonsAndRulesInEnglish(t *testing.T) {
	langtest.Use(t, "en")
	choices := strings.Join(reasonChoices(), "|")
	away := model.CurrentMobileRules().TransferAfterMonths.N
	if !strings.Contains(choices, "Job change") || !strings.Contains(choices, "Away "+strconv.Itoa(away)+" months or more") || strings.Contains(choices, "工作") {
		t.Errorf("reasons offered in English: %s", choices)
	}
	for shown, printed := range map[string]string{"Job change": "工作变动", "Away " + strconv.Itoa(away) + " months or more": model.ReasonAway, "调岗": "调岗"} {
		if got := chosenReason(shown); got != printed {
			t.Errorf("%q picked prints %q, want %q", shown, got, printed)
		}
	}
	r, _ := model.ProbationTransferRulesOn(model.NewDate(2026, 11, 30))
	if got := probationText(model.NewDate(2026, 11, 30)); !strings.Contains(got, "up to "+strconv.Itoa(r.PostponeMonths.N)+" months") || !strings.Contains(got, "art. 35") {
		t.Errorf("probation text: %q", got)
	}
	if got := probationText(model.NewDate(2026, 1, 5)); strings.Contains(got, "wait") {
		t.Errorf("before the 2026 edition the discussion cannot wait: %q", got)
	}
}

// In English the dues owed before a letter are said in English, on the
// form and in the question before issuing.
func TestIssueLetterWarnsInEnglish(t *testing.T) {
	langtest.Use(t, "en")
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	h.declines = true
	ShowLetterForm(h, svc, 0, s.saved)
	f := (*forms)[0]
	f.set(t, "党员姓名", "王强（001X）")
	f.set(t, "接收党组织", "天水某公司党支部")
	lf := letterFormOf(t, f)
	want := "Oct 2026 – Nov 2026 unpaid: 2 months, ¥162.00 in all"
	if !strings.Contains(lf.warning.Text, want) || strings.Contains(lf.warning.Text, "尚未") {
		t.Errorf("warning %q, want %q", lf.warning.Text, want)
	}
	test.Tap(f.form.Save)
	if len(h.asked) != 1 || !strings.Contains(h.asked[0], want) || strings.Contains(h.asked[0], "党费") {
		t.Errorf("asked %q", h.asked)
	}
}

// Every refusal of the section's forms reads in the UI language: the
// model's sentence in English in the English UI, the same Chinese sentence
// as before in the Chinese one.
func TestRefusalsInBothLanguages(t *testing.T) {
	type fill struct{ label, text string }
	for _, tc := range []struct {
		name   string
		open   func(s *Screen, h *fakeHost, svc *fakeService)
		fills  []fill
		label  string
		zh, en string
	}{
		{"validity_0", func(s *Screen, h *fakeHost, svc *fakeService) { ShowLetterForm(h, svc, 1, s.saved) },
			[]fill{{"接收党组织", "兰州某支部"}, {"有效期（天）", "0"}}, "有效期（天）",
			"有效期应为1–90天（一般为30天）", "Validity should be 1–90 days (usually 30)"},
		{"letter_after_today", func(s *Screen, h *fakeHost, svc *fakeService) { ShowLetterForm(h, svc, 1, s.saved) },
			[]fill{{"接收党组织", "兰州某支部"}, {"开具日期", "2026-12-01"}}, "开具日期",
			"2026-12-01 晚于今天", "2026-12-01 is after today"},
		{"postcode", func(s *Screen, _ *fakeHost, _ *fakeService) { showSetupForm(s) },
			[]fill{{"邮政编码", "73000"}}, "邮政编码", "邮政编码应为6位数字", "A postcode has 6 digits"},
		{"offset", func(s *Screen, _ *fakeHost, _ *fakeService) { showSetupForm(s) },
			[]fill{{"左右偏移（毫米）", "10.5"}}, "左右偏移（毫米）", "偏移不能超过 10 毫米", "The offset cannot exceed 10 mm"},
		// Letter numbering moves forward only (s3-13-newuser #15).
		{"next_number_back", func(s *Screen, _ *fakeHost, _ *fakeService) { s.data.Setup.NextNumber = 7; showSetupForm(s) },
			[]fill{{"本年下一个介绍信编号", "5"}}, "本年下一个介绍信编号",
			"2026年的介绍信已编到第6号：下一个编号只能是第7号或更大（编号不能重复使用，也不能退回）",
			"2026's letters have reached No. 6: the next number can only be 7 or more (a number is never used twice or taken back)"},
		{"next_number_text", func(s *Screen, _ *fakeHost, _ *fakeService) { showSetupForm(s) },
			[]fill{{"本年下一个介绍信编号", "6a"}}, "本年下一个介绍信编号",
			"编号“6a”应为1–9999的整数，如 6", "Number “6a” should be a whole number from 1 to 9999, e.g. 6"},
		{"letter_date_after_arrival", func(s *Screen, _ *fakeHost, _ *fakeService) { showTransferInForm(s) },
			[]fill{{"转入日期", "2026-11-20"}, {"介绍信开具日期", "2026-11-25"}}, "介绍信开具日期",
			"介绍信开具日期 2026-11-25 晚于转入日期 2026-11-20", "The letter's date 2026-11-25 is after the arrival date 2026-11-20"},
		{"mobile_return_before_leaving", func(s *Screen, _ *fakeHost, _ *fakeService) { showMobileForm(s, model.MobileMember{}) },
			[]fill{{"党员姓名", "廖明（9938）"}, {"外出日期", "2026-05-20"}, {"外出流向", "深圳"}, {"返回日期", "2026-05-01"}}, "返回日期",
			"返回日期 2026-05-01 早于外出日期 2026-05-20", "Return date 2026-05-01 is before the day they left (2026-05-20)"},
		{"inflow_left_after_today", func(s *Screen, _ *fakeHost, _ *fakeService) { showInflowForm(s, model.InflowMember{}) },
			[]fill{{"姓名", "马兰"}, {"离开日期", "2026-12-05"}}, "离开日期",
			"离开日期 2026-12-05 晚于今天", "The day they left, 2026-12-05, is after today"},
	} {
		for _, english := range []bool{false, true} {
			t.Run(tc.name+map[bool]string{false: "_zh", true: "_en"}[english], func(t *testing.T) {
				if english {
					langtest.Use(t, "en")
				}
				svc := newFake()
				s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
				forms := capture(t)
				tc.open(s, h, svc)
				f := (*forms)[0]
				for _, fl := range tc.fills {
					f.set(t, fl.label, fl.text)
				}
				got := f.field(t, tc.label).Message()
				want := tc.zh
				if english {
					want = tc.en
					if han.MatchString(got) || han.MatchString(f.form.Reason.Text) {
						t.Errorf("English UI shows Chinese: %q / %q", got, f.form.Reason.Text)
					}
				}
				if got != want {
					t.Errorf("under %s: %q, want %q", tc.label, got, want)
				}
			})
		}
	}
}

var han = regexp.MustCompile(`\p{Han}`)

// In English the letter's number and 党费交至 are said in English on the
// form and in the letter's details; the capital numerals stay as printed.
func TestLetterNumberInEnglish(t *testing.T) {
	langtest.Use(t, "en")
	svc := newFake()
	s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
	forms := capture(t)
	ShowLetterForm(h, svc, 1, s.saved)
	f := (*forms)[0]
	f.set(t, "接收党组织", "天水某公司党支部")
	lf := letterFormOf(t, f)
	if got := lf.preview.Text; !strings.Contains(got, "No. 1/2026") || strings.Contains(got, "第") || strings.Contains(got, "2026年") {
		t.Errorf("preview %q", got)
	}
}

// The record a letter may not predate is named in the UI language: in
// English, "attendance at the General meeting", not 支部党员大会的考勤
// (review s3-13 attack #12, the last Chinese part).
func TestLetterBeforeLastRecordInBothLanguages(t *testing.T) {
	for _, english := range []bool{false, true} {
		t.Run(map[bool]string{false: "zh", true: "en"}[english], func(t *testing.T) {
			want := "2026-11-20 早于廖明在本支部的最后一项记录：2026-11-28 支部党员大会的考勤（第4次）；介绍信的日期不能早于这一天"
			if english {
				langtest.Use(t, "en")
				want = "2026-11-20 is before 廖明's last record in this branch (2026-11-28, attendance at the General meeting (no. 4)): the letter cannot be dated before that day"
			}
			svc := newFake()
			svc.records = map[int64][]model.DatedRecord{1: {model.AttendanceRecord(model.ActivityKind("支部党员大会"), 4, model.NewDate(2026, 11, 28))}}
			s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
			forms := capture(t)
			ShowLetterForm(h, svc, 1, s.saved)
			f := (*forms)[0]
			f.set(t, "接收党组织", "兰州某支部")
			f.set(t, "开具日期", "2026-11-20")
			test.Tap(f.form.Save)
			if got := f.field(t, "开具日期").Message(); got != want {
				t.Errorf("under 开具日期: %q, want %q", got, want)
			}
			if len(svc.letters) != 0 {
				t.Errorf("a letter dated before the member's last record was issued")
			}
		})
	}
}

// A 外出日期 earlier than the member's presence at this branch's meeting is
// asked about before saving, in the UI language; declined, nothing is
// saved (review s3-13 attack #6).
func TestLeftBeforePresenceIsAsked(t *testing.T) {
	for _, english := range []bool{false, true} {
		t.Run(map[bool]string{false: "zh", true: "en"}[english], func(t *testing.T) {
			want := "廖明于2026年11月28日出席了本支部的支部党员大会（第4次），晚于外出日期2026年6月1日：请核对外出日期。仍要保存吗？"
			if english {
				langtest.Use(t, "en")
				want = "廖明 was present at this branch's General meeting (no. 4) on 2026-11-28, after the date left (2026-06-01): please check the date left. Save anyway?"
			}
			svc := newFake()
			svc.present = map[int64][]model.Presence{1: {{Kind: model.ActivityKind("支部党员大会"), Seq: 4, Date: model.NewDate(2026, 11, 28)}}}
			s, h := newTestScreen(t, svc, fyne.NewSize(1366, 768))
			h.declines = true
			forms := capture(t)
			showMobileForm(s, model.MobileMember{})
			f := (*forms)[0]
			f.set(t, "党员姓名", "廖明（9938）")
			f.set(t, "外出日期", "2026-06-01")
			f.set(t, "外出流向", "深圳")
			test.Tap(f.form.Save)
			if len(h.asked) != 1 || !strings.HasSuffix(h.asked[0], "|"+want) {
				t.Errorf("asked %q, want %q", h.asked, want)
			}
			if len(svc.mobile) != 0 {
				t.Error("saved though the user said no")
			}
			// A stay that ended before the meeting is not asked about.
			h.asked = nil
			f.set(t, "返回日期", "2026-07-01")
			h.declines = false
			test.Tap(f.form.Save)
			if len(h.asked) != 0 || len(svc.mobile) != 1 {
				t.Errorf("a stay ended before the meeting: asked %q, saved %d", h.asked, len(svc.mobile))
			}
		})
	}
}

// In English the usual reasons for going away and ways of reporting are
// offered in English and kept in Chinese; a member from elsewhere who
// attended once "attended 1 time".
func TestMobileChoicesInEnglish(t *testing.T) {
	langtest.Use(t, "en")
	if got := strings.Join(wordChoices(model.MobileReasons), "|"); got != "Work|Business|Study|Moving with family|Other" {
		t.Errorf("reasons offered: %s", got)
	}
	if got := strings.Join(wordChoices(model.MobileReportWays), "|"); got != "In person|By phone|In writing|Online" {
		t.Errorf("ways offered: %s", got)
	}
	if chosenWord(model.MobileReasons, "Work") != "务工" || chosenWord(model.MobileReportWays, "By phone") != "电话" || chosenWord(model.MobileReasons, "探亲") != "探亲" {
		t.Errorf("picked words are not kept in Chinese")
	}
	d := model.NewDate(2026, 3, 1)
	if got := attendedText(d, 1); !strings.HasSuffix(got, "attended 1 time") {
		t.Errorf("once: %q", got)
	}
	if got := attendedText(d, 2); !strings.HasSuffix(got, "attended 2 times") {
		t.Errorf("twice: %q", got)
	}
}
