package progress

import "industrytargets/internal/model"

var statusLabels = map[Status][2]string{
	StatusAchieved:           {"đã đạt", "achieved"},
	StatusOnTrack:            {"đúng tiến độ", "on track"},
	StatusAccelerationNeeded: {"cần tăng tốc", "acceleration needed"},
	StatusLimitedProgress:    {"tiến triển hạn chế", "limited progress"},
	StatusDeterioration:      {"đang đi xuống", "deterioration"},
	StatusMissed:             {"không đạt", "missed"},
	StatusNotDetermined:      {"chưa xác định được", "not determined"},
	StatusAwaitingData:       {"chờ số liệu", "awaiting data"},
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
