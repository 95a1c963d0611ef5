// Who the page acts for: a demo token kept for this tab only (sessionStorage), never an administrator.
import { getJson, postJson } from './api.js';
import { el, clear, bdi } from './dom.js';
import { t } from './i18n.js';
import { taxonomy } from './taxonomy.js';

const KEY = 'demo-session';
const listeners = [];

export function session() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY));
    return saved && Date.parse(saved.expiresAt) > Date.now() ? saved : null;
  } catch {
    return null;
  }
}

export function onSessionChange(listener) {
  listeners.push(listener);
}

export async function signIn(as, id) {
  const started = await postJson('/api/demo/sign-in', { as, id });
  sessionStorage.setItem(KEY, JSON.stringify(started));
  listeners.forEach((listener) => listener(started));
  return started;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  listeners.forEach((listener) => listener(null));
}

/** The sign-in panel: demo accounts to pick from, or an id to paste; signing in re-renders the page (onSessionChange). */
export async function signInPanel(as) {
  const panel = el('section', { class: 'panel signin', 'data-test': 'signin' }, el('h2', {}, t('signin.title')));
  const status = el('p', { class: 'status', role: 'status' });
  const choose = async (id) => {
    try {
      await signIn(as, id);
    } catch (error) {
      status.textContent = error.message;
    }
  };
  try {
    const [accounts, names] = await Promise.all([getJson('/api/demo/accounts'), taxonomy()]);
    const list = el('ul', { class: 'accounts' });
    if (as === 'volunteer') {
      panel.append(el('h3', {}, t('signin.volunteers')));
      accounts.volunteers.forEach((volunteer) => list.append(el('li', {},
        el('button', { type: 'button', onclick: () => choose(volunteer.id), 'data-id': volunteer.id },
          `${t('org.volunteer')} · ${names.city(volunteer.cityCode)} · `, bdi(volunteer.skillCodes.slice(0, 3).map(names.skill).join('، '))))));
    } else {
      panel.append(el('h3', {}, t('signin.organizations')));
      accounts.organizations.forEach((organization) => list.append(el('li', {},
        el('button', { type: 'button', onclick: () => choose(organization.id), 'data-id': organization.id },
          bdi(document.documentElement.lang === 'en' ? organization.nameEn : organization.nameAr)))));
    }
    panel.append(list);
  } catch (error) {
    panel.append(el('p', { class: 'status' }, error.status === 404 ? t('signin.unavailable') : error.message));
    return panel;
  }
  const input = el('input', { name: 'account-id', dir: 'ltr', placeholder: '00000000-0000-0000-0000-000000000000', autocomplete: 'off' });
  panel.append(el('form', { class: 'by-id', onsubmit: (event) => { event.preventDefault(); choose(input.value.trim()); } },
    el('label', {}, t('signin.byId'), ' ', input), el('button', { type: 'submit' }, t('signin.go'))), status);
  return panel;
}

/** The header's account line: who is signed in, and a way out. */
export function renderSessionBadge(node) {
  clear(node);
  const current = session();
  if (!current) return;
  node.append(`${current.as === 'volunteer' ? t('signin.asVolunteer') : t('signin.asMember')} `,
    el('bdi', { dir: 'ltr' }, current.id.slice(0, 8)), ' ',
    el('button', { type: 'button', class: 'link', onclick: signOut }, t('signin.out')));
}
