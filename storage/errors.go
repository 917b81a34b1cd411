package storage

import (
	"errors"
	"fmt"
	"strings"

	"branchledger/model"
	"branchledger/storage/reason"
)

// Errors the store returns, each wrapped with the file or record it concerns.
// The UI shows err.Error() as is, so every message starts with a sentence a
// branch secretary can act on; technical detail, if any, comes after it.
var (
	ErrLocked             = errors.New("数据文件正由另一个支部台账程序使用（一个窗口，或一条还在运行的命令），请关闭那个窗口或等命令结束后再试")
	ErrDamaged            = errors.New("数据文件已损坏，软件没有改动它。请用备份恢复，或把文件交给技术人员检查")
	ErrNotDatabase        = errors.New("不是支部台账的数据文件，软件没有改动它")
	ErrNewerSchema        = errors.New("数据文件由更新版本的支部台账创建，请升级软件后再打开，软件没有改动它")
	ErrNotFound           = errors.New("找不到该记录")
	ErrEmptyFile          = errors.New("数据文件是空的（0字节），可能是复制到U盘时没有完成，软件没有改动它。请重新复制或用备份恢复；要从头开始，请用“新建数据文件”")
	ErrExists             = errors.New("这个位置已经有文件，新建数据文件不会覆盖它，请换一个文件名")
	ErrReadOnly           = errors.New("数据文件是只读的（文件设为只读，或U盘有写保护），只能查看和导出，不能修改")
	ErrReadOnlyUpgrade    = errors.New("数据文件是只读的，而这个版本的支部台账要先升级它才能使用，软件没有改动它。请把它复制到可以写入的位置（例如“文档”文件夹）再打开")
	ErrReadOnlyJournal    = errors.New("数据文件上次没有正常关闭，需要先恢复，但它所在的位置是只读的，软件没有改动它。请把它和同一文件夹中同名的 -journal 文件一起复制到可以写入的位置再打开")
	ErrRollbackUnfinished = errors.New("数据文件的上一次写入没能完整撤销（U盘是否已拔出？）。请不要单独复制或移动这个文件：下次打开时软件会用它旁边的 -journal 文件把它恢复")
	ErrDuplicateIDNumber  = errors.New("公民身份号码已登记")
	// ErrConstraint: a well-formed file with records against its own
	// constraints (CHECK, NOT NULL, foreign keys), which this app never
	// writes: made or changed by something else.
	ErrConstraint = errors.New("数据文件中有违反其约束的记录，不是本软件写入的（可能被改动过）")
)

// DuplicateIDError says which member already has an ID number, so that the
// message names them and a form can offer to open their record. It matches
// ErrDuplicateIDNumber with errors.Is.
type DuplicateIDError struct {
	IDNumber string
	Existing model.Member // the member who holds the number
}

func (e *DuplicateIDError) Error() string {
	m := &e.Existing
	if m.OnRoster {
		return "公民身份号码已属于在册党员 " + m.Name
	}
	return fmt.Sprintf("公民身份号码已属于曾在册党员 %s（%s %s）", m.Name, m.LeftOn, m.LeftBy)
}

func (e *DuplicateIDError) Unwrap() error { return ErrDuplicateIDNumber }

// Field names the form field the message belongs next to.
func (e *DuplicateIDError) Field() model.Field { return model.FieldIDNumber }

// notFound is the error for a member id that is not in the file.
func notFound(memberID int64) error {
	return fmt.Errorf("%w：没有编号为 %d 的党员", ErrNotFound, memberID)
}

// userError is a message for the user that needs no sentinel of its own; kind,
// if set, is what it matches with errors.Is.
type userError struct {
	msg  string
	kind error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.kind }

// damaged is ErrDamaged for the file at path, as SQLite found it while
// reading it (err, kept for the log and errors.Is).
func damaged(path string, err error) error {
	return &reason.Error{Msg: fmt.Sprintf("%s：%s", ErrDamaged.Error(), path), Err: errors.Join(ErrDamaged, err)}
}

// damagedFindings is ErrDamaged for the file at path with what SQLite's
// check found, in Chinese: the first three kinds of damage (see
// reason.Integrity). SQLite's own lines are kept for the log.
// constraintFindings is ErrConstraint naming path, with found (sentences
// already, the first three said).
func constraintFindings(path string, found []string) error {
	shown := found
	if len(shown) > 3 {
		shown = append(shown[:3:3], fmt.Sprintf("等 %d 处", len(found)))
	}
	return fmt.Errorf("%w：%s（%s）", ErrConstraint, path, strings.Join(shown, "；"))
}

func damagedFindings(path string, found []string) error {
	lines := reason.Integrity(found)
	if len(lines) > 3 {
		lines = append(lines[:3], fmt.Sprintf("等 %d 处", len(lines)))
	}
	return &reason.Error{
		Msg: fmt.Sprintf("%s：%s（检查结果：%s）", ErrDamaged.Error(), path, strings.Join(lines, "；")),
		Err: errors.Join(ErrDamaged, errors.New(strings.Join(found, "; "))),
	}
}

// Another program (not a window of ours: a cloud sync client, a backup or an
// antivirus reading the file, or a copy of it under way) holds the data file
// open, so that Windows refuses it for writing (error 32 or 33): ErrInUse
// when it could be opened read-only, ErrInUseExclusive when not at all.
var (
	ErrInUse          = errors.New("数据文件正被另一个程序占用（例如网盘同步、备份或杀毒软件正在读取它），现在只能查看和导出，不能修改。请关闭那个程序或等它完成后，重新打开支部台账")
	ErrInUseExclusive = errors.New("数据文件正被另一个程序占用（例如网盘同步、备份或杀毒软件，或正在复制它），现在无法打开，软件没有改动它。请关闭那个程序或等它完成后再打开")
)
