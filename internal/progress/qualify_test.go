package progress

import (
	"testing"
	"time"

	"industrytargets/internal/model"
)

func TestQualifies(t *testing.T) {
	sup, ht, clean := model.CategorySupporting, model.CategoryHighTech, model.CategoryCleanTech
	cats := []model.Category{sup, ht}
	cases := []struct {
		name          string
		since, ceased string
		classes       []model.Classification
		year          int
		want          bool
	}{
		{"ceased on 31 December is gone that year", "2010", "31/12/2022", []model.Classification{class(t, sup, "2018", "")}, 2022, false},
		{"ceased on 31 December counts the year before", "2010", "31/12/2022", []model.Classification{class(t, sup, "2018", "")}, 2021, true},
		{"ceased on 30 December", "2010", "30/12/2022", []model.Classification{class(t, sup, "2018", "")}, 2022, false},
		{"ceased on 1 January after", "2010", "01/01/2023", []model.Classification{class(t, sup, "2018", "")}, 2022, true},
		{"certificate from 31 December counts that year", "2010", "", []model.Classification{class(t, sup, "31/12/2022", "")}, 2022, true},
		{"certificate from 31 December not the year before", "2010", "", []model.Classification{class(t, sup, "31/12/2022", "")}, 2021, false},
		{"certificate from 1 January not the year before", "2010", "", []model.Classification{class(t, sup, "01/01/2023", "")}, 2022, false},
		{"certificate from 1 January counts its year", "2010", "", []model.Classification{class(t, sup, "01/01/2023", "")}, 2023, true},
		{"expired certificate", "2010", "", []model.Classification{class(t, sup, "2018", "30/06/2022")}, 2022, false},
		{"certificate before it expired", "2010", "", []model.Classification{class(t, sup, "2018", "30/06/2022")}, 2021, true},
		{"certificate until 31 December covers it", "2010", "", []model.Classification{class(t, sup, "2018", "31/12/2022")}, 2022, true},
		{"certificate until 31 December, next year", "2010", "", []model.Classification{class(t, sup, "2018", "31/12/2022")}, 2023, false},
		{"two overlapping classifications", "2010", "", []model.Classification{class(t, sup, "2018", ""), class(t, ht, "2019", "")}, 2022, true},
		{"gap between certificates", "2010", "", gapClasses(t), 2020, false},
		{"before the gap", "2010", "", gapClasses(t), 2019, true},
		{"after the gap", "2010", "", gapClasses(t), 2021, true},
		{"bare operating_since is 1 January", "2021", "", []model.Classification{class(t, sup, "2018", "")}, 2021, true},
		{"bare ceased_on is 31 December", "2010", "2022", []model.Classification{class(t, sup, "2018", "")}, 2022, false},
		{"bare valid_until is 31 December", "2010", "", []model.Classification{class(t, sup, "2018", "2022")}, 2022, true},
		{"bare valid_from is 1 January", "2010", "", []model.Classification{class(t, sup, "2023", "")}, 2022, false},
		{"operating from 31 December", "31/12/2022", "", []model.Classification{class(t, sup, "2018", "")}, 2022, true},
		{"operating from 1 January after", "01/01/2023", "", []model.Classification{class(t, sup, "2018", "")}, 2022, false},
		{"category not in the plan", "2010", "", []model.Classification{class(t, clean, "2018", "")}, 2022, false},
		{"plan category beside another", "2010", "", []model.Classification{class(t, clean, "2018", ""), class(t, ht, "2020", "")}, 2022, true},
		{"no classification", "2010", "", nil, 2022, false},
		{"ceased before the certificate began", "2010", "31/12/2019", []model.Classification{class(t, sup, "2020", "")}, 2020, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ent(t, 1, c.since, c.ceased, c.classes...)
			if got := Qualifies(r.Enterprise, r.Classifications, cats, c.year); got != c.want {
				t.Errorf("Qualifies(%d) = %v, want %v", c.year, got, c.want)
			}
		})
	}
}

// gapClasses are two certificates with a gap over 31/12/2020.
func gapClasses(tb testing.TB) []model.Classification {
	return []model.Classification{
		class(tb, model.CategorySupporting, "2018", "30/06/2020"),
		class(tb, model.CategorySupporting, "01/03/2021", ""),
	}
}

// Dates read as midnight in a zone west of UTC fall a few hours into 31
// December UTC; compared as instants they would miss the day.
func TestQualifiesComparesCalendarDays(t *testing.T) {
	west := time.FixedZone("UTC-5", -5*3600)
	lastDay := time.Date(2022, time.December, 31, 0, 0, 0, 0, west)
	cats := []model.Category{model.CategorySupporting}
	e := model.Enterprise{OperatingSince: model.Date(2010, 1, 1)}
	cls := []model.Classification{{Category: model.CategorySupporting, ValidFrom: lastDay}}
	if !Qualifies(e, cls, cats, 2022) {
		t.Errorf("certificate from 31/12/2022 (UTC-5): Qualifies(2022) = false, want true")
	}
	e.CeasedOn = &lastDay
	cls[0].ValidFrom = model.Date(2018, 1, 1)
	if Qualifies(e, cls, cats, 2022) {
		t.Errorf("ceased on 31/12/2022 (UTC-5): Qualifies(2022) = true, want false")
	}
}
