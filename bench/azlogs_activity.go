//go:build azlogs

package bench

import (
	"io"

	"github.com/azlogs/azlogs/activity"
)

// This file adds the azlogs decoder to Methods. It needs the activity
// package, so it builds only with the azlogs tag:
//
//	go run -tags azlogs ./cmd/azbench
//	go test -tags azlogs -bench .

func init() {
	Methods = append(Methods, Method{Name: "azlogs", Decode: decodeAzlogs},
		Method{Name: "azlogs in place", DecodeBytes: decodeAzlogsBytes})
}

// azlogsDecoder is reused across calls through Reset, as a program reading
// blob after blob would reuse it.
var azlogsDecoder = activity.NewDecoder(nil)

func decodeAzlogs(r io.Reader) (int, error) {
	azlogsDecoder.Reset(r)
	return countAzlogs(azlogsDecoder)
}

// decodeAzlogsBytes reads the stream held in b in place
// (activity.Decoder.ResetBytes).
func decodeAzlogsBytes(b []byte) (int, error) {
	azlogsDecoder.ResetBytes(b)
	return countAzlogs(azlogsDecoder)
}

func countAzlogs(dec *activity.Decoder) (int, error) {
	n := 0
	for dec.Next() {
		rec := dec.Record()
		Sink += len(rec.EventOperation())
		n++
	}
	return n, dec.Err()
}
