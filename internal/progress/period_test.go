package progress

import (
	"errors"
	"testing"
	"time"

	"industrytargets/internal/model"
)

func TestNewPeriod(t *testing.T) {
	p := plan(supOnly)
	cases := []struct {
		day      string
		year     int
		wantYear int
		wantErr  bool
	}{
		{"2026-12-04", 0, 2025, false}, // the latest year of either metric: the last closed year
		{"2026-01-01", 0, 2025, false}, // 2025 closed by one day
		{"2025-12-31", 0, 2024, false}, // 2025 not closed yet
		{"2026-12-04", 2026, 2026, false},
		{"2026-12-04", 2025, 2025, false},
		{"2026-12-04", 2020, 2020, false},
		{"2026-12-04", 2027, 0, true}, // a year to come is not a fact
		{"2025-12-31", 2026, 0, true},
		{"2026-12-04", 2019, 0, true},  // before the baseline
		{"2020-06-01", 0, 2020, false}, // nothing closed yet: the baseline year to date
		{"2019-12-31", 0, 0, true},     // before the baseline year began
	}
	for _, c := range cases {
		got, err := NewPeriod(p, on(t, c.day), c.year)
		if c.wantErr {
			if !errors.Is(err, model.ErrInvalid) {
				t.Errorf("NewPeriod(%s, %d) = %+v, %v; want ErrInvalid", c.day, c.year, got, err)
			}
			continue
		}
		if err != nil || got.Year != c.wantYear || !got.Date.Equal(on(t, c.day)) {
			t.Errorf("NewPeriod(%s, %d) = %+v, %v; want year %d", c.day, c.year, got, err, c.wantYear)
		}
	}
}

func TestPeriodClosedAndDay(t *testing.T) {
	jan1 := Period{Date: on(t, "2026-01-01"), Year: 2026}
	dec31 := Period{Date: on(t, "2025-12-31"), Year: 2025}
	if !jan1.Closed(2025) || jan1.Closed(2026) {
		t.Errorf("as of 2026-01-01: closed(2025) %v, closed(2026) %v; want true, false", jan1.Closed(2025), jan1.Closed(2026))
	}
	if dec31.Closed(2025) || !dec31.Closed(2024) {
		t.Errorf("as of 2025-12-31: closed(2025) %v, closed(2024) %v; want false, true", dec31.Closed(2025), dec31.Closed(2024))
	}
	if got := jan1.Day(2025); !got.Equal(on(t, "2025-12-31")) {
		t.Errorf("day of closed 2025 = %s, want 31 December", got)
	}
	if got := jan1.Day(2026); !got.Equal(on(t, "2026-01-01")) {
		t.Errorf("day of current 2026 = %s, want the report date", got)
	}
}

func TestCheckDate(t *testing.T) {
	today := on(t, "2026-12-04")
	if err := CheckDate(on(t, "2026-12-04"), today.Add(23*time.Hour)); err != nil {
		t.Errorf("today refused: %v", err)
	}
	if err := CheckDate(on(t, "2026-12-05"), today); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("tomorrow = %v, want ErrInvalid", err)
	}
}

// A target year closed by one day: on 01/01/2026 the 2025 count target is
// judged on 2025's count; on 31/12/2025 it is not yet due and is judged on
// 2024's, the count's latest year.
func TestTargetClosedByOneDay(t *testing.T) {
	p := plan(supOnly, count(2025, 5))
	// Three suppliers from 2015, a fourth certified on 01/03/2025.
	ents := []EnterpriseRecord{supplier(t, 1), supplier(t, 2), supplier(t, 3),
		ent(t, 4, "2010", "", class(t, model.CategorySupporting, "01/03/2025", ""))}
	due := Compute(p, hd, ents, nil, "", asOf(t, p, "2026-01-01", 0)).Targets[0]
	if !due.Due || due.JudgedYear != 2025 || due.Status != StatusMissed {
		t.Errorf("as of 2026-01-01: due %v judged %d %s, want due, 2025, missed", due.Due, due.JudgedYear, due.Status)
	}
	checkNum(t, "2025 count", due.Actual, ptr(4), 0)
	checkNum(t, "shortfall", due.Gap(), ptr(1), 0)
	checkNum(t, "of target", due.OfTarget(), ptr(0.8), 1e-15)
	if due.NeededPerYear != nil || due.Projected != nil || due.Ratio != nil {
		t.Errorf("a due target carries no trend: needed %s projected %s ratio %s",
			fmtNum(due.NeededPerYear), fmtNum(due.Projected), fmtNum(due.Ratio))
	}

	// From 3 in 2020 to 3 in 2024: observed 0, R = 0, limited progress;
	// (5 − 3)/1 a year needed; projected 3.
	ahead := Compute(p, hd, ents, nil, "", asOf(t, p, "2025-12-31", 0)).Targets[0]
	if ahead.Due || ahead.JudgedYear != 2024 || ahead.Status != StatusLimitedProgress {
		t.Errorf("as of 2025-12-31: due %v judged %d %s, want not due, 2024, limited progress", ahead.Due, ahead.JudgedYear, ahead.Status)
	}
	checkNum(t, "2024 count", ahead.Actual, ptr(3), 0)
	checkNum(t, "needed", ahead.NeededPerYear, ptr(2), 0)
	checkNum(t, "projected", ahead.Projected, ptr(3), 0)
}

// The current year is counted to date and is provisional: it never judges a
// target nor serves as a latest year.
func TestCurrentYearToDate(t *testing.T) {
	p := plan(supOnly, count(2030, 10))
	ents := []EnterpriseRecord{
		supplier(t, 1),
		ent(t, 2, "2010", "", class(t, model.CategorySupporting, "01/06/2026", "")), // certified this year
		ent(t, 3, "2010", "", class(t, model.CategorySupporting, "10/12/2026", "")), // after the report date
		ent(t, 4, "2010", "01/11/2026", class(t, model.CategorySupporting, "2015", "")),
	}
	r := Compute(p, hd, ents, nil, "", asOf(t, p, "2026-12-04", 2026))
	cur, ok := r.Point(2026)
	if !ok || cur.Closed || cur.EnterpriseCount != 2 {
		t.Fatalf("2026 point %+v (found %v), want open with 2 counted (1 and 2)", cur, ok)
	}
	if last, _ := r.Point(2025); !last.Closed || last.EnterpriseCount != 2 {
		t.Errorf("2025 point %+v, want closed with 2 counted (1 and 4)", last)
	}
	if r.Latest.EnterpriseCount != 2025 || r.Targets[0].JudgedYear != 2025 {
		t.Errorf("latest count year %d, judged %d; want 2025 for both", r.Latest.EnterpriseCount, r.Targets[0].JudgedYear)
	}
}

// The four outcomes of a due share (rule 8), and a total still awaited.
func TestDueShareOutcomes(t *testing.T) {
	target := model.Target{Metric: model.MetricOutputShare, Year: 2025, Value: 0.35}
	p := plan(supOnly, target)
	point := func(share float64, reporting, qualifying int) YearPoint {
		return YearPoint{Year: 2025, Closed: true, OutputShare: &share, Reporting: reporting, EnterpriseCount: qualifying,
			OutputCoverage: Coverage(reporting, qualifying), ProvinceStatus: model.StatusEstimate}
	}
	cases := []struct {
		name string
		pt   YearPoint
		want Status
	}{
		{"full coverage, met", point(0.36, 10, 10), StatusAchieved},
		{"full coverage, short", point(0.30, 10, 10), StatusMissed},
		{"lower bound short", point(0.30, 8, 10), StatusNotDetermined},
		{"lower bound already met", point(0.40, 8, 10), StatusAchieved},
		{"no province total", YearPoint{Year: 2025, Closed: true, Reporting: 10, EnterpriseCount: 10, OutputCoverage: 1}, StatusAwaitingData},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := YearPoint{Year: 2020, Closed: true, OutputShare: ptr(0.2), OutputCoverage: 1}
			got := Evaluate(p, []YearPoint{base, c.pt}, Period{Date: on(t, "2026-12-04"), Year: 2025})[0]
			if got.Status != c.want || !got.Due || got.JudgedYear != 2025 {
				t.Errorf("status %s due %v judged %d, want %s, due, 2025", got.Status, got.Due, got.JudgedYear, c.want)
			}
			if got.Qualifying != c.pt.EnterpriseCount || got.Reporting != c.pt.Reporting {
				t.Errorf("coverage parts %d/%d, want %d/%d", got.Reporting, got.Qualifying, c.pt.Reporting, c.pt.EnterpriseCount)
			}
		})
	}
}

// In December 2026 with province totals only to 2024, the share's 2030
// target is judged on 2024 and the count's on 2025, each its own latest
// year; the 2025 share target awaits its total, the count's is judged.
func TestEachMetricsOwnLatestYear(t *testing.T) {
	share2030 := model.Target{Metric: model.MetricOutputShare, Year: 2030, Value: 0.45}
	p := plan(supOnly, count(2025, 3), count(2030, 6), share2025, share2030)
	ents := []EnterpriseRecord{
		withFigures(supplier(t, 1), model.BasisCurrent, map[int]int64{2020: 100, 2024: 150, 2025: 160}),
		withFigures(ent(t, 2, "2010", "", class(t, model.CategorySupporting, "2023", "")),
			model.BasisCurrent, map[int]int64{2024: 50, 2025: 60}),
	}
	outs := totals(model.BasisCurrent, map[int]int64{2020: 1000, 2024: 1000})
	r := Compute(p, hd, ents, outs, "", asOf(t, p, "2026-12-04", 0))
	if r.AsOfYear() != 2025 || r.Latest != (LatestYears{2025, 2024}) {
		t.Fatalf("as of year %d, latest %+v; want 2025, latest count 2025 and share 2024", r.AsOfYear(), r.Latest)
	}
	want := []struct {
		status Status
		judged int
	}{{StatusMissed, 2025}, {StatusAccelerationNeeded, 2025}, {StatusAwaitingData, 2025}, {StatusOnTrack, 2024}}
	for i, w := range want {
		if g := r.Targets[i]; g.Status != w.status || g.JudgedYear != w.judged {
			t.Errorf("targets[%d] %s %d: %s judged %d, want %s judged %d", i, g.Metric, g.Year, g.Status, g.JudgedYear, w.status, w.judged)
		}
	}
	// Count from 1 in 2020 to 2 in 2025: observed 2^(1/5) − 1 = 0.148698,
	// required 6^(1/10) − 1 = 0.196231, R = 0.757771.
	checkNum(t, "count ratio", r.Targets[1].Ratio, ptr(0.757771), 5e-7)
	// Share from 0.1 in 2020 to 0.2 in 2024: observed 2^(1/4) − 1 =
	// 0.189207, required 4.5^(1/10) − 1 = 0.162308, R = 1.165728.
	s := r.Targets[3]
	checkNum(t, "share ratio", s.Ratio, ptr(1.165728), 5e-7)
	checkNum(t, "share 2024", s.Actual, ptr(0.2), 1e-15)
	checkNum(t, "needed", s.NeededPerYear, ptr(0.25/6), 1e-15)
}

func on(tb testing.TB, s string) time.Time {
	tb.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}
