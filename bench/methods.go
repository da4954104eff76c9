package bench

import (
	"encoding/json"
	"errors"
	"io"

	gojson "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
)

// Method is one way of decoding an activity-log stream: its result is the
// number of records it decoded.
type Method = Runner[int]

// Methods lists the methods compared. The first, encoding/json, is the
// baseline that ratios refer to. Building with the azlogs tag appends the
// azlogs decoder.
var Methods = []Method{
	{Name: "encoding/json", Decode: decodeStdlib},
	{Name: "json-iterator", Decode: decodeJSONIter},
	{Name: "goccy/go-json", Decode: decodeGoccy},
	{Name: "bytedance/sonic", Decode: decodeSonic},
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
func decodeStdlib(r io.Reader) (int, error) { return decodeEach(json.NewDecoder(r)) }

// streamDecoder is the Decode method that encoding/json's, goccy/go-json's
// and sonic's stream decoders share.
type streamDecoder interface{ Decode(v any) error }

// decodeEach decodes one fresh Record after another until the end of the
// stream.
func decodeEach(dec streamDecoder) (int, error) {
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
func decodeGoccy(r io.Reader) (int, error) { return decodeEach(gojson.NewDecoder(r)) }

// decodeSonic is the same loop with bytedance/sonic's stream decoder, in
// the configuration the resource-log comparison uses (sonicAPI).
func decodeSonic(r io.Reader) (int, error) { return decodeEach(sonicAPI.NewDecoder(r)) }
