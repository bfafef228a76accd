-- One workflow step ($BENCH_ACTION, e.g. register) on each request id in $BENCH_IDS in turn:
-- every call is a real transition (a 409 means the list ran out or a step was repeated).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local ids = lines(os.getenv("BENCH_IDS"))
assert(#ids > 0, "no request ids in " .. os.getenv("BENCH_IDS") .. ": the intake scenario made none")
local body = os.getenv("BENCH_BODY")
local next_index = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  next_index = next_index + 1
  local id = ids[((next_index - 1) % #ids) + 1]
  return wrk.format(nil, "/api/v1/requests/" .. id .. "/actions", nil, body)
end
