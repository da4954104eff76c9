// Package azlogs is the shared vocabulary of the azlogs SDK: the [Event]
// interface that every family's records implement, the value types they share
// ([Family], [Level], [Result], [UUID]), the errors every decoder returns and
// the options every decoder accepts.
//
// The decoders themselves live in one package per log family (activity,
// diagnostics, nsgflow, …). They all follow the same loop:
//
//	dec := activity.NewDecoder(r)
//	for dec.Next() {
//		rec := dec.Record() // valid until the next call to Next
//		...
//	}
//	if err := dec.Err(); err != nil { ... }
//
// This package imports no family package.
package azlogs
