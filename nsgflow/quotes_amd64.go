//go:build !purego

package nsgflow

// quoteMasks sets quotes[i] and commas[i] to the masks of '"' and ','
// in the block src[64*i : 64*i+64] (bit k set where byte k of the block
// is one), and returns the offset in src of the blocks' first backslash,
// or -1 if they have none. len(commas) must be at least len(quotes), and
// len(src) at least 64*len(quotes).
func quoteMasks(quotes, commas []uint64, src []byte) (backslash int) {
	if len(commas) < len(quotes) || len(src) < 64*len(quotes) {
		panic("nsgflow: quoteMasks: commas or source shorter than the blocks")
	}
	return quoteMasksSSE2(quotes, commas, src)
}

// quoteMasksSSE2 is quoteMasks in assembly, with SSE2, which every amd64
// processor has.
//
//go:noescape
func quoteMasksSSE2(quotes, commas []uint64, src []byte) (backslash int)
