package serve

import (
	"fmt"
	"net"
	"strings"
)

// CheckAddr checks a host:port to listen on. Unless public is set, the host
// must be a loopback address or "localhost": the output of unpublished
// reports should not be readable from other machines by accident.
func CheckAddr(addr string, public bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: want host:port, such as 127.0.0.1:8080", addr)
	}
	if public || isLoopback(host) {
		return nil
	}
	what := "is not a loopback address"
	if host == "" {
		what = "listens on every interface"
	}
	return fmt.Errorf("-addr %s %s: other machines could read the charts; pass -public to allow that, or use 127.0.0.1", addr, what)
}

// isLoopback reports whether host (without port) names this machine only.
func isLoopback(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if i := strings.IndexByte(host, '%'); i >= 0 {
		host = host[:i] // zone of an IPv6 address
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// loopbackHost reports whether a request's Host header names a loopback
// host. A page on another site that points its own name at 127.0.0.1 (DNS
// rebinding) sends its own name, and is refused.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimPrefix(strings.TrimSuffix(host, "]"), "[")
	return isLoopback(host)
}
