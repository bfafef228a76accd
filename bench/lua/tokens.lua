-- GET one of the paths in $BENCH_PATHS at random, each call as one of the bearer tokens in
-- $BENCH_TOKENS (a file, one token per line), at random: many people each reading their own.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local paths = lines(os.getenv("BENCH_PATHS"))
local tokens = lines(os.getenv("BENCH_TOKENS"))

function request()
  return wrk.format("GET", pick(paths), { ["Authorization"] = "Bearer " .. pick(tokens) })
end
