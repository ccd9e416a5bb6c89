-- POSTs the view beacon as a different reader each time (a new User-Agent, and a network of its own told in
-- X-Forwarded-For, which Gazette believes from loopback by default: one address counts as a few readers at most),
-- so every request is a view that must be counted. Reports the responses that were not 200.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  prefix = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 reader-" .. os.time() .. "-" .. tid .. "-"
  started = os.time() % 65536
  n = 0
  failed = 0
  wrk.method = "POST"
  wrk.headers["Content-Length"] = "0"
end

function request()
  n = n + 1
  wrk.headers["User-Agent"] = prefix .. n
  -- An IPv6 /64 of its own per request: the run's second, the thread and the request number.
  wrk.headers["X-Forwarded-For"] = string.format("2001:%x:%x:%x::1", started,
    (tid * 4096 + math.floor(n / 65536)) % 65536, n % 65536)
  return wrk.format()
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local failures = 0
  for _, thread in ipairs(threads) do
    failures = failures + thread:get("failed")
  end
  io.write(string.format("beacon-not-200: %d\n", failures))
end
