// A loopback control API for a running lab, so a person (or a script in another process) can
// change faults and read access logs while `go` or the app runs against the lab:
//   GET /proxies                  -> [{name, url, port, tls, faults, description}]
//   PUT /proxies/<name>/faults    -> body: a FaultSpec; replaces that proxy's faults
//   GET /proxies/<name>/log       -> the access log
//   DELETE /proxies/<name>/log    -> clears it
import http from 'node:http';
import type net from 'node:net';
import { describeFaults, validateFaultSpec } from './faults.js';
import type { Lab, LabProxy } from './types.js';

export interface ControlServer {
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

/** Faults as shown to others: the password is never echoed. */
function publicFaults(p: LabProxy): object {
  const f = p.faults;
  return f.auth ? { ...f, auth: { user: f.auth.user, password: '***' } } : f;
}

export function describeProxy(p: LabProxy): object {
  return { name: p.name, url: p.url, port: p.port, tls: p.tls, faults: publicFaults(p), description: describeFaults(p.faults) };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body, null, 2) + '\n';
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

async function route(lab: Lab, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://control');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'proxies') return send(res, 404, { error: 'unknown path; try GET /proxies' });
  if (parts.length === 1) {
    if (req.method !== 'GET') return send(res, 405, { error: 'use GET /proxies' });
    return send(res, 200, Object.values(lab.proxies).map(describeProxy));
  }
  const proxy = lab.proxies[parts[1]!];
  if (!proxy) return send(res, 404, { error: `no lab proxy named "${parts[1]}"; GET /proxies lists them` });
  if (parts.length === 3 && parts[2] === 'faults') {
    if (req.method === 'GET') return send(res, 200, publicFaults(proxy));
    if (req.method !== 'PUT') return send(res, 405, { error: 'use PUT with a FaultSpec JSON body' });
    const body = await readBody(req);
    if (body === null) return send(res, 413, { error: `the body must be a JSON FaultSpec under ${MAX_BODY} bytes` });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, 400, { error: 'the body is not JSON; send a FaultSpec such as {"status": 502}' });
    }
    const checked = validateFaultSpec(parsed);
    if (!checked.ok) return send(res, 400, { error: checked.error });
    proxy.setFaults(checked.spec);
    return send(res, 200, describeProxy(proxy));
  }
  if (parts.length === 3 && parts[2] === 'log') {
    if (req.method === 'GET') return send(res, 200, proxy.accessLog);
    if (req.method === 'DELETE') {
      proxy.clearLog();
      return send(res, 200, { cleared: true });
    }
    return send(res, 405, { error: 'use GET or DELETE' });
  }
  return send(res, 404, { error: 'unknown path; try /proxies/<name>/faults or /proxies/<name>/log' });
}

/** Starts the control API on 127.0.0.1 (port 0: any free port). */
export async function startControlServer(lab: Lab, port = 0): Promise<ControlServer> {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    route(lab, req, res).catch((err: unknown) => send(res, 500, { error: String(err) }));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closed;
    },
  };
}
