// Package gen writes synthetic Azure logs for benchmarks: deterministic
// streams, as large as asked, shaped like what a busy tenant exports.
//
// Real samples are few and small, and a benchmark over a few kilobytes
// measures little but setup. The streams here repeat values the way real
// ones do (the same principals, tokens, resources and operation names again
// and again) and make new what is new for every record (times, correlation
// IDs, request IDs, request bodies), because a decoder that interns repeated
// strings or skips unchanged members behaves very differently on the two.
//
// [Activity] writes the activity log in its diagnostic-setting export form.
package gen
