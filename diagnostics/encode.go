package diagnostics

import (
	"strconv"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/jsonw"
)

// AppendJSON appends the record to dst as one JSON object and returns the
// extended slice. Every member the record was decoded from is written: the
// common schema's from the fields (in the schema's spelling and type: a
// duration that arrived as a string is written as a number, properties or
// identity that arrived as JSON in a string as objects, a repaired
// single-quoted object as JSON), the others from Extra and
// Properties.Members as they were. Decoding the result gives an equal
// record, but for Quirks. It does not allocate when dst has room.
func (rec *Record) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	for f := fTime; f < numFields; f++ {
		if rec.alt&bit(f) != 0 || !rec.present(f) {
			continue
		}
		dst = rec.appendField(dst, f)
	}
	dst = jsonw.Members(dst, rec.Extra)
	return append(dst, '}')
}

// present reports whether member f is to be written: it was read, or its
// field is set.
func (rec *Record) present(f field) bool {
	if rec.has&bit(f) != 0 {
		return true
	}
	switch f {
	case fTime:
		return !rec.Time.IsZero()
	case fResourceID:
		return rec.ResourceID != ""
	case fTenantID:
		return rec.TenantID != ""
	case fOperationName:
		return rec.OperationName != ""
	case fOperationVersion:
		return rec.OperationVersion != ""
	case fCategory:
		return rec.CategoryName != ""
	case fResultType:
		return rec.ResultType != ""
	case fResultSignature:
		return rec.ResultSignature != ""
	case fResultDescription:
		return rec.ResultDescription != ""
	case fDurationMs:
		return rec.DurationMs.Valid
	case fCallerIPAddress:
		return rec.CallerIPAddress != ""
	case fCorrelationID:
		return !rec.CorrelationID.IsZero()
	case fIdentity:
		return !rec.Identity.IsZero()
	case fLevel:
		return rec.Level != azlogs.LevelUnknown
	case fLocation:
		return rec.Location != ""
	case fProperties:
		return len(rec.Properties.Members) > 0
	}
	return false
}

func (rec *Record) appendField(dst []byte, f field) []byte {
	dst = jsonw.Key(dst, fieldNames[f])
	switch f {
	case fTime:
		return jsonw.Time(dst, rec.Time)
	case fResourceID:
		return jsonw.String(dst, rec.ResourceID)
	case fTenantID:
		return jsonw.String(dst, rec.TenantID)
	case fOperationName:
		return jsonw.String(dst, rec.OperationName)
	case fOperationVersion:
		return jsonw.String(dst, rec.OperationVersion)
	case fCategory:
		return jsonw.String(dst, rec.CategoryName)
	case fResultType, fResultSignature:
		s := rec.ResultType
		if f == fResultSignature {
			s = rec.ResultSignature
		}
		if rec.num&bit(f) != 0 {
			return append(dst, s...)
		}
		return jsonw.String(dst, s)
	case fResultDescription:
		return jsonw.String(dst, rec.ResultDescription)
	case fDurationMs:
		return jsonw.Int(dst, rec.DurationMs.Value)
	case fCallerIPAddress:
		if !rec.callerPort {
			return jsonw.String(dst, rec.CallerIPAddress)
		}
		dst = append(dst, '"')
		if rec.callerBrackets {
			dst = append(dst, '[')
		}
		dst = append(dst, rec.CallerIPAddress...)
		if rec.callerBrackets {
			dst = append(dst, ']')
		}
		dst = append(dst, ':')
		dst = strconv.AppendUint(dst, uint64(rec.CallerPort), 10)
		return append(dst, '"')
	case fCorrelationID:
		return jsonw.ID(dst, rec.CorrelationID)
	case fIdentity:
		if rec.Identity.Text != "" && len(rec.Identity.Members) == 0 {
			return jsonw.String(dst, rec.Identity.Text)
		}
		dst = append(dst, '{')
		dst = jsonw.Members(dst, rec.Identity.Members)
		return append(dst, '}')
	case fLevel:
		return jsonw.String(dst, rec.Level.String())
	case fLocation:
		return jsonw.String(dst, rec.Location)
	case fProperties:
		dst = append(dst, '{')
		dst = jsonw.Members(dst, rec.Properties.Members)
		return append(dst, '}')
	}
	return append(dst, "null"...)
}

// appendRaw appends a raw value; one spread over several lines (as
// pretty-printed samples are) is written without its white space, so that
// a record is always one line.
