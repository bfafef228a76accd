-- Shared by every scenario: the bearer token, a seeded random source, and one JSON line
-- with the figures bench/run reads (latencies in milliseconds).
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
math.randomseed(tonumber(os.getenv("BENCH_SEED") or "20261123"))

function lines(path)
  local out = {}
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  for line in file:lines() do if line ~= "" then out[#out + 1] = line end end
  file:close()
  return out
end

function pick(list) return list[math.random(1, #list)] end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
