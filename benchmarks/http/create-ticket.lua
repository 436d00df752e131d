-- wrk script: files one complaint per request through POST /api/tickets, varying the reporter so no two
-- requests are identical. Used by tickets-create.sh; see BENCHMARKS.md.
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format(
    '{"category":"drainage.blocked-sewer","description":"3号楼2单元下水道堵了，第%d次反映","gridId":"g-xyz-01-0%d",' ..
    '"urgency":"yellow","reporter":{"channelUserId":"wx-load-%d","phone":"13800001234"}}',
    counter, (counter % 3) + 1, counter)
  return wrk.format("POST", "/api/tickets", { ["Content-Type"] = "application/json" }, body)
end
