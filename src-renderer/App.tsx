import { SCREENS } from './screens';
import { useHashPath } from './router';
import { NoticeProvider } from './components/Notice';

function match(full: string) {
  // A query ("/tindak-lanjut?tahun=2025": filters in a link) rides along in the sub-path.
  const cut = full.indexOf('?');
  const path = cut < 0 ? full : full.slice(0, cut);
  const query = cut < 0 ? '' : full.slice(cut);
  // Longest prefix wins, so "/rapat/12" goes to the "/rapat" screen with sub-path "/12".
  const sorted = [...SCREENS].sort((a, b) => b.path.length - a.path.length);
  const screen = sorted.find((s) => path === s.path || (s.path !== '/' && path.startsWith(`${s.path}/`))) ?? SCREENS[0];
  return { screen, subPath: path.slice(screen.path === '/' ? 1 : screen.path.length) + query };
}

export function App() {
  const path = useHashPath();
  const { screen, subPath } = match(path);
  return (
    <NoticeProvider>
      {/* Skips the navigation (a hash link would change the route: focus the content instead). */}
      <a href="#" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('isi')?.focus(); }}>Lewati ke isi</a>
      <div className="app">
        <nav className="sidebar" aria-label="Navigasi utama">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">KLA</span>
            <span>Rakor KLA</span>
          </div>
          <ul>
            {SCREENS.filter((s) => s.inNav).map((s) => (
              <li key={s.path}>
                <a href={`#${s.path}`} aria-current={s === screen ? 'page' : undefined}>{s.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="content" id="isi" tabIndex={-1}>{screen.render(subPath)}</main>
      </div>
    </NoticeProvider>
  );
}
