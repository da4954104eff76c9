package nsgflow

import (
	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/jsonw"
)

// AppendJSON appends the record to dst as one compact JSON object and
// returns the extended slice. Every member read is written back: the
// fields under Azure's spelling of their names, then Extra; the grouping
// and every tuple as they were, with the unknown members of each object.
// Decoding the result gives an equal record. The order of the members
// may differ from the input's.
func (rec *Record) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	if rec.seen&seenTime != 0 {
		dst = jsonw.Time(jsonw.Key(dst, "time"), rec.Time)
	}
	if rec.seen&seenVersion != 0 && rec.seen&seenPropsVersion == 0 {
		dst = jsonw.Int(jsonw.Key(dst, "flowLogVersion"), int64(rec.Version))
	}
	for f := fSystemID; f <= fTargetResourceID; f++ {
		if s, bit := rec.stringField(f); bit != 0 && rec.seen&bit != 0 {
			dst = jsonw.StringMember(dst, fieldNames[f], *s)
		}
	}
	switch {
	case rec.seen&seenProperties != 0:
		dst = jsonw.Key(dst, "properties")
		dst = append(dst, '{')
		if rec.seen&seenPropsVersion != 0 {
			dst = jsonw.Int(jsonw.Key(dst, "Version"), int64(rec.Version))
		}
		dst = rec.appendFlows(dst, false)
		dst = appendMembers(dst, rec.PropertiesExtra)
		dst = append(dst, '}')
	case rec.seen&seenFlowRecords != 0:
		dst = jsonw.Key(dst, "flowRecords")
		dst = append(dst, '{')
		dst = rec.appendFlows(dst, true)
		dst = appendMembers(dst, rec.PropertiesExtra)
		dst = append(dst, '}')
	}
	dst = appendMembers(dst, rec.Extra)
	return append(dst, '}')
}

func (rec *Record) appendFlows(dst []byte, vnet bool) []byte {
	if rec.seen&seenFlows == 0 {
		return dst
	}
	outerKey, listKey, innerKey := "rule", "flows", "mac"
	if vnet {
		outerKey, listKey, innerKey = "aclID", "flowGroups", "rule"
	}
	dst = jsonw.Key(dst, "flows")
	dst = append(dst, '[')
	for oi := range rec.outers {
		o := &rec.outers[oi]
		if oi > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '{')
		if o.hasKey {
			dst = jsonw.StringMember(dst, outerKey, o.key)
		}
		if o.hasList {
			dst = jsonw.Key(dst, listKey)
			dst = append(dst, '[')
			for g := o.first; g < o.end; g++ {
				in := &rec.inners[g]
				if g > o.first {
					dst = append(dst, ',')
				}
				dst = append(dst, '{')
				if in.hasKey {
					dst = jsonw.StringMember(dst, innerKey, in.key)
				}
				if in.hasTuples {
					dst = jsonw.Key(dst, "flowTuples")
					dst = append(dst, '[')
					for i := in.first; i < in.end; i++ {
						if i > in.first {
							dst = append(dst, ',')
						}
						dst = appendString(dst, rec.TupleText(int(i)))
					}
					dst = append(dst, ']')
				}
				dst = appendMembers(dst, rec.members[in.mfirst:in.mend])
				dst = append(dst, '}')
			}
			dst = append(dst, ']')
		}
		dst = appendMembers(dst, rec.omembers[o.mfirst:o.mend])
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

// appendString writes b as a JSON string, copying plain bytes directly.
func appendString(dst, b []byte) []byte {
	for _, c := range b {
		if c < 0x20 || c == '"' || c == '\\' {
			return jsonw.String(dst, string(b))
		}
	}
	dst = append(dst, '"')
	dst = append(dst, b...)
	return append(dst, '"')
}

func appendMembers(dst []byte, ms []azlogs.Member) []byte {
	for _, m := range ms {
		dst = jsonw.Raw(jsonw.Key(dst, m.Name), m.Value)
	}
	return dst
}
