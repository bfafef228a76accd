-- 报名: POST /api/v1/activities/{id}/signups as the organiser signing up a volunteer (代报名),
-- each line of $BENCH_SIGNUPS once, in order ("activityId roleId residentId"): every call is a
-- different person, so each one is a real sign-up (confirmed or on the waiting list).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local rows = lines(os.getenv("BENCH_SIGNUPS"))
local next_index = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  next_index = next_index + 1
  local activity, role, resident = rows[((next_index - 1) % #rows) + 1]:match("(%d+) (%d+) (%d+)")
  return wrk.format(nil, "/api/v1/activities/" .. activity .. "/signups", nil,
    string.format('{"roleId":%s,"residentId":%s}', role, resident))
end
