package main

import (
	"io"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/activity"
	"github.com/azlogs/azlogs/diagnostics"
	"github.com/azlogs/azlogs/nsgflow"
)

// source is one family's decoder as the commands use it.
type source interface {
	Next() bool
	Err() error
	// Position is where the current record begins.
	Position() azlogs.Position
	// Event is the current record.
	Event() azlogs.Event
	// Validate checks the current record.
	Validate() error
}

// opener makes a family's source.
type opener func(r io.Reader, opts ...azlogs.Option) source

// openers lists the families the tool reads, by kind.
var openers = map[kind]opener{
	kindActivity: func(r io.Reader, opts ...azlogs.Option) source {
		return activitySource{activity.NewDecoder(r, opts...)}
	},
	kindDiagnostics: func(r io.Reader, opts ...azlogs.Option) source {
		return diagnosticsSource{diagnostics.NewDecoder(r, opts...)}
	},
	kindFlow: func(r io.Reader, opts ...azlogs.Option) source {
		return flowSource{nsgflow.NewDecoder(r, opts...)}
	},
}

type activitySource struct{ *activity.Decoder }

func (s activitySource) Event() azlogs.Event { return s.Record() }
func (s activitySource) Validate() error     { return s.Record().Validate() }

type diagnosticsSource struct{ *diagnostics.Decoder }

func (s diagnosticsSource) Event() azlogs.Event { return s.Record() }
func (s diagnosticsSource) Validate() error     { return s.Record().Validate() }

type flowSource struct{ *nsgflow.Decoder }

func (s flowSource) Event() azlogs.Event { return s.Record() }
func (s flowSource) Validate() error     { return s.Record().Validate() }
