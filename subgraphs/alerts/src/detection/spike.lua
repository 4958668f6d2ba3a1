-- TRANSACTION_SPIKE detection for one event of one pool, atomically (see spike.ts, the same
-- algorithm as a pure function, for the reasoning). KEYS: meta hash, buckets hash, seen zset
-- (one hash tag per pool, so a Redis Cluster keeps them on one node).
-- ARGV: eventId, atMs, nowMs, windowSeconds, baselineSeconds, spikeFactor, minCount, ttlMs, maxBuckets, seenIds
-- Returns { decision, observed, baseline (string) }.
local meta, bkeys, seenKey = KEYS[1], KEYS[2], KEYS[3]
local id = ARGV[1]
local atMs, nowMs = tonumber(ARGV[2]), tonumber(ARGV[3])
local win, base = tonumber(ARGV[4]), tonumber(ARGV[5])
local factor, minCount = tonumber(ARGV[6]), tonumber(ARGV[7])
local ttl, maxBuckets, seenIds = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])

local width = math.max(1, math.ceil(win / 10), math.ceil((win + base) / maxBuckets))
local nw = math.ceil(win / width)
local nb = math.max(1, math.ceil(base / width))
local cfg = width .. ':' .. nw .. ':' .. nb
local wms = width * 1000

if atMs < nowMs - (win + base) * 1000 then return { 'STALE', 0, '0' } end
if atMs > nowMs then atMs = nowMs end
local idx = math.floor(atMs / wms)

local m = redis.call('HMGET', meta, 'cfg', 'head', 'first', 'ws', 'bs', 'al', 'rb', 'sb')
local head, first = tonumber(m[2]), tonumber(m[3])
local ws, bs = tonumber(m[4]) or 0, tonumber(m[5]) or 0
local alerting = m[6] == '1'
local raisedBy, resolvedBy = m[7], m[8]
if head == nil then
  head, first = idx, atMs
elseif m[1] ~= cfg then
  redis.call('DEL', bkeys)
  head, ws, bs = idx, 0, 0
end

-- How much of the baseline has been watched (false while warming up) and its per-window average.
local function evaluate()
  local watched = math.min(nb * wms, (head - nw + 1) * wms - first)
  if watched < nw * wms then return false, 0 end
  return true, bs * nw * wms / watched
end

if redis.call('ZADD', seenKey, 'NX', atMs, id) == 0 then
  local _, baseline = evaluate()
  local decision = 'DUPLICATE'
  if alerting and raisedBy == id then decision = 'RAISE'
  elseif (not alerting) and resolvedBy == id then decision = 'RESOLVE' end
  return { decision, ws, tostring(baseline) }
end
if redis.call('ZCARD', seenKey) > seenIds then
  redis.call('ZREMRANGEBYRANK', seenKey, 0, -(seenIds + 1))
end
if atMs < first then first = atMs end

if idx > head then
  if idx - head >= nw + nb then
    redis.call('DEL', bkeys)
    ws, bs = 0, 0
  else
    for h = head + 1, idx do
      local entering = tonumber(redis.call('HGET', bkeys, h - nw)) or 0
      ws = ws - entering
      bs = bs + entering
      local old = h - nw - nb
      local leaving = tonumber(redis.call('HGET', bkeys, old)) or 0
      if leaving ~= 0 then
        bs = bs - leaving
        redis.call('HDEL', bkeys, old)
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
if counted then redis.call('HINCRBY', bkeys, idx, 1) end

local warm, baseline = evaluate()
local decision = 'NONE'
if counted then
  local threshold = math.max(minCount, factor * baseline)
  if alerting then
    if ws < threshold then
      alerting = false
      resolvedBy = id
      decision = 'RESOLVE'
    end
  elseif inWindow and warm and ws >= threshold then
    alerting = true
    raisedBy = id
    decision = 'RAISE'
  end
end

redis.call('HSET', meta, 'cfg', cfg, 'head', head, 'first', first, 'ws', ws, 'bs', bs,
  'al', alerting and '1' or '0', 'rb', raisedBy or '', 'sb', resolvedBy or '')
redis.call('PEXPIRE', meta, ttl)
redis.call('PEXPIRE', bkeys, ttl)
redis.call('PEXPIRE', seenKey, ttl)
return { decision, ws, tostring(baseline) }
