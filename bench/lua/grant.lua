-- 奖励积分: POST /api/v1/points/grants as the district admin, one line of $BENCH_GRANTS per call
-- ("residentId"), in order and round again: every call a posted transfer from the resident's
-- community's 发放 account to the resident's account, under both rows' locks.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local rows = lines(os.getenv("BENCH_GRANTS"))
local next_index = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  next_index = next_index + 1
  local resident = rows[((next_index - 1) % #rows) + 1]
  return wrk.format(nil, "/api/v1/points/grants", nil, string.format('{"residentId":%s,"amount":1.5,"reason":"压测奖励"}', resident))
end
