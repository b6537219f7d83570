/** The Lua scripts: each runs atomically on the shard that holds the room's keys. */

/**
 * Appends entries to a room's log.
 * KEYS: meta, log, head, then the dedupe hashes: the current period's (written), the next
 * one's (a node whose clock runs ahead writes there) and the two before (read).
 * ARGV: node, channel, the current hash's time to live (ms), then (dedupe key, entry, new id)
 * triples. Per entry it answers its seq, or for an action logged before (same participant and
 * action id, within the dedupe window) '-<seq>' or '-<seq> <new id>' as that copy got: logged
 * once, however often it is re-sent. New entries get the next numbers, go into the stream as
 * `<seq>-0`, and one PUBLISH carries them all to the nodes.
 */
export const appendScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('GONE room erased') end
local seq = tonumber(redis.call('GET', KEYS[3]) or '0')
local first = seq + 1
local out = {}
local logged = {}
local remembered = false
for i = 4, #ARGV, 3 do
  local key = ARGV[i]
  local prior = false
  if key ~= '' then
    for k = 4, #KEYS do
      prior = redis.call('HGET', KEYS[k], key)
      if prior then break end
    end
  end
  if prior then
    out[#out + 1] = '-' .. prior
  else
    seq = seq + 1
    redis.call('XADD', KEYS[2], seq .. '-0', 'e', ARGV[i + 1], 'n', ARGV[1])
    if key ~= '' then
      local answer = tostring(seq)
      if ARGV[i + 2] ~= '' then answer = answer .. ' ' .. ARGV[i + 2] end
      redis.call('HSET', KEYS[4], key, answer)
      remembered = true
    end
    out[#out + 1] = seq
    logged[#logged + 1] = ARGV[i + 1]
  end
end
if remembered then redis.call('PEXPIRE', KEYS[4], ARGV[3]) end
if seq >= first then
  redis.call('SET', KEYS[3], seq)
  redis.call('PUBLISH', ARGV[2], first .. '\\n' .. ARGV[1] .. '\\n' .. table.concat(logged, '\\n'))
end
return out
`;

/** How many keys the append script takes (meta, log, head and four dedupe hashes). */
export const appendKeyCount = 7;

/**
 * The append script's keys and leading arguments at time `now`: the dedupe window is cut
 * into periods of half its length, so an action is recognised for at least `windowMs` and
 * forgotten after at most 1.5 times that.
 */
export function appendHead(
  keys: { meta: string; log: string; head: string; ids(period: number): string; channel: string },
  node: string,
  now: number,
  windowMs: number,
): string[] {
  const periodMs = Math.max(1, Math.ceil(windowMs / 2));
  const period = Math.floor(now / periodMs);
  const ids = [period, period + 1, period - 1, period - 2].map((p) => keys.ids(p));
  // The current hash is read until two periods after its own: it lives that long.
  return [keys.meta, keys.log, keys.head, ...ids, node, keys.channel, String(3 * periodMs)];
}

/** The dedupe hashes that may exist at `now` (erasing a room deletes them all). */
export function dedupeKeys(keys: { ids(period: number): string }, now: number, windowMs: number): string[] {
  const periodMs = Math.max(1, Math.ceil(windowMs / 2));
  const period = Math.floor(now / periodMs);
  return [-3, -2, -1, 0, 1, 2].map((d) => keys.ids(period + d));
}

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
