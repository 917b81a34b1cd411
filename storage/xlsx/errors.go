package xlsx

import (
	"errors"
	"strings"
)

// Errors for files that cannot be read as a roster. Each message is one
// sentence a branch secretary can act on; the UI may show err.Error() as is,
// since wrapping adds only the file name after it.
var (
	ErrEmptyFile   = errors.New("文件是空的（0 字节），可能没有拷贝完整，请重新拷贝")
	ErrNotXLSX     = errors.New("这不是 Excel 工作簿（.xlsx）文件，可能是改了扩展名的文本、网页或 CSV 文件，请在 Excel/WPS 中打开并另存为 .xlsx 后再导入")
	ErrODS         = errors.New("这是 OpenDocument 表格（.ods，LibreOffice 或 WPS 保存的格式），请在 LibreOffice、WPS 或 Excel 中打开并另存为 .xlsx 后再导入")
	ErrOldXLS      = errors.New("这是旧版 Excel 97-2003（.xls）文件，请在 Excel/WPS 中另存为 .xlsx 后再导入")
	ErrEncrypted   = errors.New("文件设有密码，请在 Excel/WPS 中打开并取消密码（文件→信息→保护工作簿），另存后再导入")
	ErrDamaged     = errors.New("文件已损坏或不完整（可能没有拷贝完整），请重新拷贝，或在 Excel/WPS 中打开后另存再导入")
	ErrIrregular   = errors.New("文件的表格结构不规范（可能由其他程序生成），无法确认每个单元格都能正确读出，请在 Excel/WPS 中打开后另存再导入")
	ErrTooLarge    = errors.New("文件太大，不像是党员花名册，请确认选对了文件")
	ErrNoHeader    = errors.New("前 40 行中没有找到表头：需要至少包含“姓名”和“身份证号码”两列；表头在更下面时，请删去上方的说明行后再导入")
	ErrTooManyRows = errors.New("数据行太多，不像是一个支部的党员花名册，请确认选对了文件或分成几个文件导入")
	ErrNoSheet     = errors.New("工作簿里没有这个工作表")
	ErrFileInUse   = errors.New("无法保存：目标文件可能正被 Excel 或 WPS 打开，请关闭后重试")
)

// otherFileError is one of this package's errors for a file that cannot be
// read as a roster, said of the kind of file being read instead (an
// organisation list, the pipeline's workbook): errors.Is still knows it.
type otherFileError struct {
	msg  string
	kind error
}

func (e *otherFileError) Error() string { return e.msg }
func (e *otherFileError) Unwrap() error { return e.kind }

// sayOfFile says err, which the shared workbook reader says of a roster,
// of another kind of file: one names a single such file ("一份单位名录"),
// kind the kind ("单位名录"). An error that names no roster is kept.
func sayOfFile(err error, one, kind string) error {
	msg := strings.NewReplacer("一个支部的党员花名册", one, "党员花名册", kind, "花名册", kind).Replace(err.Error())
	if msg == err.Error() {
		return err
	}
	return &otherFileError{msg: msg, kind: err}
}
