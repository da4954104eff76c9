package diagnostics

import (
	"bytes"
	"net/netip"
	"os"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/internal/corpusgen"
	"github.com/azlogs/azlogs/internal/testkit"
)

// The decoder fills a typed view while it reads properties when the record
// named its category first, with names and setters remembered from the
// category's last record; Clone fills the view from the members afterwards,
// the slow way. Both must give the same view, for every record of every
// sample and of a generated stream mixing fifteen categories.
func TestEarlyViewMatchesProjection(t *testing.T) {
	inputs := map[string][]byte{}
	for _, file := range testkit.Samples(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		inputs[file] = data
	}
	gen, _ := corpusgen.Diagnostics(2<<20, 7)
	inputs["generated"] = gen
	for name, data := range inputs {
		dec := NewDecoder(bytes.NewReader(data), allowBad())
		for i := 0; dec.Next(); i++ {
			rec := dec.Record()
			if rec.Properties.View() == nil {
				continue
			}
			want := rec.Clone().Properties.View()
			if diff := cmp.Diff(want, rec.Properties.View(), cmpViews...); diff != "" {
				t.Fatalf("%s record %d: view differs from the projection (-want +got):\n%s", name, i, diff)
			}
		}
	}
}

// checkView is the fuzz target's form of the same check.
func checkView(t *testing.T, rec *Record) {
	if rec.Properties.View() == nil {
		return
	}
	want := rec.Clone().Properties.View()
	if diff := cmp.Diff(want, rec.Properties.View(), cmpViews...); diff != "" {
		t.Fatalf("view differs from the projection (-want +got):\n%s", diff)
	}
}

// cmpViews compares typed views field by field, unexported fields too.
var cmpViews = cmp.Options{
	cmpopts.EquateComparable(netip.Addr{}, azlogs.ID{}),
	cmp.Exporter(func(reflect.Type) bool { return true }),
}

// allowBad skips bad records (the samples include deliberately broken ones).
func allowBad() azlogs.Option { return azlogs.WithErrorHandler(func(*azlogs.RecordError) {}) }
