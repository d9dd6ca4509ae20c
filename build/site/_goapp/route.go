package app

// Paper widget patch: go-app's route.go without routes matched by regular
// expressions, which the widget does not use. With them, app.wasm carried
// the regexp parser, and with it the unicode tables' map initialisers that
// ran at every start (*regexp.Regexp's UnmarshalText kept the parser
// reachable even with no such route). RouteWithRegexp panics instead.

import "sync"

type router struct {
	mu     sync.RWMutex
	routes map[string]func() Composer
}

func makeRouter() router {
	return router{
		routes: make(map[string]func() Composer),
	}
}

func (r *router) route(path string, newComponent func() Composer) {
	r.mu.Lock()
	defer r.mu.Unlock()

	r.routes[path] = newComponent
}

func (r *router) routeWithRegexp(pattern string, newComponent func() Composer) {
	panic("RouteWithRegexp(" + pattern + "): this build of go-app routes by exact path only (see build/site/goapp.go)")
}

func (r *router) routed(path string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()

	_, routed := r.routes[path]
	return routed
}

func (r *router) createComponent(path string) (Composer, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()

	if newComponent, routed := r.routes[path]; routed {
		return newComponent(), true
	}
	return nil, false
}
