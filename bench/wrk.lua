-- Headers of a reader behind the usual TLS proxy, and one JSON line of results for bench/runner.py.
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["Accept-Language"] = "fr-CH,fr;q=0.9,en;q=0.8"

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
