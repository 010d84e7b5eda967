// A tiny loopback Go module proxy serving one real module (info, mod, list, a real zip), or one
// fixed failure status: enough for explain to walk a chain without the internet.
import { createServer, type Server } from 'node:http';
import yazl from 'yazl';

export interface TinyProxy {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export const TINY_MODULE = 'lab.invalid/hello';
export const TINY_VERSION = 'v1.2.0';

function zipOf(module: string, version: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(`module ${module}\n`), `${module}@${version}/go.mod`);
    zip.addBuffer(Buffer.from('package hello\n'), `${module}@${version}/hello.go`);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

export async function startTinyProxy(failWith: number | null = null): Promise<TinyProxy> {
  const zip = await zipOf(TINY_MODULE, TINY_VERSION);
  const base = `/${TINY_MODULE}/@v/`;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const p = req.url ?? '';
    requests.push(p);
    if (failWith !== null) return void res.writeHead(failWith).end('failure injected by the test\n');
    const files: Record<string, [string, string | Buffer]> = {
      [`${base}list`]: ['text/plain', `${TINY_VERSION}\nv1.0.0\n`],
      [`${base}${TINY_VERSION}.info`]: ['application/json', JSON.stringify({ Version: TINY_VERSION, Time: '2024-01-01T00:00:00Z' })],
      [`${base}${TINY_VERSION}.mod`]: ['text/plain', `module ${TINY_MODULE}\n`],
      [`${base}${TINY_VERSION}.zip`]: ['application/zip', zip],
    };
    const file = files[p];
    if (!file) return void res.writeHead(404).end('not found\n');
    res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
