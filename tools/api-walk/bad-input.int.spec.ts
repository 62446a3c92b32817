import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { badRequestsForDocument, WEBSOCKET_PROTOCOL, type BadRequest, type Caller, type OpenApiDocument } from './bad-inputs';
import { snapshotDatabases, startWalkPlatform, type WalkPlatform } from './test/platform';

// Issue #17 item 9: every operation of the OpenAPI document, walked through
// the real gateway in front of the real services with generated bad input,
// answers a 4xx problem+json (naming the field, for a 400), and no rejected
// request writes anything.

const SEED = 17_09;
const PROBLEM_JSON = 'application/problem+json';
// Requests in flight at once: enough to keep the walk short, few enough for a shared two-core machine.
const CONCURRENCY = 4;
// How long an opened WebSocket may stay silent before the walk calls it let in (a refusal closes at once).
const WEBSOCKET_SILENCE_MS = 5_000;

interface Answer {
  status: number;
  contentType: string;
  body: string;
  /** For an upgrade that opened: the code of the close frame that came first, if one did. */
  closeCode?: number;
}

interface Problem {
  status?: number;
  requestId?: string;
  errors?: { field: string; location: string; message: string }[];
}

// A question the contract accepts: its test cases must fit its entry point,
// a rule no schema keyword states, so the generator cannot find one itself.
const VALID_QUESTION = {
  title: 'Walker question',
  statement: 'Return n.',
  difficulty: 'EASY',
  topics: ['arrays'],
  examples: [{ input: 'n = 1', output: '1' }],
  constraints: [],
  hints: [],
  starterCode: { javascript: '', typescript: '', python: '', java: '', cpp: '' },
  entryPoint: { functionName: 'identity', params: [{ name: 'n', type: 'int' }], returnType: 'int' },
  testCases: [{ args: [1], expected: 1, hidden: false }],
};

let platform: WalkPlatform;
const tokens: Record<Caller, string | undefined> = { anonymous: undefined, student: undefined, admin: undefined };

function send(request: { method: string; url: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port: platform.gatewayPort,
        method: request.method,
        path: `/api${request.url}`,
        agent: false,
        headers: { ...request.headers, ...(request.body === undefined ? {} : { 'content-length': Buffer.byteLength(request.body) }) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body }));
      },
    );
    // A WebSocket refusal no retry can fix opens the socket only to close it
    // at once with 44xx (the contract's close codes); anything else means the
    // bad request was let in.
    outgoing.on('upgrade', (_res, socket, head) => {
      let received = head;
      const settle = (closeCode?: number) => {
        clearTimeout(guard);
        socket.destroy();
        resolve({ status: 101, contentType: '', body: '', closeCode });
      };
      const guard = setTimeout(() => settle(), WEBSOCKET_SILENCE_MS);
      const readFirstFrame = () => {
        if (received.length < 2) return;
        // Server frames are unmasked; opcode 8 is close, its payload starts with the code.
        const opcode = (received[0] ?? 0) & 0x0f;
        settle(opcode === 0x8 && received.length >= 4 ? received.readUInt16BE(2) : undefined);
      };
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        readFirstFrame();
      });
      socket.on('close', () => settle());
      readFirstFrame();
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

async function signIn(path: string, body: object): Promise<string> {
  const answer = await send({ method: 'POST', url: path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (answer.status >= 300) throw new Error(`${path} answered ${answer.status}: ${answer.body}`);
  return (JSON.parse(answer.body) as { accessToken: string }).accessToken;
}

async function redisKeys(): Promise<string[]> {
  // Rate-limit counters move with every request by design; everything else under the prefix must not.
  const counters = [`${platform.redisPrefix}users`, `${platform.redisPrefix}gateway:`];
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await platform.redis.redis.scan(cursor, 'MATCH', `${platform.redisPrefix}*`, 'COUNT', 500);
    keys.push(...batch.filter((key) => !counters.some((counter) => key.startsWith(counter))));
    cursor = next;
  } while (cursor !== '0');
  return keys.sort();
}

function queuedMessages(): Record<string, number> {
  const listed = spawnSync('rabbitmqctl', ['-q', 'list_queues', '-p', platform.vhost, 'name', 'messages'], { encoding: 'utf8', timeout: 30_000 });
  if (listed.status !== 0) throw new Error(`rabbitmqctl list_queues failed: ${listed.stderr}`);
  return Object.fromEntries(
    listed.stdout
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cells): cells is [string, string] => cells.length === 2)
      .map(([name, messages]) => [name, Number(messages)]),
  );
}

/** Why the answer breaks the contract for this bad request; undefined when it keeps it. */
function verdict(request: BadRequest, answer: Answer): string | undefined {
  if (answer.status === 101) {
    const refusedAs = answer.closeCode !== undefined && answer.closeCode >= 4400 && answer.closeCode < 4500 ? answer.closeCode - 4000 : undefined;
    if (refusedAs !== undefined && request.expect.includes(refusedAs)) return undefined;
    return `opened a WebSocket${answer.closeCode === undefined ? ' and kept it' : ` and closed it with ${answer.closeCode}`}, expected ${request.expect.join(' or ')}`;
  }
  if (!request.expect.includes(answer.status)) return `answered ${answer.status}, expected ${request.expect.join(' or ')}`;
  if (!answer.contentType.startsWith(PROBLEM_JSON)) return `answered ${answer.status} as ${answer.contentType || 'no content type'}, not ${PROBLEM_JSON}`;
  let problem: Problem;
  try {
    problem = JSON.parse(answer.body) as Problem;
  } catch {
    return `answered ${answer.status} with a body that is not JSON`;
  }
  if (problem.status !== answer.status) return `the problem says status ${problem.status}, the response ${answer.status}`;
  if (answer.status === 400 && request.field) {
    const { name, location } = request.field;
    const named = (problem.errors ?? []).some((error) => error.location === location && (error.field === name || error.field.startsWith(`${name}.`)));
    if (!named) return `a 400 that does not name ${location} field ${name}: ${JSON.stringify(problem.errors ?? [])}`;
  }
  return undefined;
}

/** What the services logged as the error of this request, to show a 5xx's cause. */
function causeOf(answer: Answer): string {
  const requestId = (JSON.parse(answer.body || '{}') as Problem).requestId;
  if (!requestId) return '';
  const causes = new Set<string>();
  for (const [service, text] of platform.output) {
    for (const line of text.split('\n').filter((l) => l.includes(requestId))) {
      const { err } = JSON.parse(line) as { err?: { type?: string; message?: string } };
      if (err) causes.add(`${service}: ${err.type ?? 'Error'}: ${err.message ?? ''}`);
    }
  }
  return [...causes].join('; ');
}

beforeAll(async () => {
  platform = await startWalkPlatform('api_walk');
  tokens.admin = await signIn('/auth/login', { identifier: platform.admin.username, password: platform.admin.password });
  tokens.student = await signIn('/auth/signup', { username: 'walker_student', email: 'walker-student@example.com', password: 'walker-student-password' });
}, 180_000);

afterAll(async () => {
  await platform?.stop();
}, 60_000);

describe('the public API under generated bad input', () => {
  it('answers every bad request of every operation with a 4xx problem+json naming the field, and writes nothing', async () => {
    const documentAnswer = await send({ method: 'GET', url: '/docs/openapi.json', headers: {} });
    const document = JSON.parse(documentAnswer.body) as OpenApiDocument;
    const requests = badRequestsForDocument(document, SEED, { QuestionInput: VALID_QUESTION });
    const operations = new Set(requests.map((request) => request.operation));
    const documented = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
    expect(operations.size).toBe(documented);

    const before = { databases: await snapshotDatabases(platform.databases), redis: await redisKeys(), queues: queuedMessages() };

    const failures: string[] = [];
    const byStatus = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++] as BadRequest;
        const token = tokens[request.caller];
        const credentials: Record<string, string> = !token ? {} : request.headers['upgrade'] ? { 'sec-websocket-protocol': `${WEBSOCKET_PROTOCOL}, bearer.${token}` } : { authorization: `Bearer ${token}` };
        const headers = { ...credentials, ...request.headers };
        const answer = await send({ ...request, headers });
        const outcome = answer.closeCode === undefined ? String(answer.status) : `101+close ${answer.closeCode}`;
        byStatus.set(outcome, (byStatus.get(outcome) ?? 0) + 1);
        const wrong = verdict(request, answer);
        if (wrong) {
          const cause = answer.status >= 500 ? ` (${causeOf(answer)})` : '';
          failures.push(`${request.operation} — ${request.label}: ${wrong}${cause}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const after = { databases: await snapshotDatabases(platform.databases), redis: await redisKeys(), queues: queuedMessages() };
    const statuses = [...byStatus.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}: ${count}`);
    console.log(
      `API walk (seed ${SEED}): ${operations.size} operations, ${requests.length} requests; by status ${statuses.join(', ')}; ${failures.length} broke the contract`,
    );

    expect(failures).toEqual([]);
    expect(after).toEqual(before);
  }, 300_000);
});
