-- wrk script: residents asking FAQ questions through POST /api/chat/messages in their grid's group, @-mentioning
-- the bot. Each wrk thread has its own id range, so message ids never repeat; answers (replies citing an entry) are
-- counted per thread and summed in done(). Used by chat-messages.sh; see BENCHMARKS.md.
local threads = {}
local questions = {
  "暖气不热找谁", "居住证怎么办理", "物业费标准是多少", "养老金什么时候发", "医保怎么报销",
  "低保怎么申请", "老年人优待证怎么办", "社保断缴了怎么办", "邻居吵架找谁调解", "供暖费怎么交",
}
local groups = { "grp-xyz-01-01", "grp-xyz-01-02", "grp-xyz-01-03", "grp-xyz-02-01" }

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  answers = 0
  responses = 0
end

function request()
  counter = counter + 1
  local resident = (counter % 400)
  local body = string.format(
    '{"channel":"bench","conversationId":"%s","conversationType":"group","senderId":"t%d-r%d","senderName":"居民%d",' ..
    '"text":"@百事通 %s","messageId":"t%d-m%d"}',
    groups[(resident % #groups) + 1], tid, resident, resident, questions[(counter % #questions) + 1], tid, counter)
  return wrk.format("POST", "/api/chat/messages", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  responses = responses + 1
  if status == 200 and string.find(body, '"entryId":"', 1, true) then
    answers = answers + 1
  end
end

function done(summary, latency, requests)
  local total, answered = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("responses")
    answered = answered + thread:get("answers")
  end
  io.write(string.format("responses: %d, answered with an entry: %d (%.1f%%), answers/s: %.0f\n",
    total, answered, 100 * answered / math.max(total, 1), answered / (summary.duration / 1e6)))
end
