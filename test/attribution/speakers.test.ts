/**
 * Speaker quality: descriptions that resolve to the person the article
 * titles so, offices that are not the same office, and words that are not
 * speakers. Every sentence here is made up.
 */
import { describe, expect, it } from 'vitest';
import { about, extract } from './helpers.ts';

function speakerOf(text: string, words: string): string {
  const hits = about(extract(text), words);
  expect(hits.length, `a statement containing "${words}"`).toBeGreaterThan(0);
  return hits[0]!.speaker.name;
}

describe('descriptions of an office-holder', () => {
  it('a description matches the title it repeats, not a shadow or former office of the same name', () => {
    const text =
      'Shadow transport secretary Alan Crisp said the rail plan was a shambles. ' +
      'Transport Secretary Helen Marsh said the plan would cut journey times. ' +
      'The transport secretary said later that fares would be frozen.';
    expect(speakerOf(text, 'fares would be frozen')).toBe('Helen Marsh');
  });

  it('a capitalised word of the description must be among the title words', () => {
    const text =
      'Green Party leader Ruth Dalby said the levy was unfair. ' +
      'Mr Pollard has been under pressure over his business links. ' +
      'The Liberal leader insisted that his consultancy work had not influenced his votes.';
    expect(speakerOf(text, 'consultancy work')).not.toBe('Ruth Dalby');
  });

  it('a title written with capitals at a sentence start is kept whole ("Shadow home secretary …")', () => {
    const text =
      'Shadow home secretary Keith Arden said the minister should resign. ' +
      'The home secretary, Mary Fenwick, said she had done nothing wrong. ' +
      'The home secretary said she would stay in her job.';
    expect(speakerOf(text, 'stay in her job')).toBe('Mary Fenwick');
  });

  it('a prefixed title word is a title ("Tory co-chairman Ned Varley")', () => {
    const text =
      'Tory co-chairman Ned Varley said the campaign would be fought on tax. ' +
      'The Tory co-chairman also said Labour had broken its promises.';
    expect(speakerOf(text, 'broken its promises')).toBe('Ned Varley');
  });

  it('an office the text never gives anyone stands for the nearest named speaker whose role is unstated', () => {
    const text =
      'Nurses should get a pay rise this year, the health secretary has said. ' +
      'Joan Pritchard told a union conference that staff shortages were the main worry. ' +
      'She said more training places would follow.';
    expect(speakerOf(text, 'Nurses should get a pay rise')).toBe('Joan Pritchard');
  });

  it('looking back, an office goes to the latest such speaker, never ahead once someone was named', () => {
    const text =
      'Opposition leader Carl Mendes said the budget was reckless. ' +
      'Peter Lowry said the economy was strong. ' +
      'But the chancellor argued there was a case for more borrowing. ' +
      'For the nationalists, Fiona Grey said taxes should be devolved.';
    expect(speakerOf(text, 'a case for more borrowing')).toBe('Peter Lowry');

    const ahead =
      'Shadow chancellor Hugh Baird said the budget was reckless. ' +
      'The party spokesman said the cuts were too deep. ' +
      'Later, Olive Stamp said the cuts were fair.';
    expect(speakerOf(ahead, 'the cuts were too deep')).not.toBe('Olive Stamp');
  });

  it('an institution named like an office is not given to a person ("the Health and Safety Executive")', () => {
    const text =
      'Union official Dan Moyle said workers were afraid to speak. ' +
      'The Road and Rail Executive said it was reviewing its inspections.';
    expect(speakerOf(text, 'reviewing its inspections')).not.toBe('Dan Moyle');
  });
});

describe('a month or modal that is a surname', () => {
  it('"May" after a given name or an honorific is a surname, and the person speaks', () => {
    expect(speakerOf('Gloria May said the reforms were overdue.', 'reforms were overdue')).toBe('Gloria May');
    expect(speakerOf('Labour councillor Anne May had said the cuts were unfair.', 'cuts were unfair')).toBe(
      'Anne May',
    );
    const text =
      'Ed Hollis said the scheme would work. ' +
      'The opposition spokeswoman, Theresa May, said: "The plan is recycled." ' +
      'She said her party would publish its own plan soon.';
    expect(speakerOf(text, 'publish its own plan')).toBe('Theresa May');
  });

  it('a date between subject and verb is still a date, and a modal stays a modal', () => {
    expect(speakerOf('Jack Hale on May 5 denied the report.', 'the report')).toBe('Jack Hale');
    const s = extract('The talks may end in May, officials said.');
    expect(s.map((x) => x.speaker.name)).not.toContain('May');
  });
});

describe('words that are not speakers', () => {
  it('a capitalised sentence opener the article also writes in lower case is not a name', () => {
    const text =
      'Flooding could double within a decade, the river agency is warning. ' +
      'Flooding warnings were ignored, it said. ' +
      'Officials said flooding defences were being built.';
    const names = extract(text).map((s) => s.speaker.name);
    expect(names).not.toContain('Flooding');
    // A name at a sentence start is still a name when the article never writes it in lower case.
    expect(
      speakerOf('Pellew said the vote was close. Pellew added that he would stand.', 'would stand'),
    ).toBe('Pellew');
  });
});

describe('a name in apposition after an inverted title', () => {
  it('"said its chief executive, Sir Martin Hale." is Martin Hale, not "executive"', () => {
    const text = 'Poorer pupils had made little progress, said its chief executive, Sir Martin Hale.';
    expect(speakerOf(text, 'little progress')).toBe('Martin Hale');
    expect(speakerOf('Fees will rise, said the chairman, Peter Lomas.', 'Fees will rise')).toBe(
      'Peter Lomas',
    );
    // A description in apposition leaves the title as the speaker.
    expect(speakerOf('Fees will rise, said the chairman, a former banker.', 'Fees will rise')).toBe(
      'chairman',
    );
  });
});

describe('documents and common nouns that open a sentence', () => {
  it('a finding produced "by" a named body speaks for that body', () => {
    const text =
      'The Pay Commission (PC) was set up last year. ' +
      'Research conducted by the Pay Commission last year revealed that most staff think the gap is fair.';
    expect(speakerOf(text, 'most staff think')).toBe('Pay Commission');
    expect(speakerOf('A study published by the Home Office said that burglary had fallen.', 'burglary')).toBe(
      'Home Office',
    );
    // A person who was acted on is still the speaker.
    expect(speakerOf('The man arrested by police said he was innocent.', 'innocent')).toBe('man');
  });

  it('"Research", "Regulations", "Figures" opening a sentence are never names', () => {
    const text =
      'The audit said too little was spent on flood walls. ' +
      'Regulations meant to save water are too weak, and landlords ignore them, it said. ' +
      'Research by campaigners showed that most tenants were worried, the group said.';
    const names = extract(text).map((s) => s.speaker.name);
    expect(names).not.toContain('Regulations');
    expect(names).not.toContain('Research');
  });
});

describe('names of organisations', () => {
  it('a place after an organisation word and "for" completes the name, not a country speaking', () => {
    const text = 'The Schools Funding Council for Wales said more pupils stayed on.';
    expect(speakerOf(text, 'more pupils')).toBe('Schools Funding Council for Wales');
    expect(speakerOf('The Department for Transport said fares would rise.', 'fares')).toBe(
      'Department for Transport',
    );
  });

  it('an acronym defined in brackets is the same organisation', () => {
    const text =
      'The Rivers Improvement Programme Agency (Ripa) said the water was cleaner. ' +
      'Ripa predicts that the clean-up will take a decade.';
    expect(speakerOf(text, 'clean-up')).toBe('Rivers Improvement Programme Agency');
    const caps = 'The Fair Pay Commission (FPC) said wages rose. The FPC said the gap was closing.';
    expect(speakerOf(caps, 'gap was closing')).toBe('Fair Pay Commission');
  });
});

describe('places are not speakers', () => {
  it('a building or street ("Carver Tower", "Mill Street") never speaks; "Downing Street" does', () => {
    const text =
      'Auditors visited Carver Tower on Monday. Carver Tower said it had no record of the sale. ' +
      'Mill Street said the road would close.';
    const names = extract(text).map((s) => s.speaker.name);
    expect(names).not.toContain('Carver Tower');
    expect(names).not.toContain('Mill Street');
    expect(speakerOf('Downing Street said the report was wrong.', 'report')).toBe('Downing Street');
    expect(speakerOf('The White House said the report was wrong.', 'report')).toBe('White House');
  });
});

describe('generation suffixes', () => {
  it('a bare surname joins "Donald Drake", not "Drake Jr."; "Drake Jr." joins "Donald Drake Jr."', () => {
    const text =
      'Governor Donald Drake spoke on Monday. Drake Jr. released the emails. ' +
      'Drake has dismissed any talk of a cover-up.';
    expect(speakerOf(text, 'cover-up')).toBe('Donald Drake');
    const both =
      'Donald Drake Jr. released the emails. Governor Donald Drake said on Monday he was proud. ' +
      'Drake Jr. said the meeting was short. Drake said the press was unfair.';
    expect(speakerOf(both, 'meeting was short')).toBe('Donald Drake Jr.');
    expect(speakerOf(both, 'press was unfair')).toBe('Donald Drake');
  });
});

describe('a quote told to an addressee', () => {
  it('"He told Ms Lowe:" is the first minister the previous sentence names, not the addressee or a journalist', () => {
    const text =
      'First Minister Jack Dunn spoke to pupils on Monday. ' +
      'Political editor Hamish Reid said the remark was foolish. ' +
      'Opposition leader Ann Lowe wrote to Mr Dunn on Tuesday accusing him of an error. ' +
      'In a furious response, the first minister said his words had been twisted. ' +
      'He told Ms Lowe: "It is sad that you have added to this distortion."';
    expect(speakerOf(text, 'words had been twisted')).toBe('Jack Dunn');
    expect(speakerOf(text, 'It is sad')).toBe('Jack Dunn');
  });
});

describe('titles written beside a name', () => {
  it('"Labour MP Alan Hale" is Alan Hale, and "Tom Raeburn MSP" is Tom Raeburn', () => {
    expect(speakerOf('Labour MP Alan Hale said fees were high.', 'fees were high')).toBe('Alan Hale');
    expect(speakerOf('Tom Raeburn MSP said: "We found more money for schools."', 'more money')).toBe(
      'Tom Raeburn',
    );
    expect(speakerOf('Euro MP Rita Kell said she would stand.', 'would stand')).toBe('Rita Kell');
  });
});

describe('objects of a relative clause', () => {
  it('"Ms Ward, who presents The Daily Quiz tells Hale that …" is Ms Ward, not the programme', () => {
    const text = 'Ms Ward, who presents The Daily Quiz tells Hale that she despaired at his image.';
    expect(speakerOf(text, 'despaired')).toBe('Ward');
  });
});

describe('a common noun opening a sentence', () => {
  it('people in office speak as a description even when the article also writes the word in lower case', () => {
    const st = extract(
      'Officials deny rail fares will rise. The union called on officials to publish the figures.',
    );
    const hit = about(st, 'rail fares')[0]!;
    expect(hit.speaker.name).toBe('Officials');
    expect(hit.speaker.described).toBe(true);
    expect(hit.denial).toBe(true);
  });

  it('other common nouns do not speak', () => {
    const st = extract('Research suggests fares will rise. The research was paid for by the union.');
    expect(about(st, 'fares will rise')).toEqual([]);
  });
});
