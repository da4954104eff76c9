package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"strconv"
	"strings"

	"github.com/azlogs/azlogs/nsgflow"
)

// FlowMethod is one way of decoding a stream of flow-log blobs (one
// {"records":[…]} document after another) and parsing every tuple.
type FlowMethod = Runner[FlowResult]

// FlowResult is what a FlowMethod found: the methods must agree on it,
// which shows they did the same work.
type FlowResult struct {
	Records, Tuples, Denied int
	// Bytes adds up the four counters of every tuple.
	Bytes uint64
}

// FlowMethods lists the flow-log methods; the first is the baseline.
var FlowMethods = []FlowMethod{
	{Name: "encoding/json", Decode: DecodeFlowStdlib},
	{Name: "azlogs", Decode: DecodeFlowAzlogs},
	{Name: "encoding/json in memory", DecodeBytes: DecodeFlowStdlibBytes},
	{Name: "azlogs in place", DecodeBytes: DecodeFlowAzlogsBytes},
}

// flowEnvelope is what a user writes with encoding/json for a PT1H.json
// blob of either kind.
type flowEnvelope struct {
	Records []flowRecord `json:"records"`
}

type flowRecord struct {
	Time              string `json:"time"`
	SystemID          string `json:"systemId"`
	MACAddress        string `json:"macAddress"`
	Category          string `json:"category"`
	ResourceID        string `json:"resourceId"`
	OperationName     string `json:"operationName"`
	FlowLogVersion    int    `json:"flowLogVersion"`
	FlowLogGUID       string `json:"flowLogGUID"`
	FlowLogResourceID string `json:"flowLogResourceID"`
	TargetResourceID  string `json:"targetResourceID"`
	Properties        struct {
		Version int `json:"Version"`
		Flows   []struct {
			Rule  string `json:"rule"`
			Flows []struct {
				MAC        string   `json:"mac"`
				FlowTuples []string `json:"flowTuples"`
			} `json:"flows"`
		} `json:"flows"`
	} `json:"properties"`
	FlowRecords struct {
		Flows []struct {
			ACLID      string `json:"aclID"`
			FlowGroups []struct {
				Rule       string   `json:"rule"`
				FlowTuples []string `json:"flowTuples"`
			} `json:"flowGroups"`
		} `json:"flows"`
	} `json:"flowRecords"`
}

// stdTuple is a tuple parsed the usual way.
type stdTuple struct {
	Epoch            int64
	Src, Dst         netip.Addr
	SrcPort, DstPort uint16
	Protocol         string
	Direction        string
	Decision         string
	State            string
	Encryption       string
	Counters         [4]uint64
	HasCounters      bool
}

// parseStdTuple parses a tuple with strings.Split, netip.ParseAddr and
// strconv, as flow-log readers in Go commonly do.
func parseStdTuple(s string, version int) (stdTuple, error) {
	var t stdTuple
	f := strings.Split(s, ",")
	want := 13
	if version == 1 {
		want = 8
	}
	if len(f) != want {
		return t, fmt.Errorf("tuple %q: %d fields", s, len(f))
	}
	var err error
	if t.Epoch, err = strconv.ParseInt(f[0], 10, 64); err != nil {
		return t, err
	}
	if t.Src, err = netip.ParseAddr(f[1]); err != nil {
		return t, err
	}
	if t.Dst, err = netip.ParseAddr(f[2]); err != nil {
		return t, err
	}
	p, err := strconv.ParseUint(f[3], 10, 16)
	if err != nil {
		return t, err
	}
	t.SrcPort = uint16(p)
	if p, err = strconv.ParseUint(f[4], 10, 16); err != nil {
		return t, err
	}
	t.DstPort = uint16(p)
	t.Protocol, t.Direction = f[5], f[6]
	if version == 4 {
		t.State, t.Encryption = f[7], f[8]
		if t.State == "D" {
			t.Decision = "D"
		} else {
			t.Decision = "A"
		}
	} else {
		t.Decision = f[7]
		if version == 1 {
			return t, nil
		}
		t.State = f[8]
	}
	if f[9] == "" {
		return t, nil
	}
	for i := range 4 {
		if t.Counters[i], err = strconv.ParseUint(f[9+i], 10, 64); err != nil {
			return t, err
		}
	}
	t.HasCounters = true
	return t, nil
}

func (res *FlowResult) addStd(t stdTuple) {
	res.Tuples++
	if t.Decision == "D" {
		res.Denied++
	}
	res.Bytes += t.Counters[1] + t.Counters[3]
}

// DecodeFlowStdlib decodes each blob with encoding/json into flowEnvelope
// and parses every tuple with parseStdTuple.
func DecodeFlowStdlib(r io.Reader) (FlowResult, error) {
	var res FlowResult
	dec := json.NewDecoder(r)
	for {
		var env flowEnvelope
		if err := dec.Decode(&env); err != nil {
			if errors.Is(err, io.EOF) {
				return res, nil
			}
			return res, err
		}
		if err := res.addEnvelope(&env); err != nil {
			return res, err
		}
	}
}

// DecodeFlowStdlibBytes is the encoding/json method on blobs held in
// memory, one a line: each line is cut out in place and unmarshaled.
func DecodeFlowStdlibBytes(b []byte) (FlowResult, error) {
	var res FlowResult
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var env flowEnvelope
		if err := json.Unmarshal(line, &env); err != nil {
			return res, err
		}
		if err := res.addEnvelope(&env); err != nil {
			return res, err
		}
	}
	return res, nil
}

// addEnvelope parses every tuple of a blob decoded by encoding/json.
func (res *FlowResult) addEnvelope(env *flowEnvelope) error {
	for i := range env.Records {
		rec := &env.Records[i]
		res.Records++
		for _, rule := range rec.Properties.Flows {
			for _, mac := range rule.Flows {
				for _, s := range mac.FlowTuples {
					t, err := parseStdTuple(s, rec.Properties.Version)
					if err != nil {
						return err
					}
					res.addStd(t)
				}
			}
		}
		for _, acl := range rec.FlowRecords.Flows {
			for _, g := range acl.FlowGroups {
				for _, s := range g.FlowTuples {
					t, err := parseStdTuple(s, rec.FlowLogVersion)
					if err != nil {
						return err
					}
					res.addStd(t)
				}
			}
		}
	}
	return nil
}

// flowDecoder is reused across calls through Reset, as a program reading
// blob after blob would reuse it.
var flowDecoder = nsgflow.NewDecoder(nil)

// DecodeFlowAzlogs decodes with nsgflow.Decoder and parses every tuple
// through Record.Tuples.
func DecodeFlowAzlogs(r io.Reader) (FlowResult, error) {
	flowDecoder.Reset(r)
	return foldFlows(flowDecoder)
}

// DecodeFlowAzlogsBytes decodes the blobs held in b in place
// (nsgflow.Decoder.ResetBytes), reusing the decoder as DecodeFlowAzlogs
// does.
func DecodeFlowAzlogsBytes(b []byte) (FlowResult, error) {
	flowDecoder.ResetBytes(b)
	return foldFlows(flowDecoder)
}

// foldFlows runs dec to the end, parsing every tuple through
// Record.Tuples.
func foldFlows(dec *nsgflow.Decoder) (FlowResult, error) {
	var res FlowResult
	for dec.Next() {
		res.Records++
		for t, err := range dec.Record().Tuples() {
			if err != nil {
				return res, err
			}
			res.Tuples++
			if t.Decision() == nsgflow.Deny {
				res.Denied++
			}
			c, _ := t.Counters()
			res.Bytes += c.Bytes()
		}
	}
	return res, dec.Err()
}
