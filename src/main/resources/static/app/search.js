// Search: a box with suggestions, filters, facets with counts, and results that stream in page by page.
import { getJson, query, ProblemError } from './api.js';
import { el, bdi, clear, formatNumber, whenVisible } from './dom.js';
import { t, language } from './i18n.js';
import { eventSource } from './streams.js';
import { taxonomy, MODES } from './taxonomy.js';
import { opportunityCard } from './cards.js';

const PAGE = 20;
const LISTS = ['city', 'field', 'skill', 'mode'];
const SORTS = ['relevance', 'newest', 'soonest', 'nearest'];

/** The search's state lives in the address (#/search?q=…&city=…), so a result can be shared and survives a reload. */
function readState(parameters) {
  const state = { q: parameters.get('q') ?? '', sort: parameters.get('sort') ?? 'relevance', organization: parameters.get('organization') ?? '',
    near: parameters.get('near') === '1', radiusKm: parameters.get('radiusKm') ?? '25' };
  LISTS.forEach((name) => { state[name] = parameters.getAll(name); });
  return state;
}

function writeState(state) {
  const parameters = { q: state.q, sort: state.sort === 'relevance' ? '' : state.sort, organization: state.organization,
    near: state.near ? '1' : '', radiusKm: state.near ? state.radiusKm : '' };
  LISTS.forEach((name) => { parameters[name] = state[name]; });
  location.hash = `#/search${query(parameters)}`;
}

export async function searchView(root, parameters) {
  const state = readState(parameters);
  const names = await taxonomy();
  const status = el('p', { class: 'status', role: 'status', 'data-test': 'status' });
  const results = el('ol', { class: 'results', 'data-test': 'results' });
  const understood = el('p', { class: 'understood', 'data-test': 'understood', hidden: true });
  const facets = el('aside', { class: 'facets', 'data-test': 'facets' });
  const sentinel = el('div', { class: 'sentinel', 'aria-hidden': 'true' });
  const input = el('input', { type: 'search', name: 'q', dir: 'auto', value: state.q, placeholder: t('search.placeholder'),
    autocomplete: 'off', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'suggestions',
    'aria-label': t('search.submit') });
  const suggestions = el('ul', { id: 'suggestions', class: 'suggestions', role: 'listbox', hidden: true });

  const select = (name, options, label) => el('label', {}, label,
    el('select', { name, onchange: (event) => { state[name] = event.target.value ? [event.target.value] : []; writeState(state); } },
      el('option', { value: '' }, t('filter.any')),
      options.map((option) => el('option', { value: option.code, selected: state[name].includes(option.code) }, option.name))));
  const sortSelect = el('select', { name: 'sort', onchange: (event) => { state.sort = event.target.value; writeState(state); } },
    SORTS.map((sort) => el('option', { value: sort, selected: state.sort === sort }, t(`sort.${sort}`))));
  const nearMe = el('input', { type: 'checkbox', name: 'near', checked: state.near,
    onchange: (event) => { state.near = event.target.checked; writeState(state); } });
  const radius = el('input', { type: 'number', name: 'radiusKm', min: 1, step: 1, value: state.radiusKm, dir: 'ltr',
    onchange: (event) => { state.radiusKm = event.target.value; if (state.near) writeState(state); } });

  const form = el('form', { class: 'search', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    state.q = input.value.trim();
    hideSuggestions();
    writeState(state);
  } },
  el('div', { class: 'box' }, input, suggestions, el('button', { type: 'submit' }, t('search.submit'))),
  el('div', { class: 'filters' },
    select('city', names.cities.map((city) => ({ code: city.code, name: names.city(city.code) })), t('filter.city')),
    select('field', names.fields.map((field) => ({ code: field.code, name: names.field(field.code) })), t('filter.field')),
    select('skill', names.skills.map((skill) => ({ code: skill.code, name: names.skill(skill.code) })), t('filter.skills')),
    select('mode', MODES.map((mode) => ({ code: mode, name: t(`mode.${mode}`) })), t('filter.mode')),
    el('label', {}, nearMe, t('filter.nearMe')), el('label', {}, t('filter.radius'), radius),
    el('label', {}, t('sort.label'), sortSelect),
    el('button', { type: 'button', class: 'link', onclick: () => writeState(readState(new URLSearchParams())) }, t('filter.clear'))));

  clear(root).append(form, el('div', { class: 'layout' }, facets, el('section', { class: 'found' }, status, understood, results, sentinel)));

  // Suggestions as the visitor types: cities, fields and skills become filters, opportunities become the text.
  let typing;
  let active = -1;
  const hideSuggestions = () => { suggestions.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
  const choose = (suggestion) => {
    hideSuggestions();
    if (['city', 'field', 'skill'].includes(suggestion.type)) {
      if (!state[suggestion.type].includes(suggestion.code)) state[suggestion.type].push(suggestion.code);
      state.q = '';
    } else if (suggestion.type === 'organization') {
      state.organization = suggestion.code;
      state.q = '';
    } else {
      state.q = suggestion.text;
    }
    writeState(state);
  };
  input.addEventListener('input', () => {
    clearTimeout(typing);
    const prefix = input.value.trim();
    if (prefix.length < 2) { hideSuggestions(); return; }
    typing = setTimeout(async () => {
      try {
        const answer = await getJson(`/api/opportunities/suggest${query({ prefix, size: 8 })}`);
        if (input.value.trim() !== prefix) return;
        clear(suggestions).append(...answer.suggestions.map((suggestion, index) => el('li', {
          role: 'option', id: `suggestion-${index}`, 'data-type': suggestion.type,
          onmousedown: (event) => { event.preventDefault(); choose(suggestion); },
        }, el('span', { class: 'kind' }, t(`suggest.${suggestion.type}`)), bdi(suggestion.text))));
        suggestions.hidden = answer.suggestions.length === 0;
        input.setAttribute('aria-expanded', String(!suggestions.hidden));
        suggestions.suggestions = answer.suggestions;
      } catch {
        hideSuggestions();
      }
    }, 150);
  });
  input.addEventListener('keydown', (event) => {
    const options = [...suggestions.children];
    if (suggestions.hidden || !options.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      options.forEach((option, index) => option.setAttribute('aria-selected', String(index === active)));
      input.setAttribute('aria-activedescendant', options[active].id);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(suggestions.suggestions[active]);
    } else if (event.key === 'Escape') {
      hideSuggestions();
    }
  });
  input.addEventListener('blur', () => setTimeout(hideSuggestions, 100));

  const filters = await located(state, status);
  if (filters === null) return () => {};
  return run(filters, { status, understood, results, facets, sentinel, state });
}

/** The search's parameters, with the visitor's position when "near me" is on (null when it cannot be had). */
async function located(state, status) {
  const filters = { q: state.q, sort: state.sort, organization: state.organization };
  LISTS.forEach((name) => { filters[name] = state[name]; });
  if (!state.near) return filters;
  status.textContent = t('status.locating');
  try {
    const position = await new Promise((resolve, reject) =>
      navigator.geolocation.getCurrentPosition(resolve, reject, { timeout: 10000, maximumAge: 300000 }));
    return { ...filters, lat: position.coords.latitude.toFixed(5), lon: position.coords.longitude.toFixed(5), radiusKm: state.radiusKm };
  } catch {
    status.textContent = t('status.noLocation');
    return null;
  }
}

/** Facets and the total from one search request; the hits themselves from the stream, a page at a time. Returns a stop function. */
function run(filters, { status, understood, results, facets, sentinel, state }) {
  const aborted = new AbortController();
  let total = null;
  let shown = 0;
  let stream = null;
  let observer = null;

  const describe = (finished) => {
    if (finished && shown === 0) status.textContent = t('status.none');
    else if (finished) status.textContent = t('status.done', formatNumber(shown, language()));
    else status.textContent = total == null ? t('status.streaming') : t('status.shown', formatNumber(shown, language()), formatNumber(total, language()));
  };

  const page = (after) => {
    describe(false);
    stream = eventSource(`/api/opportunities/search/stream${query({ ...filters, lang: language(), highlight: true, limit: PAGE, after })}`, {
      onHit: (cursor, hit) => {
        results.append(el('li', { 'data-cursor': cursor }, opportunityCard(hit)));
        shown += 1;
        describe(false);
      },
      onSummary: (summary) => {
        stream = null;
        if (summary.complete) {
          describe(true);
          return;
        }
        status.append(' · ', t('status.more'));
        const last = results.lastElementChild?.dataset.cursor;
        observer = whenVisible(sentinel, () => page(last));
      },
      onReconnecting: () => { status.textContent = t('status.reconnecting'); status.dataset.state = 'reconnecting'; },
      onResumed: () => { delete status.dataset.state; describe(false); },
      onFailed: () => { status.textContent = t('error'); },
    });
  };

  getJson(`/api/opportunities/search${query({ ...filters, size: 1 })}`, { signal: aborted.signal })
    .then((answer) => {
      total = answer.total;
      renderFacets(facets, answer.facets, state);
      renderUnderstood(understood, answer.understood);
      describe(false);
    })
    .catch((error) => {
      if (aborted.signal.aborted) return;
      stream?.close();
      status.textContent = error instanceof ProblemError ? error.message : t('error');
      status.dataset.state = 'problem';
    });
  page(undefined);

  return () => {
    aborted.abort();
    stream?.close();
    observer?.disconnect();
  };
}

/** "Did you mean" for the words corrected, "also searched for" for the forms the lexicon added. */
function renderUnderstood(node, understood) {
  const corrected = (understood?.corrections ?? []).map((c) => `${c.word} → ${c.instead[0]}`);
  const added = (understood?.expansions ?? []).flatMap((e) => e.added.slice(0, 3));
  clear(node);
  if (corrected.length) node.append(el('span', { 'data-test': 'corrected' }, t('understood.corrected'), ' ', corrected.join('، ')));
  if (corrected.length && added.length) node.append(' · ');
  if (added.length) node.append(el('span', { 'data-test': 'also' }, t('understood.also'), ' ', added.join('، ')));
  node.hidden = !corrected.length && !added.length;
}

const FACET_SHOWN = 8;

function renderFacets(node, facets, state) {
  clear(node);
  for (const [name, buckets] of Object.entries(facets ?? {})) {
    if (!buckets.length) continue;
    const item = (bucket) => el('li', {}, el('button', {
      type: 'button', class: bucket.selected ? 'selected' : '', 'aria-pressed': String(bucket.selected),
      'data-facet': name, 'data-code': bucket.code,
      onclick: () => {
        const chosen = state[name];
        const at = chosen.indexOf(bucket.code);
        if (at >= 0) chosen.splice(at, 1); else chosen.push(bucket.code);
        writeState(state);
      },
    }, bdi(bucket.label), ' ', el('span', { class: 'count' }, formatNumber(bucket.count, language()))));
    const rest = buckets.slice(FACET_SHOWN);
    node.append(el('section', { class: 'facet' }, el('h3', {}, t(`facet.${name}`)),
      el('ul', {}, buckets.slice(0, FACET_SHOWN).map(item)),
      rest.length ? el('details', {}, el('summary', {}, t('facet.more', rest.length)), el('ul', {}, rest.map(item))) : null));
  }
}
