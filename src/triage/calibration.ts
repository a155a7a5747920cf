/**
 * The published figures the default grading is calibrated against, with where each comes from.
 * The answer mix (seeds/thrive-answer-mix.json) is an assumption tuned so that the baseline
 * scenario's 999 and 101 calls match these shares under the default policy; a test holds it there
 * and the policy form shows them beside its preview.
 */

export interface PublishedShare {
  /** Share of calls, 0–1. */
  share: number;
  label: string;
  source: string;
}

const LEICESTERSHIRE_CALLS = 675_000;
const LEICESTERSHIRE_SOURCE =
  "Leicestershire Police, 'Contact management' (leics.police.uk): about 115,000 999 and 560,000 101 calls a year; " +
  'about 143,000 become incidents, about 25,000 of them needing an immediate response';

/** Calls that become incidents needing a police response: grades 1–3, an officer sent. */
export const OFFICER_SENT: PublishedShare = {
  share: 143_000 / LEICESTERSHIRE_CALLS,
  label: 'calls that send an officer (grades 1–3)',
  source: LEICESTERSHIRE_SOURCE,
};

/** Calls needing an immediate response: grade 1. */
export const IMMEDIATE: PublishedShare = {
  share: 25_000 / LEICESTERSHIRE_CALLS,
  label: 'calls needing an immediate response (grade 1)',
  source: LEICESTERSHIRE_SOURCE,
};
