// Package web serves the embedded web apps (with SPA fallback) and the
// Swagger UI. The Makefile copies the apps' production builds and the
// swagger-ui-dist files into static/ before `go build`; without them the
// binary still builds and serves a placeholder page.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed all:static
var static embed.FS

// App serves one single-page app mounted at prefix ("/" or "/admin/").
// Unknown paths get index.html so client-side routes survive reloads.
func App(dir, prefix string) http.Handler {
	sub, err := fs.Sub(static, "static/"+dir)
	if err != nil || !exists(sub, "index.html") {
		sub, _ = fs.Sub(static, "static/placeholder")
	}
	files := http.FileServer(http.FS(sub))
	return http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if p == "" || !exists(sub, p) {
			// Hashed assets are immutable; index.html must never be cached stale.
			w.Header().Set("Cache-Control", "no-cache")
			r2 := r.Clone(r.Context())
			r2.URL.Path = "/"
			files.ServeHTTP(w, r2)
			return
		}
		if strings.HasPrefix(p, "assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		files.ServeHTTP(w, r)
	}))
}

// Docs serves Swagger UI at /docs.
func Docs() http.Handler {
	sub, _ := fs.Sub(static, "static/docs")
	return http.StripPrefix("/docs", http.FileServer(http.FS(sub)))
}

func exists(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && !st.IsDir()
}
