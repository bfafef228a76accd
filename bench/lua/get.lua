-- GET one of the paths in $BENCH_PATHS (a file, one path per line), at random.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local paths = lines(os.getenv("BENCH_PATHS"))

function request()
  return wrk.format("GET", pick(paths))
end
