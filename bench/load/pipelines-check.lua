-- POST /api/v1/pipelines/check with a different work area each request: a trench (10–60 m × 1–3 m, at any angle)
-- or a pit (3–20 m square) somewhere in the square that `seed --scale` fills with pipe segments (from 117.2°E 39.0°N,
-- 30 km each way for a million). Deterministic per thread. Prints the RESULT line of percentiles.lua.
local lon0, lat0, dlon, dlat = 117.21, 39.01, 0.32, 0.25
local mlon, mlat = 1 / 86500, 1 / 111000 -- degrees per metre at 39°N

local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

init = function(args)
  math.randomseed(20261202 + (seed or 0))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local n = 0
request = function()
  n = n + 1
  local cx, cy = lon0 + math.random() * dlon, lat0 + math.random() * dlat
  local w, h
  if n % 2 == 0 then w, h = 10 + math.random() * 50, 1 + math.random() * 2 else w, h = 3 + math.random() * 17, 3 + math.random() * 17 end
  local a = math.random() * math.pi
  local s, c = math.sin(a), math.cos(a)
  local function p(u, v) return string.format("[%.8f,%.8f]", cx + (u * c - v * s) * mlon, cy + (u * s + v * c) * mlat) end
  local ring = table.concat({ p(-w / 2, -h / 2), p(w / 2, -h / 2), p(w / 2, h / 2), p(-w / 2, h / 2), p(-w / 2, -h / 2) }, ",")
  local area = '{\\"type\\":\\"Polygon\\",\\"coordinates\\":[[' .. ring .. ']]}'
  return wrk.format(nil, nil, nil, '{"area":"' .. area .. '"}')
end

done = function(summary, latency, requests)
  local ms = function(p) return latency:percentile(p) / 1000 end
  io.write(string.format("RESULT requests=%d rps=%.0f p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), ms(50), ms(95), ms(99), latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
