/**
 * The bilingual volunteering lexicon: concepts with their Arabic (standard and Gulf), English,
 * plural and worker/work forms, kept as data beside the analysis they are folded like.
 */
package sa.volunteering.analysis.lexicon;
