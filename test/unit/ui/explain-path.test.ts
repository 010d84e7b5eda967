import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveChain, type Attempt, type Outcome } from '../../../shared/go/chain.js';
import { buildChainGraph } from '../../../shared/ui/chain-graph.js';
import { explainPath, pathFrame, type ExplanationInput, type ExplanationStepInput } from '../../../shared/ui/explain-path.js';
import { render } from '../../../shared/i18n/catalog.js';
import type { Message } from '../../../shared/i18n/message.js';

const M = 'golang.org/x/text';

/** An explanation as the explain engine builds it: shared/go's walk, once per file, until one fails. */
function explain(goproxy: string, gonoproxy: string, answers: Record<string, Outcome>, module = M): ExplanationInput {
  const steps: ExplanationStepInput[] = [];
  let last = null as ReturnType<typeof resolveChain> | null;
  for (const request of ['info', 'mod', 'zip'] as const) {
    last = resolveChain({ goproxy, gonoproxy }, module, (a: Attempt) => answers[a.entry] ?? { kind: 'error', status: null, message: 'no answer' });
    steps.push(...last.steps.map((s) => ({ ...s, request })));
    if (last.servedBy === null || last.servedBy === 'direct') break;
  }
  return { module, version: last!.servedBy ? 'v0.14.0' : null, steps, servedBy: last!.servedBy, outcome: last!.outcome, error: last!.error, fix: last!.fix };
}

const GOPROXY = 'https://a.example,https://b.example|https://c.example,direct';
const ANSWERS: Record<string, Outcome> = {
  'https://a.example': { kind: 'notFound', status: 404, message: '404' },
  'https://b.example': { kind: 'error', status: 502, message: '502' },
  'https://c.example': { kind: 'ok' },
};

test('each step lands on its node and the edge go followed to reach it, the walk restarting per file', () => {
  const graph = buildChainGraph({ goproxy: GOPROXY, gonoproxy: 'corp.example.com', gosumdb: 'sum.golang.org' });
  const path = explainPath(graph, explain(GOPROXY, 'corp.example.com', ANSWERS));
  const info = path.steps.filter((s) => s.request === 'info');
  assert.deepEqual(info.map((s) => [s.nodeId, s.edgeId, s.outcome]), [
    ['noproxy', 'start->noproxy', 'skipped'],
    ['entry-1', 'noproxy->entry-1', 'notFound'],
    ['entry-2', 'entry-1->entry-2', 'error'],
    ['entry-3', 'entry-2->entry-3', 'ok'],
  ]);
  assert.deepEqual(path.steps.map((s) => s.request), [...Array<string>(4).fill('info'), ...Array<string>(4).fill('mod'), ...Array<string>(4).fill('zip')]);
  assert.equal(path.steps[4]!.edgeId, 'start->noproxy', 'the mod walk starts again from go');
  assert.equal(path.servedNodeId, 'entry-3');
  assert.deepEqual(path.verdict, { kind: 'served', module: M, version: 'v0.14.0', entry: 'https://c.example' });
  assert.equal(path.stale, false);
});

test('a failure on a "," entry stops the path there, with go\'s fix', () => {
  const goproxy = 'https://a.example,https://b.example,direct';
  const graph = buildChainGraph({ goproxy, gonoproxy: '', gosumdb: 'off' });
  const path = explainPath(graph, explain(goproxy, '', { 'https://a.example': { kind: 'error', status: 503, message: '503' } }));
  assert.deepEqual(path.steps.map((s) => s.nodeId), ['entry-1']);
  assert.equal(path.servedNodeId, null);
  assert.equal(path.verdict.kind, 'failed');
  assert.match(render('en', (path.verdict as { fix: Message }).fix), /use '\|' to fail over on errors/);
});

test('a silent entry behind "|": the path stops there and the verdict is a hang, with the fix that names it', () => {
  const goproxy = 'https://a.example|https://b.example';
  const graph = buildChainGraph({ goproxy, gonoproxy: '', gosumdb: 'off' });
  const path = explainPath(graph, explain(goproxy, '', { 'https://a.example': { kind: 'hang', message: 'no response' }, 'https://b.example': { kind: 'ok' } }));
  assert.deepEqual(path.steps.map((s) => [s.nodeId, s.outcome]), [['entry-1', 'hang']]);
  assert.equal(path.servedNodeId, null);
  assert.equal(path.verdict.kind, 'hang');
  assert.match(render('en', (path.verdict as { fix: Message }).fix), /Remove entry 1 \(https:\/\/a\.example\)/);
});

test('a URL listed twice: the second visit lands on the second node', () => {
  const goproxy = 'https://a.example|https://b.example|https://a.example';
  const graph = buildChainGraph({ goproxy, gonoproxy: '', gosumdb: 'off' });
  const path = explainPath(graph, explain(goproxy, '', { 'https://a.example': { kind: 'error', status: 500, message: '500' }, 'https://b.example': { kind: 'error', status: 500, message: '500' } }));
  assert.deepEqual(path.steps.map((s) => s.nodeId), ['entry-1', 'entry-2', 'entry-3']);
  assert.deepEqual(path.steps.map((s) => s.edgeId), ['start->entry-1', 'entry-1->entry-2', 'entry-2->entry-3']);
});

test('an explanation of another chain is marked stale instead of drawn wrong', () => {
  const graph = buildChainGraph({ goproxy: 'https://other.example,direct', gonoproxy: '', gosumdb: 'off' });
  const path = explainPath(graph, explain(GOPROXY, '', ANSWERS));
  assert.equal(path.stale, true);
  assert.equal(path.steps[0]!.nodeId, null);
});

test('frames reveal the path one step at a time', () => {
  const graph = buildChainGraph({ goproxy: GOPROXY, gonoproxy: '', gosumdb: 'off' });
  const path = explainPath(graph, explain(GOPROXY, '', ANSWERS));
  const none = pathFrame(path, 0);
  assert.deepEqual([none.nodes.size, none.edges.size, none.current, none.done], [0, 0, null, false]);
  const two = pathFrame(path, 2);
  assert.deepEqual([...two.nodes], [['entry-1', 'notFound'], ['entry-2', 'error']]);
  assert.deepEqual([...two.edges], ['start->entry-1', 'entry-1->entry-2']);
  const all = pathFrame(path, 99);
  assert.equal(all.done, true);
  assert.equal(all.nodes.get('entry-3'), 'ok');
  assert.equal(all.current, path.steps.at(-1));
});
