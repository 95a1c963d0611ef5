// A volunteer's opportunities, ranked for them and explained, and new ones as they are published.
import { query } from './api.js';
import { el, clear, formatNumber, whenVisible } from './dom.js';
import { t, language } from './i18n.js';
import { ndjson, authorizedEvents } from './streams.js';
import { taxonomy } from './taxonomy.js';
import { opportunityCard, explanationPanel } from './cards.js';
import { session, signInPanel } from './session.js';

const PAGE = 20;

export async function matchesView(root, parameters) {
  const current = session();
  if (!current || current.as !== 'volunteer') {
    clear(root).append(el('p', { class: 'hint' }, t('signin.needVolunteer')), await signInPanel('volunteer'));
    return () => {};
  }
  const names = await taxonomy();
  const status = el('p', { class: 'status', role: 'status', 'data-test': 'status' });
  const results = el('ol', { class: 'results', 'data-test': 'matches' });
  const live = el('ol', { class: 'results live', 'data-test': 'live' });
  const liveStatus = el('p', { class: 'status' }, t('matches.liveWaiting'));
  const sentinel = el('div', { class: 'sentinel', 'aria-hidden': 'true' });
  clear(root).append(
    el('section', { class: 'panel live-panel' }, el('h2', {}, t('matches.live')), liveStatus, live),
    el('section', { class: 'found' }, el('h2', {}, t('matches.title')), status, results, sentinel));

  const card = (match) => opportunityCard(match.opportunity, explanationPanel(match.explanation, names.skill));
  const aborted = new AbortController();
  let observer = null;
  let shown = 0;

  const page = async (after) => {
    status.textContent = t('status.streaming');
    let summary = null;
    try {
      await ndjson(`/api/volunteers/${current.id}/matches/stream${query({ limit: PAGE, after })}`, {
        token: current.token, signal: aborted.signal,
        onLine: (line) => {
          if (line.type === 'hit') {
            results.append(el('li', { 'data-cursor': line.cursor }, card(line.hit)));
            shown += 1;
          } else if (line.type === 'summary') {
            summary = line;
          }
        },
      });
    } catch (error) {
      if (!aborted.signal.aborted) status.textContent = error.message;
      return;
    }
    if (!summary || summary.complete) {
      status.textContent = shown ? t('status.done', formatNumber(shown, language())) : t('status.none');
      return;
    }
    status.textContent = `${formatNumber(shown, language())} · ${t('status.more')}`;
    const last = results.lastElementChild?.dataset.cursor;
    observer = whenVisible(sentinel, () => page(last));
  };
  page(undefined);

  const following = authorizedEvents(`/api/volunteers/${current.id}/matches/live`, {
    token: current.token,
    onEvent: (type, match) => {
      if (type !== 'hit') return;
      liveStatus.textContent = '';
      live.prepend(el('li', { class: 'new' }, card(match)));
    },
    onReconnecting: () => { liveStatus.textContent = t('status.reconnecting'); },
    onFailed: (error) => { liveStatus.textContent = error.message; },
  });

  return () => {
    aborted.abort();
    observer?.disconnect();
    following.close();
  };
}
