//go:build !amd64 || purego

package jsontok

// haveStopSSE2 says that stopIndexSSE2 is there for stopIndex to use: not
// on this platform, or under -tags purego.
const haveStopSSE2 = false

func stopIndexSSE2(b []byte) int { panic("jsontok: stopIndexSSE2 without assembly") }
