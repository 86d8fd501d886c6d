import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Synthetic random-weight models in the transformers.js layout (see their SOURCE.md): ours, test-only. */
export const FIXTURE_MODELS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../test-fixtures/models',
);

export type HubMirror = { url: string; close(): Promise<void> };

const listFiles = (root: string, dir = root): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? listFiles(root, full)
      : [path.relative(root, full).split(path.sep).join('/')];
  });

/**
 * A local HTTP server with the hub's URL layout, serving every folder of `root` as `<namespace>/<folder>`:
 * `/api/models/{id}/revision/{rev}`, `/api/models/{id}/tree/{sha}?recursive=true` and
 * `/{id}/resolve/{sha}/{path}`. ONNX files are listed as LFS files (SHA-256), others by git blob SHA-1.
 * `corrupt` serves one file with a flipped byte while listing its true hash, as a damaged mirror would.
 */
export async function startHubMirror(
  root: string,
  options: { namespace?: string; corrupt?: { model: string; file: string } } = {},
): Promise<HubMirror> {
  const namespace = options.namespace ?? 'fixtures';
  const shaOf = (name: string) => createHash('sha1').update(`commit ${name}`).digest('hex');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mirror');
    const send = (status: number, body: string | Buffer, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    const api = /^\/api\/models\/([^/]+)\/([^/]+)\/(revision|tree)\/([^/]+)$/.exec(url.pathname);
    const resolve = /^\/([^/]+)\/([^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    const [ns, name] = api ? [api[1], api[2]] : resolve ? [resolve[1], resolve[2]] : [];
    const dir = name ? path.join(root, name) : '';
    if (
      ns !== namespace ||
      !name ||
      name.includes('..') ||
      !statSync(dir, { throwIfNoEntry: false })?.isDirectory()
    )
      return send(404, '{"error":"Repository not found"}');
    const files = listFiles(dir);
    if (api?.[3] === 'revision')
      return send(
        200,
        JSON.stringify({
          id: `${ns}/${name}`,
          sha: shaOf(name),
          siblings: files.map((f) => ({ rfilename: f })),
        }),
      );
    if (api?.[3] === 'tree') {
      if (api[4] !== shaOf(name)) return send(404, '{"error":"Revision not found"}');
      const entries = files.map((f) => {
        const bytes = readFileSync(path.join(dir, f));
        const blob = createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
        return f.endsWith('.onnx')
          ? {
              type: 'file',
              path: f,
              size: bytes.byteLength,
              oid: blob,
              lfs: { oid: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength },
            }
          : { type: 'file', path: f, size: bytes.byteLength, oid: blob };
      });
      return send(200, JSON.stringify(entries));
    }
    if (resolve) {
      const file = decodeURIComponent(resolve[4]!);
      if (!files.includes(file)) return send(404, 'Entry not found', 'text/plain');
      const bytes = Buffer.from(readFileSync(path.join(dir, file)));
      if (options.corrupt?.model === name && options.corrupt.file === file)
        bytes[bytes.byteLength >> 1]! ^= 0xff;
      return send(200, bytes, 'application/octet-stream');
    }
    return send(404, '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
