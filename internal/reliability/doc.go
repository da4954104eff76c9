// Package reliability holds the tests that every family decoder must pass
// whatever its input: damaged streams in every framing, readers that
// misbehave, many decoders at once. A family takes part by being listed
// once in families_test.go.
package reliability
