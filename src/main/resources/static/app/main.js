// The page's router: #/search, #/matches, #/organization; each view returns a function that stops its streams.
import { el, clear } from './dom.js';
import { t, language, setLanguage, onLanguageChange, applyToDocument } from './i18n.js';
import { onSessionChange, renderSessionBadge } from './session.js';
import { searchView } from './search.js';
import { matchesView } from './matches.js';
import { organizationView } from './organization.js';

const VIEWS = { search: searchView, matches: matchesView, organization: organizationView };
const root = document.getElementById('view');
let stop = () => {};
let generation = 0;

async function render() {
  stop();
  stop = () => {};
  const mine = ++generation;
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const name = VIEWS[path] ? path : 'search';
  document.querySelectorAll('nav a').forEach((link) => link.toggleAttribute('aria-current', link.dataset.route === name));
  renderSessionBadge(document.getElementById('session'));
  try {
    const stopper = await VIEWS[name](root, new URLSearchParams(search));
    if (mine === generation) stop = stopper; else stopper();
  } catch (error) {
    if (mine !== generation) return;
    clear(root).append(el('p', { class: 'status', role: 'alert', 'data-state': 'problem' }, `${t('error')}: ${error.message}`),
      el('button', { type: 'button', onclick: render }, t('retry')));
  }
}

document.getElementById('language').addEventListener('click', () => setLanguage(language() === 'ar' ? 'en' : 'ar'));
onLanguageChange(render);
onSessionChange(render);
window.addEventListener('hashchange', render);
applyToDocument();
render();
