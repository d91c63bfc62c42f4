package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// userHZ is the unit of the CPU times in /proc/<pid>/stat (USER_HZ, 100
// on every Linux).
const userHZ = 100

// cpuUse is the CPU time the server and PostgreSQL have used so far. On a
// shared machine throughput moves with the neighbours' load; CPU time per
// request moves far less, so it is the figure to compare between builds.
type cpuUse struct {
	server, database time.Duration
	backends         int // live PostgreSQL processes besides the postmaster
}

func (cl *cluster) cpuNow() (cpuUse, error) {
	var u cpuUse
	srv, _, err := procCPU(cl.srv.Process.Pid)
	if err != nil {
		return u, err
	}
	u.server = srv
	postmaster, err := cl.pg.PID()
	if err != nil {
		return u, err
	}
	// The postmaster, its live backends, and (through its children's
	// times) the backends that have already exited.
	own, reaped, err := procCPU(postmaster)
	if err != nil {
		return u, err
	}
	u.database = own + reaped
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, path := range stats {
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(path)))
		if ppid, err := parentOf(pid); err == nil && ppid == postmaster {
			if t, _, err := procCPU(pid); err == nil {
				u.database += t
				u.backends++
			}
		}
	}
	return u, nil
}

// statFields are the fields of /proc/<pid>/stat after the command name
// (which may hold spaces), numbered from field 3.
func statFields(pid int) ([]string, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return nil, err
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	return strings.Fields(s[i+1:]), nil
}

func parentOf(pid int) (int, error) {
	f, err := statFields(pid)
	if err != nil {
		return 0, err
	}
	if len(f) < 2 {
		return 0, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	return strconv.Atoi(f[1]) // field 4
}

// procCPU returns a process's own CPU time and that of its reaped children.
func procCPU(pid int) (own, children time.Duration, err error) {
	f, err := statFields(pid)
	if err != nil {
		return 0, 0, err
	}
	if len(f) < 15 {
		return 0, 0, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	ticks := func(i int) time.Duration { // field i (1-based, as in proc(5))
		v, _ := strconv.ParseInt(f[i-3], 10, 64)
		return time.Duration(v) * time.Second / userHZ
	}
	return ticks(14) + ticks(15), ticks(16) + ticks(17), nil
}

// cpuSettled is cpuNow once the backends of clients that just left have
// exited and been reaped (until then their time is counted nowhere); it
// waits up to two seconds for the count to fall back to want.
func (cl *cluster) cpuSettled(want int) (cpuUse, error) {
	deadline := time.Now().Add(2 * time.Second)
	for {
		u, err := cl.cpuNow()
		if err != nil || u.backends <= want || time.Now().After(deadline) {
			return u, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}
