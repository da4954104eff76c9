package reliability

import (
	"bytes"
	"sync"
	"testing"
)

// TestConcurrentDecoders runs many decoders at once over the same samples
// (run it with -race): each gives what one decoder alone gives.
func TestConcurrentDecoders(t *testing.T) {
	for _, f := range families {
		t.Run(f.name, func(t *testing.T) {
			files := sampleFiles(t, f)
			want := map[string]result{}
			for name, data := range files {
				want[name] = decodeWith(f, bytes.NewReader(data))
			}
			var wg sync.WaitGroup
			errs := make(chan string, 64)
			for g := 0; g < 16; g++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; i < 5; i++ {
						for name, data := range files {
							got := decodeWith(f, bytes.NewReader(data))
							if len(got.records) != len(want[name].records) {
								errs <- name + ": record count differs"
								return
							}
							for j := range got.records {
								if got.records[j] != want[name].records[j] {
									errs <- name + ": record differs"
									return
								}
							}
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for e := range errs {
				t.Error(e)
			}
		})
	}
}

// TestClonesOutliveReset keeps clones of every record, then reuses the
// decoder on other input: the clones do not change.
func TestClonesOutliveReset(t *testing.T) {
	for _, f := range families {
		t.Run(f.name, func(t *testing.T) {
			var all []byte
			for _, data := range sampleFiles(t, f) {
				all = append(all, data...)
				all = append(all, '\n')
			}
			for _, rec := range cleanRecords(t, f) {
				all = append(append(all, rec...), '\n')
			}
			dec, cur := f.open(bytes.NewReader(all))
			var clones []record
			var want []string
			for dec.Next() {
				clones = append(clones, f.clone(cur()))
				want = append(want, string(cur().AppendJSON(nil)))
			}
			// Reuse every buffer the decoder has on a reversed stream.
			rev := bytes.Clone(all)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			dec.Reset(bytes.NewReader(append(rev, all...)))
			for dec.Next() {
			}
			for i, c := range clones {
				if got := string(c.AppendJSON(nil)); got != want[i] {
					t.Fatalf("clone %d changed after Reset:\n got %s\nwant %s", i, got, want[i])
				}
			}
		})
	}
}
