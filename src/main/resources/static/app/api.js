// Calls to the service's own API, same origin only. Problems (RFC 9457) become errors that carry their detail.
import { language } from './i18n.js';

export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function headers(token, accept = 'application/json') {
  const result = { 'Accept': accept, 'Accept-Language': language() };
  if (token) result.Authorization = `Bearer ${token}`;
  return result;
}

export async function getJson(path, { token, signal } = {}) {
  const response = await fetch(path, { headers: headers(token), signal });
  return readJson(response);
}

export async function postJson(path, body, { token } = {}) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { ...headers(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return readJson(response);
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ProblemError(response.status, body);
  return body;
}

/** A query string from a plain object; arrays repeat their key, empty values are left out. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (Array.isArray(value)) value.forEach((item) => search.append(key, item));
    else if (value !== undefined && value !== null && value !== '') search.append(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
