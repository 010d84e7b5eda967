import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveChain, type Outcome } from '../../../shared/go/chain.js';
import { buildChainGraph, sumdbRoute, type ChainGraph } from '../../../shared/ui/chain-graph.js';
import { healthTone, SLOW_LATENCY_MS } from '../../../shared/ui/health.js';
import { keepUnchangedNodes } from '../../../shared/ui/stable-nodes.js';

const base = { gonoproxy: '', gosumdb: 'sum.golang.org' };
const chainIds = (g: ChainGraph) => g.nodes.filter((n) => n.kind !== 'sumdb').map((n) => n.id);
const conditions = (g: ChainGraph) => g.edges.map((e) => `${e.source}->${e.target}:${e.condition}`);

test('one node per GOPROXY entry, in order, with go normalizing the URLs', () => {
  const g = buildChainGraph({ ...base, goproxy: 'goproxy.cn,https://user:secret@proxy.example.com/go/|https://proxy.golang.org,direct' });
  assert.equal(g.error, null);
  assert.deepEqual(chainIds(g), ['start', 'entry-1', 'entry-2', 'entry-3', 'entry-4']);
  assert.deepEqual(
    g.nodes.filter((n) => n.position !== null).map((n) => [n.kind, n.label, n.position]),
    [['proxy', 'https://goproxy.cn', 1], ['proxy', 'https://proxy.example.com/go', 2], ['proxy', 'https://proxy.golang.org', 3], ['direct', 'direct', 4]],
  );
  assert.ok(!JSON.stringify(g).includes('secret'), 'credentials never reach the view model');
  // Laid out left to right, the checksum database on a row of its own.
  const xs = g.nodes.filter((n) => n.kind !== 'sumdb').map((n) => n.x);
  assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
  assert.ok(g.nodes.find((n) => n.kind === 'sumdb')!.y > 0);
});

test('each edge carries the separator rule of the entry it leaves', () => {
  const g = buildChainGraph({ ...base, goproxy: 'https://a.example,https://b.example|https://c.example,off' });
  assert.deepEqual(conditions(g), [
    'start->entry-1:first',
    'entry-1->entry-2:not-found',
    'entry-2->entry-3:any-error',
    'entry-3->entry-4:not-found',
    'start->sumdb:checksum',
  ]);
  assert.equal(g.nodes.find((n) => n.id === 'entry-4')!.kind, 'off');
});

test('the labels agree with the chain walk: a 500 crosses only "any-error" edges, a 404 crosses both', () => {
  const goproxy = 'https://a.example,https://b.example|https://c.example|https://d.example,direct';
  const g = buildChainGraph({ ...base, goproxy });
  for (const edge of g.edges.filter((e) => e.condition === 'not-found' || e.condition === 'any-error')) {
    const source = g.nodes.find((n) => n.id === edge.source)!;
    const target = g.nodes.find((n) => n.id === edge.target)!;
    const answers: Extract<Outcome, { kind: 'error' | 'notFound' }>[] = [{ kind: 'error', status: 500, message: '500' }, { kind: 'notFound', status: 404, message: '404' }];
    for (const answer of answers) {
      const asked: string[] = [];
      resolveChain({ goproxy, gonoproxy: '' }, 'example.com/m', (a) => {
        asked.push(a.entry);
        return a.entry === source.entryKey ? answer : { kind: 'notFound', status: 404, message: '404' };
      });
      const crossed = asked.includes(target.entryKey);
      const expected = answer.kind === 'notFound' || edge.condition === 'any-error';
      assert.equal(crossed, expected, `${edge.id} (${edge.condition}) after ${answer.status}`);
    }
  }
});

test("go's hidden GONOPROXY step comes first when GONOPROXY is set, but not for GOPROXY=direct", () => {
  const g = buildChainGraph({ ...base, gonoproxy: 'corp.example.com', goproxy: 'https://proxy.golang.org,direct' });
  assert.deepEqual(chainIds(g), ['start', 'noproxy', 'entry-1', 'entry-2']);
  assert.deepEqual(conditions(g).slice(0, 3), ['start->noproxy:first', 'noproxy->entry-1:not-private', 'entry-1->entry-2:not-found']);
  const direct = buildChainGraph({ ...base, gonoproxy: 'corp.example.com', goproxy: 'direct' });
  assert.deepEqual(chainIds(direct), ['start', 'entry-1']);
});

test('entries after direct or off are left out, as go ignores them', () => {
  const g = buildChainGraph({ ...base, goproxy: 'https://a.example,direct,https://ignored.example' });
  assert.deepEqual(g.nodes.filter((n) => n.kind === 'proxy').map((n) => n.label), ['https://a.example']);
});

test('a GOPROXY go rejects gives go\'s error and no chain', () => {
  const g = buildChainGraph({ ...base, goproxy: 'ftp://mirror.example' });
  assert.equal(g.error, 'invalid proxy URL scheme (must be https, http, file): ftp://mirror.example');
  assert.deepEqual(chainIds(g), ['start']);
  assert.deepEqual(conditions(g), ['start->sumdb:checksum']);
  assert.match(buildChainGraph({ ...base, goproxy: ',' }).error!, /contains no entries/);
});

test('the checksum database node says how go reaches it', () => {
  assert.deepEqual(sumdbRoute('sum.golang.org', 'corp.example.com'), { kind: 'via-proxies', name: 'sum.golang.org', skip: 'corp.example.com' });
  assert.deepEqual(sumdbRoute('sum.golang.google.cn', ''), { kind: 'direct-url', name: 'sum.golang.org', url: 'https://sum.golang.google.cn', skip: '' });
  assert.deepEqual(sumdbRoute('off', ''), { kind: 'off' });
  const invalid = sumdbRoute('goproxy.cn/sumdb/sum.golang.org', '');
  assert.equal(invalid.kind, 'invalid');
  assert.match((invalid as { error: string }).error, /malformed verifier id/);
  const off = buildChainGraph({ ...base, gosumdb: 'off', goproxy: 'direct' });
  assert.equal(off.nodes.find((n) => n.id === 'sumdb')!.label, 'GOSUMDB=off');
  assert.ok(!off.edges.some((e) => e.condition === 'checksum'), 'no verification edge when go verifies nothing');
});

test('nodes carry the latest health of their entry', () => {
  const g = buildChainGraph({
    ...base,
    goproxy: 'https://fast.example|https://slow.example|https://down.example|https://new.example|direct',
    health: {
      'https://fast.example': { ok: true, latencyMs: 80, checkedAt: 1 },
      'https://slow.example': { ok: true, latencyMs: SLOW_LATENCY_MS + 1, checkedAt: 2 },
      'https://down.example': { ok: false, latencyMs: 30, checkedAt: 3, error: 'connection refused' },
      direct: { ok: true, latencyMs: 200, checkedAt: 4 },
    },
  });
  const byLabel = new Map(g.nodes.map((n) => [n.label, n]));
  assert.deepEqual([byLabel.get('https://fast.example')!.tone, byLabel.get('https://fast.example')!.latencyMs], ['healthy', 80]);
  assert.equal(byLabel.get('https://slow.example')!.tone, 'slow');
  assert.deepEqual([byLabel.get('https://down.example')!.tone, byLabel.get('https://down.example')!.latencyMs, byLabel.get('https://down.example')!.error], ['failing', null, 'connection refused']);
  assert.equal(byLabel.get('https://new.example')!.tone, 'unknown');
  assert.equal(byLabel.get('direct')!.tone, 'healthy');
  assert.equal(byLabel.get('go')!.tone, 'none');
  assert.equal(healthTone(undefined), 'unknown');
});

test('a rebuild after one probe keeps every other node object identical', () => {
  const input = { ...base, goproxy: 'https://a.example|https://b.example,direct', health: { 'https://a.example': { ok: true, latencyMs: 100, checkedAt: 1 }, 'https://b.example': { ok: true, latencyMs: 100, checkedAt: 1 } } };
  const before = buildChainGraph(input).nodes;
  const after = keepUnchangedNodes(before, buildChainGraph({ ...input, health: { ...input.health, 'https://b.example': { ok: true, latencyMs: 140, checkedAt: 2 } } }).nodes);
  const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
  assert.deepEqual(changed, ['entry-2']);
  assert.equal(after[2]!.latencyMs, 140);
});
