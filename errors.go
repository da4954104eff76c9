package azlogs

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Decoders and validators wrap them, so errors.Is finds
// them in a *SyntaxError, *RecordError, *ValidationError or *FieldError.
var (
	// ErrSyntax: the input is not JSON (or not the format the decoder reads).
	ErrSyntax = errors.New("syntax error")
	// ErrTruncated: the input ended inside a record, as a blob that is still
	// being written does.
	ErrTruncated = errors.New("truncated record")
	// ErrRecordTooLarge: a record is larger than the MaxRecordSize option.
	ErrRecordTooLarge = errors.New("record too large")
	// ErrTooDeep: objects and arrays nest deeper than the MaxDepth option.
	ErrTooDeep = errors.New("nesting too deep")
	// ErrFraming: the input is JSON but not a stream of records: neither
	// JSON lines, nor an array, nor a {"records":[…]} or {"value":[…]}
	// envelope of objects.
	ErrFraming = errors.New("not a stream of records")
	// ErrType: a member has a JSON type that the schema does not allow (in
	// strict mode, also one the decoder would otherwise correct).
	ErrType = errors.New("wrong type")
	// ErrMissing: a required member is absent or empty.
	ErrMissing = errors.New("missing")
	// ErrInvalid: a member's value is not in the format the schema gives.
	ErrInvalid = errors.New("invalid value")
	// ErrRange: a number or enumeration is outside its allowed range.
	ErrRange = errors.New("out of range")
)

// Position locates a point of the input.
type Position struct {
	// Offset is the byte offset from the start of the input (after Reset,
	// of the new input), counting a byte-order mark.
	Offset int64
	// Line is the 1-based line number.
	Line int
	// Column is the 1-based byte column within the line.
	Column int
}

// String formats the position as "line L, column C (offset O)".
func (p Position) String() string {
	return "line " + strconv.Itoa(p.Line) + ", column " + strconv.Itoa(p.Column) + " (offset " + strconv.FormatInt(p.Offset, 10) + ")"
}

// SyntaxError describes input that could not be read: malformed JSON, an
// unknown framing, a limit exceeded or a torn record.
type SyntaxError struct {
	Position
	// Record is the 0-based index of the record in the stream, -1 when the
	// error is outside any record (in the framing).
	Record int
	// Pointer is the JSON pointer (RFC 6901) of the member being read,
	// relative to the record, "" at the record's top level or outside it.
	Pointer string
	// Msg says what was wrong, in lower case.
	Msg string
	// Err is the cause: one of the sentinels of this package, or the
	// reader's error.
	Err error
}

// Error formats the error with its position.
func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString("azlogs: ")
	b.WriteString(e.Msg)
	b.WriteString(" at ")
	b.WriteString(e.Position.String())
	if e.Record >= 0 {
		b.WriteString(", record ")
		b.WriteString(strconv.Itoa(e.Record))
	}
	if e.Pointer != "" {
		b.WriteString(", member ")
		b.WriteString(e.Pointer)
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *SyntaxError) Unwrap() error { return e.Err }

// RecordError reports one record that could not be decoded, to the handler
// set with WithErrorHandler. The decoder continues with the next record.
type RecordError struct {
	// Start is where the record begins.
	Start Position
	// Record is the 0-based index of the record in the stream.
	Record int
	// Raw is the record's bytes as far as they could be delimited. It is
	// borrowed: valid only during the handler's call.
	Raw []byte
	// Err is the cause, usually a *SyntaxError (or a *ValidationError from
	// a decoder that validates).
	Err error
}

// Error formats the error with the record's index and position.
func (e *RecordError) Error() string {
	return "azlogs: record " + strconv.Itoa(e.Record) + " at " + e.Start.String() + ": " + strings.TrimPrefix(e.Err.Error(), "azlogs: ")
}

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }

// FieldError is one problem found by a record's Validate method.
type FieldError struct {
	// Pointer is the JSON pointer of the member, such as "/properties/statusCode".
	Pointer string
	// Err is the sentinel cause: ErrMissing, ErrInvalid, ErrRange or ErrType.
	Err error
	// Detail says more, or is "".
	Detail string
}

// Error formats the problem as "pointer: cause (detail)".
func (e *FieldError) Error() string {
	s := e.Pointer + ": " + e.Err.Error()
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

// Unwrap returns the sentinel cause.
func (e *FieldError) Unwrap() error { return e.Err }

// ValidationError holds every problem Validate found in one record.
type ValidationError struct {
	Fields []FieldError
}

// Error lists the problems, separated by semicolons.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("azlogs: invalid record: ")
	for i := range e.Fields {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Fields[i].Error())
	}
	return b.String()
}

// Unwrap returns the field errors, so that errors.Is finds their sentinels.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Fields))
	for i := range e.Fields {
		errs[i] = &e.Fields[i]
	}
	return errs
}

// Validator collects field errors without allocating until the first one.
// Family packages use it in their Validate methods.
type Validator struct {
	fields []FieldError
}

// Add records a problem.
func (v *Validator) Add(pointer string, err error, detail string) {
	v.fields = append(v.fields, FieldError{Pointer: pointer, Err: err, Detail: detail})
}

// Err returns nil if nothing was added, else a *ValidationError.
func (v *Validator) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &ValidationError{Fields: v.fields}
}
