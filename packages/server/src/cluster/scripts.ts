/** The Lua scripts: each runs atomically on the shard that holds the room's keys. */

/**
 * Appends entries to a room's log.
 * KEYS: meta, log, head, ids. ARGV: node, channel, then (dedupe key, entry) pairs.
 * Per entry it answers its seq, or minus the seq an earlier copy got (same participant and
 * action id: logged once, however often it is re-sent). New entries get the next numbers,
 * go into the stream as `<seq>-0`, and one PUBLISH carries them all to the nodes.
 */
export const appendScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('GONE room erased') end
local seq = tonumber(redis.call('GET', KEYS[3]) or '0')
local first = seq + 1
local out = {}
local logged = {}
for i = 3, #ARGV, 2 do
  local key = ARGV[i]
  local prior = false
  if key ~= '' then prior = redis.call('HGET', KEYS[4], key) end
  if prior then
    out[#out + 1] = -tonumber(prior)
  else
    seq = seq + 1
    redis.call('XADD', KEYS[2], seq .. '-0', 'e', ARGV[i + 1], 'n', ARGV[1])
    if key ~= '' then redis.call('HSET', KEYS[4], key, seq) end
    out[#out + 1] = seq
    logged[#logged + 1] = ARGV[i + 1]
  end
end
if seq >= first then
  redis.call('SET', KEYS[3], seq)
  redis.call('PUBLISH', ARGV[2], first .. '\\n' .. ARGV[1] .. '\\n' .. table.concat(logged, '\\n'))
end
return out
`;

/**
 * Keeps a snapshot if it is newer than the one stored, and trims the log behind it (all but
 * the last `keep` entries before it, so a node a little behind still reads on without reloading).
 * KEYS: meta, snapshot, log. ARGV: seq, record, keep, sockets (open per node, for dead nodes' leaves).
 */
export const snapshotScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local seq = tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
if seq <= current then return 0 end
redis.call('HSET', KEYS[2], 'seq', ARGV[1], 'record', ARGV[2], 'sockets', ARGV[4])
local min = seq + 1 - tonumber(ARGV[3])
if min > 1 then redis.call('XTRIM', KEYS[3], 'MINID', min .. '-0') end
return 1
`;
