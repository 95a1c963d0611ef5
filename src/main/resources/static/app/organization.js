// An organization's view: its opportunities, and for one of them the ranked candidates (masked) and the applicants.
import { getJson, query } from './api.js';
import { el, bdi, clear, formatNumber, formatDate, whenVisible } from './dom.js';
import { t, language } from './i18n.js';
import { ndjson } from './streams.js';
import { taxonomy } from './taxonomy.js';
import { explanationPanel } from './cards.js';
import { session, signInPanel } from './session.js';

const PAGE = 20;
const LIST_PAGE = 50;

export async function organizationView(root, parameters) {
  const current = session();
  if (!current || current.as !== 'member') {
    clear(root).append(el('p', { class: 'hint' }, t('signin.needMember')), await signInPanel('member'));
    return () => {};
  }
  const names = await taxonomy();
  const chosen = parameters.get('opportunity');
  const title = (opportunity) => (language() === 'en' ? opportunity.titleEn || opportunity.titleAr : opportunity.titleAr);
  const picker = el('ul', { class: 'opportunities', 'data-test': 'opportunities' });
  const pickerMore = el('div');
  await pages(`/api/organizations/${current.id}/opportunities`, current.token, picker, pickerMore, (opportunity) =>
    el('a', { href: `#/organization${query({ opportunity: opportunity.id })}`, 'data-id': opportunity.id,
      'aria-current': opportunity.id === chosen ? 'true' : null },
    bdi(title(opportunity)), ' ', el('span', { class: 'muted' }, `${t(`state.${opportunity.status}`)} · ${opportunity.seatsLeft}/${opportunity.seats}`)));
  clear(root).append(el('section', { class: 'panel' }, el('h2', {}, t('org.opportunities')), picker, pickerMore));
  if (!chosen) {
    root.append(el('p', { class: 'hint' }, t('org.pick')));
    return () => {};
  }

  const candidates = el('ol', { class: 'results', 'data-test': 'candidates' });
  const candidateStatus = el('p', { class: 'status', role: 'status' }, t('status.streaming'));
  const applicants = el('ol', { class: 'results', 'data-test': 'applicants' });
  const sentinel = el('div', { class: 'sentinel', 'aria-hidden': 'true' });
  root.append(el('div', { class: 'columns' },
    el('section', { class: 'found' }, el('h2', {}, t('org.candidates')), candidateStatus, candidates, sentinel),
    el('section', { class: 'found' }, el('h2', {}, t('org.applicants')), applicants)));

  const aborted = new AbortController();
  let observer = null;
  const page = async (after) => {
    let summary = null;
    try {
      await ndjson(`/api/opportunities/${chosen}/candidates/stream${query({ limit: PAGE, after })}`, {
        token: current.token, signal: aborted.signal,
        onLine: (line) => {
          if (line.type === 'hit') candidates.append(el('li', { 'data-cursor': line.cursor }, candidateCard(line.hit, names)));
          else if (line.type === 'summary') summary = line;
        },
      });
    } catch (error) {
      if (!aborted.signal.aborted) candidateStatus.textContent = error.message;
      return;
    }
    candidateStatus.textContent = formatNumber(candidates.children.length, language());
    if (summary && !summary.complete) {
      const last = candidates.lastElementChild?.dataset.cursor;
      observer = whenVisible(sentinel, () => page(last));
    }
  };
  page(undefined);

  const applicantsMore = el('div');
  applicants.after(applicantsMore);
  pages(`/api/opportunities/${chosen}/applications`, current.token, applicants, applicantsMore, (applicant) => applicantCard(applicant, names))
    .then((total) => { if (total === 0) applicants.append(el('li', { class: 'muted' }, t('org.noApplicants'))); })
    .catch((error) => { if (!aborted.signal.aborted) applicants.append(el('li', { class: 'status' }, error.message)); });

  return () => {
    aborted.abort();
    observer?.disconnect();
  };
}

/** A paged list read page by page: the first page now, the next ones behind a "more" button. Resolves with the total. */
async function pages(path, token, list, more, render, page = 0) {
  const answer = await getJson(`${path}${query({ page, size: LIST_PAGE })}`, { token });
  answer.items.forEach((item) => list.append(el('li', {}, render(item))));
  clear(more);
  if ((page + 1) * LIST_PAGE < answer.total) {
    more.append(el('button', { type: 'button', class: 'link', onclick: () => pages(path, token, list, more, render, page + 1) },
      t('list.more', answer.total - (page + 1) * LIST_PAGE)));
  }
  return answer.total;
}

/** A candidate as the organization may see one before they apply: no name, no contact, no age or gender. */
function candidateCard(candidate, names) {
  const lang = language();
  return el('article', { class: 'card candidate', 'data-id': candidate.volunteerId },
    el('h3', {}, `${t('org.volunteer')} `, el('bdi', { dir: 'ltr' }, candidate.volunteerId.slice(0, 8)),
      candidate.applied ? el('span', { class: 'badge applied' }, t('org.applied')) : null),
    el('p', { class: 'meta' }, bdi(candidate.city?.label), ' · ', t('org.hours', formatNumber(candidate.verifiedHours, lang)),
      ' · ', candidate.languages.join(', ')),
    el('ul', { class: 'chips' }, candidate.skills.map((skill) => el('li', {}, bdi(skill.label)))),
    explanationPanel(candidate.explanation, names.skill, 'candidates.why'));
}

function applicantCard(applicant, names) {
  const lang = language();
  return el('article', { class: 'card applicant', 'data-id': applicant.volunteerId },
    el('h3', { dir: 'auto' }, bdi(applicant.fullName ?? applicant.volunteerId.slice(0, 8)), ' ',
      el('span', { class: `badge status-${applicant.status}` }, t(`state.${applicant.status}`))),
    el('p', { class: 'meta' }, bdi(names.city(applicant.cityCode)), ' · ', formatDate(applicant.createdAt, lang),
      applicant.phone ? [' · ', el('bdi', { dir: 'ltr' }, applicant.phone)] : null,
      applicant.email ? [' · ', el('bdi', { dir: 'ltr' }, applicant.email)] : null),
    el('ul', { class: 'chips' }, applicant.skillCodes.map((code) => el('li', {}, bdi(names.skill(code))))),
    applicant.motivation ? el('p', { dir: 'auto', class: 'motivation' }, applicant.motivation) : null);
}
