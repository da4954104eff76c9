package reliability

import (
	"io"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/activity"
	"github.com/azlogs/azlogs/diagnostics"
	"github.com/azlogs/azlogs/nsgflow"
)

// decoder is what the tests need of a family's decoder.
type decoder interface {
	Next() bool
	Err() error
	Reset(io.Reader)
	ResetBytes([]byte)
	Position() azlogs.Position
}

// record is what the tests need of a family's record.
type record interface {
	azlogs.Event
	AppendJSON([]byte) []byte
	Validate() error
}

// family is one log family under test.
type family struct {
	name string
	// dir holds the family's real samples.
	dir string
	// open returns a decoder and a function returning its current record.
	open func(r io.Reader, opts ...azlogs.Option) (decoder, func() record)
	// openBytes is open for input held in memory, read in place.
	openBytes func(b []byte, opts ...azlogs.Option) (decoder, func() record)
	// clone returns a copy of the current record that outlives the decoder.
	clone func(current record) record
}

// families lists every family; a new family is added here once.
var families = []family{
	{
		name: "activity",
		dir:  "../../activity/testdata",
		open: func(r io.Reader, opts ...azlogs.Option) (decoder, func() record) {
			d := activity.NewDecoder(r, opts...)
			return d, func() record { return d.Record() }
		},
		openBytes: func(b []byte, opts ...azlogs.Option) (decoder, func() record) {
			d := activity.NewDecoderBytes(b, opts...)
			return d, func() record { return d.Record() }
		},
		clone: func(r record) record { return r.(*activity.Record).Clone() },
	},
	{
		name: "diagnostics",
		dir:  "../../diagnostics/testdata",
		open: func(r io.Reader, opts ...azlogs.Option) (decoder, func() record) {
			d := diagnostics.NewDecoder(r, opts...)
			return d, func() record { return d.Record() }
		},
		openBytes: func(b []byte, opts ...azlogs.Option) (decoder, func() record) {
			d := diagnostics.NewDecoderBytes(b, opts...)
			return d, func() record { return d.Record() }
		},
		clone: func(r record) record { return r.(*diagnostics.Record).Clone() },
	},
	{
		name: "nsgflow",
		dir:  "../../nsgflow/testdata",
		open: func(r io.Reader, opts ...azlogs.Option) (decoder, func() record) {
			d := nsgflow.NewDecoder(r, opts...)
			return d, func() record { return d.Record() }
		},
		openBytes: func(b []byte, opts ...azlogs.Option) (decoder, func() record) {
			d := nsgflow.NewDecoderBytes(b, opts...)
			return d, func() record { return d.Record() }
		},
		clone: func(r record) record { return r.(*nsgflow.Record).Clone() },
	},
}
