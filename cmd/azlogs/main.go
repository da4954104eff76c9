// Command azlogs checks and summarizes Azure logs.
//
// Usage:
//
//	azlogs validate [FILE|DIR|-]...
//	azlogs stats [FILE|DIR|-]...
//
// validate decodes every record and checks it against the schema; it prints
// each bad record as "file:line: message" and exits with status 1 if there
// was any. stats prints counts by category, operation, result and level,
// and the time range covered. A directory is read recursively; "-" is
// standard input. With no file arguments both run on sample data embedded
// in the binary, and say so.
//
// The files may be in any framing Azure uses: JSON lines (PT1H.json), a
// {"records":[…]} envelope, a bare array, or a REST page.
package main

import (
	"bufio"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/azlogs/azlogs"
	"github.com/azlogs/azlogs/nsgflow"
)

//go:embed samples/activity samples/diagnostics samples/nsgflow
var samples embed.FS

const usage = `usage: azlogs <command> [-family auto|activity|diagnostics|nsgflow] [-top N] [FILE|DIR|-]...

commands:
  validate   decode and check every record; print bad ones as file:line: message
  stats      counts by category, operation, result and level, and the time range

Each file's family is told from its first records unless -family names it.

With no files, the commands run on the samples built into azlogs.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// input is one file to read.
type input struct {
	name string
	open func() (io.ReadCloser, error)
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd := args[0]
	switch cmd {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "validate", "stats":
	default:
		fmt.Fprintf(stderr, "azlogs: unknown command %q\n%s", cmd, usage)
		return 2
	}
	fset := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fset.SetOutput(stderr)
	top := fset.Int("top", 10, "stats: how many operations to list")
	family := fset.String("family", "auto", "the logs' family: auto (told from each file), activity, diagnostics or nsgflow")
	if err := fset.Parse(args[1:]); err != nil {
		return 2
	}
	inputs, err := collect(fset.Args(), stdin, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "azlogs:", err)
		return 2
	}
	if _, known := kindByName[*family]; !known && *family != "auto" {
		fmt.Fprintf(stderr, "azlogs: unknown family %q\n", *family)
		return 2
	}
	if cmd == "validate" {
		return validate(inputs, *family, stdout, stderr)
	}
	return stats(inputs, *family, *top, stdout, stderr)
}

// collect turns the arguments into inputs: files, directories walked
// recursively, "-" for standard input, or the embedded samples.
func collect(args []string, stdin io.Reader, stderr io.Writer) ([]input, error) {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "azlogs: no files named; using the built-in samples (activity, resource and flow logs)")
		var ins []input
		err := fs.WalkDir(samples, "samples", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			ins = append(ins, input{name: path, open: func() (io.ReadCloser, error) { return samples.Open(path) }})
			return nil
		})
		return ins, err
	}
	var ins []input
	for _, arg := range args {
		if arg == "-" {
			ins = append(ins, input{name: "<stdin>", open: func() (io.ReadCloser, error) { return io.NopCloser(stdin), nil }})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			ins = append(ins, fileInput(arg))
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
				ins = append(ins, fileInput(path))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return ins, nil
}

func fileInput(path string) input {
	return input{name: path, open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// each decodes every input with the family it holds (or the one -family
// names), calling rec for each record and bad for each record that could
// not be decoded. It returns false if an input could not be read.
func each(inputs []input, family string, stderr io.Writer, rec func(name string, k kind, src source), bad func(name string, e *azlogs.RecordError)) bool {
	ok := true
	for _, in := range inputs {
		f, err := in.open()
		if err != nil {
			fmt.Fprintln(stderr, "azlogs:", err)
			ok = false
			continue
		}
		name := in.name
		br := bufio.NewReaderSize(f, 64<<10)
		head, _ := br.Peek(64 << 10)
		k := detect(head)
		if family != "auto" {
			k = kindByName[family]
		}
		open := openers[k]
		if open == nil {
			fmt.Fprintf(stderr, "%s: %s logs are not supported yet\n", name, k)
			f.Close()
			ok = false
			continue
		}
		src := open(br, azlogs.WithErrorHandler(func(e *azlogs.RecordError) { bad(name, e) }))
		for src.Next() {
			rec(name, k, src)
		}
		if err := src.Err(); err != nil {
			var se *azlogs.SyntaxError
			if errors.As(err, &se) {
				bad(name, &azlogs.RecordError{Start: se.Position, Record: se.Record, Err: err})
			} else {
				fmt.Fprintf(stderr, "%s: %v\n", name, err)
				ok = false
			}
		}
		f.Close()
	}
	return ok
}

var kindByName = map[string]kind{"activity": kindActivity, "diagnostics": kindDiagnostics, "nsgflow": kindFlow}

func validate(inputs []input, family string, stdout, stderr io.Writer) int {
	nrec, nbad := 0, 0
	ok := each(inputs, family, stderr,
		func(name string, _ kind, src source) {
			nrec++
			if err := src.Validate(); err != nil {
				nbad++
				fmt.Fprintf(stdout, "%s:%d: %s\n", name, src.Position().Line, strings.TrimPrefix(err.Error(), "azlogs: "))
			}
		},
		func(name string, e *azlogs.RecordError) {
			nbad++
			msg := e.Err.Error()
			var se *azlogs.SyntaxError
			if errors.As(e.Err, &se) {
				msg = se.Msg
				if se.Pointer != "" {
					msg += " (member " + se.Pointer + ")"
				}
				msg = fmt.Sprintf("record %d: %s at column %d", e.Record, msg, se.Column)
				fmt.Fprintf(stdout, "%s:%d: %s\n", name, se.Line, msg)
				return
			}
			fmt.Fprintf(stdout, "%s:%d: %s\n", name, e.Start.Line, msg)
		})
	fmt.Fprintf(stderr, "azlogs: %d records checked in %d files, %d bad\n", nrec, len(inputs), nbad)
	if !ok || nbad > 0 {
		return 1
	}
	return 0
}

type counter map[string]int

func (c counter) print(w io.Writer, title string, top int) {
	type kv struct {
		k string
		n int
	}
	var kvs []kv
	for k, n := range c {
		kvs = append(kvs, kv{k, n})
	}
	sort.Slice(kvs, func(i, j int) bool {
		if kvs[i].n != kvs[j].n {
			return kvs[i].n > kvs[j].n
		}
		return kvs[i].k < kvs[j].k
	})
	fmt.Fprintf(w, "%s:\n", title)
	for i, e := range kvs {
		if top > 0 && i == top {
			fmt.Fprintf(w, "  … %d more\n", len(kvs)-top)
			break
		}
		k := e.k
		if k == "" {
			k = "(none)"
		}
		fmt.Fprintf(w, "  %7d  %s\n", e.n, k)
	}
}

func stats(inputs []input, family string, top int, stdout, stderr io.Writer) int {
	cats, ops, results, levels := counter{}, counter{}, counter{}, counter{}
	var flows nsgflow.Summary
	var first, last time.Time
	n, bad := 0, 0
	ok := each(inputs, family, stderr,
		func(_ string, _ kind, src source) {
			e := src.Event()
			n++
			if f, ok := src.(flowSource); ok {
				flows.AddRecord(f.Record())
			}
			cats[e.EventCategory()]++
			ops[e.EventOperation()]++
			results[e.EventResult().String()]++
			levels[e.EventLevel().String()]++
			if t := e.EventTime(); !t.IsZero() {
				if first.IsZero() || t.Before(first) {
					first = t
				}
				if t.After(last) {
					last = t
				}
			}
		},
		func(name string, e *azlogs.RecordError) {
			bad++
			fmt.Fprintf(stderr, "%s:%d: %v\n", name, e.Start.Line, e.Err)
		})
	fmt.Fprintf(stdout, "%d records in %d files", n, len(inputs))
	if bad > 0 {
		fmt.Fprintf(stdout, ", %d bad", bad)
	}
	fmt.Fprintln(stdout)
	if !first.IsZero() {
		fmt.Fprintf(stdout, "time range: %s to %s\n", first.Format(time.RFC3339), last.Format(time.RFC3339))
	}
	cats.print(stdout, "by category", 0)
	ops.print(stdout, "by operation", top)
	results.print(stdout, "by result", 0)
	levels.print(stdout, "by level", 0)
	if flows.Records > 0 {
		printFlows(stdout, &flows, top)
	}
	if !ok {
		return 1
	}
	return 0
}

// printFlows prints what flow logs say: the busiest sources, the denied
// flows and the traffic per rule.
func printFlows(w io.Writer, s *nsgflow.Summary, top int) {
	fmt.Fprintf(w, "flow logs: %d records, %d flow tuples", s.Records, s.Tuples)
	if s.BadTuples > 0 {
		fmt.Fprintf(w, ", %d malformed", s.BadTuples)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "top talkers (sources, by bytes):")
	for _, r := range s.TopTalkers(top) {
		fmt.Fprintf(w, "  %12d bytes %9d packets %7d flows  %s\n", r.Stats.Bytes, r.Stats.Packets, r.Stats.Tuples, r.Key)
	}
	fmt.Fprintln(w, "denied flows:")
	denied := s.DeniedFlows(top)
	if len(denied) == 0 {
		fmt.Fprintln(w, "  (none)")
	}
	for _, r := range denied {
		k := r.Key
		fmt.Fprintf(w, "  %7d denied  %s:%d -> %s:%d %s\n", r.Stats.Denied, k.Src, k.SrcPort, k.Dst, k.DstPort, k.Protocol)
	}
	fmt.Fprintln(w, "bytes per rule:")
	for _, r := range s.TopRules(top) {
		fmt.Fprintf(w, "  %12d bytes %7d flows %7d denied  %s %s\n", r.Stats.Bytes, r.Stats.Tuples, r.Stats.Denied, r.Key.Rule, shortACL(r.Key.ACL))
	}
}

// shortACL shortens an NSG resource ID to its name; an aclID stays whole.
func shortACL(acl string) string {
	if i := strings.LastIndexByte(acl, '/'); i >= 0 && i+1 < len(acl) {
		return "(" + acl[i+1:] + ")"
	}
	if acl == "" {
		return ""
	}
	return "(" + acl + ")"
}
