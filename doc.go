// Package azlogs is the shared vocabulary of the azlogs SDK: the [Event]
// interface that every family's records implement, the value types they share
// ([Family], [Level], [Result], [UUID], [ID], [RawJSON], [OptInt]), the errors
// every decoder returns ([SyntaxError], [RecordError], [ValidationError] and
// their sentinels) and the options every decoder accepts ([WithErrorHandler],
// [WithStrict], [WithMaxRecordSize], [WithMaxDepth], [WithMaxMembers]).
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
// Lifetimes follow one rule everywhere: a field of type string is safe to
// keep forever; a RawJSON (and anything holding one, such as a Member) is
// borrowed until the decoder's next Next or Reset; a record's Clone method
// returns a copy that shares nothing with its decoder.
//
// This package imports no family package.
package azlogs
