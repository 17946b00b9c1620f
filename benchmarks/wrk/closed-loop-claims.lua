-- wrk script for the closed-loop claim benchmark: every request is a new end user (its own device id and
-- client address, sent as X-Forwarded-For, which local mode trusts from loopback), one campaign, Android.
-- At the end: answers by status, and codes handed out twice (must be 0).
-- Usage: wrk -t2 -c200 -d20s -s closed-loop-claims.lua http://localhost:8080/api/v1/distribute/<campaign>

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  statuses = {}
  codes = {}
  math.randomseed(os.time() * 1000 + id)
end

function request()
  sent = sent + 1
  local body = string.format('{"platform":"Android","device_id":"wrk-%d-%d-%d"}', id, sent, math.random(1, 1e9))
  local address = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = "CodeDropBench/1.0",
    ["X-Forwarded-For"] = address,
  }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 200 then
    local code = body:match('"code":"([^"]+)"')
    if code then
      codes[#codes + 1] = code
    end
  end
end

function done(summary, latency, requests)
  local byStatus, seen, handedOut, duplicates = {}, {}, 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      byStatus[status] = (byStatus[status] or 0) + count
    end
    for _, code in ipairs(thread:get("codes")) do
      handedOut = handedOut + 1
      if seen[code] then duplicates = duplicates + 1 else seen[code] = true end
    end
  end
  local seconds = summary.duration / 1e6
  local answers = {}
  for status, count in pairs(byStatus) do answers[#answers + 1] = status .. ": " .. count end
  io.write(string.format("closed loop (wrk): %d codes handed out in %.1f s = %.0f claims/s; answers {%s}; "
      .. "%d socket errors/timeouts; %d codes handed out twice; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
      handedOut, seconds, handedOut / seconds, table.concat(answers, ", "),
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      duplicates, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
