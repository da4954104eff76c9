package bench

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Runner is one way of decoding a stream held in memory, returning an R
// that sums up what it decoded: a record count for the activity methods
// ([Method]), a [FlowResult] for the flow-log ones ([FlowMethod]) and a
// [DiagResult] for the resource-log ones ([DiagMethod]). The methods
// compared in one table must agree on it, which shows that they did the
// same work.
type Runner[R any] struct {
	// Name identifies the method in tables, in benchmark names and in the
	// commands' -methods flag.
	Name string
	// Decode reads r to its end, decodes every record fully and returns
	// what it found.
	Decode func(r io.Reader) (R, error)
	// DecodeBytes, when set, is used instead of Decode: the method reads
	// the stream held in memory (as an Event Hubs message body or a blob
	// read whole is), without an io.Reader.
	DecodeBytes func(b []byte) (R, error)
}

// Run decodes the stream held in b with the method: in place when the
// method reads memory (DecodeBytes), else through a bytes.Reader.
func (m Runner[R]) Run(b []byte) (R, error) {
	if m.DecodeBytes != nil {
		return m.DecodeBytes(b)
	}
	return m.Decode(bytes.NewReader(b))
}

// Index returns the index of the method called name in methods, or -1.
func Index[R any](methods []Runner[R], name string) int {
	return slices.IndexFunc(methods, func(m Runner[R]) bool { return m.Name == name })
}

// Select returns the methods that list names, for a -methods flag: list
// is a comma-separated list of names as printed (spaces around a name are
// ignored), and the result keeps its order. An empty list selects all of
// methods; a name that no method has is an error.
func Select[R any](methods []Runner[R], list string) ([]Runner[R], error) {
	if list == "" {
		return methods, nil
	}
	var out []Runner[R]
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		i := Index(methods, name)
		if i < 0 {
			return nil, fmt.Errorf("no method %q", name)
		}
		out = append(out, methods[i])
	}
	return out, nil
}
