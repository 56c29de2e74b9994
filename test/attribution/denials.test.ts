/**
 * Denials wherever the text says them (issue 9), with fresh sentences of each
 * shape: none taken from the seeds or the BBC development set.
 */
import { describe, expect, it } from 'vitest';
import { about, extract } from './helpers.ts';

/** Whether some statement containing `words` is flagged as a denial, and by whom. */
function denialBy(text: string, words: string): string | null {
  const hit = about(extract(text), words).find((s) => s.denial);
  return hit ? hit.speaker.name : null;
}

describe('denials the narrator reports', () => {
  it.each([
    ['Brazil has denied such spying.', 'such spying', 'Brazil'],
    // A capital speaks for its state.
    ['Caracas denies interference.', 'interference', 'Venezuela'],
    ['Defence minister Lena Varga denied there was any cover-up.', 'cover-up', 'Lena Varga'],
    [
      'Senator Paul Okafor on Tuesday denied that he had misled the committee.',
      'misled the committee',
      'Paul Okafor',
    ],
    ['Premier Ana Souza was forced to deny the coalition was divided.', 'coalition was divided', 'Ana Souza'],
    ['The accusations were denied by Interior Minister Karl Weber.', 'accusations', 'Karl Weber'],
    [
      'Mayor Tom Reyes said the budget was sound, although he denied the audit had found gaps.',
      'audit had found gaps',
      'Tom Reyes',
    ],
    ['A party spokesman "totally refuted" any wrongdoing.', 'any wrongdoing', 'party spokesman'],
    ["Mayor Jo Park rejects 'Las Vegas' jibe", 'Vegas', 'Jo Park'],
    [
      'Reports of a cabinet split have been described as "pure fiction" by the Elysee.',
      'cabinet split',
      'Elysee',
    ],
    ['Mayor Jo Park rejected the idea her deputy had leaked the memo.', 'leaked the memo', 'Jo Park'],
    ["The talks stalled after Peru's denials that it had sent troops.", 'sent troops', 'Peru'],
    ['Senator Ada Cruz accused ministers of telling lies about her bill.', 'telling lies', 'Ada Cruz'],
    ['Downing Street played down reports of a rift.', 'reports of a rift', 'Downing Street'],
    ['The minister shrugged off claims that he had lied.', 'claims that he had lied', 'minister'],
  ])('%s', (text, words, speaker) => {
    expect(denialBy(text, words)).toBe(speaker);
  });
});

describe('implicit denials', () => {
  it.each([
    ['Economy minister Hugo Lind said there was no deal with the unions.', 'no deal'],
    ['Hugo Lind said his remarks were not racist.', 'not racist'],
    ['Hugo Lind said the reports were a complete misrepresentation of his views.', 'misrepresentation'],
    ['Hugo Lind called the allegations outrageous.', 'allegations outrageous'],
    ['Hugo Lind said he was unaware of the payments.', 'unaware'],
    ['Hugo Lind insisted he had not known about the contract.', 'known about'],
    ['"There is no truth whatsoever in these stories," Hugo Lind said.', 'no truth'],
    ['"I think they are wrong," Hugo Lind said of his critics.', 'they are wrong'],
    ['Hugo Lind said the figures had nothing to do with the election.', 'nothing to do with'],
    ['Hugo Lind pleaded not guilty to the charges.', 'not guilty'],
    ['"That is completely untrue. We acted within the rules," Hugo Lind said.', 'completely untrue'],
    ['Hugo Lind said reports that he had met the donor were inaccurate.', 'inaccurate'],
    ['"I reject that entirely," Hugo Lind said.', 'reject that entirely'],
    ['Hugo Lind said he had told the truth throughout.', 'told the truth'],
    ['"We did not get our sums wrong," Hugo Lind said.', 'sums wrong'],
    ['Hugo Lind said the closure was not about money.', 'not about money'],
    ['Hugo Lind said the party was not against immigration.', 'not against'],
    ['Hugo Lind insisted he had been fully involved in the decision.', 'fully involved'],
    ['Hugo Lind said claims of a rift between the two men were wrong.', 'were wrong'],
  ])('%s', (text, words) => {
    expect(denialBy(text, words)).toBe('Hugo Lind');
  });
});

describe('coordinated denials', () => {
  it('splits two speakers denying in one sentence, with no run-on', () => {
    const st = extract('Iran denies the charges and President Omar Haddad denies any involvement.');
    const iran = about(st, 'the charges').find((s) => s.speaker.name === 'Iran')!;
    expect(iran.text.text).toBe('the charges');
    expect(iran.denial).toBe(true);
    expect(
      denialBy(
        'Iran denies the charges and President Omar Haddad denies any involvement.',
        'any involvement',
      ),
    ).toBe('Omar Haddad');
  });
});

describe('a clause of its own after ", and" and a time phrase', () => {
  it('ends the earlier denial and has its own speaker', () => {
    const st = extract(
      'On Monday Mayor Ana Ruiz denied Lena Varga wrote the memo, and before she left for Rome on Tuesday the treasurer told reporters: "I trust the mayor completely."',
    );
    const denial = about(st, 'wrote the memo').find((s) => s.denial)!;
    expect(denial.speaker.name).toBe('Ana Ruiz');
    expect(denial.text.text).toBe('Lena Varga wrote the memo');
    const quote = about(st, 'I trust the mayor')[0]!;
    expect(quote.speaker.name).not.toBe('Ana Ruiz');
    expect(quote.cue?.text).toBe('told');
  });
});

describe('not denials', () => {
  it.each([
    ['A spokesman would neither confirm nor deny the report.', 'the report'],
    ['The court denied him bail.', 'bail'],
    ['The board denied the company any form of support.', 'support'],
    ['Hugo Lind said the scheme was unfair to pensioners.', 'unfair'],
    ['Hugo Lind said he would not resign.', 'resign'],
    ['Hugo Lind said the council expected unfounded applications to fall.', 'applications'],
    ['Hugo Lind said innocent people would suffer under the plan.', 'innocent'],
    ['Hugo Lind said it was wrong to cut the budget.', 'wrong to cut'],
    ['Hugo Lind rejected calls for an inquiry into the contract.', 'inquiry'],
    ['Hugo Lind dismissed the idea of a new tax.', 'new tax'],
    ['Hugo Lind said he would not commit to a date for the vote.', 'commit'],
    ['The striker played down the left wing.', 'left wing'],
    ['"If we reject this treaty, we will be isolated," Hugo Lind said.', 'reject this treaty'],
    ['Hugo Lind said voters did not like being told the truth.', 'told the truth'],
    ['"That was outrageous," Hugo Lind said of the vote.', 'outrageous'],
    ['"I do not think this is a ridiculous idea," Hugo Lind said.', 'ridiculous idea'],
    ['Hugo Lind insisted that no matter the setting, the party would win.', 'no matter'],
    ['Hugo Lind said he was not about to resign.', 'resign'],
    ['Hugo Lind said voters could cut crime or do nothing about crime.', 'nothing about crime'],
  ])('%s', (text, words) => {
    expect(denialBy(text, words)).toBeNull();
  });
});

describe('wire copy (issue 9, class by class)', () => {
  it.each([
    ['Russia has denied such meddling.', 'meddling', 'Russia'],
    ['President Elena Ruiz has said there was no collusion.', 'no collusion', 'Elena Ruiz'],
    ['Ruiz said she had no role in the contract.', 'no role', 'Ruiz'],
  ])('%s', (text, words, speaker) => {
    expect(denialBy(text, words)).toBe(speaker);
  });

  it("insisting on a fact about one's own side answers a charge; insisting on a resolve does not", () => {
    expect(denialBy('The firm Acme insisted that it had complied with the law.', 'complied')).toBe('Acme');
    expect(denialBy('Hugo Lind insisted he would stay on as leader.', 'stay on')).toBeNull();
    expect(denialBy('Hugo Lind insisted it was time for the mayor to apologise.', 'apologise')).toBeNull();
    expect(
      denialBy('Hugo Lind insisted he has different questions for the witness.', 'different questions'),
    ).toBeNull();
    expect(
      denialBy('"I don\'t think it should be done behind closed doors," Hugo Lind said.', 'closed doors'),
    ).toBeNull();
  });

  it('keeps out resolve and refusals', () => {
    expect(denialBy('"We will not be intimidated," minister Omar Said said.', 'intimidated')).toBeNull();
    expect(denialBy('The ministry denied the journalists any access.', 'access')).toBeNull();
  });
});

describe('negations of what others claimed', () => {
  it.each([
    // "not … as X claims": the negated thing is what someone else says.
    ['"This is not panic, as the opposition keeps claiming," Hugo Lind said.', 'not panic'],
    ['Hugo Lind told the paper there would be no toll roads, as rumoured last month.', 'no toll roads'],
    ['Hugo Lind said the losses were not as large as the unions were making out.', 'not as large'],
    // A relative clause that ends in a bare negation.
    [
      'Hugo Lind said the letters had been presented as official advice, which they were not.',
      'which they were not',
    ],
    ['Hugo Lind said: "That is not what happened at the meeting."', 'not what happened'],
    // A scandal negated by any negation, not only "no".
    ['"You don\'t make deals over appointments," Hugo Lind said.', 'make deals'],
    ['"There wasn\'t some secret plot or cover-up," Hugo Lind said.', 'cover-up'],
    ['"I am not saying the rise has anything to do with the tax," Hugo Lind said.', 'anything to do with'],
    // A naming verb with a condemning word, of a claim.
    ['Hugo Lind called that suggestion "disgraceful".', 'disgraceful'],
  ])('%s', (text, words) => {
    expect(denialBy(text, words)).toBe('Hugo Lind');
  });

  it.each([
    ['"That is not what voters should have to pay," Hugo Lind said.', 'voters'],
    ['Hugo Lind said prices did not rise as expected.', 'prices'],
    ['"There are reforms which they aren\'t doing," Hugo Lind said.', 'reforms'],
    ['"We won\'t do a deal with them," Hugo Lind said.', 'deal'],
    ['"We can\'t deal with the backlog," Hugo Lind said.', 'backlog'],
    ['Hugo Lind said there was not enough evidence to charge anyone.', 'evidence'],
    ['Hugo Lind insisted the mayor should stand firm and not apologise.', 'apologise'],
    ['Hugo Lind called the ban disgraceful.', 'ban'],
  ])('not a denial: %s', (text, words) => {
    expect(denialBy(text, words)).toBeNull();
  });
});

describe('denials in the passive, after a claim noun', () => {
  it('"…, claims denied by X": X denies the claims', () => {
    expect(
      denialBy('The posters led to accusations of racism, claims denied by the Green Party.', 'claims'),
    ).toBe('Green Party');
  });
});

describe('motives and deeds denied', () => {
  it.each([
    ['Hugo Lind said the party\'s intention was not to "punish" farmers.', 'punish'],
    ['Hugo Lind added: "This is not a ploy to delay the vote."', 'ploy'],
    ['Hugo Lind said that at no time had the firm broken the rules.', 'at no time'],
    ['Hugo Lind said: "I don\'t think she was actually biased."', 'biased'],
    ['Hugo Lind said the fee did not amount to a new tax.', 'amount to'],
    ['"The rules do not equate to a ban," Hugo Lind said.', 'equate to'],
    ['"We did not do deals with the donors," Hugo Lind said.', 'deals'],
  ])('%s', (text, words) => {
    expect(denialBy(text, words)).toBe('Hugo Lind');
  });

  it.each([
    ['Hugo Lind pledged that no hospital would close.', 'hospital'],
    ['The party promised caps with the slogan: "It\'s not racist to count migrants."', 'racist'],
    ['Hugo Lind has rejected that idea, saying the costs are small.', 'idea'],
    ['Hugo Lind said: "I don\'t think we should close the library."', 'library'],
    ['Hugo Lind said: "We have no plans to raise the fare."', 'fare'],
    ['Hugo Lind said the savings would not amount to much.', 'savings'],
    [
      'Hugo Lind said few applicants had their claims heard under the current unfair system.',
      'unfair system',
    ],
  ])('not a denial: %s', (text, words) => {
    expect(denialBy(text, words)).toBeNull();
  });
});

describe('a quote that goes on from a denial', () => {
  it('a negation in the next quote of the paragraph is part of the denial', () => {
    const text =
      'Presenter Jane Hart praised the mayor, although she denied knowing him well. "I wasn\'t at his college - I only met him twice."';
    expect(denialBy(text, 'at his college')).toBe('Jane Hart');
  });

  it('without a negation, or after a speech cue, it is not', () => {
    expect(
      denialBy(
        'Presenter Jane Hart praised the mayor, although she denied knowing him well. "He is a kind man and a good mayor."',
        'kind man',
      ),
    ).toBeNull();
    expect(
      denialBy(
        'Presenter Jane Hart praised the mayor. "I wasn\'t at his college - I only met him twice."',
        'college',
      ),
    ).toBeNull();
  });
});

describe('an answer that opens with "No"', () => {
  it('"No," and then a say of its own contradicts what was put', () => {
    expect(
      denialBy(
        'The mayor asked if she was a spy. Ms Ada Lind replied: "No, I am a teacher and I live in Leeds."',
        'teacher',
      ),
    ).toBe('Ada Lind');
  });

  it('a bare "No", "No-one …" and "No one …" are not denials', () => {
    expect(
      denialBy('Asked if he would stand again, Hugo Lind replied: "No. Definitely not."', 'Definitely'),
    ).toBeNull();
    expect(
      denialBy('Hugo Lind said: "No-one will lose their vote in this election."', 'lose their vote'),
    ).toBeNull();
    expect(
      denialBy('Hugo Lind said: "No one will lose their vote in this election."', 'lose their vote'),
    ).toBeNull();
  });
});

describe('wire-copy words that call a claim false', () => {
  it.each([
    ['Kremlin spokesman Ivan Sokol said the reports were "pure propaganda".', 'propaganda', 'Ivan Sokol'],
    ['"This is slander," Senator Ana Ruiz said of the report.', 'slander', 'Ana Ruiz'],
    ['Senator Ana Ruiz called the allegations a "witch-hunt".', 'witch-hunt', 'Ana Ruiz'],
  ])('%s', (text, words, speaker) => {
    expect(denialBy(text, words)).toBe(speaker);
  });

  it.each([
    ['Senator Ana Ruiz said the slander laws would be reformed.', 'slander laws'],
    ['Senator Ana Ruiz said propaganda posters had been put up in the town.', 'posters'],
  ])('not a denial: %s', (text, words) => {
    expect(denialBy(text, words)).toBeNull();
  });
});
