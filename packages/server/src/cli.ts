#!/usr/bin/env node
/** `plenum serve`: the room server, the embed bundle, the demo page and the console. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCaps, isLang, isTimeZone, type RoomCaps } from '@plenum/protocol';
import { defaultMaxRooms, defaultRoomCreationsPerMinute } from './creation-limit.js';
import { demoRoom, ensureDemoRoom } from './demo.js';
import { defaultIpLimits } from './ip-limits.js';
import { defaultQuestionsPerMinute } from './allowances.js';
import { dayMs, defaultRetentionDays } from './retention.js';
import { startServer, type PlenumServer, type ServerOptions } from './server.js';
import { Cluster } from './cluster/cluster.js';
import { SqliteStorage } from './storage/sqlite.js';

const usage = `Usage: plenum serve [options]

  --port <n>           port to listen on (env PORT, default 1999; 0 picks a free one)
  --host <addr>        address to bind (env HOST, default 127.0.0.1)
  --data <dir>         where the SQLite database lives (env PLENUM_DATA, default ./.plenum)
  --redis <url>        cluster mode: rooms live in this Redis or Valkey, shared by every
                       node (env PLENUM_REDIS; redis://user:password@host:6379, rediss:// for TLS)
  --redis-wait-replicas <n> acknowledge an action only once n replicas have it (WAITAOF, else
                       WAIT; env PLENUM_REDIS_WAIT_REPLICAS, default 0)
  --origins <list>     comma-separated origins allowed to embed (env PLENUM_ORIGINS; default any)
  --admin-token <t>    required to create rooms (env PLENUM_ADMIN_TOKEN)
  --retention-days <n> erase rooms idle this many days (env PLENUM_RETENTION_DAYS,
                       default ${defaultRetentionDays}; 0 keeps them until a host erases them)
  --limit-ip-rate <n>  new sockets per network per second (env PLENUM_LIMIT_IP_RATE,
                       default ${defaultIpLimits.ratePerSecond}; 0 = off)
  --limit-ip-burst <n> new sockets a network may open at once before the rate applies
                       (env PLENUM_LIMIT_IP_BURST, default ${defaultIpLimits.burst})
  --limit-ip-sockets <n> sockets open at once per network (env PLENUM_LIMIT_IP_SOCKETS,
                       default ${defaultIpLimits.sockets}; 0 = off)
  --limit-questions <n> questions per participant per minute (env PLENUM_LIMIT_QUESTIONS,
                       default ${defaultQuestionsPerMinute}; 0 = off)
  --trust-proxy        take the client's address from X-Forwarded-For, as set by your own
                       reverse proxy (env PLENUM_TRUST_PROXY=1; never without it)
  --lang <de|en>       language of new rooms and their reports (env PLENUM_LANG, default en)
  --time-zone <zone>   IANA time zone of new rooms, e.g. Europe/Berlin (env PLENUM_TIME_ZONE,
                       default this machine's zone)
  --limit-room-rate <n> rooms one address may create per minute without the admin token
                       (env PLENUM_LIMIT_ROOM_RATE, default ${defaultRoomCreationsPerMinute}; 0 = no limit)
  --max-rooms <n>      rooms this server holds at most (env PLENUM_MAX_ROOMS,
                       default ${defaultMaxRooms}; 0 = no cap)
  --demo               create the demo room "${demoRoom}" and print its host link
                       (env PLENUM_DEMO=1; on in \`npm start\`)
  --max-questions <n>  questions a room holds (env PLENUM_MAX_QUESTIONS, default ${defaultCaps.questions})
  --max-polls <n>      polls a room holds (env PLENUM_MAX_POLLS, default ${defaultCaps.polls})
  --max-answers <n>    different answers an open poll takes (env PLENUM_MAX_ANSWERS,
                       default ${defaultCaps.openAnswers})
  --max-log <n>        entries a room's log holds (env PLENUM_MAX_LOG, default ${defaultCaps.log});
                       for every --max-*, 0 lifts the cap
  -h, --help           show this help`;

/** The limits, option by option: the flag, its environment variable, the default. */
const limitOptions = {
  limitIpRate: ['limit-ip-rate', 'PLENUM_LIMIT_IP_RATE', defaultIpLimits.ratePerSecond],
  limitIpBurst: ['limit-ip-burst', 'PLENUM_LIMIT_IP_BURST', defaultIpLimits.burst],
  limitIpSockets: ['limit-ip-sockets', 'PLENUM_LIMIT_IP_SOCKETS', defaultIpLimits.sockets],
  limitQuestions: ['limit-questions', 'PLENUM_LIMIT_QUESTIONS', defaultQuestionsPerMinute],
  roomCreationsPerMinute: ['limit-room-rate', 'PLENUM_LIMIT_ROOM_RATE', defaultRoomCreationsPerMinute],
  maxRooms: ['max-rooms', 'PLENUM_MAX_ROOMS', defaultMaxRooms],
} as const satisfies Record<string, readonly [string, string, number]>;

/** The room caps, option by option: the flag, its environment variable, the cap it sets. */
const capOptions = [
  ['max-questions', 'PLENUM_MAX_QUESTIONS', 'questions'],
  ['max-polls', 'PLENUM_MAX_POLLS', 'polls'],
  ['max-answers', 'PLENUM_MAX_ANSWERS', 'openAnswers'],
  ['max-log', 'PLENUM_MAX_LOG', 'log'],
] as const satisfies readonly (readonly [string, string, keyof RoomCaps])[];

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      redis: { type: 'string' },
      'redis-wait-replicas': { type: 'string' },
      origins: { type: 'string' },
      'admin-token': { type: 'string' },
      'retention-days': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      lang: { type: 'string' },
      'time-zone': { type: 'string' },
      demo: { type: 'boolean' },
      ...Object.fromEntries(
        [...Object.values(limitOptions), ...capOptions].map(([flag]) => [flag, { type: 'string' as const }]),
      ),
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** What `plenum serve` was told, flag by flag (a flag before its environment variable), checked. */
function settings(values: ReturnType<typeof parse>['values'], env: NodeJS.ProcessEnv) {
  const port = Number(values.port ?? env.PORT ?? 1999);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, not "${values.port}".`);
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const dataDir = resolve(values.data ?? env.PLENUM_DATA ?? '.plenum');
  const origins = (values.origins ?? env.PLENUM_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const adminToken = values['admin-token'] ?? env.PLENUM_ADMIN_TOKEN;
  const retention = values['retention-days'] ?? env.PLENUM_RETENTION_DAYS ?? String(defaultRetentionDays);
  const retentionDays = Number(retention);
  if (!(retentionDays >= 0)) throw new Error(`--retention-days must be 0 or more, not "${retention}".`);
  const given = (flag: string, name: string) =>
    (values as Record<string, string | undefined>)[flag] ?? env[name];
  const limits = Object.fromEntries(
    Object.entries(limitOptions).map(([key, [flag, name, fallback]]) => [
      key,
      wholeNumber(flag, given(flag, name)) ?? fallback,
    ]),
  ) as Record<keyof typeof limitOptions, number>;
  const trustProxy = values['trust-proxy'] ?? flag('PLENUM_TRUST_PROXY', env.PLENUM_TRUST_PROXY);

  const lang = values.lang ?? env.PLENUM_LANG ?? 'en';
  if (!isLang(lang)) throw new Error(`--lang must be de or en, not "${lang}".`);
  const timeZone =
    values['time-zone'] ?? env.PLENUM_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isTimeZone(timeZone)) {
    throw new Error(`--time-zone must be an IANA time zone such as Europe/Berlin, not "${timeZone}".`);
  }

  const demo = values.demo ?? flag('PLENUM_DEMO', env.PLENUM_DEMO);
  const caps: Partial<RoomCaps> = {};
  for (const [option, name, cap] of capOptions) {
    const n = wholeNumber(option, given(option, name));
    if (n !== undefined) caps[cap] = n === 0 ? Infinity : n;
  }
  const redisUrl = values.redis ?? env.PLENUM_REDIS;
  // What the server takes as it is; the rest is the CLI's own (where the data is, the demo room).
  const server = {
    port,
    host,
    origins,
    adminToken,
    retentionMs: retentionDays * dayMs,
    ...limits,
    trustProxy,
    roomDefaults: { lang, timeZone },
    caps,
  } satisfies Partial<ServerOptions>;
  const waitReplicas =
    wholeNumber('redis-wait-replicas', given('redis-wait-replicas', 'PLENUM_REDIS_WAIT_REPLICAS')) ?? 0;
  return { server, dataDir, retentionDays, demo, redisUrl, waitReplicas };
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv);
  if (values.help || positionals[0] !== 'serve') {
    console.log(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const {
    server: options,
    dataDir,
    retentionDays,
    demo,
    redisUrl,
    waitReplicas,
  } = settings(values, process.env);
  const cluster = redisUrl ? await connectCluster(redisUrl, waitReplicas) : undefined;
  const storage = cluster?.storage ?? new SqliteStorage(dataDir);
  // Before the server starts: the first request may be for the demo room.
  const demoKey = demo ? await ensureDemoRoom(storage) : undefined;
  let started = false;
  /** The demo room expired at start and came back: its new key, printed with the banner. */
  let recreatedKey: string | undefined;
  const server = await startServer({
    storage,
    cluster,
    ...options,
    // Awaited by the server, so an expired demo room is back before anyone can ask for it.
    onExpired: async (rooms) => {
      console.log(`plenum: erased ${rooms.length} room(s) idle for over ${retentionDays} days`);
      if (!demo || !rooms.includes(demoRoom)) return;
      const key = await ensureDemoRoom(storage);
      if (started) printDemoLink(server.url, key);
      else recreatedKey = key;
    },
  });
  started = true;

  // Handlers first: whoever waits for the banner may signal at once, and must get a graceful stop.
  stopOnSignals(server);

  console.log(
    `plenum: serving on ${server.url} (${demo ? `demo at ${server.url}/, ` : ''}${cluster ? `cluster node ${cluster.node} on Redis ${redactedUrl(redisUrl!)}` : `data in ${dataDir}`})`,
  );
  printDemoLink(server.url, recreatedKey ?? demoKey);
  if (!isLoopback(options.host) && !options.adminToken) {
    console.warn(
      'plenum: warning: bound beyond loopback without --admin-token: anyone who reaches this port can create rooms.',
    );
  }
}

/** SIGTERM and SIGINT flush and close the server, then end the process (1 if that failed). */
function stopOnSignals(server: PlenumServer): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`plenum: ${signal}: flushing and closing`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('plenum: shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Connects to the shared Redis and says plainly what its persistence settings mean for acks. */
async function connectCluster(url: string, waitReplicas: number): Promise<Cluster> {
  let cluster: Cluster;
  try {
    cluster = await Cluster.connect({ url, waitReplicas });
  } catch (error) {
    throw new Error(
      `cannot reach Redis at ${redactedUrl(url)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const persistence = await cluster.persistence();
  (persistence.durable ? console.log : console.warn)(`plenum: ${persistence.summary}`);
  if (cluster.replicaWait) console.log(`plenum: ${cluster.replicaWait}.`);
  return cluster;
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given URL';
  }
}

/** Printed only when the demo room was just created: its key is known only then. */
function printDemoLink(url: string, key: string | undefined): void {
  if (key) console.log(`plenum: host console for the demo room: ${url}/console#room=${demoRoom}&key=${key}`);
}

/** A whole number, 0 or more, as a flag or its variable gives it (undefined: not given). */
function wholeNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${flag} must be a whole number, 0 or more, not "${raw}".`);
  return n;
}

/** An on/off environment variable: 1/true/yes or 0/false/no (or unset); anything else is a mistake. */
function flag(name: string, value: string | undefined): boolean {
  if (value === undefined || /^(0|false|no|)$/i.test(value)) return false;
  if (/^(1|true|yes)$/i.test(value)) return true;
  throw new Error(`${name} must be 1 or 0, not "${value}".`);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`plenum: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
