/* A stand-in for Windows' bcryptprimitives.dll, for Wine 8 only: Go 1.24 and
 * later get random bytes from ProcessPrng, which Wine 8 does not export.
 * windows/check.sh puts it into the Wine prefix's system32; it is never
 * shipped. ProcessPrng is RtlGenRandom (SystemFunction036), in chunks of
 * what that takes. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
