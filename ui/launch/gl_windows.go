package launch

/*
#cgo LDFLAGS: -lgdi32 -luser32
#define WIN32_LEAN_AND_MEAN 1
#define UNICODE 1
#include <windows.h>
#include <string.h>

typedef HGLRC (WINAPI *createContextFn)(HDC);
typedef BOOL (WINAPI *makeCurrentFn)(HDC, HGLRC);
typedef BOOL (WINAPI *deleteContextFn)(HGLRC);
typedef const unsigned char *(WINAPI *getStringFn)(unsigned int);

#define GL_VENDOR   0x1F00
#define GL_RENDERER 0x1F01
#define GL_VERSION  0x1F02

static void copyString(char *dst, int n, const unsigned char *src) {
	dst[0] = 0;
	if (src) {
		strncpy(dst, (const char *)src, n - 1);
		dst[n - 1] = 0;
	}
}

// probeGL makes a hidden window with a legacy OpenGL context, as any
// program's first step into OpenGL, and reads what the driver says it is.
// It returns 0 and fills version, renderer and vendor, or the number of the
// step that failed (and GetLastError's code in *code).
static int probeGL(char *version, char *renderer, char *vendor, int n, DWORD *code) {
	int step = 0;
	HMODULE gl = NULL;
	HWND win = NULL;
	HDC dc = NULL;
	HGLRC rc = NULL;
	*code = 0;
	version[0] = renderer[0] = vendor[0] = 0;

	// By name: the module already loaded (Mesa's in compatibility mode) or
	// the system's, as GLFW will load it.
	gl = LoadLibraryW(L"opengl32.dll");
	if (!gl) { step = 1; goto fail; }
	createContextFn createContext = (createContextFn)(void *)GetProcAddress(gl, "wglCreateContext");
	makeCurrentFn makeCurrent = (makeCurrentFn)(void *)GetProcAddress(gl, "wglMakeCurrent");
	deleteContextFn deleteContext = (deleteContextFn)(void *)GetProcAddress(gl, "wglDeleteContext");
	getStringFn getString = (getStringFn)(void *)GetProcAddress(gl, "glGetString");
	if (!createContext || !makeCurrent || !deleteContext || !getString) { step = 2; goto fail; }

	WNDCLASSW wc;
	memset(&wc, 0, sizeof wc);
	wc.style = CS_OWNDC;
	wc.lpfnWndProc = DefWindowProcW;
	wc.hInstance = GetModuleHandleW(NULL);
	wc.lpszClassName = L"BranchLedgerGLProbe";
	RegisterClassW(&wc); // fails harmlessly when a second probe registers it again
	win = CreateWindowExW(0, wc.lpszClassName, L"", WS_OVERLAPPEDWINDOW | WS_CLIPSIBLINGS | WS_CLIPCHILDREN,
		0, 0, 32, 32, NULL, NULL, wc.hInstance, NULL);
	if (!win) { step = 3; goto fail; }
	dc = GetDC(win);
	if (!dc) { step = 4; goto fail; }

	// What GLFW asks for by default: 32-bit colour, 24-bit depth, 8-bit stencil, double-buffered.
	PIXELFORMATDESCRIPTOR pfd;
	memset(&pfd, 0, sizeof pfd);
	pfd.nSize = sizeof pfd;
	pfd.nVersion = 1;
	pfd.dwFlags = PFD_DRAW_TO_WINDOW | PFD_SUPPORT_OPENGL | PFD_DOUBLEBUFFER;
	pfd.iPixelType = PFD_TYPE_RGBA;
	pfd.cColorBits = 32;
	pfd.cAlphaBits = 8;
	pfd.cDepthBits = 24;
	pfd.cStencilBits = 8;
	pfd.iLayerType = PFD_MAIN_PLANE;
	int format = ChoosePixelFormat(dc, &pfd);
	if (!format) { step = 5; goto fail; }
	if (!SetPixelFormat(dc, format, &pfd)) { step = 6; goto fail; }
	rc = createContext(dc);
	if (!rc) { step = 7; goto fail; }
	if (!makeCurrent(dc, rc)) { step = 8; goto fail; }
	copyString(version, n, getString(GL_VERSION));
	copyString(renderer, n, getString(GL_RENDERER));
	copyString(vendor, n, getString(GL_VENDOR));
	makeCurrent(NULL, NULL);
	goto done;

fail:
	*code = GetLastError();
done:
	if (rc) deleteContext(rc);
	if (dc) ReleaseDC(win, dc);
	if (win) DestroyWindow(win);
	// gl stays loaded: GLFW loads it next, and unloading a driver is slow.
	return step;
}
*/
import "C"

import (
	"fmt"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// probeSteps name probeGL's steps for the log.
var probeSteps = map[C.int]string{
	1: "LoadLibrary(opengl32.dll)",
	2: "GetProcAddress(wgl*)",
	3: "CreateWindowEx",
	4: "GetDC",
	5: "ChoosePixelFormat",
	6: "SetPixelFormat",
	7: "wglCreateContext",
	8: "wglMakeCurrent",
}

// probeGL asks the OpenGL driver for a context and says what it offers.
func probeGL() (glInfo, error) {
	const n = 256
	var version, renderer, vendor [n]C.char
	var code C.DWORD
	if step := C.probeGL(&version[0], &renderer[0], &vendor[0], n, &code); step != 0 {
		return glInfo{}, fmt.Errorf("%s 失败（Windows 错误 %d）", probeSteps[step], uint32(code))
	}
	return glInfo{
		Version:  C.GoString(&version[0]),
		Renderer: C.GoString(&renderer[0]),
		Vendor:   C.GoString(&vendor[0]),
		Module:   moduleFile("opengl32.dll"),
	}, nil
}

// moduleFile is the path of the DLL name loaded in this process, for the
// log ("" when unknown).
func moduleFile(name string) string {
	h, err := windows.LoadLibrary(name) // loaded already: its handle
	if err != nil {
		return ""
	}
	buf := make([]uint16, 1024)
	n, err := windows.GetModuleFileName(h, &buf[0], uint32(len(buf)))
	if err != nil {
		return ""
	}
	return windows.UTF16ToString(buf[:n])
}

// useSoftwareGL makes Mesa's opengl32.dll in dir the process's OpenGL before
// anything loads the system's: loaded first by its full path, it is the
// module every later LoadLibrary("opengl32.dll") gets, and its own
// libgallium_wgl.dll comes from dir too. The program links opengl32.dll for
// delayed loading (see windows/README.md), or Windows would have loaded the
// system's at start.
func useSoftwareGL(dir string) error {
	if err := windows.SetDllDirectory(dir); err != nil {
		return fmt.Errorf("SetDllDirectory(%s): %w", dir, err)
	}
	path := filepath.Join(dir, "opengl32.dll")
	if _, err := windows.LoadLibraryEx(path, 0, windows.LOAD_WITH_ALTERED_SEARCH_PATH); err != nil {
		// Windows names the DLL it was asked for even when the one
		// that DLL needs is what failed: try that one alone for the log.
		gallium := filepath.Join(dir, "libgallium_wgl.dll")
		if _, gerr := windows.LoadLibraryEx(gallium, 0, windows.LOAD_WITH_ALTERED_SEARCH_PATH); gerr != nil {
			return fmt.Errorf("加载 %s：%w（单独加载 %s：%v）", path, err, gallium, gerr)
		}
		return fmt.Errorf("加载 %s：%w", path, err)
	}
	return nil
}
