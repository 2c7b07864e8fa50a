-- PUT /api/v1/checkins/{date}: each request upserts one of the last 56 days (never the future).
local counter = 0
local days = {}
local now = os.time()
for i = 1, 56 do days[i] = os.date("!%Y-%m-%d", now - (i + 1) * 86400) end

wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("HEADWAY_TOKEN")

request = function()
  counter = counter + 1
  local day = days[(counter % #days) + 1]
  local body = string.format('{"start":"09:%02d","end":"17:30","stress":%d,"energy":%d,"note":"wrk %d"}',
                             counter % 60, counter % 5 + 1, (counter + 2) % 5 + 1, counter)
  return wrk.format(nil, "/api/v1/checkins/" .. day, nil, body)
end

response = function(status, headers, body)
  if status ~= 200 and status ~= 201 then
    print("unexpected status " .. status .. ": " .. body)
  end
end
