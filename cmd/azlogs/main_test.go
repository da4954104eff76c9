package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestStatsOnSamples(t *testing.T) {
	code, out, errs := runCmd(t, "", "stats")
	require.Equal(t, 0, code, errs)
	require.Contains(t, errs, "using the built-in samples")
	require.Contains(t, out, "164 records in 78 files, 1 bad")
	require.Contains(t, out, "flow logs: 31 records, 492 flow tuples")
	require.Contains(t, out, "denied flows:\n        6 denied  18.194.211.253:55107 -> 10.1.0.4:22 TCP\n")
	require.Contains(t, out, "     20  Administrative\n")
	require.Contains(t, out, "     12  AzureFirewallNetworkRule\n")
	require.Contains(t, out, "by level:")
}

func TestValidateReportsFileAndLine(t *testing.T) {
	dir := t.TempDir()
	good := `{"time":"2025-04-15T10:16:32Z","resourceId":"/SUBSCRIPTIONS/S","operationName":"X/WRITE","category":"Administrative"}`
	path := filepath.Join(dir, "PT1H.json")
	require.NoError(t, os.WriteFile(path, []byte(good+"\n"+`{"time":"2025-04-15T10:16:32Z","category":`+"\n"+good+"\n"+`{"time":"2025-04-15T10:16:32Z","resourceId":"/S","operationName":"Y","category":"Billing"}`+"\n"), 0o644))
	code, out, _ := runCmd(t, "", "validate", dir)
	require.Equal(t, 1, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2, out)
	require.True(t, strings.HasPrefix(lines[0], path+":2: record 1: unexpected end of input"), lines[0])
	require.Equal(t, path+":4: invalid record: /category: invalid value (not an activity log category)", lines[1])

	// A clean file passes.
	require.NoError(t, os.WriteFile(path, []byte(good+"\n"), 0o644))
	code, out, _ = runCmd(t, "", "validate", path)
	require.Equal(t, 0, code, out)
	require.Empty(t, out)
}

func TestStdinAndUsage(t *testing.T) {
	code, out, _ := runCmd(t, `{"records":[{"time":"2025-04-15T10:16:32Z","operationName":"A","category":"Policy","level":"Warning"}]}`, "stats", "-")
	require.Equal(t, 0, code)
	require.Contains(t, out, "1 records in 1 files")
	require.Contains(t, out, "      1  Policy\n")
	code, _, errs := runCmd(t, "", "frobnicate")
	require.Equal(t, 2, code)
	require.Contains(t, errs, "unknown command")
	code, _, _ = runCmd(t, "")
	require.Equal(t, 2, code)
}
