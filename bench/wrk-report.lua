-- wrk's report for bench/server-load.bench.ts: one line of JSON with the counts, the error kinds and the latency
-- percentiles (microseconds) of the answers received. wrk leaves out of the latencies the answers slower than its
-- --timeout (counted as timeouts) and the requests still open when the run ends.
done = function(summary, latency, requests)
  local percentiles = {}
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    percentiles[#percentiles + 1] = string.format('"%s":%d', p, latency:percentile(p))
  end
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,' ..
      '"timeout":%d},"latencyUs":{%s,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout, table.concat(percentiles, ","), latency.max))
end
