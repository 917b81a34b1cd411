package portable

import (
	"encoding/json"
	"log"
	"math"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
)

// Preferences are fyne.Preferences kept in one JSON file, written whole
// (to a temporary file, then renamed over the old one) after every change,
// so that a drive pulled out leaves the old settings or the new, never half.
// A missing or unreadable file is an empty set of preferences.
type Preferences struct {
	path string

	mu        sync.Mutex
	values    map[string]any
	listeners []func()
}

var _ fyne.Preferences = (*Preferences)(nil)

// ProgramDir is the folder holding the data folder these preferences are
// kept in: the program's folder on the drive.
func (p *Preferences) ProgramDir() string { return filepath.Dir(filepath.Dir(p.path)) }

// Open reads the preferences kept at path.
func Open(path string) *Preferences {
	p := &Preferences{path: path, values: map[string]any{}}
	data, err := os.ReadFile(path)
	if err == nil {
		if err := json.Unmarshal(data, &p.values); err != nil {
			log.Printf("preferences %s: %v; starting afresh", path, err)
			p.values = map[string]any{}
		}
	}
	return p
}

func (p *Preferences) get(key string) (any, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.values[key]
	return v, ok
}

func (p *Preferences) set(key string, value any) {
	p.mu.Lock()
	if value == nil {
		delete(p.values, key)
	} else {
		p.values[key] = value
	}
	data, err := json.MarshalIndent(p.values, "", "  ")
	listeners := append([]func(){}, p.listeners...)
	p.mu.Unlock()
	if err == nil {
		err = writeAtomically(p.path, data)
	}
	if err != nil {
		log.Printf("saving preferences to %s: %v", p.path, err)
	}
	for _, l := range listeners {
		l()
	}
}

func writeAtomically(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}

// JSON gives numbers back as float64 and lists as []any: convert on read.

func (p *Preferences) Bool(key string) bool { return p.BoolWithFallback(key, false) }
func (p *Preferences) BoolWithFallback(key string, fallback bool) bool {
	if v, ok := p.get(key); ok {
		if b, ok := v.(bool); ok {
			return b
		}
	}
	return fallback
}
func (p *Preferences) SetBool(key string, value bool) { p.set(key, value) }

func (p *Preferences) BoolList(key string) []bool { return p.BoolListWithFallback(key, nil) }
func (p *Preferences) BoolListWithFallback(key string, fallback []bool) []bool {
	return list(p, key, fallback, func(v any) (bool, bool) { b, ok := v.(bool); return b, ok })
}
func (p *Preferences) SetBoolList(key string, value []bool) { p.set(key, value) }

func (p *Preferences) Float(key string) float64 { return p.FloatWithFallback(key, 0) }
func (p *Preferences) FloatWithFallback(key string, fallback float64) float64 {
	if v, ok := p.get(key); ok {
		if f, ok := v.(float64); ok {
			return f
		}
	}
	return fallback
}
func (p *Preferences) SetFloat(key string, value float64) { p.set(key, value) }

func (p *Preferences) FloatList(key string) []float64 { return p.FloatListWithFallback(key, nil) }
func (p *Preferences) FloatListWithFallback(key string, fallback []float64) []float64 {
	return list(p, key, fallback, func(v any) (float64, bool) { f, ok := v.(float64); return f, ok })
}
func (p *Preferences) SetFloatList(key string, value []float64) { p.set(key, value) }

func (p *Preferences) Int(key string) int { return p.IntWithFallback(key, 0) }
func (p *Preferences) IntWithFallback(key string, fallback int) int {
	if v, ok := p.get(key); ok {
		if i, ok := toInt(v); ok {
			return i
		}
	}
	return fallback
}
func (p *Preferences) SetInt(key string, value int) { p.set(key, value) }

func (p *Preferences) IntList(key string) []int { return p.IntListWithFallback(key, nil) }
func (p *Preferences) IntListWithFallback(key string, fallback []int) []int {
	return list(p, key, fallback, toInt)
}
func (p *Preferences) SetIntList(key string, value []int) { p.set(key, value) }

func (p *Preferences) String(key string) string { return p.StringWithFallback(key, "") }
func (p *Preferences) StringWithFallback(key, fallback string) string {
	if v, ok := p.get(key); ok {
		if s, ok := v.(string); ok {
			return s
		}
	}
	return fallback
}
func (p *Preferences) SetString(key string, value string) { p.set(key, value) }

func (p *Preferences) StringList(key string) []string { return p.StringListWithFallback(key, nil) }
func (p *Preferences) StringListWithFallback(key string, fallback []string) []string {
	return list(p, key, fallback, func(v any) (string, bool) { s, ok := v.(string); return s, ok })
}
func (p *Preferences) SetStringList(key string, value []string) { p.set(key, value) }

// RemoveValue forgets key.
func (p *Preferences) RemoveValue(key string) { p.set(key, nil) }

// AddChangeListener runs f after every change.
func (p *Preferences) AddChangeListener(f func()) {
	p.mu.Lock()
	p.listeners = append(p.listeners, f)
	p.mu.Unlock()
}

// ChangeListeners are the functions AddChangeListener registered.
func (p *Preferences) ChangeListeners() []func() {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]func(){}, p.listeners...)
}

func toInt(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case float64:
		if v == math.Trunc(v) {
			return int(v), true
		}
	}
	return 0, false
}

// list reads a list value, as stored in this process ([]T) or read back
// from the file ([]any).
func list[T any](p *Preferences, key string, fallback []T, conv func(any) (T, bool)) []T {
	v, ok := p.get(key)
	if !ok {
		return fallback
	}
	if l, ok := v.([]T); ok {
		return append([]T(nil), l...)
	}
	items, ok := v.([]any)
	if !ok {
		return fallback
	}
	out := make([]T, 0, len(items))
	for _, it := range items {
		x, ok := conv(it)
		if !ok {
			return fallback
		}
		out = append(out, x)
	}
	return out
}
