// A small static file server for dist/, on 127.0.0.1 only, optionally under a sub-path
// (the essay must work at a host's root and under any prefix). Used by `cargo xtask serve`
// and by the browser tests. It behaves as the static hosts the site is made for: it sends
// the headers dist/_headers states (Netlify's and Cloudflare Pages' format: a path pattern,
// `*` matching anything, then indented `Name: value` lines; every matching rule applies), the
// precompressed twin (.br, else .gz) of a file when the browser accepts it, and 404.html
// with status 404 for a path it does not have.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The rules of a `_headers` file: [{ pattern: RegExp, headers: [[name, value]] }]. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
      rules.push({ pattern: new RegExp(`^${pattern}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers `_headers` gives a path below the site's root ("/en/", "/essay.css"). */
export function headersFor(rules, path) {
  const headers = {};
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.headers) {
      headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
    }
  }
  return headers;
}

/** Serves `dir` under `prefix` (for example "/" or "/some/prefix/"); resolves to the server. */
export function serve(dir, { port = 0, prefix = '/' } = {}) {
  const root = normalize(dir);
  let rules = [];
  try {
    rules = parseHeaders(readFileSync(join(root, '_headers'), 'utf8'));
  } catch {
    // A dist/ from before _headers existed: plain files.
  }
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not under ' + prefix);
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { Location: path + '/' }).end();
          return;
        }
        file = join(file, 'index.html');
      }
      await send(res, req, file, 200, '/' + path.slice(prefix.length));
    } catch {
      try {
        await send(res, req, join(root, '404.html'), 404, '/404.html');
      } catch {
        res.writeHead(404).end('not found');
      }
    }
  });
  // The file, or its precompressed twin, with the headers its site path has.
  async function send(res, req, file, status, sitePath) {
    const accepts = req.headers['accept-encoding'] ?? '';
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      Vary: 'Accept-Encoding',
      ...headersFor(rules, sitePath),
    };
    let body = await readFile(file);
    for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepts.includes(encoding)) continue;
      try {
        body = await readFile(file + ext);
        headers['Content-Encoding'] = encoding;
        break;
      } catch {
        // No twin: the file as it is.
      }
    }
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

// As a command: node server.mjs <dir> [port] [prefix]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', port = '8080', prefix = '/'] = process.argv.slice(2);
  const server = await serve(dir, { port: Number(port), prefix });
  console.log(`Serving ${dir} at http://127.0.0.1:${server.address().port}${prefix}  (Ctrl-C stops)`);
}
