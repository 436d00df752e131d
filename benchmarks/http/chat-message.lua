-- wrk script: residents asking FAQ questions (ones the seed base answers, from tests/data/devset.jsonl and the README) through POST /api/chat/messages in their grid's group, @-mentioning
-- the bot. Each wrk thread has its own id range, so message ids never repeat; answers (replies citing an entry) are
-- counted per thread and summed in done(). Used by chat-messages.sh; see BENCHMARKS.md.
local threads = {}
local questions = {
  "暖气不热找谁", "养老金什么时候发", "低保怎么申请", "供暖费怎么交", "今年嘛时候来暖气啊",
  "小区消防通道天天停满车 救护车都进不来 找谁", "房子过户了 水电气要不要跟着改户名",
  "小区十几年了都没有业主委员会 想张罗一个 有啥流程", "老房子想改地暖 需要跟供热公司打招呼不",
  "装电梯的钱按楼层咋分 住顶楼是不是出最多", "维修基金到底是嘛钱 买房的时候交了好几千",
  "刚买的新房 开发商让交维修基金 这个必须交吗", "路边停车扫码付费怎么弄 第一次停", "加梯有没有补助啊 我们自己凑钱太多了",
}
local groups = { "grp-xyz-01-01", "grp-xyz-01-02", "grp-xyz-01-03", "grp-xyz-02-01" }

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

-- The run's label (wrk -- <label>) goes into every message id: the warm-up and the measured run must not share ids,
-- or the second would be answered as duplicates.
function init(args)
  run = args[1] or "run"
  counter = 0
  answers = 0
  responses = 0
  duplicates = 0
end

function request()
  counter = counter + 1
  local resident = (counter % 400)
  local body = string.format(
    '{"channel":"bench","conversationId":"%s","conversationType":"group","senderId":"t%d-r%d","senderName":"居民%d",' ..
    '"text":"@百事通 %s","messageId":"%s-t%d-m%d"}',
    groups[(resident % #groups) + 1], tid, resident, resident, questions[(counter % #questions) + 1], run, tid, counter)
  return wrk.format("POST", "/api/chat/messages", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  responses = responses + 1
  if status == 200 and string.find(body, '"entryId":"', 1, true) then
    answers = answers + 1
  end
  if string.find(body, '"duplicate":true', 1, true) then
    duplicates = duplicates + 1
  end
end

function done(summary, latency, requests)
  local total, answered, duplicated = 0, 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("responses")
    answered = answered + thread:get("answers")
    duplicated = duplicated + thread:get("duplicates")
  end
  io.write(string.format("responses: %d, answered with an entry: %d (%.1f%%), answers/s: %.0f, duplicates: %d\n",
    total, answered, 100 * answered / math.max(total, 1), answered / (summary.duration / 1e6), duplicated))
end
