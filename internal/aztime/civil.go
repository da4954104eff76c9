package aztime

import "time"

// Calendar arithmetic on the proleptic Gregorian calendar. Parse computes
// Unix seconds itself and calls time.Unix, which is cheaper than time.Date:
// time.Date normalizes every field and converts through the Location, work
// that Parse has already done or does not need (see BenchmarkBuild).

const (
	secondsPerDay = 86400
	// daysBeforeUnix is the number of days from 0001-01-01 to 1970-01-01.
	daysBeforeUnix = 719162
	// The Unix times of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z,
	// the range Parse accepts.
	minUnix = -daysBeforeUnix * secondsPerDay
	maxUnix = 253402300799

	daysPer400Years = 400*365 + 97
	daysPer100Years = 100*365 + 24
	daysPer4Years   = 4*365 + 1
)

// daysBefore[m] is the number of days in a common year before month m+1,
// for m from 0 to 12.
var daysBefore = [...]int{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the number of days of month m (1 to 12) of year y.
func daysIn(m, y int) int {
	if m == 2 && isLeap(y) {
		return 29
	}
	return daysBefore[m] - daysBefore[m-1]
}

// build checks the fields of a date and time written with a zone offset of
// off seconds east of UTC, and returns the instant in UTC. It reports false
// if a field is out of range or the instant is outside the years 0001 to
// 9999 in UTC. Fields are non-negative, as the digit readers make them.
func build(y, mo, d, h, mi, s, ns, off int) (time.Time, bool) {
	if y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 {
		return time.Time{}, false
	}
	if d > 28 && d > daysIn(mo, y) {
		return time.Time{}, false
	}
	sec := unixDays(y, mo, d)*secondsPerDay + int64(h*3600+mi*60+s-off)
	if sec < minUnix || sec > maxUnix {
		return time.Time{}, false
	}
	return time.Unix(sec, int64(ns)).UTC(), true
}

// unixDays returns the number of days from 1970-01-01 to the valid date
// y-m-d, for a year y of at least 1.
func unixDays(y, m, d int) int64 {
	n := y - 1 // complete years since 0001, so never negative
	days := n*365 + n/4 - n/100 + n/400 + daysBefore[m-1] + d - 1
	if m > 2 && isLeap(y) {
		days++
	}
	return int64(days) - daysBeforeUnix
}

// civil returns the date that is n days after 0001-01-01.
func civil(n uint64) (y, m, d int) {
	// Split n into whole 400-, 100-, 4- and 1-year cycles. Unsigned
	// division by constants is cheapest.
	q400 := n / daysPer400Years
	n -= q400 * daysPer400Years
	q100 := n / daysPer100Years
	if q100 == 4 { // the last day of a 400-year cycle, a leap year
		q100 = 3
	}
	n -= q100 * daysPer100Years
	q4 := n / daysPer4Years
	n -= q4 * daysPer4Years
	q1 := n / 365
	if q1 == 4 { // the last day of a 4-year cycle, a leap year
		q1 = 3
	}
	n -= q1 * 365
	y = int(q400*400+q100*100+q4*4+q1) + 1

	// The last year of a 4-year cycle is a leap year, except the last
	// of a century that does not end a 400-year cycle.
	yday := int(n) // 0-based
	if q1 == 3 && (q4 != 24 || q100 == 3) {
		switch {
		case yday == 31+28:
			return y, 2, 29
		case yday > 31+28:
			yday--
		}
	}
	m = yday/32 + 1 // never more than one month short
	if yday >= daysBefore[m] {
		m++
	}
	return y, m, yday - daysBefore[m-1] + 1
}
