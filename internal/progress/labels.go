package progress

import (
	"fmt"

	"industrytargets/internal/model"
)

var statusLabels = map[Status][2]string{
	StatusAchieved:           {"đã đạt", "achieved"},
	StatusOnTrack:            {"đúng tiến độ", "on track"},
	StatusAccelerationNeeded: {"cần tăng tốc", "acceleration needed"},
	StatusLimitedProgress:    {"tiến triển hạn chế", "limited progress"},
	StatusDeterioration:      {"đang đi xuống", "deterioration"},
	StatusMissed:             {"không đạt", "missed"},
	StatusInsufficientData:   {"chưa đủ số liệu", "insufficient data"},
}

// Label names the status in words, in lang.
func (s Status) Label(lang model.Lang) string {
	l, ok := statusLabels[s]
	if !ok {
		return string(s)
	}
	if lang == model.LangEN {
		return l[1]
	}
	return l[0]
}

// CheckYear refuses an as-of year a report cannot be drawn for: outside the
// years figures may take, or before the plan's baseline. 0 (the default
// year) is always accepted.
func CheckYear(plan model.Plan, year int) error {
	if year == 0 {
		return nil
	}
	if year < max(plan.BaselineYear, model.MinFigureYear) || year > model.MaxFigureYear {
		return fmt.Errorf("%w: year %d is outside %d–%d (plan %s starts from its baseline year %d)",
			model.ErrInvalid, year, plan.BaselineYear, model.MaxFigureYear, plan.Code, plan.BaselineYear)
	}
	return nil
}
