package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/chromedp/chromedp"
)

// compareList loads l in the widget and, up to c.fuseMax papers, in the
// Fuse.js page, types the queries in both, alternating, and adds the load,
// memory and keystroke rows to rep.
func compareList(rep *report, browser context.Context, base string, l list, c config) error {
	var err error
	n := l.papers
	src := "/lists/" + l.file()
	logf("%v papers: loading the widget ...", l)
	var w *tab
	var wl loadRow
	var profile func(context.Context) error
	if c.profileDir != "" {
		profile = startProfile
	}
	for try := 1; ; try++ {
		if w, err = openTab(browser, base+"/?src="+src, profile); err != nil {
			return err
		}
		if wl, err = w.load(); err == nil {
			break
		}
		w.close()
		rep.notes = append(rep.notes, fmt.Sprintf("%v papers, load %d: %v", l, try, err))
		if try == 3 {
			return fmt.Errorf("%v papers: %v", l, err)
		}
		logf("retrying: %v", err)
	}
	wl.page, wl.list, wl.papers, wl.json = pageCold, l.kind, n, l.json
	w.verbose = c.keys
	var f *tab
	var fl loadRow
	withFuse := n <= c.fuseMax
	if withFuse {
		logf("%v papers: loading the Fuse.js page ...", l)
		if f, err = openTab(browser, base+"/fuse/?src="+src, nil); err != nil {
			return err
		}
		if fl, err = f.load(); err != nil {
			return err
		}
		fl.page, fl.list, fl.papers, fl.json = "Fuse.js", l.kind, n, l.json
		f.verbose = c.keys
	}
	all := typingRow{list: l.kind, papers: n, fuseSkipped: !withFuse}
	perQuery := map[string]*typingRow{}
	for _, q := range queries {
		perQuery[q] = &typingRow{list: l.kind, papers: n, query: q, fuseSkipped: !withFuse}
	}
	if c.profileDir != "" {
		if err := stopProfile(w.ctx, filepath.Join(c.profileDir, fmt.Sprintf("load-%s-%d.cpuprofile", l.kind, n))); err != nil {
			return err
		}
		if err := startProfile(w.ctx); err != nil {
			return err
		}
	}
	for round := range c.rounds {
		for _, q := range queries {
			// Alternate which page goes first.
			order := []*tab{w, f}
			if round%2 == 1 {
				order = []*tab{f, w}
			}
			for _, t := range order {
				if t == nil {
					continue
				}
				logf("%v papers, round %d: %s types %q", l, round+1, t.name(), q)
				_, dom, err := t.typeQuery(q)
				if err != nil {
					return err
				}
				pq := perQuery[q]
				if t == w {
					all.widget = append(all.widget, dom...)
					pq.widget = append(pq.widget, dom...)
				} else {
					all.fuse = append(all.fuse, dom...)
					pq.fuse = append(pq.fuse, dom...)
				}
			}
		}
	}
	if c.profileDir != "" {
		if err := stopProfile(w.ctx, filepath.Join(c.profileDir, fmt.Sprintf("typing-%s-%d.cpuprofile", l.kind, n))); err != nil {
			return err
		}
	}
	// Memory is read once the widget has compressed the abstracts of a
	// streamed list, which it does in idle time, typing or not.
	if wl.compacted, err = compacted(w.ctx); err != nil {
		rep.notes = append(rep.notes, fmt.Sprintf("%v papers: abstracts not compressed within a minute of typing: %v", l, err))
	}
	if mem, err := chromedp.Run(w.ctx, chromedp.Evaluate[int](`__pwb.mem ? __pwb.mem.buffer.byteLength : 0`)); err == nil {
		wl.mem = mem
	}
	if wl.pageMem, err = pageMemory(w.ctx); err != nil {
		return err
	}
	rep.loads = append(rep.loads, wl)
	if withFuse {
		if fl.pageMem, err = pageMemory(f.ctx); err != nil {
			return err
		}
		rep.loads = append(rep.loads, fl)
		f.close()
	}
	w.close()
	rep.typing = append(rep.typing, all)
	for _, q := range queries {
		rep.typing = append(rep.typing, *perQuery[q])
	}
	if withFuse && l.kind == realistic {
		rep.coldLoads = append(rep.coldLoads, wl, fl)
		return moreLoads(rep, browser, base, l, c.listLoads-1)
	}
	return nil
}

// moreLoads loads l cold n more times in the widget and the Fuse.js page,
// taking turns, for the targets' medians: one load of each, a second apart
// on a shared machine, differed by a fifth from the next.
func moreLoads(rep *report, browser context.Context, base string, l list, n int) error {
	src := "/lists/" + l.file()
	pages := []struct{ name, url string }{{pageCold, base + "/?src=" + src}, {"Fuse.js", base + "/fuse/?src=" + src}}
	for i := range n {
		logf("%v papers: load %d of both pages ...", l, i+2)
		order := pages
		if i%2 == 0 { // the typed loads had the widget first
			order = []struct{ name, url string }{pages[1], pages[0]}
		}
		for _, p := range order {
			t, err := openTab(browser, p.url, nil)
			if err != nil {
				return err
			}
			row, err := t.load()
			t.close()
			if err != nil {
				rep.notes = append(rep.notes, fmt.Sprintf("%v papers, %s, load %d: %v", l, p.name, i+2, err))
				continue
			}
			row.page, row.list, row.papers, row.json = p.name, l.kind, l.papers, l.json
			rep.coldLoads = append(rep.coldLoads, row)
		}
	}
	return nil
}
