// How an opportunity, a candidate and the explanation of a match look: shared by every view.
import { el, bdi, highlighted, formatNumber, formatDate } from './dom.js';
import { t, language } from './i18n.js';

function localized(pair) {
  if (!pair) return '';
  return language() === 'en' ? (pair.en || pair.ar) : (pair.ar || pair.en);
}

export function opportunityCard(hit, extra) {
  const lang = language();
  const snippetSource = hit.highlights?.description?.[0] ?? hit.highlights?.title?.[0];
  return el('article', { class: 'card', 'data-id': hit.id },
    el('h3', { dir: 'auto' }, bdi(localized(hit.title))),
    el('p', { class: 'meta' },
      bdi(localized(hit.organization?.name)),
      hit.organization?.verified ? el('span', { class: 'badge', title: t('hit.verified') }, '✓') : null,
      ' · ', bdi(hit.city?.label), ' · ', bdi(hit.field?.label), ' · ', bdi(hit.mode?.label),
      hit.distanceKm != null ? [' · ', t('hit.km', formatNumber(hit.distanceKm, lang))] : null),
    snippetSource ? el('p', { class: 'highlight' }, highlighted(snippetSource)) : null,
    el('p', { class: 'facts' },
      `${t('hit.starts')} ${formatDate(hit.startsAt, lang)} · ${t('hit.hours', formatNumber(hit.hours, lang))} · `,
      t('hit.seats', hit.seatsLeft, hit.seatsTotal)),
    el('ul', { class: 'chips' }, (hit.skills ?? []).map((skill) => el('li', {}, bdi(skill.label)))),
    extra ?? null);
}

/**
 * Why a match ranks where it does: skills had, related and lacking, distance, field, and each part of the score;
 * `heading` asks about the opportunity (a volunteer's matches) or the volunteer (an opportunity's candidates).
 */
export function explanationPanel(explanation, skillName, heading = 'matches.why') {
  const lang = language();
  const chips = (codes, kind) => codes.map((code) => el('li', { class: `chip-${kind}` }, bdi(skillName(code))));
  return el('details', { class: 'explanation', open: true },
    el('summary', {}, t(heading), ' ', el('span', { class: 'score' }, `${t('matches.score')}: ${formatNumber(explanation.score, lang)}`)),
    explanation.matchedSkills.length ? el('div', { class: 'skills-matched' }, el('span', {}, t('matches.matched')),
      el('ul', { class: 'chips' }, chips(explanation.matchedSkills, 'matched'))) : null,
    explanation.relatedSkills.length ? el('div', { class: 'skills-related' }, el('span', {}, t('matches.related')),
      el('ul', { class: 'chips' }, chips(explanation.relatedSkills, 'related'))) : null,
    explanation.missingSkills.length ? el('div', { class: 'skills-missing' }, el('span', {}, t('matches.missing')),
      el('ul', { class: 'chips' }, chips(explanation.missingSkills, 'missing'))) : null,
    el('p', { class: 'reasons' },
      el('span', { class: 'distance' }, `${t('matches.distance')}: `,
        explanation.distanceKm == null ? t('matches.remote') : t('hit.km', formatNumber(explanation.distanceKm, lang))),
      ' · ', explanation.fieldMatch ? t('matches.field') : t('matches.otherField'),
      explanation.sameCity ? [' · ', t('matches.sameCity')] : null),
    el('ul', { class: 'components' }, explanation.components.filter((part) => part.points > 0).map((part) =>
      el('li', {}, el('span', { class: 'name' }, t(`component.${part.name}`)),
        el('meter', { min: 0, max: 1, value: part.share }), el('span', { class: 'share' }, `${Math.round(part.share * 100)}%`)))));
}
