package intern

// Names maps a fixed set of member names to small numbers, faster than a
// Go map for the short keys of a schema: a cheap hash of the length and the
// first and last bytes picks a slot in an open-addressed table, and one
// string comparison confirms it.
type Names struct {
	slots []nameSlot
	mask  int
	fold  bool
}

type nameSlot struct {
	name string
	id   int
}

// NewNames builds the lookup for names, where names[i] gets i; empty names
// are skipped. With fold, lookups ignore ASCII letter case (the names must
// then be given in lower case).
func NewNames(names []string, fold bool) *Names {
	n := 4
	for n < 4*len(names) {
		n *= 2
	}
	t := &Names{slots: make([]nameSlot, n), mask: n - 1, fold: fold}
	for id, name := range names {
		if name == "" {
			continue
		}
		i := nameHash([]byte(name)) & t.mask
		for t.slots[i].name != "" {
			i = (i + 1) & t.mask
		}
		t.slots[i] = nameSlot{name: name, id: id}
	}
	return t
}

func nameHash(b []byte) int {
	n := len(b)
	if n == 0 {
		return 0
	}
	return n*0x9e37 ^ int(b[0])*0x85eb ^ int(b[n-1])*0xc2b2 ^ int(b[n/2])*0x27d4
}

// Lookup returns the id of name, or 0 and false.
func (t *Names) Lookup(name []byte) (int, bool) {
	if t.fold {
		var buf [64]byte
		if len(name) > len(buf) {
			return 0, false
		}
		for i, c := range name {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		name = buf[:len(name)]
	}
	for i := nameHash(name) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.name == "" {
			return 0, false
		}
		if s.name == string(name) {
			return s.id, true
		}
	}
}
