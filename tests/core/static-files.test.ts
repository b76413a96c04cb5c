import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { resolveStaticFile } from '../../src-main/core/static-files';

// How both runtimes map a URL path to a file of the built renderer (pure: no server needed).

const root = path.resolve('/srv/renderer');

describe('static files of the renderer (both runtimes)', () => {
  it('maps / to index.html and a path to its file with its content type', () => {
    expect(resolveStaticFile(root, '/')).toEqual({ file: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveStaticFile(root, '/assets/index-abc.js')).toEqual({ file: path.join(root, 'assets/index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(resolveStaticFile(root, '/icon%20kla.PNG')).toEqual({ file: path.join(root, 'icon kla.PNG'), contentType: 'image/png' });
    expect(resolveStaticFile(root, '')?.file).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '//assets///a.css')?.file).toBe(path.join(root, 'assets', 'a.css'));
    // Without its leading slash a path is still taken from the root, its own slashes kept.
    expect(resolveStaticFile(root, 'assets/a.css')?.file).toBe(path.join(root, 'assets', 'a.css'));
  });

  it('gives each kind of file its content type, and any other kind as plain bytes', () => {
    const types: [string, string][] = [
      ['a.html', 'text/html; charset=utf-8'],
      ['a.js', 'text/javascript; charset=utf-8'],
      ['a.css', 'text/css; charset=utf-8'],
      ['a.svg', 'image/svg+xml'],
      ['a.png', 'image/png'],
      ['favicon.ico', 'image/x-icon'],
      ['font.woff2', 'font/woff2'],
      ['manifest.json', 'application/json'],
      ['a.map', 'application/octet-stream'],
      ['LICENSE', 'application/octet-stream'],
    ];
    for (const [name, type] of types) expect(resolveStaticFile(root, `/${name}`)?.contentType, name).toBe(type);
  });

  it('serves nothing outside the root, nothing with a NUL and nothing behind a broken escape', () => {
    for (const bad of ['/..', '/.', '/assets/..', '/../renderer-other/x.js', '/../etc/passwd', '/%2e%2e/secret', '/assets/%2E%2E/%2E%2E/x', '/%', '/%00', '/a%00b.js', '/%E0%A4%A']) {
      expect(resolveStaticFile(root, bad), bad).toBeNull();
    }
  });
});
