//go:build !purego

package nsgflow

// quoteMasks sets dst[i] to the quote mask of src[64*i : 64*i+64], bit k
// set where byte k of the block is '"', and returns the offset in src of
// the blocks' first backslash, or -1 if they have none. len(src) must be
// at least 64*len(dst).
func quoteMasks(dst []uint64, src []byte) (backslash int) {
	if len(src) < 64*len(dst) {
		panic("nsgflow: quoteMasks: source shorter than its blocks")
	}
	return quoteMasksSSE2(dst, src)
}

// quoteMasksSSE2 is quoteMasks in assembly, with SSE2, which every amd64
// processor has.
//
//go:noescape
func quoteMasksSSE2(dst []uint64, src []byte) (backslash int)
