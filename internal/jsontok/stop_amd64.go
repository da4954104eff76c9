//go:build !purego

package jsontok

// haveStopSSE2 says that stopIndexSSE2 is there for stopIndex to use.
const haveStopSSE2 = true

// stopIndexSSE2 returns the index of the first '"', '\\' or control byte
// in b, or len(b); len(b) must be at least 16. It is assembly, with SSE2,
// which every amd64 processor has.
//
//go:noescape
func stopIndexSSE2(b []byte) int
