package aztime

import (
	"math/rand/v2"
	"testing"
	"time"
)

func utc(y, mo, d, h, mi, s, ns int) time.Time {
	return time.Date(y, time.Month(mo), d, h, mi, s, ns, time.UTC)
}

type parseTest struct {
	in     string
	want   time.Time
	layout Layout
	ok     bool
}

func good(in string, l Layout, want time.Time) parseTest { return parseTest{in, want, l, true} }
func bad(in string) parseTest                            { return parseTest{in, time.Time{}, LayoutUnknown, false} }

var parseTests = []parseTest{
	// ISO 8601 / RFC 3339.
	good("2025-04-15T10:16:32.9873441Z", LayoutISO, utc(2025, 4, 15, 10, 16, 32, 987344100)),
	good("2025-04-15t10:16:32.9873441z", LayoutISO, utc(2025, 4, 15, 10, 16, 32, 987344100)),
	good("2025-04-15 10:16:32.9873441Z", LayoutISO, utc(2025, 4, 15, 10, 16, 32, 987344100)),
	good("2017-04-26T19:27:38Z", LayoutISO, utc(2017, 4, 26, 19, 27, 38, 0)),
	good("2018-03-07T14:23:51.991Z", LayoutISO, utc(2018, 3, 7, 14, 23, 51, 991000000)),
	good("2022-08-23T13:36:52.869547Z", LayoutISO, utc(2022, 8, 23, 13, 36, 52, 869547000)),
	good("2022-01-22T18:15:02.3875429+00:00", LayoutISO, utc(2022, 1, 22, 18, 15, 2, 387542900)),
	good("2025-05-16T07:34:42.525499+00:00", LayoutISO, utc(2025, 5, 16, 7, 34, 42, 525499000)),
	good("2007-01-09T11:41:00+02:00", LayoutISO, utc(2007, 1, 9, 9, 41, 0, 0)),
	good("2007-01-09T11:41:00+0200", LayoutISO, utc(2007, 1, 9, 9, 41, 0, 0)),
	good("2007-01-09T11:41:00+02", LayoutISO, utc(2007, 1, 9, 9, 41, 0, 0)),
	good("2007-01-09T04:11:00-05:30", LayoutISO, utc(2007, 1, 9, 9, 41, 0, 0)),
	good("2007-01-09T09:41:00-00:00", LayoutISO, utc(2007, 1, 9, 9, 41, 0, 0)),
	good("2007-01-09T09:41:00", LayoutISO, utc(2007, 1, 9, 9, 41, 0, 0)),
	good("2022-05-08T20:14:15.0000000", LayoutISO, utc(2022, 5, 8, 20, 14, 15, 0)),
	good("2018-05-04 07:00:01", LayoutISO, utc(2018, 5, 4, 7, 0, 1, 0)),
	good("2022-09-09T8:48:50.361Z", LayoutISO, utc(2022, 9, 9, 8, 48, 50, 361000000)),
	good("2022-09-09T0:00:00Z", LayoutISO, utc(2022, 9, 9, 0, 0, 0, 0)),
	good("2022-09-09 9:59:27", LayoutISO, utc(2022, 9, 9, 9, 59, 27, 0)),
	good("2016-06-01", LayoutISO, utc(2016, 6, 1, 0, 0, 0, 0)),
	good("2024-02-29T12:00:00Z", LayoutISO, utc(2024, 2, 29, 12, 0, 0, 0)),
	good("2000-02-29", LayoutISO, utc(2000, 2, 29, 0, 0, 0, 0)),
	good("2025-04-15T10:16:32.1Z", LayoutISO, utc(2025, 4, 15, 10, 16, 32, 100000000)),
	good("2025-04-15T10:16:32.000000001Z", LayoutISO, utc(2025, 4, 15, 10, 16, 32, 1)),
	good("2025-04-15T10:16:32.123456789Z", LayoutISO, utc(2025, 4, 15, 10, 16, 32, 123456789)),
	good("2025-04-15T10:16:32.1234567891Z", LayoutISO, utc(2025, 4, 15, 10, 16, 32, 123456789)),
	good("2025-04-15T10:16:32.99999999999999999999999Z", LayoutISO, utc(2025, 4, 15, 10, 16, 32, 999999999)),
	good("2025-04-15T10:16:32.5+01:00", LayoutISO, utc(2025, 4, 15, 9, 16, 32, 500000000)),
	good("2025-04-15T10:16:32.5", LayoutISO, utc(2025, 4, 15, 10, 16, 32, 500000000)),
	good("2025-12-31T23:30:00-01:00", LayoutISO, utc(2026, 1, 1, 0, 30, 0, 0)),
	good("2025-01-01T00:30:00+01:00", LayoutISO, utc(2024, 12, 31, 23, 30, 0, 0)),
	good("2024-03-01T00:30:00+01:00", LayoutISO, utc(2024, 2, 29, 23, 30, 0, 0)),
	good("2025-04-15T23:59:59+23:59", LayoutISO, utc(2025, 4, 15, 0, 0, 59, 0)),
	good("2025-04-15T00:00:00-23:59", LayoutISO, utc(2025, 4, 15, 23, 59, 0, 0)),
	good("0001-01-01T00:00:00Z", LayoutISO, utc(1, 1, 1, 0, 0, 0, 0)),
	good("0001-01-01", LayoutISO, utc(1, 1, 1, 0, 0, 0, 0)),
	good("9999-12-31T23:59:59.999999999Z", LayoutISO, utc(9999, 12, 31, 23, 59, 59, 999999999)),
	good("1601-01-01T00:00:00Z", LayoutISO, utc(1601, 1, 1, 0, 0, 0, 0)),
	good("1970-01-01T00:00:00Z", LayoutISO, utc(1970, 1, 1, 0, 0, 0, 0)),
	good("1969-12-31T23:59:59.5Z", LayoutISO, utc(1969, 12, 31, 23, 59, 59, 500000000)),

	bad(""),
	bad("2025"),
	bad("2025-04-1"),
	bad("2025-04-15T"),
	bad("2025-04-15T10:16Z"),     // missing seconds
	bad("2025-04-15T10:16"),      // missing seconds
	bad("2025-04-15T10:16:3Z"),   // one-digit seconds
	bad("2025-04-15T10:6:32Z"),   // one-digit minutes
	bad("2025-04-15T010:16:32Z"), // three-digit hour
	bad("2025-4-15T10:16:32Z"),   // one-digit month
	bad("2025-04-5T10:16:32Z"),   // one-digit day
	bad("2025-13-01"),            // month 13
	bad("2025-00-10"),            // month 0
	bad("2025-04-00"),            // day 0
	bad("2025-04-31"),            // April has 30 days
	bad("2023-02-29"),            // not a leap year
	bad("1900-02-29T00:00:00Z"),  // not a leap year (century)
	bad("2025-04-15T24:00:00Z"),  // hour 24
	bad("2025-04-15T10:60:00Z"),  // minute 60
	bad("2016-12-31T23:59:60Z"),  // leap second
	bad("2025-04-15T10:16:32.Z"), // empty fraction
	bad("2025-04-15T10:16:32."),  // empty fraction
	bad("2025-04-15T10:16:32,123Z"),
	bad("2025-04-15T10:16:32.9873441Zjunk"),
	bad("2025-04-15T10:16:32.9873441Z "),
	bad(" 2025-04-15T10:16:32.9873441Z"),
	bad("2025-04-15T10:16:32Z\n"),
	bad("2025-04-15T10:16:32+24:00"),
	bad("2025-04-15T10:16:32+01:60"),
	bad("2025-04-15T10:16:32+1:00"),
	bad("2025-04-15T10:16:32+01:0"),
	bad("2025-04-15T10:16:32+010"),
	bad("2025-04-15T10:16:32+01:000"),
	bad("2025-04-15T10:16:32+"),
	bad("2025-04-15T10:16:32+01-00"),
	bad("2025-04-15T10:16:32z+01:00"),
	bad("2025-04-15T10:16:32.123+01:00Z"),
	bad("2025-04-15T10:16:32 +01:00"),
	bad("2025-04-15T10:16:32 Z"),
	bad("2025-04-15X10:16:32Z"),
	bad("2025-04-15  10:16:32Z"),
	bad("2025-04-15T-1:16:32Z"),
	bad("2025-04-15T1:6:32Z"),
	bad("2025-04-15T10-16-32Z"),
	bad("2025/04-15"),
	bad("-025-04-15"),
	bad("0000-01-01T00:00:00Z"),      // year 0
	bad("0000-12-31T23:00:00-02:00"), // year 0 as written, though 0001 in UTC
	bad("0001-01-01T00:00:00+00:01"), // year 0 in UTC
	bad("9999-12-31T23:59:59-00:01"), // year 10000 in UTC
	bad("SOME-ERROR-HERE-T08:44:02.8921579Z"),

	// US, month first.
	good("9/7/2022 2:41:35 PM +00:00", LayoutUS, utc(2022, 9, 7, 14, 41, 35, 0)),
	good("1/9/2007 10:41:00 AM +01:00", LayoutUS, utc(2007, 1, 9, 9, 41, 0, 0)),
	good("01/09/2007 09:41:00", LayoutUS, utc(2007, 1, 9, 9, 41, 0, 0)),
	good("01/09/2007 09:41:00 AM", LayoutUS, utc(2007, 1, 9, 9, 41, 0, 0)),
	good("12/12/2025 3:03:58 PM", LayoutUS, utc(2025, 12, 12, 15, 3, 58, 0)),
	good("1/1/2021 8:40:06 PM +00:00", LayoutUS, utc(2021, 1, 1, 20, 40, 6, 0)),
	good("11/3/2020 9:06:42 AM +00:00", LayoutUS, utc(2020, 11, 3, 9, 6, 42, 0)),
	good("12/12/2025 12:00:00 AM", LayoutUS, utc(2025, 12, 12, 0, 0, 0, 0)),
	good("12/12/2025 12:30:00 PM", LayoutUS, utc(2025, 12, 12, 12, 30, 0, 0)),
	good("12/12/2025 12:30:00 am", LayoutUS, utc(2025, 12, 12, 0, 30, 0, 0)),
	good("12/12/2025 1:30:00 pM", LayoutUS, utc(2025, 12, 12, 13, 30, 0, 0)),
	good("12/12/2025 11:59:59 PM", LayoutUS, utc(2025, 12, 12, 23, 59, 59, 0)),
	good("1/2/2006 15:04:05", LayoutUS, utc(2006, 1, 2, 15, 4, 5, 0)),
	good("1/2/2006 0:04:05", LayoutUS, utc(2006, 1, 2, 0, 4, 5, 0)),
	good("1/2/2006 3:04:05.123 PM", LayoutUS, utc(2006, 1, 2, 15, 4, 5, 123000000)),
	good("1/2/2006 3:04:05.1234567", LayoutUS, utc(2006, 1, 2, 3, 4, 5, 123456700)),
	good("1/2/2006 3:04:05 -07:00", LayoutUS, utc(2006, 1, 2, 10, 4, 5, 0)),
	good("2/29/2024 10:00:00 AM -05:00", LayoutUS, utc(2024, 2, 29, 15, 0, 0, 0)),
	good("12/31/2025 11:30:00 PM -01:00", LayoutUS, utc(2026, 1, 1, 0, 30, 0, 0)),

	bad("9/7/2022 13:41:35 PM"),        // 13 PM
	bad("9/7/2022 0:41:35 AM"),         // 0 AM
	bad("9/7/2022 00:41:35 AM"),        // 00 AM
	bad("13/7/2022 1:00:00 PM"),        // month 13: the month is always first
	bad("31/12/2025 1:00:00 PM"),       // day first
	bad("0/12/2025 1:00:00 PM"),        // month 0
	bad("2/29/2023 1:00:00 PM"),        // not a leap year
	bad("9/7/2022 2:41 PM"),            // missing seconds
	bad("9/7/2022 2:41:35 PM +00:00 "), // trailing space
	bad("9/7/2022 2:41:35 XM"),
	bad("9/7/2022 2:41:35 PM +0000"), // offset without colon
	bad("9/7/2022 2:41:35 PM +00"),
	bad("9/7/2022 2:41:35 PM +24:00"),
	bad("9/7/2022 2:41:35 PM Z"),
	bad("9/7/2022 2:41:35PM"),
	bad("9/7/2022 2:41:35 P"),
	bad("9/7/2022 2:41:35 PMX"),
	bad("9/7/2022  2:41:35 PM"),
	bad("9/7/2022 2:41:35  PM"),
	bad("9/7/2022 2:41:35 PM  +00:00"),
	bad("9/7/2022 2:41:35 +00:00 PM"), // offset before PM
	bad("9/7/22 2:41:35 PM"),          // two-digit year
	bad("009/7/2022 1:00:00"),
	bad("9/7/2022 24:00:00"),
	bad("9/7/2022"),
	bad("9/7/2022 2:41:35."),
	bad("9/7/0000 2:41:35 PM"), // year 0
	bad("9/7/2022T2:41:35"),
	bad("9-7-2022 2:41:35 PM"),

	// RFC 1123.
	good("Fri, 21 Jul 2017 01:00:51 GMT", LayoutRFC1123, utc(2017, 7, 21, 1, 0, 51, 0)),
	good("Wed, 21 Aug 2019 16:17:47 GMT", LayoutRFC1123, utc(2019, 8, 21, 16, 17, 47, 0)),
	good("Wed, 21 Aug 2019 16:17:47 UTC", LayoutRFC1123, utc(2019, 8, 21, 16, 17, 47, 0)),
	good("Wed, 21 Aug 2019 16:17:47 +0000", LayoutRFC1123, utc(2019, 8, 21, 16, 17, 47, 0)),
	good("Wed, 21 Aug 2019 18:17:47 +0200", LayoutRFC1123, utc(2019, 8, 21, 16, 17, 47, 0)),
	good("Wed, 21 Aug 2019 11:47:47 -0430", LayoutRFC1123, utc(2019, 8, 21, 16, 17, 47, 0)),
	good("Tue, 1 Jan 2019 00:00:00 GMT", LayoutRFC1123, utc(2019, 1, 1, 0, 0, 0, 0)),
	good("Tue, 01 Jan 2019 00:00:00 GMT", LayoutRFC1123, utc(2019, 1, 1, 0, 0, 0, 0)),
	good("wed, 21 AUG 2019 16:17:47 gmt", LayoutRFC1123, utc(2019, 8, 21, 16, 17, 47, 0)),
	good("Mon, 21 Aug 2019 16:17:47 GMT", LayoutRFC1123, utc(2019, 8, 21, 16, 17, 47, 0)), // day name not checked
	good("Thu, 29 Feb 2024 23:59:59 GMT", LayoutRFC1123, utc(2024, 2, 29, 23, 59, 59, 0)),

	bad("Fri, 21 Jul 2017 01:00:51"), // no zone
	bad("Fri, 21 Jul 2017 01:00:51 PST"),
	bad("Fri, 21 Jul 2017 01:00:51 +00:00"),
	bad("Fri, 21 Jul 2017 01:00:51 +2400"),
	bad("Fri, 21 Jux 2017 01:00:51 GMT"),
	bad("Fry, 21 Jul 2017 01:00:51 GMT"),
	bad("Fri 21 Jul 2017 01:00:51 GMT"),
	bad("Fri,21 Jul 2017 01:00:51 GMT"),
	bad("Fri, 32 Jul 2017 01:00:51 GMT"),
	bad("Fri, 0 Jul 2017 01:00:51 GMT"),
	bad("Fri, 31 Jun 2017 01:00:51 GMT"),
	bad("Fri, 21 Jul 2017 1:00:51 GMT"),    // one-digit hour
	bad("Fri, 21 Jul 2017 01:00:51.5 GMT"), // no fraction in HTTP dates
	bad("Fri, 21 Jul 17 01:00:51 GMT"),
	bad("Fri, 021 Jul 2017 01:00:51 GMT"),
	bad("Fri, 21 Jul 2017 01:00:51 GMT "),
	bad("Fri, 21 Jul 2017 01:00:51 GMTX"),
	bad("Fri, 21 Jul 2017 24:00:51 GMT"),
	bad("Friday, 21-Jul-17 01:00:51 GMT"), // RFC 850
	bad("Fri Jul 21 01:00:51 2017"),       // ANSI C asctime

	// Year first, with slashes.
	good("2023/03/21 08:49:20.0000000", LayoutSlash, utc(2023, 3, 21, 8, 49, 20, 0)),
	good("2025/09/16 13:11:22.6543210", LayoutSlash, utc(2025, 9, 16, 13, 11, 22, 654321000)),
	good("2025/09/16 13:11:22", LayoutSlash, utc(2025, 9, 16, 13, 11, 22, 0)),

	bad("2025/09/16 13:11:22Z"),
	bad("2025/09/16T13:11:22"),
	bad("2025/9/16 13:11:22"),
	bad("2025/09/16 3:11:22"),
	bad("2025/09/16 13:11:22."),
	bad("2025/09/16 13:11:22.5Z"),
	bad("2025/09/16"),
	bad("2025/02/30 13:11:22"),
	bad("2025/09/16 13:11:22 +01:00"),
	bad("2025/09/16 13:11"),

	// Neither.
	bad("x"),
	bad("not a timestamp at all"),
	bad("1234567890"),
	bad("1744712192"),
	bad("\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"),
	bad("２０２５-04-15T10:16:32Z"),
}

func TestParse(t *testing.T) {
	for _, tc := range parseTests {
		got, l, ok := Parse([]byte(tc.in))
		if ok != tc.ok || l != tc.layout || !got.Equal(tc.want) {
			t.Errorf("Parse(%q) = %v, %v, %v; want %v, %v, %v", tc.in, got, l, ok, tc.want, tc.layout, tc.ok)
			continue
		}
		if ok && got.Location() != time.UTC {
			t.Errorf("Parse(%q) location = %v, want UTC", tc.in, got.Location())
		}
		if !ok && got != (time.Time{}) {
			t.Errorf("Parse(%q) failed but returned %v", tc.in, got)
		}
	}
}

// TestParseCorpus checks that every timestamp found in the real samples
// parses, and that the few time-like strings that are not in a supported
// layout are rejected rather than misread.
func TestParseCorpus(t *testing.T) {
	for _, s := range corpusTimestamps {
		if _, _, ok := Parse([]byte(s)); !ok {
			t.Errorf("Parse(%q) failed", s)
		}
	}
	for _, s := range corpusUnsupported {
		if got, _, ok := Parse([]byte(s)); ok {
			t.Errorf("Parse(%q) = %v, want failure", s, got)
		}
	}
}

func TestLayoutString(t *testing.T) {
	for l, want := range map[Layout]string{
		LayoutUnknown: "Unknown", LayoutISO: "ISO", LayoutUS: "US", LayoutRFC1123: "RFC1123",
		LayoutSlash: "Slash", 200: "Layout(200)",
	} {
		if got := l.String(); got != want {
			t.Errorf("Layout(%d).String() = %q, want %q", uint8(l), got, want)
		}
	}
}

func TestAppendISO(t *testing.T) {
	east := time.FixedZone("east", 2*3600)
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{utc(2025, 4, 15, 10, 16, 32, 987344100), "2025-04-15T10:16:32.9873441Z"},
		{utc(2025, 4, 15, 10, 16, 32, 0), "2025-04-15T10:16:32Z"},
		{utc(2025, 4, 15, 10, 16, 32, 100000000), "2025-04-15T10:16:32.1Z"},
		{utc(2025, 4, 15, 10, 16, 32, 123456789), "2025-04-15T10:16:32.123456789Z"},
		{utc(2025, 4, 15, 10, 16, 32, 1), "2025-04-15T10:16:32.000000001Z"},
		{time.Date(2007, 1, 9, 11, 41, 0, 0, east), "2007-01-09T09:41:00Z"},
		{time.Date(2025, 1, 1, 1, 0, 0, 0, east), "2024-12-31T23:00:00Z"},
		{utc(1, 1, 1, 0, 0, 0, 0), "0001-01-01T00:00:00Z"},
		{utc(9999, 12, 31, 23, 59, 59, 999999999), "9999-12-31T23:59:59.999999999Z"},
		{utc(1969, 12, 31, 23, 59, 59, 500000000), "1969-12-31T23:59:59.5Z"},
		{utc(2024, 2, 29, 0, 0, 0, 0), "2024-02-29T00:00:00Z"},
		{utc(2000, 12, 31, 0, 0, 0, 0), "2000-12-31T00:00:00Z"},
		{utc(0, 12, 31, 0, 0, 0, 0), "0000-12-31T00:00:00Z"},
		{utc(-1, 1, 1, 0, 0, 0, 0), "-0001-01-01T00:00:00Z"},
		{utc(12345, 6, 7, 0, 0, 0, 0), "12345-06-07T00:00:00Z"},
		{time.Time{}, "0001-01-01T00:00:00Z"},
	} {
		got := AppendISO([]byte("x"), tc.t)
		if string(got) != "x"+tc.want {
			t.Errorf("AppendISO(%v) = %q, want %q", tc.t, got[1:], tc.want)
		}
	}
}

// TestAppendISOMatchesFormat compares AppendISO with time.Format over
// random instants across and beyond the years 0001 to 9999.
func TestAppendISOMatchesFormat(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 0, 64)
	for i := 0; i < 200000; i++ {
		sec := r.Int64N(2*maxUnix) - maxUnix - 100*365*secondsPerDay
		ns := int64(0)
		switch i % 3 {
		case 1:
			ns = r.Int64N(1e9)
		case 2:
			ns = r.Int64N(1e7) * 100
		}
		tm := time.Unix(sec, ns)
		if want := tm.UTC().Format(time.RFC3339Nano); string(AppendISO(buf[:0], tm)) != want {
			t.Fatalf("AppendISO(%v) = %q, want %q", tm, AppendISO(nil, tm), want)
		}
	}
}

// TestCivil checks the calendar arithmetic against the time package for
// every day from 0001-01-01 to 9999-12-31.
func TestCivil(t *testing.T) {
	step := int64(1)
	if testing.Short() {
		step = 97
	}
	for days := int64(minUnix / secondsPerDay); days <= maxUnix/secondsPerDay; days += step {
		y, m, d := civil(uint64(days + daysBeforeUnix))
		wy, wm, wd := time.Unix(days*secondsPerDay, 0).UTC().Date()
		if y != wy || m != int(wm) || d != wd {
			t.Fatalf("civil(%d) = %d-%d-%d, want %d-%d-%d", days, y, m, d, wy, wm, wd)
		}
		if got := unixDays(y, m, d); got != days {
			t.Fatalf("unixDays(%d, %d, %d) = %d, want %d", y, m, d, got, days)
		}
	}
	if got := time.Unix(minUnix, 0).UTC(); !got.Equal(utc(1, 1, 1, 0, 0, 0, 0)) {
		t.Errorf("minUnix is %v", got)
	}
	if got := time.Unix(maxUnix, 0).UTC(); !got.Equal(utc(9999, 12, 31, 23, 59, 59, 0)) {
		t.Errorf("maxUnix is %v", got)
	}
}

func TestParseAllocs(t *testing.T) {
	inputs := []string{
		"2025-04-15T10:16:32.9873441Z",
		"2022-01-22T18:15:02.3875429+00:00",
		"2022-09-09T8:48:50.361Z",
		"2016-06-01",
		"9/7/2022 2:41:35 PM +00:00",
		"Fri, 21 Jul 2017 01:00:51 GMT",
		"2023/03/21 08:49:20.0000000",
		// Failures.
		"",
		"2023-02-29",
		"2025-04-15T10:16:32.9873441Zjunk",
		"9/7/2022 13:41:35 PM",
		"Fri, 21 Jux 2017 01:00:51 GMT",
		"not a timestamp at all",
	}
	for _, s := range inputs {
		b := []byte(s)
		if n := testing.AllocsPerRun(100, func() { Parse(b) }); n != 0 {
			t.Errorf("Parse(%q) allocates %v times, want 0", s, n)
		}
	}
}

func TestAppendISOAllocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	tm := utc(2025, 4, 15, 10, 16, 32, 987344100)
	if n := testing.AllocsPerRun(100, func() { buf = AppendISO(buf[:0], tm) }); n != 0 {
		t.Errorf("AppendISO allocates %v times, want 0", n)
	}
}

func benchmarkParse(b *testing.B, s string) {
	in := []byte(s)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, _, ok := Parse(in); !ok {
			b.Fatal("Parse failed")
		}
	}
}

func BenchmarkParse(b *testing.B) {
	b.Run("ISO7Z", func(b *testing.B) { benchmarkParse(b, "2025-04-15T10:16:32.9873441Z") })
	b.Run("ISO3Z", func(b *testing.B) { benchmarkParse(b, "2018-03-07T14:23:51.991Z") })
	b.Run("ISOOffset", func(b *testing.B) { benchmarkParse(b, "2022-01-22T18:15:02.3875429+00:00") })
	b.Run("US", func(b *testing.B) { benchmarkParse(b, "9/7/2022 2:41:35 PM +00:00") })
	b.Run("RFC1123", func(b *testing.B) { benchmarkParse(b, "Fri, 21 Jul 2017 01:00:51 GMT") })
	b.Run("Slash", func(b *testing.B) { benchmarkParse(b, "2023/03/21 08:49:20.0000000") })
}

// BenchmarkMemo parses times of one minute, as a blob's records have
// them, with a Memo.
func BenchmarkMemo(b *testing.B) {
	in := [][]byte{[]byte("2025-04-15T10:16:32.9873441Z"), []byte("2025-04-15T10:16:33.0112006Z"), []byte("2025-04-15T10:16:35.5Z")}
	var m Memo
	b.ReportAllocs()
	b.SetBytes(int64(len(in[0])))
	i := 0
	for b.Loop() {
		if _, _, ok := m.Parse(in[i%3]); !ok {
			b.Fatal("Parse failed")
		}
		i++
	}
}

// BenchmarkParseStdlib is the baseline: time.Parse on the common layout.
func BenchmarkParseStdlib(b *testing.B) {
	const s = "2025-04-15T10:16:32.9873441Z"
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendISO(b *testing.B) {
	tm := utc(2025, 4, 15, 10, 16, 32, 987344100)
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	b.SetBytes(int64(len(AppendISO(nil, tm))))
	for b.Loop() {
		buf = AppendISO(buf[:0], tm)
	}
}

var (
	sinkTime time.Time
	fields   = [...]int{2025, 4, 15, 10, 16, 32, 987344100, 3600}
)

// buildWithDate is build written with time.Date, for BenchmarkBuild.
func buildWithDate(y, mo, d, h, mi, s, ns, off int) (time.Time, bool) {
	if y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 {
		return time.Time{}, false
	}
	if d > 28 && d > daysIn(mo, y) {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, s-off, ns, time.UTC)
	if y := t.Year(); y < 1 || y > 9999 {
		return time.Time{}, false
	}
	return t, true
}

// BenchmarkBuild compares the two ways of making the Time from parsed
// fields: Unix seconds computed here, as build does, and time.Date.
func BenchmarkBuild(b *testing.B) {
	f := fields
	b.Run("unix", func(b *testing.B) {
		for b.Loop() {
			sinkTime, _ = build(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])
		}
	})
	b.Run("date", func(b *testing.B) {
		for b.Loop() {
			sinkTime, _ = buildWithDate(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])
		}
	})
}
