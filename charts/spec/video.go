package spec

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	sy "github.com/tollcharts/tollcharts/charts/internal/strictyaml"
)

// Video is a video: block, of a report or of a chart: how long the
// animation runs, how long its end is held, and the files written.
type Video struct {
	Duration sy.String   `yaml:"duration"` // seconds, "6" or "4.5" (6 when absent)
	Hold     sy.String   `yaml:"hold"`     // seconds of the still at the end (2 when absent)
	Formats  []sy.String `yaml:"formats"`  // mp4, gif (both when absent)
	At       sy.Pos
}

// VideoKinds are the kinds that animate (package video; a test there
// keeps the two lists equal).
var VideoKinds = []string{"bar", "column", "line", "stat", "pictogram", "map", "tilemap", "timeline"}

// VideoFormats are the formats of a video: block.
var VideoFormats = []string{"mp4", "gif"}

// Video limits and defaults, in seconds.
const (
	videoDuration    = 6
	videoHold        = 2
	videoMinHold     = 1.5
	videoMaxDuration = 60
)

// VideoSettings are a chart's resolved video settings.
type VideoSettings struct {
	Duration, Hold time.Duration
	Formats        []string
}

// VideoFor returns the video settings of a chart: its own video: block
// over the report's, which gives a video to every chart of a kind that
// animates. ok is false when the chart has no video.
func (r *Report) VideoFor(c *Chart) (VideoSettings, bool) {
	if c.Video == nil && (r.Video == nil || !slices.Contains(VideoKinds, c.Kind.Value)) {
		return VideoSettings{}, false
	}
	vs := VideoSettings{Duration: videoDuration * time.Second, Hold: videoHold * time.Second, Formats: VideoFormats}
	for _, v := range []*Video{r.Video, c.Video} {
		if v == nil {
			continue
		}
		if d, ok := seconds(v.Duration.Value); ok && v.Duration.Line != 0 {
			vs.Duration = d
		}
		if h, ok := seconds(v.Hold.Value); ok && v.Hold.Line != 0 {
			vs.Hold = h
		}
		if len(v.Formats) > 0 {
			vs.Formats = nil
			for _, f := range v.Formats {
				if !slices.Contains(vs.Formats, f.Value) {
					vs.Formats = append(vs.Formats, f.Value)
				}
			}
		}
	}
	return vs, true
}

// seconds reads "6", "4.5" or "6s".
func seconds(s string) (time.Duration, bool) {
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "s"), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return time.Duration(math.Round(f * float64(time.Second))), true
}

// video checks a video: block; kind is the chart's ("" for the report's).
func (v *validator) video(b *Video, kind string) {
	if b == nil {
		return
	}
	if kind != "" && slices.Contains(kindNames, kind) && !slices.Contains(VideoKinds, kind) {
		v.add(b.At, "kind %s does not animate; a video: block is allowed on kinds: %s", kind, strings.Join(VideoKinds, ", "))
	}
	dur := time.Duration(videoDuration * time.Second)
	if b.Duration.Line != 0 {
		d, ok := seconds(b.Duration.Value)
		if !ok || d <= 0 || d > videoMaxDuration*time.Second {
			v.add(b.Duration.Pos, "video duration %q is not allowed; want seconds, more than 0 and at most %d (%d when absent)", b.Duration.Value, videoMaxDuration, videoDuration)
		} else {
			dur = d
		}
	}
	if b.Hold.Line != 0 {
		h, ok := seconds(b.Hold.Value)
		if !ok || h < time.Duration(videoMinHold*float64(time.Second)) || h >= dur {
			v.add(b.Hold.Pos, "video hold %q is not allowed; want seconds, at least %g (a count is held on its figure) and less than the duration, %g (%d when absent)", b.Hold.Value, videoMinHold, dur.Seconds(), videoHold)
		}
	} else if dur <= videoHold*time.Second {
		v.add(b.Duration.Pos, "video duration %q leaves no time for the motion before the %d s hold; want more than %d, or a shorter hold", b.Duration.Value, videoHold, videoHold)
	}
	for _, f := range b.Formats {
		v.oneOf(f, "video format", VideoFormats)
	}
}
