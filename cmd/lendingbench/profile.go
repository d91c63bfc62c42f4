package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// profile records the server's CPU profile over a scenario's measured
// window (after its warm-up) into <profileDir>/<scenario>.pprof. The
// returned channel yields once the profile is written, or at once when
// profiling is off.
func (cl *cluster) profile(ctx context.Context, scenario string, o options) <-chan error {
	done := make(chan error, 1)
	if cl.debugURL == "" {
		done <- nil
		return done
	}
	go func() {
		done <- func() error {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(o.warmup):
			}
			secs := max(1, int(o.duration.Seconds()))
			url := fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", cl.debugURL, secs)
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
			if err != nil {
				return err
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return err
			}
			defer func() { _ = resp.Body.Close() }()
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("%s: %s", url, resp.Status)
			}
			if err := os.MkdirAll(o.profileDir, 0o755); err != nil {
				return err
			}
			f, err := os.Create(filepath.Join(o.profileDir, scenario+".pprof"))
			if err != nil {
				return err
			}
			if _, err := io.Copy(f, resp.Body); err != nil {
				_ = f.Close()
				return err
			}
			return f.Close()
		}()
	}()
	return done
}
