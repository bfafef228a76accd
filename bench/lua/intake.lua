-- 受理: POST /api/v1/requests as a hotline operator — a random item and household from the
-- files $BENCH_ITEMS and $BENCH_PLACES; the new request ids go to $BENCH_OUT for the
-- transition scenario.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local items = lines(os.getenv("BENCH_ITEMS"))
local places = lines(os.getenv("BENCH_PLACES"))
local out = assert(io.open(os.getenv("BENCH_OUT"), "a"))
local phrases = {"楼道灯不亮，晚上看不见", "垃圾桶满了两天没人清运", "下水道堵塞，污水漫到路面", "楼上漏水到我家", "门禁坏了刷卡打不开"}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  local body = string.format(
    '{"itemCode":"%s","regionId":%s,"description":"%s","contactName":"来电居民","phone":"139%08d","channel":"hotline"}',
    pick(items), pick(places), pick(phrases), math.random(0, 99999999))
  return wrk.format(nil, "/api/v1/requests", nil, body)
end

function response(status, headers, body)
  if status == 201 then
    local id = body:match('"request":{.-"id":(%d+)')
    if id then out:write(id, "\n") end
  end
end
