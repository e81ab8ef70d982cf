package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"industrytargets/internal/config"
	"industrytargets/internal/format"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
)

func runProgress(ctx context.Context, e env, cfg config.Config, args []string) error {
	fs := newFlags("progress", "progress --plan CODE [--as-of YYYY-MM-DD] [--year Y] [--basis current|const2010|const2020] [--format json|table]", e.stderr)
	cfg.DatabaseFlag(fs)
	code := fs.String("plan", "", "the plan's code, e.g. HD-3164 (required)")
	asOf := fs.String("as-of", "", "the report date, YYYY-MM-DD (default: today in Vietnam)")
	year := fs.Int("year", 0, "the report's year, at most the report date's (default: the latest year of either metric)")
	basis := fs.String("basis", string(model.BasisCurrent), "price basis: current, const2010 or const2020")
	out := fs.String("format", "table", "json (the API's document) or table (Vietnamese)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *code == "":
		return usageError{errors.New("--plan is required, e.g. --plan HD-3164")}
	case !model.PriceBasis(*basis).Valid():
		return usageError{fmt.Errorf("unknown price basis %q: use current, const2010 or const2020", *basis)}
	case *out != "json" && *out != "table":
		return usageError{fmt.Errorf("unknown format %q: use json or table", *out)}
	case fs.NArg() > 0:
		return usageError{fmt.Errorf("progress takes no arguments, got %q", fs.Args())}
	}
	today := vietnamToday()
	day := today
	if *asOf != "" {
		d, err := time.Parse(time.DateOnly, *asOf)
		if err != nil {
			return usageError{fmt.Errorf("--as-of %q is not a day written YYYY-MM-DD", *asOf)}
		}
		if err := progress.CheckDate(d, today); err != nil {
			return usageError{fmt.Errorf("--as-of %s is after today (%s): progress is as of a day that has come", *asOf, today.Format(time.DateOnly))}
		}
		day = d
	}
	if *year > day.Year() {
		return usageError{fmt.Errorf("--year %d has not come yet on %s: a report covers at most the year of its date, %d",
			*year, day.Format(time.DateOnly), day.Year())}
	}
	if err := cfg.RequireDatabase(); err != nil {
		return usageError{err}
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{MaxConns: 4})
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := st.Progress(ctx, *code, store.Query{AsOf: day, Year: *year, Basis: model.PriceBasis(*basis)})
	if err != nil {
		return progressError(ctx, st, *code, err)
	}
	if *out == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	plan, err := st.Plan(ctx, *code)
	if err != nil {
		return err
	}
	return writeProgressTable(e.stdout, plan, r)
}

// vietnamToday is the current day in Vietnam, UTC+7 without daylight
// saving since 1975: the default report date.
func vietnamToday() time.Time {
	y, m, d := time.Now().In(time.FixedZone("ICT", 7*60*60)).Date()
	return model.Date(y, m, d)
}

// progressError turns an unknown plan or a bad year into a usage error that
// says what would have worked.
func progressError(ctx context.Context, st *store.Store, code string, err error) error {
	switch {
	case errors.Is(err, model.ErrNotFound):
		plans, perr := st.Plans(ctx)
		if perr != nil {
			return usageError{fmt.Errorf("unknown plan %q", code)}
		}
		codes := make([]string, len(plans))
		for i, p := range plans {
			codes[i] = p.Code
		}
		return usageError{fmt.Errorf("unknown plan %q; plans: %s", code, strings.Join(codes, ", "))}
	case errors.Is(err, model.ErrInvalid):
		return usageError{err}
	}
	return err
}

// writeProgressTable prints the report for people, in Vietnamese.
func writeProgressTable(w io.Writer, plan model.Plan, r progress.Report) error {
	latestShare := "chưa có"
	if r.Latest.OutputShare != 0 {
		latestShare = fmt.Sprint(r.Latest.OutputShare)
	}
	fmt.Fprintf(w, "%s — %s\nQuyết định %s · năm gốc %d · %s\nBáo cáo ngày %s của %s — %s · giá %s · số doanh nghiệp đến năm %d, tỷ trọng đến năm %s\n\n",
		plan.Code, plan.Name, plan.DecisionNo, plan.BaselineYear, r.Territory.Name,
		format.Date(r.Period.Date), r.Authority.Department, r.Authority.Body, format.Basis(r.Basis),
		r.Latest.EnterpriseCount, latestShare)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "Năm\tSố DN\tGTSX của các DN (triệu đồng)\tGTSX toàn ngành (triệu đồng)\tTỷ trọng\tĐộ phủ số liệu\t")
	for _, p := range r.Series {
		province, share, year := "—", "—", fmt.Sprint(p.Year)
		if p.ProvinceOutput != nil {
			province = format.Money(*p.ProvinceOutput)
			if p.ProvinceStatus != "" && p.ProvinceStatus != model.StatusOfficial {
				province += " (" + format.Status(p.ProvinceStatus) + ")"
			}
		}
		if p.OutputShare != nil {
			share = format.Percent(*p.OutputShare)
		}
		if !p.Closed {
			year += " (đến " + format.Date(r.Period.Date) + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", year, format.Int(int64(p.EnterpriseCount)),
			format.Money(p.QualifyingOutput), province, share, format.Percent(p.OutputCoverage))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if n := r.Territory.UnlocatedEnterprises; n > 0 {
		fmt.Fprintf(w, "Chưa tính %d doanh nghiệp chưa có địa bàn (ở tỉnh chỉ một phần thuộc %s).\n", n, r.Territory.Name)
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Chỉ tiêu\tNăm\tĐánh giá theo năm\tMục tiêu\tThực tế\tTheo lộ trình\tTình trạng\tTỷ số R\tCần thêm mỗi năm\tDự báo năm mục tiêu")
	for _, t := range r.Targets {
		judged := "—"
		if t.JudgedYear != 0 {
			judged = fmt.Sprint(t.JudgedYear)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", metricShort(t.Metric), t.Year, judged,
			metricValue(t.Metric, &t.Value), metricValue(t.Metric, t.Actual), metricValue(t.Metric, t.Expected),
			t.Status.Label(model.LangVI), plain(t.Ratio, 2), neededValue(t.Metric, t.NeededPerYear),
			metricValue(t.Metric, t.Projected))
	}
	return tw.Flush()
}

func metricShort(m model.Metric) string {
	if m == model.MetricOutputShare {
		return "Tỷ trọng GTSX"
	}
	return "Số doanh nghiệp"
}

func metricValue(m model.Metric, v *float64) string {
	switch {
	case v == nil:
		return "—"
	case m == model.MetricOutputShare:
		return format.Percent(*v)
	}
	return format.Int(int64(math.Round(*v)))
}

// neededValue is how much a metric must grow each year: enterprises, or
// percentage points of a share ("4 điểm %", not "4%", which would read as a
// share).
func neededValue(m model.Metric, v *float64) string {
	if v == nil || m != model.MetricOutputShare {
		return metricValue(m, v)
	}
	return strings.TrimSuffix(format.Percent(*v), "%") + " điểm %"
}

func plain(v *float64, digits int) string {
	if v == nil {
		return "—"
	}
	return format.Decimal(*v, digits)
}
