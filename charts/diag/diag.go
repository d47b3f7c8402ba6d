// Package diag holds the positioned diagnostics every stage reports.
//
// In: a file path, a line and a column (1-based; 0 means unknown) and a
// message. Out: errors that print as "path:line:col: message", collected in
// a List that keeps every error of a file up to a cap, in position order.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem at one place in one input file.
type Error struct {
	Path string
	Line int // 1-based; 0 when the problem concerns the whole file
	Col  int // 1-based; 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	default:
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
}

// MaxPerFile caps how many errors of one file are kept; the rest are counted.
const MaxPerFile = 50

// List collects errors. The zero value is ready to use.
type List struct {
	errs    []*Error
	dropped map[string]int
}

// Add records an error at path:line:col.
func (l *List) Add(path string, line, col int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	n := 0
	for _, e := range l.errs {
		if e.Path == path {
			n++
			if e.Line == line && e.Col == col && e.Msg == msg {
				return // the same error found twice (say, once per language)
			}
		}
	}
	if n >= MaxPerFile {
		if l.dropped == nil {
			l.dropped = map[string]int{}
		}
		l.dropped[path]++
		return
	}
	l.errs = append(l.errs, &Error{Path: path, Line: line, Col: col, Msg: msg})
}

// Append adds an error value; a *Error or a List is kept as it is, anything
// else is attached to path without a position.
func (l *List) Append(path string, err error) {
	if err == nil {
		return
	}
	switch e := err.(type) {
	case *Error:
		l.Add(e.Path, e.Line, e.Col, "%s", e.Msg)
	case *List:
		for _, x := range e.errs {
			l.Add(x.Path, x.Line, x.Col, "%s", x.Msg)
		}
		for p, n := range e.dropped {
			if l.dropped == nil {
				l.dropped = map[string]int{}
			}
			l.dropped[p] += n
		}
	default:
		l.Add(path, 0, 0, "%s", err.Error())
	}
}

// Len reports how many errors were recorded, dropped ones included.
func (l *List) Len() int {
	n := len(l.errs)
	for _, d := range l.dropped {
		n += d
	}
	return n
}

// Errors returns the kept errors sorted by path, line and column.
func (l *List) Errors() []*Error {
	out := slices.Clone(l.errs)
	slices.SortStableFunc(out, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return out
}

// Err returns the list as an error, or nil when it is empty.
func (l *List) Err() error {
	if l == nil || l.Len() == 0 {
		return nil
	}
	return l
}

// Error prints one error per line, then how many were left out.
func (l *List) Error() string {
	var b strings.Builder
	for i, e := range l.Errors() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	paths := make([]string, 0, len(l.dropped))
	for p := range l.dropped {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		fmt.Fprintf(&b, "\n%s: %d more errors not shown", p, l.dropped[p])
	}
	return b.String()
}
