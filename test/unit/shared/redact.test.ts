import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactCredentials } from '../../../shared/go/redact.js';

test('passwords in proxy URLs are replaced the way Go redacts them', () => {
  const cases: Array<[string, string]> = [
    ['https://alice:s3cret@athens.corp.example', 'https://alice:xxxxx@athens.corp.example'],
    ['https://a:p1@x.example|https://goproxy.cn,direct', 'https://a:xxxxx@x.example|https://goproxy.cn,direct'],
    ['https://goproxy.cn|bob:pw@corp.example/go', 'https://goproxy.cn|bob:xxxxx@corp.example/go'],
    ['sum.golang.org https://u:p@mirror.example/sumdb/sum.golang.org', 'sum.golang.org https://u:xxxxx@mirror.example/sumdb/sum.golang.org'],
    ['https://goproxy.cn,direct', 'https://goproxy.cn,direct'],
    ['https://token@corp.example', 'https://token@corp.example'],
    ['http://127.0.0.1:8080,direct', 'http://127.0.0.1:8080,direct'],
  ];
  for (const [input, want] of cases) assert.equal(redactCredentials(input), want, input);
});
