package static

import (
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"github.com/tollcharts/tollcharts/charts/figure"
)

// On a time scale (Figure.TimeScale) the plot's x is days: days since the
// first date, or, when the figure mirrors its axis, days before the last.

// span is the days from a time-scale figure's first date to its last.
func span(f *figure.Figure) float64 { return f.Day(float64(len(f.Categories) - 1)) }

// scaleX is the plot's x of a logical position (category index, or a
// mark's position between two).
func scaleX(f *figure.Figure, pos float64) float64 {
	d := f.Day(pos)
	if f.MirrorCategories() {
		return span(f) - d
	}
	return d
}

// dateAt is the day the plot's x stands on.
func dateAt(f *figure.Figure, x float64) time.Time {
	ts := f.Times()
	if f.MirrorCategories() {
		x = span(f) - x
	}
	return ts[0].Add(time.Duration(x * 24 * float64(time.Hour)))
}

// timeSteps are the tick steps, in months, a time scale may take.
var timeSteps = []int{1, 2, 3, 6, 12, 24, 60, 120}

// timeTicks labels a time scale at the first day of a month (of a year
// when the step is a year or more), at the smallest step whose labels fit
// the axis' width, in the figure's locale.
type timeTicks struct {
	f     *figure.Figure
	sty   text.Style
	width vg.Length // of the axis
}

func (t timeTicks) Ticks(lo, hi float64) []plot.Tick {
	from, to := dateAt(t.f, lo), dateAt(t.f, hi)
	if from.After(to) {
		from, to = to, from
	}
	for _, step := range timeSteps {
		ticks := t.at(from, to, step)
		var widest vg.Length
		for _, tk := range ticks {
			widest = max(widest, t.sty.Width(tk.Label))
		}
		if len(ticks) == 0 || step == timeSteps[len(timeSteps)-1] ||
			vg.Length(len(ticks))*(widest+t.sty.Font.Size*1.5) <= t.width {
			return ticks
		}
	}
	return nil
}

// at lists the ticks every step months from..to, at the first of the month.
func (t timeTicks) at(from, to time.Time, step int) []plot.Tick {
	loc := t.f.Locale
	first := t.f.Times()[0]
	d := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if step >= 12 {
		d = time.Date(from.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	for (int(d.Month())-1)%min(step, 12) != 0 || (step > 12 && d.Year()%(step/12) != 0) {
		d = d.AddDate(0, 1, 0)
	}
	var out []plot.Tick
	for ; !d.After(to); d = d.AddDate(0, step, 0) {
		if d.Before(from) {
			continue
		}
		x := d.Sub(first).Hours() / 24
		if t.f.MirrorCategories() {
			x = span(t.f) - x
		}
		label := loc.Year(d.Year())
		if step < 12 && d.Month() != time.January {
			label = loc.Month(d.Month()) + " " + label
		}
		out = append(out, plot.Tick{Value: x, Label: label})
	}
	return out
}
