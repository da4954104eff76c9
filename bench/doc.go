// Package bench compares the azlogs activity-log decoder with the ways Go
// programs decode the same logs today.
//
// Each [Method] decodes a whole stream of activity-log records in the export
// form (JSON lines) and returns how many records it decoded. The methods are
// encoding/json, json-iterator, goccy/go-json and bytedance/sonic decoding
// into the structs a typical user writes ([Record]), the OpenTelemetry
// Collector's azure encoding extension's approach (split the blob, then
// unmarshal every record twice with json-iterator), and, when built with the
// azlogs tag, the azlogs decoder. The corpus comes from package gen; the
// command cmd/azbench runs the methods interleaved and prints a table, and
// the Go benchmarks in this package feed benchstat.
//
// Two more comparisons work the same way: [FlowMethods] for NSG and VNet
// flow logs (cmd/azflowbench) and [DiagMethods] for resource logs of mixed
// categories (cmd/azdiagbench, on internal/corpusgen's corpus). All three
// kinds of method are a [Runner], with their own result type ([Method],
// [FlowMethod] and [DiagMethod] name them). The three commands share the
// harness: [DefineFlags] and [SelectMethods] for their common flags,
// [Begin] for the lines that describe the run, [Compare] (a warm-up run,
// then [Interleave] of [Measure]) for the measuring, and [Table],
// [Summarize] and [PrintTable] for the table.
package bench
