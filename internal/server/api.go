package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"industrytargets/internal/model"
	"industrytargets/internal/progress"
	"industrytargets/internal/store"
)

// apiPlan is a plan as the read-only API writes it.
type apiPlan struct {
	Code         string           `json:"code"`
	Province     string           `json:"province"`
	Name         string           `json:"name"`
	NameEN       string           `json:"name_en"`
	DecisionNo   string           `json:"decision_no"`
	DecisionDate *string          `json:"decision_date"`
	BaselineYear int              `json:"baseline_year"`
	Categories   []model.Category `json:"categories"`
	Targets      []apiTarget      `json:"targets"`
}

type apiTarget struct {
	Metric model.Metric `json:"metric"`
	Year   int          `json:"year"`
	Value  float64      `json:"value"`
}

// handleAPIPlans lists every plan with its categories and targets.
func handleAPIPlans(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		plans, err := d.st.Plans(r.Context())
		if err != nil {
			apiError(w, r, d.logger, err)
			return
		}
		out := make([]apiPlan, len(plans))
		for i, p := range plans {
			out[i] = apiPlan{Code: p.Code, Province: p.ProvinceCode, Name: p.Name, NameEN: p.NameEN,
				DecisionNo: p.DecisionNo, BaselineYear: p.BaselineYear, Categories: p.Categories,
				Targets: make([]apiTarget, len(p.Targets))}
			if p.DecisionDate != nil {
				d := p.DecisionDate.Format(time.DateOnly)
				out[i].DecisionDate = &d
			}
			for j, t := range p.Targets {
				out[i].Targets[j] = apiTarget{Metric: t.Metric, Year: t.Year, Value: t.Value}
			}
		}
		writeJSON(w, r, d.logger, http.StatusOK, map[string]any{"plans": out})
	})
}

// handleAPIProgress answers the document `progress --format json` prints.
func handleAPIProgress(d *deps) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		basis := model.BasisCurrent
		if b := r.URL.Query().Get("basis"); b != "" {
			basis = model.PriceBasis(b)
		}
		if !basis.Valid() {
			writeJSONError(w, r, d.logger, http.StatusBadRequest, "bad_basis", "basis must be current, const2010 or const2020")
			return
		}
		day, _, err := reportDate(r)
		if err != nil {
			writeJSONError(w, r, d.logger, http.StatusBadRequest, "bad_as_of",
				"as_of must be a day written YYYY-MM-DD, not after today ("+vnToday().Format(time.DateOnly)+")")
			return
		}
		year := 0
		if y := r.URL.Query().Get("year"); y != "" {
			n, err := strconv.Atoi(y)
			if err != nil || n < model.MinFigureYear || n > model.MaxFigureYear {
				writeJSONError(w, r, d.logger, http.StatusBadRequest, "bad_year", "year must be a whole number from 1990 to 2100")
				return
			}
			if n > day.Year() {
				writeJSONError(w, r, d.logger, http.StatusBadRequest, "future_year",
					fmt.Sprintf("year %d has not come yet on %s: a report covers at most the year of its date, %d", n, day.Format(time.DateOnly), day.Year()))
				return
			}
			year = n
		}
		code := r.PathValue("code")
		q := store.Query{AsOf: day, Year: year, Basis: basis}
		rep, r, err := kept(d, r, fmt.Sprintf("progress|%s|%s|%d|%s", code, basis, year, day.Format(time.DateOnly)),
			func(ctx context.Context) (progress.Report, error) { return d.st.Progress(ctx, code, q) })
		if err != nil {
			apiError(w, r, d.logger, err)
			return
		}
		writeJSON(w, r, d.logger, http.StatusOK, rep)
	})
}

// apiError answers err as JSON with the status its kind calls for.
func apiError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	if clientGone(r, err) {
		return
	}
	switch {
	case errors.Is(err, model.ErrNotFound):
		writeJSONError(w, r, logger, http.StatusNotFound, "not_found", "no such plan")
	case errors.Is(err, model.ErrInvalid):
		writeJSONError(w, r, logger, http.StatusBadRequest, "bad_request", err.Error())
	default:
		status, _ := errorStatus(r.Context(), err)
		if status >= 500 {
			logger.Error("api request failed", "path", r.URL.Path, "status", status, "err", err)
		}
		writeJSONError(w, r, logger, status, "server_error", http.StatusText(status))
	}
}

func writeJSONError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, status int, code, msg string) {
	writeJSON(w, r, logger, status, map[string]string{"error": code, "message": msg})
}

// writeJSON encodes v in full before writing, so an encoding failure is a
// clean 500.
func writeJSON(w http.ResponseWriter, r *http.Request, logger *slog.Logger, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		logger.Error("encode json", "path", r.URL.Path, "err", err)
		http.Error(w, `{"error":"server_error"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
