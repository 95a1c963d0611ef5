// The platform's cities, fields and skills, read once; codes in API answers are named from here.
import { getJson } from './api.js';
import { termName } from './i18n.js';

let loaded;

export function taxonomy() {
  loaded ??= Promise.all(['cities', 'fields', 'skills'].map((kind) => getJson(`/api/taxonomy/${kind}`)))
    .then(([cities, fields, skills]) => ({
      cities, fields, skills,
      city: byCode(cities), field: byCode(fields), skill: byCode(skills),
    }))
    .catch((error) => {
      loaded = undefined;
      throw error;
    });
  return loaded;
}

function byCode(terms) {
  const map = new Map(terms.map((term) => [term.code, term]));
  return (code) => termName(map.get(code)) || code;
}

export const MODES = ['on_site', 'remote', 'hybrid'];
