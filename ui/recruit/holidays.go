package recruit

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"branchledger/model"
	"branchledger/ui/kit"
)

// Holidays is the 设置 card of the holiday calendar the working days of a
// notice are counted by: the years the app ships with and their source, the
// user's own days (a new year's 放假 and 调休, or a correction), and a form
// to add one.
type Holidays struct {
	host    kit.Host
	svc     Service
	content fyne.CanvasObject
	known   *kit.WrapLabel
	days    []model.HolidayDay
	list    *widget.List
	listBox *fyne.Container // the list's fixed-size frame, hidden while empty
	none    *widget.Label
	date    *kit.DateEntry
	form    *kit.Form
	clear   func()
}

// holidayPlaceholder is the 日期 hint here: a holiday is always one day, so
// the shorter day-only examples fit the narrow third of the card.
const holidayPlaceholder = "如 2027-02-10 或 2027.2.10"

// NewHolidays builds the card's content.
func NewHolidays(host kit.Host, svc Service) *Holidays {
	h := &Holidays{host: host, svc: svc}
	h.known = kit.NewWrapLabel("")
	h.list = widget.NewList(func() int { return len(h.days) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon("", theme.DeleteIcon(), nil), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := h.days[i]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(d.Date.String() + "　" + kit.L(string(d.Kind)) + "　" + d.Name)
			row.Objects[1].(*widget.Button).OnTapped = func() { h.remove(d) }
		})
	form := kit.NewForm("添加")
	date := kit.NewDateEntry()
	date.SetPlaceHolder(kit.L(holidayPlaceholder))
	h.date = date
	// 放假 and 上班 shown in the UI language, stored as they are (review
	// s6-8 newuser #5: English showed them in Chinese).
	kind := kit.NewChoice([]string{string(model.DayOff), string(model.DayWork)}, nil)
	name := kit.NewEntry()
	name.SetPlaceHolder(kit.L("如：春节"))
	fDate := form.Add("日期", date)
	fKind := form.Add("安排", kind)
	fName := form.Add("节日", name)
	read := func() (model.HolidayDay, error) {
		d, err := date.Date()
		return model.HolidayDay{Date: d, Kind: model.DayKind(kind.Value()), Name: strings.TrimSpace(name.Text)}, err
	}
	form.Check = func(report func(f *kit.Field, message string)) {
		// The date and the arrangement each on its own, so that the line
		// beside 保存 names both when both are missing (review s6-8
		// newuser #6: one at a time).
		hd, err := read()
		if err == nil {
			err = model.ValidateHolidayDate(hd.Date)
		}
		if err != nil {
			report(fDate, kit.SayErr(err))
		}
		if hd.Kind == "" {
			report(fKind, kit.L("请选择放假或上班"))
		}
	}
	h.form = form
	h.clear = func() { form.Load(func() { date.SetText(""); kind.ClearSelected(); name.SetText("") }) }
	form.OnSubmit = func() {
		hd, _ := read()
		var err error
		host.Background(func() { err = svc.SaveHoliday(hd) }, func() {
			if err != nil {
				form.SetError(kit.SayErr(err))
				return
			}
			form.Load(func() { date.SetText(""); name.SetText("") })
			h.reload()
			host.DataChanged()
		})
	}
	intro := kit.NewWrapLabel(kit.L("公示的工作日按国务院办公厅每年发布的放假和调休安排计算。新的一年的安排发布后（一般在上一年11月），请在这里逐日添加放假日和调休上班日；也可更正已有的日期。"))
	h.none = widget.NewLabel(kit.L("尚未添加自己的放假安排；已有年份按官方安排计算。"))
	h.listBox = container.NewGridWrap(fyne.NewSize(520, 160), h.list)
	// Two columns (日期 and 安排, then 节日): in three the date's hint was
	// cut at 1024 px, with the entry's scroll bar under it (review s6-8
	// newuser #6).
	h.content = container.NewVBox(intro, h.known, h.none, h.listBox,
		form.Grid(2, fDate, fKind, fName), form.Buttons())
	form.Refresh()
	// The first read is in line (a small table): 设置 shows the card filled
	// in its first frame, not in a second one; in 兼容模式 a frame of 设置
	// is a third of a second of CPU.
	h.show(h.read())
	return h
}

// Dirty reports a day typed into the form and not added yet.
func (h *Holidays) Dirty() bool { return h.form.Dirty() }

// Discard empties the form.
func (h *Holidays) Discard() { h.clear() }

// Content is the card's content.
func (h *Holidays) Content() fyne.CanvasObject { return h.content }

// holidayRead is what the card shows, as read from the service.
type holidayRead struct {
	days []model.HolidayDay
	cal  model.HolidayCalendar
	err  error
}

func (h *Holidays) read() (r holidayRead) {
	if r.days, r.err = h.svc.Holidays(); r.err == nil {
		r.cal, r.err = h.svc.Calendar()
	}
	return r
}

func (h *Holidays) reload() {
	var r holidayRead
	h.host.Background(func() { r = h.read() }, func() { h.show(r) })
}

func (h *Holidays) show(r holidayRead) {
	if r.err != nil {
		h.host.ShowError("读取放假安排", r.err)
		return
	}
	h.days = r.days
	h.none.Hidden = len(r.days) > 0
	h.listBox.Hidden = len(r.days) == 0
	var years []string
	for _, y := range r.cal.Years() {
		years = append(years, fmt.Sprintf("%d（%s）", y, r.cal.Source(y)))
	}
	h.known.SetText(kit.L("已有放假安排的年份：") + strings.Join(years, "；"))
	h.list.Refresh()
}

func (h *Holidays) remove(d model.HolidayDay) {
	h.host.Confirm("删除放假安排", kit.L("删除 {{.Date}} 的安排后，该日按官方安排或平常的周一至周五计算。", map[string]any{"Date": d.Date.String()}), func() {
		var err error
		h.host.Background(func() { err = h.svc.DeleteHoliday(d.Date) }, func() {
			if err != nil {
				h.host.ShowError("删除放假安排", err)
				return
			}
			h.reload()
			h.host.DataChanged()
		})
	})
}
