// Package strictyaml decodes YAML into Go values strictly, with positions.
//
// In: a file's bytes and a pointer to a struct whose fields carry `yaml`
// tags. Out: the filled value, or a diag.List with one "path:line:col"
// error per unknown key, wrong type or duplicate key, all of them, not only
// the first. A struct field named At of type Pos receives the position of
// the mapping it was decoded from; a field of type String keeps the position
// of its scalar, for checks made after decoding. A list or mapping field
// tagged `max:"N"` may hold at most N entries.
package strictyaml

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/tollcharts/tollcharts/charts/diag"
	"gopkg.in/yaml.v3"
)

// Pos is a 1-based line and column in the source.
type Pos struct{ Line, Col int }

// String is a scalar string with its position.
type String struct {
	Value string
	Pos
	// Inline is true for a scalar written on one line, plain or quoted;
	// Quoted for a quoted one. With them a check can point at a column
	// inside the scalar.
	Inline, Quoted bool
}

// MaxBytes is the largest YAML document accepted.
const MaxBytes = 4 << 20

var (
	posType    = reflect.TypeFor[Pos]()
	stringType = reflect.TypeFor[String]()
)

// Placeholder starts every value a template (tollcharts new) leaves to
// fill in; a string that starts with it is an error at its position.
const Placeholder = "TODO"

// Decode parses one YAML document from data into v (a non-nil pointer).
func Decode(path string, data []byte, v any) error {
	var errs diag.List
	if len(data) > MaxBytes {
		errs.Add(path, 0, 0, "file is %d bytes; at most %d are allowed", len(data), MaxBytes)
		return errs.Err()
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			errs.Add(path, 1, 1, "file is empty; a YAML mapping is required")
			return errs.Err()
		}
		line, msg := syntaxError(err)
		errs.Add(path, line, 1, "YAML syntax: %s", msg)
		return errs.Err()
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		errs.Add(path, extra.Line, extra.Column, "a second YAML document; only one is allowed per file")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	d := decoder{path: path, errs: &errs, src: data}
	d.value(root, reflect.ValueOf(v).Elem())
	return errs.Err()
}

// syntaxError pulls the line out of yaml.v3's "yaml: line N: msg".
func syntaxError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, tail, ok := strings.Cut(rest, ": "); ok {
			if line, err := strconv.Atoi(n); err == nil {
				return line, tail
			}
		}
	}
	return 1, msg
}

type decoder struct {
	path  string
	errs  *diag.List
	depth int
	src   []byte // the document, for hints
}

// nothing names an empty value; when a # follows it on its line (say
// "background: #ffffff"), the # started a comment, and it says so.
func (d *decoder) nothing(n *yaml.Node) string {
	lines := bytes.Split(d.src, []byte("\n"))
	if n.Line < 1 || n.Line > len(lines) {
		return "nothing"
	}
	line := []rune(string(lines[n.Line-1]))
	if n.Column < 1 || n.Column > len(line) {
		return "nothing"
	}
	if rest := strings.TrimLeft(string(line[n.Column-1:]), " \t"); strings.HasPrefix(rest, "#") {
		return "nothing (a # starts a YAML comment: put the value in quotes, as in \"#1a1a1a\")"
	}
	return "nothing"
}

func (d *decoder) fail(n *yaml.Node, format string, args ...any) {
	d.errs.Add(d.path, n.Line, n.Column, format, args...)
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return "a scalar"
}

func (d *decoder) value(n *yaml.Node, v reflect.Value) {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 32 {
		d.fail(n, "nesting too deep")
		return
	}
	if n.Kind == yaml.AliasNode {
		d.fail(n, "YAML aliases are not allowed; write the value out")
		return
	}
	switch {
	case v.Type() == stringType:
		if n.Tag == "!!null" {
			d.fail(n, "want a string, got %s", d.nothing(n))
			return
		}
		if n.Kind != yaml.ScalarNode {
			d.fail(n, "want a string, got %s", kindName(n))
			return
		}
		quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
		inline := n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && !strings.Contains(n.Value, "\n")
		if strings.HasPrefix(strings.TrimSpace(n.Value), Placeholder) {
			d.fail(n, "%s left from the template (tollcharts new); replace it with the real value", Placeholder)
		}
		v.Set(reflect.ValueOf(String{Value: n.Value, Pos: Pos{n.Line, n.Column}, Inline: inline, Quoted: quoted}))
		return
	case v.Kind() == reflect.Pointer:
		if n.Tag == "!!null" {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.value(n, p.Elem())
		v.Set(p)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.fail(n, "want a mapping, got %s", kindName(n))
			return
		}
		m := reflect.MakeMap(v.Type())
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if seen[k.Value] {
				d.fail(k, "duplicate key %q", k.Value)
				continue
			}
			seen[k.Value] = true
			e := reflect.New(v.Type().Elem()).Elem()
			d.value(val, e)
			m.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), e)
		}
		v.Set(m)
	case reflect.Slice:
		if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
			// A single value where a list is wanted: a list of one.
			s := reflect.MakeSlice(v.Type(), 1, 1)
			d.value(n, s.Index(0))
			v.Set(s)
			return
		}
		if n.Kind != yaml.SequenceNode {
			d.fail(n, "want a list, got %s", kindName(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.value(c, s.Index(i))
		}
		v.Set(s)
	case reflect.String:
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			d.fail(n, "want a string, got %s", kindName(n))
			return
		}
		if strings.HasPrefix(strings.TrimSpace(n.Value), Placeholder) {
			d.fail(n, "%s left from the template (tollcharts new); replace it with the real value", Placeholder)
		}
		v.SetString(n.Value)
	case reflect.Bool:
		b, err := strconv.ParseBool(n.Value)
		if n.Kind != yaml.ScalarNode {
			d.fail(n, "want true or false, got %s", kindName(n))
			return
		}
		if n.Tag != "!!bool" || err != nil {
			d.fail(n, "want true or false, got %q", n.Value)
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if n.Kind != yaml.ScalarNode {
			d.fail(n, "want a whole number, got %s", kindName(n))
			return
		}
		if n.Tag != "!!int" || err != nil {
			d.fail(n, "want a whole number, got %q", n.Value)
			return
		}
		v.SetInt(i)
	default:
		d.fail(n, "internal: cannot decode into %s", v.Type())
	}
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, "want a mapping, got %s", kindName(n))
		return
	}
	t := v.Type()
	fields := map[string]int{}
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Name == "At" && f.Type == posType {
			v.Field(i).Set(reflect.ValueOf(Pos{n.Line, n.Column}))
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		fields[name] = i
		names = append(names, name)
	}
	slices.Sort(names)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		idx, ok := fields[k.Value]
		switch {
		case !ok:
			d.fail(k, "unknown field %q; want one of: %s", k.Value, strings.Join(names, ", "))
		case seen[k.Value]:
			d.fail(k, "duplicate field %q", k.Value)
		default:
			seen[k.Value] = true
			if d.tooMany(k.Value, val, t.Field(idx).Tag.Get("max")) {
				continue
			}
			d.value(val, v.Field(idx))
		}
	}
}

// tooMany enforces a field's `max:"N"` tag: a list (or mapping) of more
// than N entries is an error at the first entry too many, and is not
// decoded, so a huge one costs no more than its YAML nodes.
func (d *decoder) tooMany(name string, n *yaml.Node, tag string) bool {
	if tag == "" {
		return false
	}
	limit, err := strconv.Atoi(tag)
	if err != nil {
		panic("strictyaml: bad max tag on field " + name + ": " + tag)
	}
	entries, step := len(n.Content), 1
	switch n.Kind {
	case yaml.SequenceNode:
	case yaml.MappingNode:
		entries, step = len(n.Content)/2, 2
	default:
		return false
	}
	if entries <= limit {
		return false
	}
	d.fail(n.Content[limit*step], "too many %s: %d; at most %d are allowed", name, entries, limit)
	return true
}
