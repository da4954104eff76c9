package diagnostics

import (
	"github.com/azlogs/azlogs"
)

// Validate checks the record against the common schema and its category's
// rules, and returns nil or an *azlogs.ValidationError listing every
// problem, each with the member's JSON pointer and a sentinel
// (azlogs.ErrMissing, ErrInvalid, ErrRange, ErrType). It allocates nothing
// for a valid record.
//
// It checks that the members the schema requires are there (time,
// resourceId, operationName, category), that numbers are in range, that
// members kept raw had the type the schema gives, and what each typed
// category defines (status codes, ports, enumerations).
func (rec *Record) Validate() error {
	var v azlogs.Validator
	for _, f := range [...]field{fTime, fResourceID, fOperationName, fCategory} {
		if rec.alt&bit(f) != 0 || rec.present(f) {
			continue
		}
		v.Add("/"+fieldNames[f], azlogs.ErrMissing, "")
	}
	if rec.DurationMs.Valid && rec.DurationMs.Value < 0 {
		v.Add("/durationMs", azlogs.ErrRange, "negative")
	}
	// Members of a wrong type, kept as they were.
	for i := range rec.Extra {
		m := &rec.Extra[i]
		if f := exactFields[m.Name]; f != fNone && rec.alt&bit(f) != 0 && !m.Value.IsNull() {
			v.Add("/"+fieldNames[f], azlogs.ErrType, "kept as it was")
		}
	}
	if c, ok := rec.Properties.view.(checker); ok {
		ps := c.check()
		for _, p := range ps.list[:ps.n] {
			v.Add(p.ptr, p.err, p.detail)
		}
	}
	return v.Err()
}

// checker is implemented by the typed views that have rules to check.
type checker interface{ check() problems }

// problems collects what a view's check finds. It is a value of fixed size,
// so that checking through an interface allocates nothing.
type problems struct {
	list [8]problem
	n    int
}

type problem struct {
	ptr    string
	err    error
	detail string
}

// Add records a problem (beyond eight, the rest are dropped).
func (ps *problems) Add(ptr string, err error, detail string) {
	if ps.n < len(ps.list) {
		ps.list[ps.n] = problem{ptr, err, detail}
		ps.n++
	}
}

// checkHTTPStatus reports a known HTTP status outside 100–599.
func checkHTTPStatus(v *problems, ptr string, s azlogs.OptInt) {
	if s.Valid && (s.Value < 100 || s.Value > 599) {
		v.Add(ptr, azlogs.ErrRange, "not an HTTP status")
	}
}

// checkPort reports a known port outside 0–65535.
func checkPort(v *problems, ptr string, p azlogs.OptInt) {
	if p.Valid && (p.Value < 0 || p.Value > 65535) {
		v.Add(ptr, azlogs.ErrRange, "not a port")
	}
}

// oneOf reports s (when not empty) if it is none of the allowed values.
func oneOf(v *problems, ptr, s string, allowed ...string) {
	if s == "" {
		return
	}
	for _, a := range allowed {
		if s == a {
			return
		}
	}
	v.Add(ptr, azlogs.ErrInvalid, "unknown value")
}

// Clone returns a deep copy of the record that shares nothing with the
// decoder, and stays valid after it moves on. Its typed view is decoded
// again from the copied members.
func (rec *Record) Clone() *Record {
	c := *rec
	c.Extra = azlogs.CloneMembers(rec.Extra)
	if rec.Identity.Claims != nil {
		c.Identity.Claims = append([]Claim(nil), rec.Identity.Claims...)
	}
	c.Identity.Members = azlogs.CloneMembers(rec.Identity.Members)
	c.Properties.Members = azlogs.CloneMembers(rec.Properties.Members)
	c.Properties.view = nil
	if c.Category != CategoryUnknown {
		w := categories[c.Category].view
		v := w.newView()
		d := &Decoder{}
		d.drv.Cfg = azlogs.NewConfig()
		project(w, v, &c, d, nil)
		c.Properties.view = v
	}
	return &c
}
