-- wrk pacing: each connection waits 10 ms between requests, so 10 connections send about
-- 1,000 requests a second (plain wrk has no rate option). Rotates over a few paths of the sample.
local paths = {"/dev/pets/7", "/dev/pets/1", "/draft/pets/3", "/dev/", "/prod/pets/2", "/dev/nothing"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
delay = function()
  return 10
end
