// A small static file server for the built site: correct MIME types (application/wasm), sizes for
// the loading progress, and no caching so a rebuilt app is always what the browser gets.
// Usage: node scripts/serve-site.mjs SITE_DIR [PORT] [HOST]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.data': 'application/octet-stream',
  '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

export function serveSite(siteDir, port = 8080, host = '127.0.0.1') {
  const root = path.resolve(siteDir);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.normalize(path.join(root, urlPath));
    if (!file.startsWith(root)) { res.writeHead(403).end('forbidden'); return; }
    if (urlPath.endsWith('/')) file = path.join(file, 'index.html');
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: ' + urlPath); return; }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [siteDir, port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  if (!siteDir || !fs.existsSync(path.join(siteDir, 'index.html'))) {
    console.error(`serve-site: ${siteDir || '(no folder given)'} has no index.html; build the app first (scripts/build.sh wasm)`);
    process.exit(2);
  }
  serveSite(siteDir, Number(port), host).then((server) => {
    const { port: actual } = server.address();
    console.log(`Pairwise is served at http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${actual}/  (Ctrl+C stops it)`);
  }).catch((e) => {
    console.error(`serve-site: cannot listen on ${host}:${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use; pass another with PORT=...' : e.message}`);
    process.exit(1);
  });
}
