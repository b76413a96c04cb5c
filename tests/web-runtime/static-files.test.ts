import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { resolveStaticFile } from '../../src-main/core/static-files';

const root = path.resolve('/srv/renderer');

describe('static files of the renderer (both runtimes)', () => {
  it('maps / to index.html and a path to its file with its content type', () => {
    expect(resolveStaticFile(root, '/')).toEqual({ file: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveStaticFile(root, '/assets/index-abc.js')).toEqual({ file: path.join(root, 'assets/index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(resolveStaticFile(root, '/icon%20kla.PNG')?.contentType).toBe('image/png');
  });

  it('serves nothing outside the root, nothing with a NUL and nothing behind a broken escape', () => {
    for (const bad of ['/../etc/passwd', '/%2e%2e/secret', '/assets/%2E%2E/%2E%2E/x', '/%', '/%00', '/a%00b.js', '/%E0%A4%A']) {
      expect(resolveStaticFile(root, bad), bad).toBeNull();
    }
  });
});
