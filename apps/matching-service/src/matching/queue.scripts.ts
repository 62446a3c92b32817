/*
 * The queue's atomic steps, as Redis Lua scripts. Each runs alone on the Redis
 * server, so a request ends exactly once (matched, cancelled or timed out)
 * however many replicas race. Keys are built inside the scripts from the
 * prefix (ARGV[1]): the topics of a request decide which indexes it touches,
 * which a caller cannot know before reading it. That needs a single Redis
 * (or all keys in one cluster slot via a `{tag}` in the prefix).
 *
 * Layout under prefix P:
 *   P seq                      counter: enqueue order (FIFO score)
 *   P user:<userId>            the user's current request id (waiting, or matched until the room ends)
 *   P req:<requestId>          hash: the request, its phase and, once matched, the match
 *   M q:<difficulty>:<topic>   zset of waiting request ids by seq (strict and relaxed phase)
 *   M q:<difficulty>:<topic>:<language>   the same, one language (language preference)
 *   M r:<topic>[:<language>]   zset of requests in their relaxed phase, by seq
 *   P match:<matchId>          "<olderRequestId>,<newerRequestId>", for the room events
 *   P deadlines                zset of waiting request ids by the end of their current phase
 *   P presence:<userId>        open status sockets of the user, all replicas
 *   P blocked:<userId>         set of the user ids the user may never meet (blocked either way round)
 *
 * M, the indexes of one mode, is P for pair practice and `P interview:` for
 * mock interviews: requests only ever search their own mode's indexes. Pair
 * practice keeps the layout of the version before modes, whose requests were
 * all pair practice (today's room), so a rolling deploy keeps one queue.
 */

const COMMON = `
local P = ARGV[1]

local function split(csv)
  local out = {}
  for item in string.gmatch(csv, '[^,]+') do out[#out + 1] = item end
  return out
end

local function load(id)
  local flat = redis.call('HGETALL', P .. 'req:' .. id)
  if #flat == 0 then return nil end
  local h = {}
  for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
  -- Written before modes existed: pair practice (queue.repository.ts decodeRequest reads it so too).
  h.mode = h.mode or 'pair'
  h.minutes = h.minutes or '45'
  return h
end

-- Where the indexes of the request's mode live (M in the layout above).
local function modePrefix(h)
  if h.mode == 'pair' then return P end
  return P .. h.mode .. ':'
end

local function strictKeys(h, byLanguage)
  local keys = {}
  for _, t in ipairs(split(h.topics)) do
    local k = modePrefix(h) .. 'q:' .. h.difficulty .. ':' .. t
    if byLanguage then k = k .. ':' .. h.language end
    keys[#keys + 1] = k
  end
  return keys
end

local function relaxedKeys(h, byLanguage)
  local keys = {}
  for _, t in ipairs(split(h.topics)) do
    local k = modePrefix(h) .. 'r:' .. t
    if byLanguage then k = k .. ':' .. h.language end
    keys[#keys + 1] = k
  end
  return keys
end

-- Whether a waiting request belongs to someone h may never meet (rules.ts
-- BlockList; peer.blocked wrote the set both ways round). Most users block
-- nobody: then no request is looked up.
local function blockedFor(h)
  local key = P .. 'blocked:' .. h.userId
  if redis.call('EXISTS', key) == 0 then return function() return false end end
  return function(id)
    local userId = redis.call('HGET', P .. 'req:' .. id, 'userId')
    return userId and redis.call('SISMEMBER', key, userId) == 1
  end
end

-- The oldest (lowest seq) member across the sorted sets that is not excluded.
-- Each set is read from its oldest member on, a page at a time, past the
-- excluded ones (at most the user's blocked peers that are waiting there).
local function oldest(keys, excluded)
  local best, bestScore = nil, nil
  for _, k in ipairs(keys) do
    local from, done = 0, false
    repeat
      local r = redis.call('ZRANGE', k, from, from + 15, 'WITHSCORES')
      for i = 1, #r, 2 do
        local score = tonumber(r[i + 1])
        if bestScore ~= nil and score >= bestScore then done = true break end
        if not excluded(r[i]) then
          best, bestScore, done = r[i], score, true
          break
        end
      end
      from = from + 16
    until done or #r < 32
  end
  return best
end

-- Same language first, else the oldest of all, never a blocked peer:
-- rules.ts choosePartner. An index entry whose request is gone (it cannot be,
-- every change is one of these scripts; but a stuck entry would block the
-- queue) is dropped.
local function partner(h, keysOf)
  local excluded = blockedFor(h)
  for _ = 1, 10 do
    local id = oldest(keysOf(h, true), excluded) or oldest(keysOf(h, false), excluded)
    if not id then return nil end
    local other = load(id)
    if other then
      if other.userId == h.userId then return nil end
      return other
    end
    for _, k in ipairs(keysOf(h, true)) do redis.call('ZREM', k, id) end
    for _, k in ipairs(keysOf(h, false)) do redis.call('ZREM', k, id) end
  end
  return nil
end

local function unindex(h)
  local seqless = {strictKeys(h, false), strictKeys(h, true), relaxedKeys(h, false), relaxedKeys(h, true)}
  for _, keys in ipairs(seqless) do
    for _, k in ipairs(keys) do redis.call('ZREM', k, h.id) end
  end
  redis.call('ZREM', P .. 'deadlines', h.id)
end

local function index(keys, h)
  for _, k in ipairs(keys) do redis.call('ZADD', k, tonumber(h.seq), h.id) end
end

local function releaseUser(h)
  local userKey = P .. 'user:' .. h.userId
  if redis.call('GET', userKey) == h.id then redis.call('DEL', userKey) end
end

-- Ends a waiting request (cancel or timeout): out of every index, forgotten.
local function finish(h)
  unindex(h)
  releaseUser(h)
  redis.call('DEL', P .. 'req:' .. h.id)
end

-- Pairs two waiting requests (rules.ts agreedTerms) and takes both out of the queue.
local function pair(a, b, matchId, now, holdMs)
  local older, newer = a, b
  if tonumber(b.seq) < tonumber(a.seq) then older, newer = b, a end
  local inNewer = {}
  for _, t in ipairs(split(newer.topics)) do inNewer[t] = true end
  local topics = {}
  for _, t in ipairs(split(older.topics)) do
    if inNewer[t] then topics[#topics + 1] = t end
  end
  local m = {
    matchId = matchId,
    mode = older.mode,
    -- The shorter length (rules.ts shorterLength): nobody stays longer than they asked.
    minutes = tostring(math.min(tonumber(older.minutes), tonumber(newer.minutes))),
    difficulty = older.difficulty,
    topics = table.concat(topics, ','),
    language = older.language,
    relaxed = (older.difficulty ~= newer.difficulty) and '1' or '0',
    matchedAt = now,
  }
  for _, side in ipairs({{older, newer}, {newer, older}}) do
    local me, peer = side[1], side[2]
    unindex(me)
    local reqKey = P .. 'req:' .. me.id
    redis.call('HSET', reqKey, 'status', 'matched', 'matchId', matchId, 'peerId', peer.userId,
      'peerName', peer.name, 'agreedMode', m.mode, 'agreedMinutes', m.minutes, 'agreedDifficulty', m.difficulty, 'agreedTopics', m.topics,
      'agreedLanguage', m.language, 'relaxedMatch', m.relaxed, 'matchedAt', now, 'roomId', '')
    me.status = 'matched'
    -- The request is kept (GET current shows the match) while the user counts as in a room.
    redis.call('PEXPIRE', reqKey, math.max(holdMs, 60000))
    local userKey = P .. 'user:' .. me.userId
    if holdMs > 0 then redis.call('PEXPIRE', userKey, holdMs) else redis.call('DEL', userKey) end
  end
  redis.call('SET', P .. 'match:' .. matchId, older.id .. ',' .. newer.id, 'PX', math.max(holdMs, 60000))
  local result = {outcome = 'matched', match = m, older = older, newer = newer}
  -- The outbox: match.found is written in the same atomic step as the pairing,
  -- and the outbox relay publishes it from this stream with confirms.
  redis.call('XADD', P .. 'outbox', '*', 'pair', cjson.encode(result))
  return result
end
`;

/**
 * Enqueue-or-match. ARGV: P, requestId, userId, displayName, difficulty,
 * topicsCsv, language, allowRelaxed ('1'/'0'), now, strictDeadline, deadline,
 * holdMs, matchId (used when a partner is waiting), mode, minutes.
 * Returns JSON: {outcome:'conflict', status} | {outcome:'queued', seq} | a pair.
 */
export const ENQUEUE_SCRIPT = `${COMMON}
local id, userId = ARGV[2], ARGV[3]
local userKey = P .. 'user:' .. userId
local current = redis.call('GET', userKey)
if current then
  local existing = load(current)
  if existing then return cjson.encode({outcome = 'conflict', status = existing.status}) end
  redis.call('DEL', userKey)
end
local now, holdMs = ARGV[9], tonumber(ARGV[12])
local h = {id = id, userId = userId, name = ARGV[4], difficulty = ARGV[5], topics = ARGV[6], language = ARGV[7],
  relax = ARGV[8], createdAt = now, strictDeadline = ARGV[10], deadline = ARGV[11], status = 'queued',
  mode = ARGV[14], minutes = ARGV[15]}
h.seq = tostring(redis.call('INCR', P .. 'seq'))
redis.call('HSET', P .. 'req:' .. id, 'id', id, 'userId', userId, 'name', h.name, 'mode', h.mode,
  'minutes', h.minutes, 'difficulty', h.difficulty, 'topics', h.topics, 'language', h.language, 'relax', h.relax, 'createdAt', now,
  'strictDeadline', h.strictDeadline, 'deadline', h.deadline, 'status', 'queued', 'seq', h.seq)
redis.call('SET', userKey, id)
local other = partner(h, strictKeys)
if other then return cjson.encode(pair(other, h, ARGV[13], now, holdMs)) end
index(strictKeys(h, false), h)
index(strictKeys(h, true), h)
redis.call('ZADD', P .. 'deadlines', tonumber(h.strictDeadline), id)
return cjson.encode({outcome = 'queued', seq = h.seq})
`;

/**
 * Cancels the user's waiting request. ARGV: P, userId, onlyIfAbsent ('1': only
 * when the user has no status socket open anywhere — the disconnect rule).
 * Returns JSON {outcome: 'none'|'matched'|'present'|'cancelled', requestId?}.
 */
export const CANCEL_SCRIPT = `${COMMON}
local userId = ARGV[2]
local current = redis.call('GET', P .. 'user:' .. userId)
if not current then return cjson.encode({outcome = 'none'}) end
local h = load(current)
if not h then return cjson.encode({outcome = 'none'}) end
if h.status == 'matched' then return cjson.encode({outcome = 'matched', requestId = h.id}) end
if ARGV[3] == '1' and tonumber(redis.call('GET', P .. 'presence:' .. userId) or '0') > 0 then
  return cjson.encode({outcome = 'present', requestId = h.id})
end
finish(h)
return cjson.encode({outcome = 'cancelled', requestId = h.id})
`;

/**
 * Ends the phase of every request whose deadline passed (at most ARGV[3]):
 * a request that allowed relaxation enters its relaxed phase (and may pair at
 * once with another relaxed request on a shared topic), any other times out.
 * ARGV: P, now, limit, holdMs, then one fresh matchId per possible pair.
 * Returns JSON: a list of {outcome:'relaxed'|'timed_out', request} and pairs.
 */
export const SWEEP_SCRIPT = `${COMMON}
local now, limit, holdMs = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local due = redis.call('ZRANGEBYSCORE', P .. 'deadlines', '-inf', now, 'LIMIT', 0, limit)
local out, nextMatchId = {}, 5
for _, id in ipairs(due) do
  local h = load(id)
  if not h or h.status == 'matched' then
    redis.call('ZREM', P .. 'deadlines', id)
  elseif h.status == 'queued' and h.relax == '1' and now < tonumber(h.deadline) then
    h.status = 'relaxed'
    local other = partner(h, relaxedKeys)
    if other then
      out[#out + 1] = pair(other, h, ARGV[nextMatchId], ARGV[2], holdMs)
      nextMatchId = nextMatchId + 1
    else
      redis.call('HSET', P .. 'req:' .. id, 'status', 'relaxed')
      index(relaxedKeys(h, false), h)
      index(relaxedKeys(h, true), h)
      redis.call('ZADD', P .. 'deadlines', tonumber(h.deadline), id)
      out[#out + 1] = {outcome = 'relaxed', request = h}
    end
  else
    finish(h)
    out[#out + 1] = {outcome = 'timed_out', request = h}
  end
end
if #out == 0 then return '[]' end
return cjson.encode(out)
`;

/**
 * A room event of a match. ARGV: P, matchId, roomId ('' for "the room ended
 * or failed": both users may request again).
 * Returns JSON {outcome: 'none'|'updated'|'released', requests}.
 */
export const ROOM_SCRIPT = `${COMMON}
local matchId, roomId = ARGV[2], ARGV[3]
local ids = redis.call('GET', P .. 'match:' .. matchId)
if not ids then return cjson.encode({outcome = 'none'}) end
local requests = {}
for _, id in ipairs(split(ids)) do
  local h = load(id)
  if h and h.matchId == matchId then
    if roomId == '' then
      releaseUser(h)
    else
      redis.call('HSET', P .. 'req:' .. id, 'roomId', roomId)
      h.roomId = roomId
    end
    requests[#requests + 1] = h
  end
end
if roomId == '' then redis.call('DEL', P .. 'match:' .. matchId) end
if #requests == 0 then return cjson.encode({outcome = 'none'}) end
return cjson.encode({outcome = roomId == '' and 'released' or 'updated', requests = requests})
`;

/**
 * Forgets a deleted user's blocks: their set, and their id in the sets of the
 * peers they blocked or were blocked by. ARGV: P, userId.
 */
export const FORGET_BLOCKS_SCRIPT = `
local P, userId = ARGV[1], ARGV[2]
local key = P .. 'blocked:' .. userId
local peers = redis.call('SMEMBERS', key)
for _, peer in ipairs(peers) do redis.call('SREM', P .. 'blocked:' .. peer, userId) end
redis.call('DEL', key)
return #peers
`;
