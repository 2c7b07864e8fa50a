-- PUT /api/v1/checkins/{date}: each request upserts one of the last 56 days (never the future)
-- for one of the people whose API tokens HEADWAY_TOKENS lists (comma-separated), in turn.
local counter = 0
local tokens = {}
for t in string.gmatch(os.getenv("HEADWAY_TOKENS") or os.getenv("HEADWAY_TOKEN") or "", "[^,]+") do
  tokens[#tokens + 1] = t
end
local days = {}
local now = os.time()
for i = 1, 56 do days[i] = os.date("!%Y-%m-%d", now - (i + 1) * 86400) end

wrk.method = "PUT"

request = function()
  counter = counter + 1
  local day = days[(counter % #days) + 1]
  local body = string.format('{"start":"09:%02d","end":"17:30","stress":%d,"energy":%d,"note":"wrk %d"}',
                             counter % 60, counter % 5 + 1, (counter + 2) % 5 + 1, counter)
  local headers = {["Content-Type"] = "application/json",
                   ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1]}
  return wrk.format(nil, "/api/v1/checkins/" .. day, headers, body)
end

response = function(status, headers, body)
  if status ~= 200 and status ~= 201 then
    print("unexpected status " .. status .. ": " .. body)
  end
end
