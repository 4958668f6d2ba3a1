-- TRANSACTION_SPIKE detection for events of one pool, in order, atomically: the algorithm of
-- spike.ts (the pure core; read it for the reasoning), written for few Redis commands: one
-- HMGET and one HSET per event, one more HMGET only when the head jumps several buckets.
-- A read of the stream sends each pool's events in one call (spikeDetector.ts).
-- KEYS: the pool's hash (meta fields, a ring of bucket counts, the recent event ids).
-- ARGV: nowMs, windowSeconds, baselineSeconds, spikeFactor, minCount, then eventId, atMs for
-- each event. spikeDetector.ts prepends the constants TTL_MS, MAX_BUCKETS and SEEN_IDS (fewer
-- arguments per call).
-- Returns one { decision, observed, baseline (string) } per event.
local h = KEYS[1]
local nowMs = tonumber(ARGV[1])
local win, base = tonumber(ARGV[2]), tonumber(ARGV[3])
local factor, minCount = tonumber(ARGV[4]), tonumber(ARGV[5])
local ttl, maxBuckets, seenIds = TTL_MS, MAX_BUCKETS, SEEN_IDS

local function observe(id, atMs)

  if atMs < nowMs - (win + base) * 1000 then return { 'STALE', 0, '0' } end
  if atMs > nowMs then atMs = nowMs end
  local width = math.max(1, math.ceil(win / 10), math.ceil((win + base) / maxBuckets))
  local nw = math.ceil(win / width)
  local nb = math.max(1, math.ceil(base / width))
  local cfg = width .. ':' .. nw .. ':' .. nb
  local wms = width * 1000
  local idx = math.floor(atMs / wms)
  -- Buckets live in a ring of R = nw + nb fields: the bucket leaving the baseline when the head
  -- moves to s is s - R, the same field as s, so moving on overwrites instead of deleting.
  local R = nw + nb
  local function slot(b) return 's' .. (b % R) end

  local m = redis.call('HMGET', h, 'cfg', 'head', 'first', 'ws', 'bs', 'al', 'rb', 'sb', 'sc', 'ex',
    slot(idx), slot(idx - nw), 'seen')
  local head, first = tonumber(m[2]), tonumber(m[3])
  local ws, bs, sc = tonumber(m[4]) or 0, tonumber(m[5]) or 0, tonumber(m[9]) or 0
  local refreshed = tonumber(m[10]) or 0
  local alerting = m[6] == '1'
  local raisedBy, resolvedBy = m[7] or '', m[8] or ''
  local set = {}

  -- Zeroes every slot of a (possibly older) cutting, keeping the meta fields.
  local function dropBuckets(oldCfg)
    local _, _, onw, onb = string.find(oldCfg or '', '^%d+:(%d+):(%d+)$')
    if not onw then return end
    local fields = {}
    for b = 0, onw + onb - 1 do fields[#fields + 1] = 's' .. b end
    redis.call('HDEL', h, unpack(fields))
  end

  local fresh = false
  if head == nil then
    head, first = idx, atMs
    set[#set + 1] = 'first'; set[#set + 1] = first
    fresh = true
  elseif m[1] ~= cfg then
    dropBuckets(m[1])
    head, ws, bs = idx, 0, 0
    fresh = true
  end
  if m[1] ~= cfg then set[#set + 1] = 'cfg'; set[#set + 1] = cfg end
  -- The count already in the event's bucket (a fresh cutting has none yet).
  local count = 0
  if not fresh and idx <= head then count = tonumber(m[11]) or 0 end

  local function evaluate()
    local watched = math.min(nb * wms, (head - nw + 1) * wms - first)
    if watched < nw * wms then return false, 0 end
    return true, bs * nw * wms / watched
  end

  -- The last SEEN_IDS event ids (their last 12 characters: UUIDv7's random tail), as one string
  -- "a|b|c|" searched with a plain find: cheaper than a set command per event.
  local tag = string.sub(id, -12)
  local seen = m[13] or ''
  if string.find('|' .. seen, '|' .. tag .. '|', 1, true) then
    local _, baseline = evaluate()
    local decision = 'DUPLICATE'
    if alerting and raisedBy == id then decision = 'RAISE'
    elseif (not alerting) and resolvedBy == id then decision = 'RESOLVE' end
    return { decision, ws, tostring(baseline) }
  end
  seen = seen .. tag .. '|'
  sc = sc + 1
  if sc > seenIds then
    seen = string.sub(seen, string.find(seen, '|', 1, true) + 1)
    sc = seenIds
  end
  set[#set + 1] = 'seen'; set[#set + 1] = seen
  if atMs < first then
    first = atMs
    set[#set + 1] = 'first'; set[#set + 1] = first
  end

  if idx > head then
    if idx - head >= R then
      dropBuckets(cfg)
      ws, bs = 0, 0
    elseif idx == head + 1 then
      -- The common case: both counts came with the first HMGET.
      local entering, leaving = tonumber(m[12]) or 0, tonumber(m[11]) or 0
      ws = ws - entering
      bs = bs + entering - leaving
    else
      local fields = {}
      for s = head + 1, idx do
        fields[#fields + 1] = slot(s - nw)
        fields[#fields + 1] = slot(s)
      end
      local counts = redis.call('HMGET', h, unpack(fields))
      for i = 1, #fields, 2 do
        local entering = tonumber(counts[i]) or 0
        ws = ws - entering
        bs = bs + entering - (tonumber(counts[i + 1]) or 0)
        if i + 1 < #fields then
          set[#set + 1] = fields[i + 1]; set[#set + 1] = 0 -- a bucket with no events
        end
      end
    end
    head = idx
  end

  local inWindow = false
  local counted = true
  if idx > head - nw then
    inWindow = true
    ws = ws + 1
  elseif idx > head - nw - nb then
    bs = bs + 1
  else
    counted = false
  end

  local warm, baseline = evaluate()
  local decision = 'NONE'
  if counted then
    set[#set + 1] = slot(idx); set[#set + 1] = count + 1
    local threshold = math.max(minCount, factor * baseline)
    if alerting then
      if ws < threshold then
        alerting = false
        resolvedBy = id
        decision = 'RESOLVE'
        set[#set + 1] = 'al'; set[#set + 1] = '0'
        set[#set + 1] = 'sb'; set[#set + 1] = id
      end
    elseif inWindow and warm and ws >= threshold then
      alerting = true
      raisedBy = id
      decision = 'RAISE'
      set[#set + 1] = 'al'; set[#set + 1] = '1'
      set[#set + 1] = 'rb'; set[#set + 1] = id
    end
  end

  -- The TTL only has to outlive the longest quiet period worth remembering: refresh it hourly.
  if nowMs - refreshed > 3600000 then
    redis.call('PEXPIRE', h, ttl)
    set[#set + 1] = 'ex'; set[#set + 1] = nowMs
  end
  redis.call('HSET', h, 'head', head, 'ws', ws, 'bs', bs, 'sc', sc, unpack(set))
  return { decision, ws, tostring(baseline) }
end

local results = {}
for i = 6, #ARGV, 2 do
  results[#results + 1] = observe(ARGV[i], tonumber(ARGV[i + 1]))
end
return results
