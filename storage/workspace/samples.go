package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"branchledger/model"
	"branchledger/storage"
	"branchledger/storage/datapkg"
	"branchledger/storage/demo"
)

// orgNames are the units sample branches are named after, combined with a
// district for variety.
var orgNames = []string{"恒信商贸", "陇原机械", "金城物流", "新区智能科技", "华夏建筑", "亚泰餐饮", "宏达汽车修理", "西部数码", "黄河印务", "丝路文旅"}
var districts = []string{"兰州", "安宁", "七里河", "城关", "西固", "红古", "榆中", "皋兰", "永登", "新区"}

// SampleBranches makes n sample branches' data files under dir, one folder each
// (dir/001/branchledger.db …), each with members members and three years of
// records as demo.Fill makes them, a different seed and organisation name, and
// the store's clock at clock: an instructor's drive of data files for tests
// and benchmarks. Files already there are kept, so a benchmark makes them
// once.
func SampleBranches(dir string, n, members int, today model.Date, clock func() time.Time) ([]string, error) {
	var out []string
	for i := range n {
		path := filepath.Join(dir, fmt.Sprintf("%03d", i+1), storage.FileName)
		out = append(out, path)
		if _, err := os.Stat(path); err == nil {
			continue
		}
		tmp := path + ".making"
		os.RemoveAll(filepath.Dir(tmp))
		if err := makeBranch(tmp, i, members, today, clock); err != nil {
			return nil, err
		}
		if err := os.Rename(tmp, path); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func makeBranch(path string, i, members int, today model.Date, clock func() time.Time) error {
	s, err := storage.Open(path, storage.WithClock(clock))
	if err != nil {
		return err
	}
	defer s.Close()
	if err := demo.Fill(s, members, int64(i+1), today); err != nil {
		return fmt.Errorf("示例支部 %d：%w", i+1, err)
	}
	p, err := s.Profile()
	if err != nil {
		return err
	}
	org := districts[i%len(districts)] + orgNames[(i/len(districts))%len(orgNames)] + "有限公司"
	if i >= len(districts)*len(orgNames) {
		org = fmt.Sprintf("%s第%d分公司", org, i/(len(districts)*len(orgNames))+1)
	}
	p.OrgName, p.BranchName = org, "中共"+org+"支部委员会"
	_, err = s.SaveProfileAligning(p)
	return err
}

// SamplePassphrase opens the key of SampleWorkspace's workspaces.
const SamplePassphrase = "示例指导员密码2026"

// SampleWorkspace makes, under dir, n sample branches (SampleBranches), a
// workspace with a key pair (passphrase SamplePassphrase) and their
// packages encrypted to it, and returns the workspace's path and the
// packages'. Nothing is imported. Made once: what is there is reused.
func SampleWorkspace(dir string, n, members int, today model.Date, clock func() time.Time) (string, []string, error) {
	v := storage.SchemaVersion()
	path := filepath.Join(dir, fmt.Sprintf("workspace-%dx%d-v%d.blws", n, members, v))
	pkgDir := filepath.Join(dir, fmt.Sprintf("packages-%dx%d-v%d", n, members, v))
	if _, err := os.Stat(path); err == nil {
		pkgs, err := filepath.Glob(filepath.Join(pkgDir, "*"+datapkg.Ext))
		if err == nil && len(pkgs) == n {
			return path, pkgs, nil
		}
	}
	os.Remove(path)
	os.RemoveAll(pkgDir)
	dbs, err := SampleBranches(filepath.Join(dir, fmt.Sprintf("branches-%dx%d", n, members)), n, members, today, clock)
	if err != nil {
		return "", nil, err
	}
	w, err := Open(path, WithClock(clock))
	if err != nil {
		return "", nil, err
	}
	defer w.Close()
	k, err := w.CreateKey(SamplePassphrase)
	if err != nil {
		return "", nil, err
	}
	if err := os.MkdirAll(pkgDir, 0o755); err != nil {
		return "", nil, err
	}
	var pkgs []string
	for i, db := range dbs {
		s, err := storage.Open(db, storage.WithClock(clock))
		if err != nil {
			return "", nil, err
		}
		out := filepath.Join(pkgDir, fmt.Sprintf("%03d%s", i+1, datapkg.Ext))
		_, _, err = datapkg.Export(s, out, datapkg.ExportOptions{Key: &k}, "0.1.0")
		s.Close()
		if err != nil {
			return "", nil, err
		}
		pkgs = append(pkgs, out)
	}
	return path, pkgs, nil
}
