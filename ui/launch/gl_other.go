//go:build !windows

package launch

import "errors"

// probeGL is not needed outside Windows: there a window that cannot be made
// is caught when it is shown (Guard.Show).
func probeGL() (glInfo, error) { return glInfo{}, errNoProbe }

func useSoftwareGL(string) error { return errors.New("兼容模式只在 Windows 上提供") }
