package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// appStatus offers what the browser makes possible for the installed-app
// side of the widget: a reload once a new version has been fetched in the
// background (go-app calls OnAppUpdate when the new service worker takes
// over), or, as the Installer, an Install button while the browser offers
// installation. The widget places the notice in its header, where it is
// seen, and the installer in its footer: installing is an aside to reading
// the list, so it comes last, also in tab order. Nothing of either is in
// the pre-rendered page.
type appStatus struct {
	app.Compo

	Imsg       *messages
	Iinstaller bool

	updatable   bool
	installable bool
}

func newAppStatus() *appStatus { return &appStatus{} }

func (s *appStatus) Messages(m *messages) *appStatus { s.Imsg = m; return s }

// Installer makes this the Install button instead of the update notice.
func (s *appStatus) Installer(v bool) *appStatus { s.Iinstaller = v; return s }

func (s *appStatus) OnMount(ctx app.Context) {
	// Either may have happened before the wasm started.
	s.updatable = ctx.AppUpdateAvailable()
	s.installable = ctx.IsAppInstallable()
}

func (s *appStatus) OnAppUpdate(ctx app.Context) {
	s.updatable = ctx.AppUpdateAvailable()
}

func (s *appStatus) OnAppInstallChange(ctx app.Context) {
	s.installable = ctx.IsAppInstallable()
}

func (s *appStatus) Render() app.UI {
	if s.Iinstaller {
		return s.renderInstall()
	}
	t := s.Imsg
	return app.Div().Class("pw-appstatus").Body(
		app.If(s.updatable, func() app.UI {
			return app.P().
				Class("pw-update").
				DataSet("app-update", "true").
				Role("status").
				Body(
					app.Text(t.UpdateReady+" "),
					app.Button().
						Type("button").
						DataSet("app-reload", "true").
						OnClick(s.onReload).
						Text(t.Reload),
				)
		}),
	)
}

func (s *appStatus) renderInstall() app.UI {
	// Offering to install an outdated version would install it: the
	// header's notice asks for a reload first.
	show := s.installable && !s.updatable
	return app.Div().Class("pw-appstatus pw-installer").Body(
		app.If(show, func() app.UI {
			return app.Button().
				Type("button").
				Class("pw-install").
				DataSet("app-install", "true").
				Title(s.Imsg.InstallTitle).
				OnClick(s.onInstall).
				Text(s.Imsg.Install)
		}),
	)
}

func (s *appStatus) onReload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

func (s *appStatus) onInstall(ctx app.Context, e app.Event) {
	ctx.ShowAppInstallPrompt()
	// The prompt is used up whatever the answer; the browser offers it
	// again (and go-app calls OnAppInstallChange) if it can.
	s.installable = false
}
