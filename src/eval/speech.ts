/**
 * Which gold cues are speech verbs, for the indirect-speech line of the
 * PolNeAR score. Kept apart from the engine's own lexicon on purpose: the
 * yardstick must not move when the engine's word lists do.
 */
const LEMMAS = `say tell add state note claim argue insist explain declare announce warn write tweet
  ask respond reply continue conclude recall acknowledge admit suggest stress emphasize emphasise maintain
  contend assert allege predict promise vow pledge confirm report reveal deny dismiss reject refute testify
  remark comment complain boast joke quip urge call describe accuse charge counter retort concede reiterate
  repeat mention observe disclose answer agree caution proclaim post speak`;

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  tell: ['told', 'tells', 'telling', 'tell'],
  write: ['wrote', 'writes', 'writing', 'write', 'written'],
  speak: ['spoke', 'speaks', 'speaking', 'speak', 'spoken'],
  reply: ['replied', 'replies', 'replying', 'reply'],
  deny: ['denied', 'denies', 'denying', 'deny'],
  admit: ['admitted', 'admits', 'admitting', 'admit'],
  quip: ['quipped', 'quips', 'quip'],
  testify: ['testified', 'testifies', 'testify'],
};

function forms(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return irregular;
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const s = /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  return [lemma, s, lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`, `${stem}ing`];
}

const SPEECH_FORMS = new Set(LEMMAS.trim().split(/\s+/).flatMap(forms));

/** The gold cue text contains a speech verb ("said", "told reporters", "according to"). */
export function isSpeechCue(cue: string): boolean {
  const lower = cue.toLowerCase();
  if (lower.includes('according to')) return true;
  return lower.split(/[^a-z]+/).some((w) => SPEECH_FORMS.has(w));
}
