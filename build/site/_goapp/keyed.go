package app

import (
	"reflect"
	"sort"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)

// paperwidget: go-app updates an element's children by position. When a
// keystroke moved a paper from the third row to the first, all three rows
// were rewritten with another paper's title, authors, tags and links, and
// laid out again. Children that name themselves by a key (the widget's rows
// by their paper's id) are matched by key instead: a paper still shown
// keeps its row, which is moved, and only the rows of papers that came or
// went are rewritten.
type keyer interface{ Key() string }

// updateKeyed updates v's children when they and the new ones all have
// keys, and reports whether it did. A paper new to the list takes the row
// of one that left, in order, rather than a row mounted for it: updating
// the elements of a row in place makes fewer changes to the page than
// creating them. Rows are moved as few as can be: those whose order is
// unchanged (the longest run of them, in order) stay where they are.
func (m nodeManager) updateKeyed(ctx Context, v HTML, children, newChildren []UI) ([]UI, bool, error) {
	if len(children) == 0 || len(newChildren) == 0 || !keyed(children) || !keyed(newChildren) {
		return nil, false, nil
	}
	at := make(map[string]int, len(children))
	for i, c := range children {
		at[c.(keyer).Key()] = i
	}
	// from[i] is the old child that new child i updates, -1 for none.
	from := make([]int, len(newChildren))
	used := make([]bool, len(children))
	for i, c := range newChildren {
		from[i] = -1
		if j, ok := at[c.(keyer).Key()]; ok && !used[j] {
			from[i], used[j] = j, true
		}
	}
	free := 0
	for i := range newChildren {
		if from[i] >= 0 {
			continue
		}
		for free < len(children) && used[free] {
			free++
		}
		if free == len(children) {
			break
		}
		from[i], used[free] = free, true
	}

	parent := v.JSValue()
	for j, c := range children {
		if !used[j] {
			parent.removeChild(c)
			m.Dismount(c)
		}
	}
	kept := make([]UI, len(newChildren))
	for i, nc := range newChildren {
		j := from[i]
		if j >= 0 && m.CanUpdate(children[j], nc) {
			c, err := m.Update(ctx, children[j], nc)
			if err != nil {
				return nil, true, keyedError("updating child failed", v, i, err)
			}
			kept[i] = c
			continue
		}
		c, err := m.Mount(ctx, v.depth()+1, nc)
		if err != nil {
			return nil, true, keyedError("mounting child failed", v, i, err)
		}
		if j >= 0 {
			parent.replaceChild(c, children[j])
			m.Dismount(children[j])
		}
		kept[i] = c.setParent(v)
	}

	stay := inOrder(from)
	var next UI // nil: the end
	for i := len(kept) - 1; i >= 0; i-- {
		if !stay[i] {
			insertChild(parent, kept[i], next)
		}
		next = kept[i]
	}
	return kept, true, nil
}

func keyed(children []UI) bool {
	for _, c := range children {
		if _, ok := c.(keyer); !ok {
			return false
		}
	}
	return true
}

// inOrder marks the longest run of from's places (-1: none) that are
// increasing, in order: the children that can stay where they are while the
// others are moved around them.
func inOrder(from []int) []bool {
	// tails[k] is the index in from of the smallest place that ends a run
	// of k+1; prev links each index to the one before it in its run.
	var tails []int
	prev := make([]int, len(from))
	for i, f := range from {
		if f < 0 {
			continue
		}
		k := sort.Search(len(tails), func(k int) bool { return from[tails[k]] >= f })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	stay := make([]bool, len(from))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			stay[i] = true
		}
	}
	return stay
}

func keyedError(msg string, v HTML, i int, err error) error {
	return errors.New(msg).
		WithTag("type", reflect.TypeOf(v)).
		WithTag("tag", v.Tag()).
		WithTag("depth", v.depth()).
		WithTag("index", i).
		Wrap(err)
}
