package chart

import (
	"fmt"
	"io"
	"testing"
)

// The charts at national scale: a count series over fifteen years with its
// trajectory, projection and targets; a breakdown by the districts of 34
// provinces (about 700 bars); entries and exits of every year.

func BenchmarkLine(b *testing.B) {
	var l Line
	l.Title, l.YLabel, l.Unit = "Số doanh nghiệp", "Số doanh nghiệp", "doanh nghiệp"
	for y := 2016; y <= 2025; y++ {
		l.Actual = append(l.Actual, Point{Year: y, Value: float64(60_000 + 4_000*(y-2016)), Href: "/enterprises?year=" + fmt.Sprint(y)})
	}
	for y := 2020; y <= 2030; y++ {
		l.Trajectory = append(l.Trajectory, Point{Year: y, Value: float64(70_000 + 5_000*(y-2020))})
	}
	for y := 2026; y <= 2030; y++ {
		l.Projection = append(l.Projection, Point{Year: y, Value: float64(96_000 + 4_000*(y-2025))})
	}
	l.Targets = []Target{{Year: 2025, Value: 95_000}, {Year: 2030, Value: 120_000}}
	for b.Loop() {
		if err := l.Render(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBar(b *testing.B) {
	var c Bar
	c.Title, c.Unit = "Theo địa bàn", "doanh nghiệp"
	for i := range 700 {
		c.Items = append(c.Items, BarItem{Label: fmt.Sprintf("Huyện thử %d", i), Value: float64(700 - i),
			Href: fmt.Sprintf("/enterprises?area=%d", i)})
	}
	for b.Loop() {
		if err := c.Render(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBarTable(b *testing.B) {
	var c Bar
	for i := range 700 {
		c.Items = append(c.Items, BarItem{Label: fmt.Sprintf("Huyện thử %d", i), Value: float64(700 - i)})
	}
	for b.Loop() {
		if _, rows := c.Table(); len(rows) != 700 {
			b.Fatal(len(rows))
		}
	}
}
