package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	gojson "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
)

// Method is one way of decoding an activity-log stream.
type Method struct {
	// Name identifies the method in tables and benchmark names.
	Name string
	// Decode reads r to its end, decodes every record fully and returns
	// how many records it decoded.
	Decode func(r io.Reader) (records int, err error)
	// DecodeBytes, when set, is used instead of Decode: the method reads
	// the stream held in memory, without an io.Reader.
	DecodeBytes func(b []byte) (records int, err error)
}

// Run decodes the stream held in b with the method: through a
// bytes.Reader, or in place when the method reads memory.
func (m Method) Run(b []byte) (int, error) {
	if m.DecodeBytes != nil {
		return m.DecodeBytes(b)
	}
	return m.Decode(bytes.NewReader(b))
}

// Methods lists the methods compared. The first, encoding/json, is the
// baseline that ratios refer to. Building with the azlogs tag appends the
// azlogs decoder.
var Methods = []Method{
	{Name: "encoding/json", Decode: decodeStdlib},
	{Name: "json-iterator", Decode: decodeJSONIter},
	{Name: "goccy/go-json", Decode: decodeGoccy},
	{Name: "otelSplitTwice", Decode: otelSplitTwice},
}

// Sink collects a little of every decoded record so that no decoder's work
// can be optimized away. Its value means nothing.
var Sink int

func use(rec *Record) {
	Sink += len(rec.OperationName) + len(rec.Properties)
}

// decodeStdlib is what most Go programs do: a json.Decoder over the stream,
// one fresh Record per line.
func decodeStdlib(r io.Reader) (int, error) {
	dec := json.NewDecoder(r)
	n := 0
	for {
		var rec Record
		if err := dec.Decode(&rec); err != nil {
			if errors.Is(err, io.EOF) {
				return n, nil
			}
			return n, err
		}
		use(&rec)
		n++
	}
}

// decodeJSONIter is the same loop with json-iterator's fastest settings.
func decodeJSONIter(r io.Reader) (int, error) {
	dec := jsoniter.ConfigFastest.NewDecoder(r)
	n := 0
	for dec.More() {
		var rec Record
		if err := dec.Decode(&rec); err != nil {
			return n, err
		}
		use(&rec)
		n++
	}
	return n, nil
}

// decodeGoccy is the same loop with goccy/go-json.
func decodeGoccy(r io.Reader) (int, error) {
	dec := gojson.NewDecoder(r)
	n := 0
	for {
		var rec Record
		if err := dec.Decode(&rec); err != nil {
			if errors.Is(err, io.EOF) {
				return n, nil
			}
			return n, err
		}
		use(&rec)
		n++
	}
}
