/**
 * Each hard case from issue 3, pinned with fresh sentences of the same shape
 * (none of them taken from the seed articles).
 */
import { describe, expect, it } from 'vitest';
import { about, extract, only, summary } from './helpers.ts';

describe('where the attribution sits', () => {
  it('after the quote: "Q," X said', () => {
    const text = '"The budget will be balanced by next spring," finance minister Olaf Brandt said.';
    const s = only(extract(text), 'budget will be balanced');
    expect(s.kind).toBe('direct');
    expect(s.text.text).toBe('The budget will be balanced by next spring');
    expect(s.speaker.name).toBe('Olaf Brandt');
    expect(s.speaker.title).toBe('finance minister');
    expect(s.cue?.text).toBe('said');
    expect(s.speaker.mention?.text).toBe('finance minister Olaf Brandt');
  });

  it('verb first after the quote: "Q," said X', () => {
    const s = only(
      extract('"We expect a long winter," said Maria Lopez, a regional planner.'),
      'long winter',
    );
    expect(s.speaker.name).toBe('Maria Lopez');
    expect(s.cue?.text).toBe('said');
  });

  it('before the quote with a colon: X said: Q', () => {
    const s = only(extract('Mayor Dana Whitfield said: "The bridge reopens on Monday."'), 'bridge reopens');
    expect(s.kind).toBe('direct');
    expect(s.speaker.name).toBe('Dana Whitfield');
  });

  it('around the quote: "Q1," X said, "Q2."', () => {
    const text = '"The harvest was poor," farmer Ivan Petrov said, "and prices will rise again."';
    const st = extract(text);
    expect(only(st, 'harvest was poor').speaker.name).toBe('Ivan Petrov');
    expect(only(st, 'prices will rise').speaker.name).toBe('Ivan Petrov');
  });

  it('"X told reporters" with the quote before it', () => {
    const s = only(
      extract('"Talks will resume next week," Senator Ruth Okafor told reporters on Tuesday.'),
      'Talks will',
    );
    expect(s.speaker.name).toBe('Ruth Okafor');
    expect(s.cue?.text).toBe('told');
  });

  it('"X claimed that …" as indirect speech, without "that"', () => {
    const st = extract('The company chief, Henrik Sand, claimed that sales had doubled in Asia.');
    const s = only(st, 'sales had doubled');
    expect(s.kind).toBe('indirect');
    expect(s.text.text).toBe('sales had doubled in Asia');
    expect(s.speaker.name).toBe('Henrik Sand');
  });

  it('"concluded the spokesman": verb-first after a quote and a dash', () => {
    const text =
      'Railway spokesman Tomas Berg spoke on Monday.\n\n“We will fix the tracks”, –  he said.  – “The trains will run on time”, –  concluded the railway spokesman.';
    const st = extract(text);
    expect(only(st, 'fix the tracks').speaker.name).toBe('Tomas Berg');
    const last = only(st, 'trains will run');
    expect(last.speaker.name).toBe('Tomas Berg');
    expect(last.speaker.mention?.text).toBe('the railway spokesman');
    expect(last.cue?.text).toBe('concluded');
  });

  it('"according to X"', () => {
    const s = only(
      extract('The factory will close in May, according to union leader Paul Mendes.'),
      'factory will close',
    );
    expect(s.kind).toBe('indirect');
    expect(s.speaker.name).toBe('Paul Mendes');
  });

  it('material between subject and verb: ", in turn,", adverbs, appositions', () => {
    const st = extract(
      'Dr. Lena Ortiz, in turn, said the vaccine trial was "encouraging". Professor Amal Haddad firmly rejected the findings. Kofi Mensah, the harbour master, said the port would stay open.',
    );
    // The partial quote is reported once, inside its clause (issue 9).
    const encouraging = only(st, 'encouraging');
    expect(encouraging.kind).toBe('indirect');
    expect(encouraging.quotes?.map((q) => q.text)).toEqual(['encouraging']);
    expect(encouraging.speaker.name).toBe('Lena Ortiz');
    expect(only(st, 'the findings').speaker.name).toBe('Amal Haddad');
    expect(only(st, 'port would stay open').speaker.name).toBe('Kofi Mensah');
  });

  it('subjects behind modifiers, "a spokesman for X", abbreviated places and "Said X,"', () => {
    const st = extract(
      [
        'A senior aide speaking to the Tribune said, "The vote is lost."',
        '"Talks are off," a spokeswoman for the dockers union said.',
        'Mia Holt, 31, of Tulsa, Okla., said the shelter had closed.',
        'Said Ortega, "We will appeal."',
        '"I have not decided," said undecided voter Lena Park of Dover.',
      ].join('\n\n'),
    );
    expect(only(st, 'vote is lost').speaker.mention?.text).toBe('A senior aide');
    expect(only(st, 'Talks are off').speaker.mention?.text).toBe('a spokeswoman for the dockers union');
    expect(only(st, 'shelter had closed').speaker.name).toBe('Mia Holt');
    expect(only(st, 'will appeal').speaker.name).toBe('Ortega');
    expect(only(st, 'not decided').speaker.name).toBe('Lena Park');
  });

  it('a fronted clause naming someone else does not give the speaker', () => {
    const text =
      'Meeting in Geneva with her German counterpart Karl Vogt, Spanish Foreign Minister Elena Ruiz said Spain has never supported the embargo.';
    const s = only(extract(text), 'never supported');
    expect(s.speaker.name).toBe('Elena Ruiz');
    expect(s.speaker.country).toBe('ES');
  });
});

describe('quote marks', () => {
  it('a quote of several sentences attributed only at its end', () => {
    const s = only(
      extract('"The dam is safe. Engineers checked it twice. Nobody should panic," the governor said.'),
      'dam is safe',
    );
    expect(s.text.text).toBe('The dam is safe. Engineers checked it twice. Nobody should panic');
    expect(s.kind).toBe('direct');
  });

  it('news style: the mark reopens each paragraph and closes only at the end', () => {
    const text =
      'Coach Aldo Ferri was upbeat after the match.\n\n"We played with courage tonight.\n\n"The young players showed what they can do," Ferri said.';
    const st = extract(text);
    expect(only(st, 'courage tonight').speaker.name).toBe('Aldo Ferri');
    expect(only(st, 'young players').speaker.name).toBe('Aldo Ferri');
  });

  it('an unclosed quote after a clause is cut at the sentence end', () => {
    const text =
      'The agency says that the virus, first seen in bats, “has spread to at least nine countries. Officials met in Rome on Friday to plan a response.';
    const st = extract(text);
    expect(only(st, 'nine countries').quotes?.map((q) => q.text)).toEqual([
      'has spread to at least nine countries.',
    ]);
    expect(about(st, 'Officials met in Rome')).toEqual([]);
  });

  it('straight and curly marks mixed in one quote', () => {
    const s = only(
      extract('"Our rivers are cleaner than ever,” environment secretary Joan Achebe said.'),
      'rivers',
    );
    expect(s.text.text).toBe('Our rivers are cleaner than ever');
    expect(s.speaker.name).toBe('Joan Achebe');
  });

  it('two quotes in one segment joined by dashes', () => {
    const text =
      'Port authority chief Nils Dahl spoke to the press.\n\n“The strike cost us millions”, –  he said.  – “I hope the unions return to talks”, –  Dahl added.';
    const st = extract(text);
    expect(only(st, 'strike cost').speaker.name).toBe('Nils Dahl');
    expect(only(st, 'return to talks').speaker.name).toBe('Nils Dahl');
    expect(only(st, 'return to talks').cue?.text).toBe('added');
  });

  it("archive-style doubled apostrophes ('') and backticks work as quote marks", () => {
    const st = extract(
      "''The mill will reopen in spring,'' owner Tessa Grund said. ``We hired forty people,'' she added.",
    );
    expect(only(st, 'mill will reopen').speaker.name).toBe('Tessa Grund');
    expect(only(st, 'forty people').speaker.name).toBe('Tessa Grund');
  });

  it('British single quotes, without mistaking apostrophes for them', () => {
    const st = extract('‘The dockers’ union will not back down,’ organiser Niamh Kelly said. It’s late.');
    const s = only(st, 'dockers');
    expect(s.text.text).toBe('The dockers’ union will not back down');
    expect(s.speaker.name).toBe('Niamh Kelly');
    expect(st).toHaveLength(1);
  });

  it('a quoted title is not a partial quote; a fronted time phrase is not content', () => {
    const st = extract(
      'Senator Ada Voss told "Good Morning America" that the bill would pass. At one point, a heckler shouted, "Shame on you!"',
    );
    expect(about(st, 'Good Morning America')).toEqual([]);
    expect(only(st, 'bill would pass').speaker.name).toBe('Ada Voss');
    expect(about(st, 'At one point')).toEqual([]);
    expect(only(st, 'Shame on you').kind).toBe('direct');
  });

  it('scare quotes are not statements', () => {
    const text =
      'Berlin, which has pursued a policy of "strategic patience” toward the region for years, opened a new consulate. The "green deal” remains popular with voters.';
    expect(summary(extract(text))).toEqual([]);
  });
});

describe('who', () => {
  it('a pronoun resolves to the last named person outside the quotes', () => {
    const text =
      '"We will not sell the club," owner Rafael Duarte said.\n\n"Nobody can replace the great coach Bill Shankly," he said.';
    const s = only(extract(text), 'Nobody can replace');
    expect(s.speaker.name).toBe('Rafael Duarte');
    expect(s.speaker.mention?.text).toBe('he');
  });

  it('a definite description resolves to the named person', () => {
    const text =
      'Norwegian Health Ministry spokesman Even Lund spoke on Monday. "Hospitals are ready," said the Norwegian Health Ministry spokesman.';
    const s = only(extract(text), 'Hospitals are ready');
    expect(s.speaker.name).toBe('Even Lund');
    expect(s.speaker.country).toBe('NO');
  });

  it('surnames and near-miss spellings join the full name', () => {
    const text =
      'Interior Secretary Marta Kowalski visited the camp. "The camp needs doctors," Kowalski said. "Supplies arrive tomorrow," Kowalsky told aid workers.';
    const st = extract(text);
    expect(only(st, 'needs doctors').speaker.name).toBe('Marta Kowalski');
    expect(only(st, 'Supplies arrive').speaker.name).toBe('Marta Kowalski');
    expect(only(st, 'Supplies arrive').speaker.mention?.text).toBe('Kowalsky');
  });

  it('titles are kept apart from names', () => {
    const s = only(extract('"The reform passed," Deputy Prime Minister Yuki Sato said.'), 'reform passed');
    expect(s.speaker.name).toBe('Yuki Sato');
    expect(s.speaker.title).toBe('Deputy Prime Minister');
  });

  it('coordinated subjects make one statement each, as states', () => {
    const st = extract(
      'Egypt, Jordan and Morocco rejected on Monday the claims that they had closed their borders.',
    );
    const speakers = st
      .filter((s) => s.text.text.includes('claims'))
      .map((s) => [s.speaker.name, s.speaker.kind, s.speaker.country]);
    expect(speakers).toEqual([
      ['Egypt', 'state', 'EG'],
      ['Jordan', 'state', 'JO'],
      ['Morocco', 'state', 'MA'],
    ]);
  });

  it('the same person gets the same name in two documents', () => {
    const a = only(extract('"Prices will fall," central bank governor Ana Reyes said.'), 'Prices will fall');
    const b = only(extract('Ana Reyes said that prices would fall.'), 'prices would fall');
    expect(a.speaker.name).toBe(b.speaker.name);
  });
});

describe('country', () => {
  it('comes from a demonym in the title', () => {
    expect(
      only(extract('"Trade is growing," Japanese Trade Minister Ken Ito said.'), 'Trade is growing').speaker
        .country,
    ).toBe('JP');
  });

  it('comes from an institutional alias', () => {
    expect(
      only(extract('"No decision has been taken," Pentagon spokesman Ray Cole said.'), 'No decision').speaker
        .country,
    ).toBe('US');
    expect(
      only(extract('"That is a provocation," Kremlin aide Oleg Markov said.'), 'provocation').speaker.country,
    ).toBe('RU');
  });

  it('comes from the institution a title names, mentioned earlier', () => {
    const text =
      'Turkey\'s Foreign Ministry issued a statement on Sunday.\n\n"We were not consulted," ministry spokesman Cem Aydin said.';
    expect(only(extract(text), 'not consulted').speaker.country).toBe('TR');
  });

  it('comes from a description later in the document', () => {
    const text =
      'Petra Novak said the talks had failed.\n\nThe Czech foreign minister Petra Novak later flew home.';
    expect(only(extract(text), 'talks had failed').speaker.country).toBe('CZ');
  });

  it('never from a venue or from the reported content', () => {
    const st = extract(
      'Speaking at a summit in Paris, Adele Grant said hackers from Brazil had attacked the network. "Moscow is behind this," she said at a briefing in Tokyo.',
    );
    expect(only(st, 'hackers from Brazil').speaker.country).toBeNull();
    expect(only(st, 'Moscow is behind').speaker.country).toBeNull();
  });
});

describe('denial', () => {
  it('explicit verbs and words', () => {
    const st = extract(
      'The ministry denied that it had hidden the report. Colonel Ahmed Saleh dismissed the allegations as "baseless". Senator Grace Obi called the accusation unfounded.',
    );
    expect(only(st, 'hidden the report').denial).toBe(true);
    expect(only(st, 'baseless').denial).toBe(true);
    expect(only(st, 'baseless').quotes?.map((q) => q.text)).toEqual(['baseless']);
    expect(only(st, 'accusation unfounded').denial).toBe(true);
  });

  it('negation on the speaker’s own side', () => {
    const st = extract(
      '"Canada has never spied on its allies," Canadian defence minister Luc Gagnon said. "We have no interest in their elections," he added.',
    );
    expect(only(st, 'never spied').denial).toBe(true);
    expect(only(st, 'no interest').denial).toBe(true);
  });

  it('a counter-accusation is not a denial', () => {
    const s = only(
      extract('"Britain has meddled in our affairs for decades," Argentine official Rosa Vidal said.'),
      'meddled',
    );
    expect(s.denial).toBe(false);
  });

  it('a negation about the other side is not a denial', () => {
    const s = only(
      extract('"Germany has not paid its share," French budget minister Louis Martin said.'),
      'not paid',
    );
    expect(s.denial).toBe(false);
  });
});

describe('denial: what does not count', () => {
  it('refusals, focus particles, indifference about people and other people’s denials', () => {
    const st = extract(
      [
        'The consulate denied them entry visas, officer Pia Lund said.',
        '"All of us, not just the mayor, have a responsibility to help," councillor Omar Reyes said.',
        '"He doesn\'t matter to me at all," coach Ivo Stan said.',
        '"We do not plan to take part in the tender," a spokesman for builder Kestrel said.',
      ].join('\n\n'),
    );
    expect(summary(st).filter((x) => x.includes('|true|'))).toEqual([]);
  });

  it('a charge "which the council denies" is the council\'s denial, not the accusers\' (issue 9)', () => {
    const st = extract('Activists accused the mayor of hiding the audit, a charge which the council denies.');
    expect(summary(st).filter((x) => x.includes('|true|'))).toEqual(['indirect|council|null|true|a charge']);
  });

  it('but "denied any role", "dismissed X as absurd" and "never said that" count', () => {
    const st = extract(
      [
        'The airline denied any role in the data breach.',
        'Minister Aino Virtanen dismissed the whole affair as "absurd".',
        '"I never said that to the committee," senator Bo Lind told reporters.',
      ].join('\n\n'),
    );
    expect(only(st, 'any role').denial).toBe(true);
    expect(only(st, 'whole affair', 'indirect').denial).toBe(true);
    expect(only(st, 'never said').denial).toBe(true);
  });
});

describe('not statements', () => {
  it('a bare reference to a statement, and narrative without a cue', () => {
    const text =
      'She made this remark at a press conference on Thursday. The bank’s warning came a week later. Airlines have cut flights to the island.';
    expect(summary(extract(text))).toEqual([]);
  });

  it('"made a statement that" is a statement', () => {
    const s = only(
      extract('On Monday the insurer Allcover made a statement that premiums would rise.'),
      'premiums would rise',
    );
    expect(s.speaker.name).toBe('Allcover');
  });
});

describe('front matter', () => {
  it('looks only at the body, with offsets into the whole text', () => {
    const text = '---\ntitle: "He said nothing"\n---\n"The river is rising," ranger Tim Hale said.\n';
    const body = text.indexOf('"The river');
    const st = extract(text, body);
    expect(st).toHaveLength(1);
    expect(st[0]!.text.start).toBeGreaterThan(body);
  });
});
