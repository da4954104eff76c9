package jsontok

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

func TestLastNewline(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 40; n++ {
		for trial := 0; trial < 200; trial++ {
			b := make([]byte, n)
			for i := range b {
				switch r.IntN(8) {
				case 0:
					b[i] = '\n'
				case 1:
					b[i] = byte(r.IntN(256))
				default:
					b[i] = 'a'
				}
			}
			if got, want := lastNewline(b), bytes.LastIndexByte(b, '\n'); got != want {
				t.Fatalf("%q: got %d, want %d", b, got, want)
			}
		}
	}
}
