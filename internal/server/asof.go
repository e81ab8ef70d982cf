package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/web"
)

// Every view of progress is as of a report date (DESIGN.md rule 9): today
// in Vietnam unless the address asks for another with as_of=YYYY-MM-DD, so
// a past view can be drawn again.

// errBadAsOf is a report date that is not a day, or not one that has come.
var errBadAsOf = errors.New("bad report date")

// reportDate reads the report date of r: as_of, or today in Vietnam. param
// is as_of as given ("" for today), to carry into links.
func reportDate(r *http.Request) (day time.Time, param string, err error) {
	today := vnToday()
	param = r.URL.Query().Get("as_of")
	if param == "" {
		return today, "", nil
	}
	d, err := time.Parse(time.DateOnly, param)
	if err != nil || progress.CheckDate(d, today) != nil || d.Year() < model.MinFigureYear {
		return today, "", errBadAsOf
	}
	return d, param, nil
}

// asOfQuery adds the report date to the query of a link, unless it is
// today.
func asOfQuery(v url.Values, param string) url.Values {
	if param != "" {
		v.Set("as_of", param)
	}
	return v
}

// yearChoices are the years a page of plan as of day may be asked for: from
// the baseline to the report date's year, never a year to come, the current
// year marked as counted to date (rule 9).
func yearChoices(ctx context.Context, plan model.Plan, day time.Time) []web.Choice {
	f := format.For(i18n.From(ctx))
	var out []web.Choice
	for y := plan.BaselineYear; y <= day.Year(); y++ {
		label := strconv.Itoa(y)
		if y == day.Year() {
			label = i18n.Tf(ctx, "%d (đến ngày %s)", y, f.Date(day))
		}
		out = append(out, web.Choice{Value: strconv.Itoa(y), Label: label})
	}
	return out
}

// yearRefusal says, in the reader's language, why a report cannot be drawn
// for year as of day.
func yearRefusal(ctx context.Context, plan model.Plan, year int, day time.Time) string {
	if year > day.Year() {
		return i18n.Tf(ctx, "Năm %d chưa đến: ngày báo cáo là %s, nên chỉ xem được đến năm %d.", year,
			format.For(i18n.From(ctx)).Date(day), day.Year())
	}
	return i18n.Tf(ctx, "Không có số liệu cho năm %d: đề án %s tính từ năm gốc %d.", year, plan.Code, plan.BaselineYear)
}
